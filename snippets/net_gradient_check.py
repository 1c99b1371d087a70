"""The gradient check of the hand-written network, as a table.

For each weight array of net_two_layer.py: its shape, the size of its
gradient, and the largest relative error of the hand-written gradient
against torch autograd and against central finite differences. The forward
and backward functions are copied unchanged from net_two_layer.py (a
program stands alone; tests/test_networks.py checks that the copy is exact).
"""

# %% net_two_layer.py's data, weights, forward and backward
import numpy as np
import torch

rng = np.random.default_rng(0)
N, K = 100, 16  # samples, hidden units
X = rng.uniform(-3, 3, size=(N, 1))  # (N, 1)
noise = 0.1  # the standard deviation of the noise
Y = np.sin(X) + noise * rng.normal(size=(N, 1))  # (N, 1)
params = {
    "W1": rng.normal(size=(1, K)),  # (1, K)
    "b1": np.zeros(K),  # (K,)
    "W2": rng.normal(size=(K, 1)) / np.sqrt(K),  # (K, 1)
    "b2": np.zeros(1),  # (1,)
}


def forward(p, X):
    z = X @ p["W1"] + p["b1"]  # (N, 1) @ (1, K) + (K,) -> (N, K)
    h = np.tanh(z)  # (N, K): the hidden layer's activations
    y_pred = h @ p["W2"] + p["b2"]  # (N, K) @ (K, 1) + (1,) -> (N, 1)
    return y_pred, h  # h is the cache the backward pass needs


def backward(p, X, Y, y_pred, h):
    d_y_pred = 2 / len(X) * (y_pred - Y)  # (N, 1): dL/dy_pred
    grads = {
        "W2": h.T @ d_y_pred,  # (K, N) @ (N, 1) -> (K, 1)
        "b2": d_y_pred.sum(axis=0),  # (1,): b2 is added to every row
    }
    d_h = d_y_pred @ p["W2"].T  # (N, 1) @ (1, K) -> (N, K)
    d_z = d_h * (1 - h**2)  # (N, K): tanh'(z) = 1 - tanh(z)^2
    grads["W1"] = X.T @ d_z  # (1, N) @ (N, K) -> (1, K)
    grads["b1"] = d_z.sum(axis=0)  # (K,)
    return grads


def loss_of(p):
    return ((forward(p, X)[0] - Y) ** 2).mean()


def relative_error(a, b):  # elementwise |a - b| / (|a| + |b|), the largest
    return (abs(a - b) / np.maximum(abs(a) + abs(b), 1e-12)).max()


# %% The three gradients of every weight, and the rows of the table
by_hand = backward(params, X, Y, *forward(params, X))
t = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
y_torch = torch.tanh(torch.tensor(X) @ t["W1"] + t["b1"]) @ t["W2"] + t["b2"]
((y_torch - torch.tensor(Y)) ** 2).mean().backward()
step = 1e-6  # the finite-difference step h
rows = []
for k, v in params.items():
    fd = np.zeros_like(v)
    for i in np.ndindex(v.shape):  # nudge one weight at a time
        v[i] += step
        up = loss_of(params)
        v[i] -= 2 * step
        down = loss_of(params)
        v[i] += step
        fd[i] = (up - down) / (2 * step)
    to_autograd = relative_error(by_hand[k], t[k].grad.numpy())
    # Against autograd only float64 rounding is left, and its digits depend on
    # the CPU: show the bound, not the digits.
    rows.append([k, str(v.shape), f"{abs(by_hand[k]).max():.3f}",
                 "< 1e-13" if to_autograd < 1e-13 else f"{to_autograd:.0e}",
                 f"{relative_error(by_hand[k], fd):.0e}"])
header = ["weights", "shape", "max |grad|", "vs autograd", "vs finite diff."]
for row in [header, *rows]:
    print(f"{row[0]:8} {row[1]:8} {row[2]:>10} {row[3]:>12} {row[4]:>16}")

