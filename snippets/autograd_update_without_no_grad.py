"""Updating w in place without torch.no_grad(): autograd raises RuntimeError."""

# %% One step, up to the update
import torch

X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)
w = torch.tensor(0.0, requires_grad=True)
lr = 0.01

loss = ((w * X - Y) ** 2).mean()
loss.backward()

# %% w is a leaf that requires grad: PyTorch refuses to change it in place
# while recording
try:
    w -= lr * w.grad  # forgot: with torch.no_grad():
except RuntimeError as error:
    print(f"RuntimeError: {error}")

# %% The fix: the update is not part of the model
with torch.no_grad():
    w -= lr * w.grad
print(w)
