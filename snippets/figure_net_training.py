"""Figure: the network of net_torch.py as it trains, fit and losses.

Top: the fitted curve after a few epochs, over the training and validation
samples. Bottom: the training and validation loss after every epoch.
The data, model, seeds and loop are those of net_torch.py.
Saves `net_training.svg` in the working folder.
"""

# %% net_torch.py's data, split, model and mini-batches
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

torch.set_num_threads(1)  # tiny tensors: one thread wastes no time on hand-offs
rng = np.random.default_rng(0)
N, K = 100, 16  # samples, hidden units
X = rng.uniform(-3, 3, size=(N, 1))
noise = 0.1  # the standard deviation of the noise
Y = np.sin(X) + noise * rng.normal(size=(N, 1))
X = torch.tensor(X, dtype=torch.float32)  # (N, 1)
Y = torch.tensor(Y, dtype=torch.float32)  # (N, 1)
torch.manual_seed(0)  # the split and the initial weights
order = torch.randperm(N)
train, val = order[:80], order[80:]
model = nn.Sequential(nn.Linear(1, K), nn.Tanh(), nn.Linear(K, 1))
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
batches = DataLoader(TensorDataset(X[train], Y[train]), batch_size=16,
                     shuffle=True, generator=torch.Generator().manual_seed(0))

# %% Train, keeping the losses of every epoch and the fit at a few epochs
grid = torch.linspace(-3, 3, 200).reshape(-1, 1)  # where to draw the fit
snapshots = {}  # epochs trained -> predictions on the grid
losses = {"training": [], "validation": []}
n_epochs = 100
for epoch in range(n_epochs + 1):
    if epoch:  # epoch 0 is the untrained network
        model.train()
        for X_batch, Y_batch in batches:
            loss = loss_fn(model(X_batch), Y_batch)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    model.eval()
    with torch.no_grad():
        losses["training"].append(loss_fn(model(X[train]), Y[train]).item())
        losses["validation"].append(loss_fn(model(X[val]), Y[val]).item())
        if epoch in (0, 5, 20, n_epochs):
            snapshots[epoch] = model(grid).squeeze(1)
for name, curve in losses.items():
    print(f"{name} loss after {n_epochs} epochs: {curve[-1]:.4f}")

# %% Two panels: the fit, then the losses
GREY = "#8a8a8a"  # text and axes, readable on light and dark pages
plt.rcParams.update({"text.color": GREY, "axes.labelcolor": GREY,
                     "axes.edgecolor": GREY, "xtick.color": GREY,
                     "ytick.color": GREY, "font.size": 12,
                     "legend.fontsize": 12, "legend.frameon": False})
fig, (top, bottom) = plt.subplots(2, 1, figsize=(6.4, 7))
top.plot(X[train], Y[train], "o", color=GREY, ms=3, label="training")
top.plot(X[val], Y[val], "s", color="#4e9be6", ms=4, label="validation")
for (epoch, fit), color in zip(snapshots.items(),
                               ["#9467bd", "#e0762b", "#c2449a", "#2ca02c"]):
    top.plot(grid, fit, color=color, lw=2, label=f"{epoch} epochs")
top.set_xlabel("x")
top.set_ylabel("y")
top.set_ylim(-1.5, 2.1)  # room for the legend above the data
top.legend(ncol=3, loc="upper center", columnspacing=1)
epochs = range(n_epochs + 1)
bottom.plot(epochs, losses["training"], color=GREY, lw=2, label="training")
bottom.plot(epochs, losses["validation"], color="#4e9be6", lw=2, ls="--",
            label="validation")
bottom.set_yscale("log")
bottom.set_xlabel("epoch")
bottom.set_ylabel("loss (MSE)")
bottom.legend()
fig.tight_layout()
title = "Noisy-sine fit after 0, 5, 20, 100 epochs; training, validation loss"
fig.savefig("net_training.svg", transparent=True, bbox_inches="tight",
            metadata={"Title": title, "Date": None})
