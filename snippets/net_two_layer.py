"""A network with one hidden layer, backprop written by hand in NumPy.

The forward pass keeps every intermediate (the cache); the backward pass
walks the layers in reverse, one line per local gradient, with the shapes
beside each line. The gradients are checked against torch autograd and
finite differences before the network is trained on a noisy sine.
"""

# %% Data: a noisy sine, seeded
import numpy as np
import torch

rng = np.random.default_rng(0)
N, K = 100, 16  # samples, hidden units
X = rng.uniform(-3, 3, size=(N, 1))  # (N, 1)
noise = 0.1  # the standard deviation of the noise
Y = np.sin(X) + noise * rng.normal(size=(N, 1))  # (N, 1)

# Random weights of order 1: the units' S-shapes spread over the data
params = {
    "W1": rng.normal(size=(1, K)),  # (1, K)
    "b1": np.zeros(K),  # (K,)
    "W2": rng.normal(size=(K, 1)) / np.sqrt(K),  # (K, 1): / sqrt(K) keeps
    # the sum of K hidden units' contributions of order 1, not sqrt(K)
    "b2": np.zeros(1),  # (1,)
}


# %% Forward and backward, layer by layer
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


# %% The check: autograd and finite differences, for every weight
y_pred, h = forward(params, X)
by_hand = backward(params, X, Y, y_pred, h)
# The same forward pass with torch tensors, for autograd to differentiate
t = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
y_torch = torch.tanh(torch.tensor(X) @ t["W1"] + t["b1"]) @ t["W2"] + t["b2"]
((y_torch - torch.tensor(Y)) ** 2).mean().backward()


def relative_error(a, b):  # elementwise |a - b| / (|a| + |b|), the largest
    return (abs(a - b) / np.maximum(abs(a) + abs(b), 1e-12)).max()


step = 1e-6  # the finite-difference step h
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
    to_fd = relative_error(by_hand[k], fd)
    # Against autograd only float64 rounding is left, and its digits depend on
    # the CPU: print the bound, not the digits.
    vs_autograd = "< 1e-13" if to_autograd < 1e-13 else f"{to_autograd:.0e}"
    print(f"{k} {str(v.shape):8} largest relative error: vs autograd "
          f"{vs_autograd}, vs finite diff. {to_fd:.0e}")

# %% Training: full-batch gradient descent
learning_rate = 0.05
n_iters = 2000
for epoch in range(n_iters):
    y_pred, h = forward(params, X)  # 1. predict
    loss = ((y_pred - Y) ** 2).mean()  # 2. loss
    grads = backward(params, X, Y, y_pred, h)  # 3. gradient
    for k in params:
        params[k] -= learning_rate * grads[k]  # 4. update
    if epoch % 400 == 0:
        print(f"epoch {epoch + 1}: loss = {loss:.4f}")
print(f"after training: loss = {loss_of(params):.4f}")
