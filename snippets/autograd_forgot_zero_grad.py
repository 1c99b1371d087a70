"""Forgetting w.grad.zero_(): each step uses the sum of all gradients so far.

backward() adds into w.grad; nothing resets it.
"""

# %% The loop of this chapter, with w.grad.zero_() left out
import torch

X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)
w = torch.tensor(0.0, requires_grad=True)
lr = 0.01
n_iters = 100

for epoch in range(n_iters):
    loss = ((w * X - Y) ** 2).mean()  # 1. predict, 2. loss
    # This step's own gradient, by chapter 2's formula, to compare
    # (w.detach(): the same number as w, but outside the graph)
    fresh = (2 * X * (w.detach() * X - Y)).mean()
    loss.backward()  # 3. gradient: added to what w.grad holds

    # Printed before the update: w and the loss it gave, on the same line
    if epoch < 4:  # step by step
        print(f"epoch {epoch + 1}: w = {w:.3f}, "
              f"this step's gradient = {fresh:8.3f}, w.grad = {w.grad:8.3f}")
    elif epoch % 10 == 9:  # then every 10th epoch
        print(f"epoch {epoch + 1}: w = {w:.3f}, loss = {loss:.8f}")

    with torch.no_grad():  # 4. update
        w -= lr * w.grad
    # w.grad.zero_()  <- forgotten
