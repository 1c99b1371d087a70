"""Tensors: shape ([], [4], [4, 1]), dtype, .item(), and broadcasting."""

# %% Three shapes: one number, a row of four, a column of four
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
# a float from a floating-point tensor, an int from an integer one
print(type(w.item()).__name__, type(torch.tensor(3).item()).__name__)

# %% Broadcasting: [4, 1] minus [4] gives [4, 4]
y = 2 * x  # shape [4]
print(list((X - y).shape))
print(X - y)
