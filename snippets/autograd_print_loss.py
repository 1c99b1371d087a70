"""Printing a loss: "%f" % loss warns if it requires grad; .item() does not."""

# %%
import textwrap
import warnings

import torch

# PyTorch shows this warning once per process. Ask for it every time, so that
# this program shows it even if something that ran before it in the same
# Python already did.
warn_always = torch.is_warn_always_enabled()
torch.set_warn_always(True)

X = torch.tensor([1, 2, 3, 4, 6], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 7, 12], dtype=torch.float32)
w = torch.tensor(0.0, requires_grad=True)
Loss = ((Y - w * X) ** 2).mean()
print(Loss)

# %% As notebook 003 prints it: "%f" calls float(Loss), which warns
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print("loss = %f" % Loss)
for warning in caught:
    message = str(warning.message).splitlines()[0]
    print(textwrap.fill(f"{warning.category.__name__}: {message}", 80))

# %% The clean way: .item() asks for the number, and only the number
print("loss = %f" % Loss.item())
print(f"loss = {Loss.item():.8f}")

# An f-string with a format spec works too:
# for a one-number tensor it formats .item().
print(f"loss = {Loss:.8f}")

torch.set_warn_always(warn_always)
