"""Figure: the decision boundary of moons_numpy.py's network as it trains.

The data, weights, forward and backward passes are copied unchanged from
moons_numpy.py, trained the same way. Each panel colours the plane by the
class the network predicts there, after 0, 10, 100 and 1000 epochs, with
the boundary between the two regions and the training samples; the last
panel also marks the validation sample that the trained network misses.
Saves `moons_boundary.svg` in the working folder, and `moons_boundary.json`:
the samples and the weights after more epochs, which the explorable figure
beside this one reads (the site serves it next to the SVG).
"""

# %% moons_numpy.py's data, weights, forward and backward
import json

import matplotlib.pyplot as plt
import numpy as np
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


# %% Train as moons_numpy.py does, keeping the weights after a few epochs
lr, n_epochs = 1.0, 1000
kept = {}  # epochs trained -> a copy of the weights
to_keep = [*range(20), *range(20, 100, 5), *range(100, 300, 10),
           *range(300, n_epochs + 1, 25)]
for epoch in range(n_epochs + 1):
    if epoch in to_keep:
        kept[epoch] = {k: v.copy() for k, v in params.items()}
    if epoch == n_epochs:
        break
    Z, P, h = forward(params, X[train])
    grads = backward(params, X[train], Y[train], P, h)
    for k in params:
        params[k] -= lr * grads[k]
snapshots = {epoch: kept[epoch] for epoch in (0, 10, 100, n_epochs)}  # panels

# The plane as a grid of points: the class predicted at each one
x1, x2 = np.meshgrid(np.linspace(-1.6, 2.6, 85), np.linspace(-1.1, 1.6, 55))
grid = np.column_stack([x1.ravel(), x2.ravel()])  # (points, d)
accuracy = {}
for epoch, p in snapshots.items():
    Z = forward(p, X[train])[0]
    accuracy[epoch] = (Z.argmax(axis=1) == Y[train]).mean()
    print(f"after {epoch:4} epochs: training accuracy {accuracy[epoch]:.1%}")
Z = forward(snapshots[n_epochs], X[val])[0]
missed = val[Z.argmax(axis=1) != Y[val]]  # validation samples on the wrong side
print(f"validation samples missed after {n_epochs} epochs: {len(missed)}")

# %% Four panels: the regions, the boundary, the training samples
GREY = "#8a8a8a"  # text and axes, readable on light and dark pages
CLASS_COLORS = ["#4e9be6", "#e0762b"]  # class 0, class 1
plt.rcParams.update({"text.color": GREY, "axes.labelcolor": GREY,
                     "axes.edgecolor": GREY, "xtick.color": GREY,
                     "ytick.color": GREY, "font.size": 12})
fig, axes = plt.subplots(2, 2, figsize=(6.4, 5), sharex=True, sharey=True)
for ax, (epoch, p) in zip(axes.ravel(), snapshots.items()):
    Z = forward(p, grid)[0]
    margin = (Z[:, 1] - Z[:, 0]).reshape(x1.shape)  # > 0: class 1 predicted
    ax.contourf(x1, x2, margin, levels=[-np.inf, 0, np.inf],
                colors=CLASS_COLORS, alpha=0.25)
    ax.contour(x1, x2, margin, levels=[0], colors=GREY, linewidths=2)
    for c, color in enumerate(CLASS_COLORS):
        ax.plot(*X[train][Y[train] == c].T, "o", color=color, ms=2.5)
    ax.text(0, 1.03, f"after {epoch} epochs: {accuracy[epoch]:.1%}",
            transform=ax.transAxes, va="bottom")  # a label, not a title
    ax.set(aspect="equal", xticks=[-1, 0, 1, 2], yticks=[-1, 0, 1])
for i in missed:  # last panel: an open square, as in the data's figure
    axes[1, 1].plot(*X[i], "s", mfc="none", mec=CLASS_COLORS[Y[i]], mew=2,
                    ms=9)
    axes[1, 1].annotate("missed", X[i], xytext=(-1.55, 1.25), color=GREY,
                        arrowprops={"arrowstyle": "->", "color": GREY})
fig.supxlabel("feature 1", fontsize=12)
fig.supylabel("feature 2", fontsize=12)
fig.tight_layout()
title = "Two-moons decision boundary after 0, 10, 100 and 1000 epochs"
fig.savefig("moons_boundary.svg", transparent=True, bbox_inches="tight",
            metadata={"Title": title, "Date": None})


# %% The explorable figure's data: the samples, the weights at each epoch kept
weights = [{k: [float(f"{x:.10g}") for x in v.ravel()] for k, v in p.items()}
           for p in kept.values()]  # 10 significant digits: the same scores
data = {"X": X.tolist(), "Y": Y.tolist(), "train": train.tolist(),
        "val": val.tolist(), "epochs": list(kept), "weights": weights}
with open("moons_boundary.json", "w") as file:
    json.dump(data, file, separators=(",", ":"))
