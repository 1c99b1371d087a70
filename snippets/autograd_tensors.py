"""Tensors: shape ([], [4], [4, 1]), dtype, .item(), and broadcasting."""

# %% Three shapes: one number, a row of four, a column of four
from decimal import Decimal

import torch

w = torch.tensor(2.0)  # 0-d: a single number, no axes
x = torch.tensor([1.0, 2.0, 3.0, 4.0])  # shape [4]: one axis of length 4
X = x.reshape(4, 1)  # shape [4, 1]: 4 rows (samples), 1 column (feature)
for name, t in [("w", w), ("x", x), ("X", X)]:
    print(f"{name}: shape {list(t.shape)}, dtype {t.dtype}")

# %% dtype: written with a decimal point, numbers become float32;
# without one, int64, which autograd cannot differentiate
print(torch.tensor([1, 2]).dtype)

# %% .item() turns a one-number tensor into a Python number of its kind:
# a float (a float64) from a floating-point tensor, an int from an integer one
lr = torch.tensor(0.1)  # float32 holds the nearest number it can to 0.1
print(lr.item())
print(Decimal(lr.item()))  # the exact value: the conversion added nothing
print(type(lr.item()).__name__, type(torch.tensor(3).item()).__name__)
one = torch.tensor(1.0)
print(torch.finfo(torch.float32).eps)  # the gap from 1.0 up to the next float32
print(1 - torch.nextafter(one, torch.tensor(0.0)).item())  # and down: half

# %% A format spec works on a 0-d tensor, not on shape [1]
print(f"{w:.3f}")
w1 = torch.tensor([2.0])
try:
    print(f"{w1:.3f}")
except TypeError as error:
    print(f"TypeError: {error}")
print(f"{w1.item():.3f}")  # .item() works for any one-number tensor

# %% Broadcasting: [4, 1] minus [4] gives [4, 4]
y = 2 * x  # shape [4]
print(list((X - y).shape))
print(X - y)
