"""A value used twice: two samples share w, and their gradients add at w."""

# %% Forward pass: w feeds two predictions, one per sample
import torch

x1, y1 = 1.0, 2.0
x2, y2 = 2.0, 4.0
w = torch.tensor(1.0, requires_grad=True)

loss1 = (x1 * w - y1) ** 2  # the first sample's squared error
loss2 = (x2 * w - y2) ** 2  # the second sample's
loss = loss1 + loss2  # the two paths from w merge here
print(f"loss1 = {loss1.item()}, loss2 = {loss2.item()}, loss = {loss.item()}")

# %% By hand: the chain rule along each path, 2 (x w - y) * x, then the sum
w0 = w.item()
dloss1_dw = 2 * (x1 * w0 - y1) * x1
dloss2_dw = 2 * (x2 * w0 - y2) * x2
print(f"by hand:           {dloss1_dw} + {dloss2_dw} = {dloss1_dw + dloss2_dw}")

# %% Autograd: backward() follows both paths and adds what arrives at w
loss.backward()
print(f"autograd:          {w.grad.item()}")


# %% Finite difference: nudge w, and both losses move
def total_loss(w):
    return (x1 * w - y1) ** 2 + (x2 * w - y2) ** 2


h = 1e-4
slope = (total_loss(w0 + h) - total_loss(w0 - h)) / (2 * h)
print(f"finite difference: {slope:.6f}")
