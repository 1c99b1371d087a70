"""One training step up close: graph, backward(), .grad, no_grad, zero_()."""

# %%
import torch

X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)
w = torch.tensor(0.0, requires_grad=True)
learning_rate = 0.01

# %% Forward pass: every operation on w is recorded as a node with a grad_fn
l = ((w * X - Y) ** 2).mean()
print(l)

node = l.grad_fn  # walk from the loss back to w, as in chapter 1
while node is not None:
    print(" ", type(node).__name__)
    node = next((n for n, _ in node.next_functions if n is not None), None)

# %% Backward pass: dl/dw through the recorded graph, stored in w.grad
print(w.grad)  # nothing yet
l.backward()
print(w.grad)  # (1/N) * sum of 2 x_i (w x_i - y_i) at w = 0: -30

# %% Update under no_grad: a plain step,
# not part of the graph of the next forward pass
with torch.no_grad():
    w -= learning_rate * w.grad
print(w, w.is_leaf)

# %% Reset the gradient for the next step:
# backward() adds into w.grad, it does not overwrite
w.grad.zero_()
print(w.grad)
