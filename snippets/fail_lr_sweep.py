"""A learning-rate sweep: the largest stable rate is about 2 / L''.

Chapter 2's parabola: f(x) = w x on X = [1, 2, 3, 4], Y = 2 X, curvature
L''(w) = 2 mean(x**2). The same number of steps for each learning rate:
below 2 / L'' the loss falls, above it the loss grows.
"""

# %% Chapter 2's data and loss
import numpy as np

X = np.array([1, 2, 3, 4], dtype=np.float64)
Y = np.array([2, 4, 6, 8], dtype=np.float64)
L2 = 2 * (X**2).mean()  # the curvature L''(w)
n_iters = 10  # the same number of steps for every learning rate


def loss(w):
    return ((w * X - Y) ** 2).mean()


def train(lr):
    w = 0.0
    for step in range(n_iters):
        dw = (2 * X * (w * X - Y)).mean()  # 3. gradient
        w -= lr * dw  # 4. update
    return w


print(f"2 / L''(w) = {2 / L2:.4f}; at the start, w = 0: loss = {loss(0):.0f}")

# %% The sweep: where each learning rate leaves w, and the loss of that w
print("    lr  lr L''(w)           w       loss  the loss")
rates = [0.001, 0.01, 0.03, 0.1, 0.13, 0.14, 0.3]
for lr in rates:
    w = train(lr)
    verdict = "fell" if loss(w) < loss(0) else "grew"
    print(f"{lr:6}  {lr * L2:9.3g}  {w:10.4g}  {loss(w):9.3g}  {verdict}")
