"""Learning-rate stability: gradient descent converges iff 0 < lr < 2/L.

L = 2 * mean(x**2) is the curvature of this loss.
"""

# %%
import numpy as np

X = np.array([1, 2, 3, 4], dtype=np.float32)
Y = np.array([2, 4, 6, 8], dtype=np.float32)

# The loss mean((w x - y)**2) is a parabola in w;
# its second derivative is the curvature L.
L = 2 * (X**2).mean()
print(f"L = 2 * mean(x**2) = {L:.1f}, "
      f"so gradient descent needs lr < 2 / L = {2 / L:.4f}")


def train(learning_rate, n_iters, gradient_scale=1):
    """The fixed loop of numpy_gd_fixed.py.

    gradient_scale=N gives the original's gradient.
    """
    w = 0.0
    for epoch in range(n_iters):
        y_pred = w * X
        l = ((y_pred - Y) ** 2).mean()
        dw = gradient_scale * (2 * X * (y_pred - Y)).mean()
        w -= learning_rate * dw
        if epoch % 10 == 0:
            print(f"  epoch {epoch + 1}: w = {w:.3f}, loss = {l:.8f}")
    return w


# %% Each step multiplies the distance to the minimum, w - 2, by (1 - lr * L)
for learning_rate in [0.13, 0.14]:
    print(f"lr = {learning_rate}: "
          f"each step multiplies w - 2 by {1 - learning_rate * L:.2f}")
    w = train(learning_rate, n_iters=60)

# %% The original gradient is N = 4 times too large:
# the bound is 4 times smaller.
N = len(X)
print(f"original gradient: lr must stay below 2 / (N * L) = "
      f"{2 / (N * L):.4f}")
for learning_rate in [0.03, 0.035]:
    print(f"lr = {learning_rate}: "
          f"each step multiplies w - 2 by {1 - N * learning_rate * L:.2f}")
    w = train(learning_rate, n_iters=60, gradient_scale=N)
