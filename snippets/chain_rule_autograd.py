"""Chain rule with autograd: PyTorch records the graph and runs it backwards."""

# %%
import torch

x = torch.tensor(1.0)
y = torch.tensor(2.0)

# Only w is a parameter we want a gradient for.
w = torch.tensor(1.0, requires_grad=True)

# forward pass: autograd records each operation in a graph
y_hat = x * w
loss = (y_hat - y) ** 2
print(f"loss = {loss.item()}")  # .item(): the number in a one-number tensor

# %% backward pass: dloss/dw, by the chain rule through the recorded graph
loss.backward()
print(f"dloss/dw = {w.grad.item()}")
