"""Finite-difference check: the original gradient is N = 4 times too large."""

# %%
import numpy as np

# float64 here, not float32: a finite difference subtracts two nearly
# equal losses, and float32 keeps only about seven digits of them.
X = np.array([1, 2, 3, 4], dtype=np.float64)
Y = np.array([2, 4, 6, 8], dtype=np.float64)
N = len(X)


def loss(w):
    return ((w * X - Y) ** 2).mean()


def gradient_original(w):
    # the sum; .mean() of a number is the number
    return np.dot(2 * X, w * X - Y).mean()


def gradient_fixed(w):
    return (2 * X * (w * X - Y)).mean()  # (1/N) * sum of 2 x_i (w x_i - y_i)


# %% Compare both with the slope of the loss itself, at a few values of w
h = 1e-4
for w in [0.0, 1.2, 3.0]:
    finite_difference = (loss(w + h) - loss(w - h)) / (2 * h)
    print(
        f"w = {w:.1f}: finite difference {finite_difference:10.6f}, "
        f"fixed {gradient_fixed(w):10.6f}, "
        f"original {gradient_original(w):11.6f}"
    )

# %% The ratio is the number of samples, whatever w is
print(f"original / fixed = "
      f"{gradient_original(0.0) / gradient_fixed(0.0):.1f}, N = {N}")
