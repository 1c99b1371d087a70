"""Three ways to dL/dw: chapter 2's formula, autograd, a finite difference."""

# %%
import torch

# float64 for the finite difference: it subtracts two nearly equal losses.
X = torch.tensor([1, 2, 3, 4], dtype=torch.float64)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float64)


def loss(w):
    return ((w * X - Y) ** 2).mean()


h = 1e-4
for value in [0.0, 1.2, 3.0]:
    # 1. By hand (chapter 2): (1/N) * sum of 2 x_i (w x_i - y_i)
    by_hand = (2 * X * (value * X - Y)).mean().item()

    # 2. Autograd: record the loss, run it backwards
    w = torch.tensor(value, dtype=torch.float64, requires_grad=True)
    loss(w).backward()
    autograd = w.grad.item()

    # 3. Finite difference: the slope of the loss itself, no calculus
    finite_difference = ((loss(value + h) - loss(value - h)) / (2 * h)).item()

    print(f"w = {value:.1f}: by hand {by_hand:10.6f}, "
          f"autograd {autograd:10.6f}, "
          f"finite difference {finite_difference:10.6f}")
