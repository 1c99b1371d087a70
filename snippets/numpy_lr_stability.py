"""Learning-rate stability: gradient descent converges iff 0 < lr < 2 / L''(w).

L''(w) = 2 * mean(x**2) is the curvature of this loss.
"""

# %%
import numpy as np

X = np.array([1, 2, 3, 4], dtype=np.float32)
Y = np.array([2, 4, 6, 8], dtype=np.float32)

# The loss mean((w x - y)**2) is a parabola in w;
# its second derivative L''(w) is the same at every w: the curvature.
L2 = 2 * (X**2).mean()
print(f"L''(w) = 2 * mean(x**2) = {L2:.1f}, "
      f"so gradient descent needs lr < 2 / L''(w) = {2 / L2:.4f}")


def train(lr, n_iters):
    """The loop of numpy_gd_fixed.py, logging every 20th epoch."""
    w = 0.0
    for epoch in range(n_iters):
        y_pred = w * X  # 1. predict
        loss = ((y_pred - Y) ** 2).mean()  # 2. loss
        if epoch % 20 == 0:  # w and its loss, before the update
            print(f"  epoch {epoch + 1}: w = {w:.3f}, loss = {loss:.8f}")
        dw = (2 * X * (y_pred - Y)).mean()  # 3. gradient
        w -= lr * dw  # 4. update
    return w


# %% Each step multiplies the distance to the minimum, w - 2, by 1 - lr L''
for lr in [0.13, 0.14]:
    print(f"lr = {lr}: each step multiplies w - 2 by {1 - lr * L2:.2f}")
    w = train(lr, n_iters=60)
