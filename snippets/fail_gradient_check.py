"""A gradient check catches a wrong backward pass.

Chapter 8's hidden layer, h = tanh(X W1), y_pred = h W2, with the mean
squared error. The broken backward differentiates tanh as 1 - z**2, with the
input z where the output h belongs. Central finite differences catch it, and
say which weights are wrong.
"""

# %% The network, its loss, and a backward pass written by hand
import numpy as np

rng = np.random.default_rng(0)
N, d, K = 5, 3, 4  # samples, features, hidden units
X = rng.normal(size=(N, d))  # (N, d)
Y = rng.normal(size=(N, 1))  # (N, 1)
params = {"W1": rng.normal(size=(d, K)), "W2": rng.normal(size=(K, 1))}


def loss_of(p):
    return ((np.tanh(X @ p["W1"]) @ p["W2"] - Y) ** 2).mean()


def backward(p, broken):
    z = X @ p["W1"]  # (N, K)
    h = np.tanh(z)  # (N, K)
    d_y_pred = 2 / N * (h @ p["W2"] - Y)  # (N, 1)
    d_h = d_y_pred @ p["W2"].T  # (N, K)
    d_z = d_h * (1 - z**2 if broken else 1 - h**2)  # tanh'(z) = 1 - h**2
    return {"W1": X.T @ d_z, "W2": h.T @ d_y_pred}


def relative_error(a, b):  # elementwise |a - b| / (|a| + |b|), the largest
    return (abs(a - b) / np.maximum(abs(a) + abs(b), 1e-12)).max()


# %% Central differences: nudge one weight at a time, both ways
step = 1e-6
numerical = {}
for k, v in params.items():
    numerical[k] = np.zeros_like(v)
    for i in np.ndindex(v.shape):
        v[i] += step
        up = loss_of(params)
        v[i] -= 2 * step
        down = loss_of(params)
        v[i] += step
        numerical[k][i] = (up - down) / (2 * step)

# %% Each backward pass against the finite differences
for broken in (True, False):
    by_hand = backward(params, broken)
    errors = {k: relative_error(g, numerical[k]) for k, g in by_hand.items()}
    shown = ", ".join(f"{k} {e:.0e}" if e < 0.01 else f"{k} {e:.2f}"
                      for k, e in errors.items())
    print(f"broken = {broken}: largest relative error {shown}")
