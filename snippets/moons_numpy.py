"""Two moons in NumPy: chapter 8's network with softmax cross-entropy.

The data, the split and the initial weights are those of moons_engine.py.
The backward pass is written by hand: dZ = (P - onehot(y)) / N at the
logits, then chapter 8's lines, each transpose found by the shapes. It is
checked against PyTorch's autograd, then trained full-batch.
"""

# %% The data and the initial weights of moons_engine.py
import numpy as np
import torch
from sklearn.datasets import make_moons

d, C, K = 2, 2, 8  # features, classes, hidden units
X, Y = make_moons(n_samples=200, noise=0.1, random_state=0)  # (200, d), (200,)
rng = np.random.default_rng(0)
order = rng.permutation(len(X))
train, val = order[:160], order[160:]  # 160 to train on, the rest to validate
params = {
    "W1": rng.normal(size=(d, K)),  # (d, K)
    "b1": np.zeros(K),  # (K,)
    "W2": 0.01 * rng.normal(size=(K, C)),  # (K, C): small, so logits near 0
    "b2": np.zeros(C),  # (C,)
}


# %% Forward and backward, layer by layer (N: the rows of X)
def forward(p, X):
    h = np.tanh(X @ p["W1"] + p["b1"])  # (N, d) @ (d, K) + (K,) -> (N, K)
    Z = h @ p["W2"] + p["b2"]  # (N, K) @ (K, C) + (C,) -> (N, C): logits
    E = np.exp(Z - Z.max(axis=1, keepdims=True))  # shifted, as chapter 9
    P = E / E.sum(axis=1, keepdims=True)  # (N, C): softmax, rows sum to 1
    return Z, P, h  # P and h are the cache the backward pass needs


def backward(p, X, Y, P, h):
    dZ = (P - np.eye(C)[Y]) / len(X)  # (N, C): (P - onehot(y)) / N
    grads = {
        "W2": h.T @ dZ,  # (K, N) @ (N, C) -> (K, C)
        "b2": dZ.sum(axis=0),  # (C,): b2 is added to every row
    }
    dh = dZ @ p["W2"].T  # (N, C) @ (C, K) -> (N, K)
    dz = dh * (1 - h**2)  # (N, K): tanh'(z) = 1 - tanh(z)^2
    grads["W1"] = X.T @ dz  # (d, N) @ (N, K) -> (d, K)
    grads["b1"] = dz.sum(axis=0)  # (K,)
    return grads


def loss_and_accuracy(Z, P, Y):  # mean cross-entropy, share classified right
    loss = -np.log(P[np.arange(len(Y)), Y]).mean()
    return loss, (Z.argmax(axis=1) == Y).mean()  # predicted: largest logit


# %% The check: autograd on the same weights and the same loss
Z, P, h = forward(params, X[train])
by_hand = backward(params, X[train], Y[train], P, h)
t = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
h_torch = torch.tanh(torch.tensor(X[train]) @ t["W1"] + t["b1"])
Z_torch = h_torch @ t["W2"] + t["b2"]
torch.nn.functional.cross_entropy(Z_torch, torch.tensor(Y[train])).backward()
difference = max(abs(by_hand[k] - t[k].grad.numpy()).max() for k in params)
# float64 both ways, summed in other orders: print the bound, not the digits
print("largest difference from autograd: "
      f"{'< 1e-15' if difference < 1e-15 else f'{difference:.0e}'}")

# %% Training, full-batch: measure and print, then update
lr, n_epochs = 1.0, 1000
print("epoch  training loss  accuracy  validation loss  accuracy")
for epoch in range(n_epochs + 1):
    Z, P, h = forward(params, X[train])  # 1. predict
    loss, acc = loss_and_accuracy(Z, P, Y[train])  # 2. loss
    if epoch in (0, 10, 100, 200, 500, n_epochs):  # these weights' scores
        Z_val, P_val, _ = forward(params, X[val])
        val_loss, val_acc = loss_and_accuracy(Z_val, P_val, Y[val])
        print(f"{epoch:5}  {loss:13.4f}  {acc:8.1%}  "
              f"{val_loss:15.4f}  {val_acc:8.1%}")
    if epoch == n_epochs:
        break  # the last weights are measured, not updated
    grads = backward(params, X[train], Y[train], P, h)  # 3. gradient
    for k in params:
        params[k] -= lr * grads[k]  # 4. update
