"""Updating w in place without torch.no_grad(): autograd raises RuntimeError."""

# %%
import textwrap

import torch

X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)
w = torch.tensor(0.0, requires_grad=True)
learning_rate = 0.01

l = ((w * X - Y) ** 2).mean()
l.backward()

# An in-place change of a leaf that requires grad would have to be recorded
# in its own graph.
try:
    w -= learning_rate * w.grad  # forgot: with torch.no_grad():
except RuntimeError as error:
    print(textwrap.fill(f"RuntimeError: {error}", 80))

# %% The fix: tell autograd this step is not part of the model
with torch.no_grad():
    w -= learning_rate * w.grad
print(w)
