"""w = w - lr * w.grad: the new w is no leaf, and its .grad is None.

It is computed from the old w, so autograd records it as a result.
"""

# %%
import textwrap
import warnings

import torch

X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)
w = torch.tensor(0.0, requires_grad=True)
learning_rate = 0.01

l = ((w * X - Y) ** 2).mean()
l.backward()
print(w.is_leaf, w.grad)

# Not in place: a new tensor, recorded by autograd as a result of a subtraction.
w = w - learning_rate * w.grad
print(w, w.is_leaf)

# %% The next step: backward() fills only the .grad of leaves.
# This w is not one.
l = ((w * X - Y) ** 2).mean()
l.backward()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(w.grad)
for warning in caught:  # its first two sentences say it all
    message = str(warning.message)
    first_two = message[:message.index(' If you')]
    print(textwrap.fill(f"{warning.category.__name__}: {first_two}", 80))

# %% So the original loop would stop at its next line
try:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the same warning again; shown above
        w.grad.zero_()
except AttributeError as error:
    print(f"AttributeError: {error}")
