"""Chapter 1's graph, as autograd recorded it: walk loss.grad_fn back to
the leaf w."""

# %%
import torch

x = torch.tensor(1.0)
y = torch.tensor(2.0)
w = torch.tensor(1.0, requires_grad=True)

loss = (x * w - y) ** 2
print(loss)  # grad_fn: the operation that made the loss

# Each node's next_functions are the nodes it passes gradients back to, as
# (node, index) pairs (the index matters only for nodes with several outputs).
# A None node is an input that needs no gradient (x and y here).
node, depth = loss.grad_fn, 0
while True:
    print("  " * depth + type(node).__name__)
    children = [n for n, _ in node.next_functions if n is not None]
    if not children:
        break
    node, depth = children[0], depth + 1

# %% The last node, AccumulateGrad, ends the backward pass: it adds to w.grad
print(node.variable is w)
