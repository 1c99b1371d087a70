"""Figure: the batch size against the noise of stochastic gradient descent.

The network, data and learning rate of net_torch.py, trained for a few
epochs with mini-batches of 1, 16 and all 80 training samples, from the same
initial weights. After every update the loss on the whole training set is
measured: a small batch's gradient is a noisy estimate of the full one, so
some of its steps go uphill. Saves `net_batch_noise.svg` in the working folder.
"""

# %% net_torch.py's data and split
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
X_train, Y_train = X[order[:80]], Y[order[:80]]
loss_fn = nn.MSELoss()


# %% One run per batch size: the training loss after every update
def train(batch_size, n_epochs=8):
    torch.manual_seed(1)  # the same initial weights for every batch size
    model = nn.Sequential(nn.Linear(1, K), nn.Tanh(), nn.Linear(K, 1))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    batches = DataLoader(TensorDataset(X_train, Y_train), batch_size,
                         shuffle=True,
                         generator=torch.Generator().manual_seed(0))
    curve = [loss_fn(model(X_train), Y_train).item()]
    for epoch in range(n_epochs):
        for X_batch, Y_batch in batches:
            loss = loss_fn(model(X_batch), Y_batch)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            with torch.no_grad():  # measure on all training samples
                curve.append(loss_fn(model(X_train), Y_train).item())
    return np.array(curve)


curves = {size: train(size) for size in (1, 16, 80)}
print("batch size  updates/epoch  raised the loss  worst update  final loss")
for size, curve in curves.items():
    ratios = curve[1:] / curve[:-1]  # loss after / loss before each update
    print(f"{size:10}  {80 // size:13}  {(ratios > 1).mean():15.0%}  "
          f"{ratios.max():10.2f} x  {curve[-1]:10.4f}")

# %% The curves against epochs, so that each run sees the same samples
GREY = "#8a8a8a"  # text and axes, readable on light and dark pages
plt.rcParams.update({"text.color": GREY, "axes.labelcolor": GREY,
                     "axes.edgecolor": GREY, "xtick.color": GREY,
                     "ytick.color": GREY, "font.size": 12,
                     "legend.fontsize": 12, "legend.frameon": False})
fig, ax = plt.subplots(figsize=(6.4, 3.8))
for (size, curve), color in zip(curves.items(),
                                ["#e0762b", "#c2449a", "#4e9be6"]):
    epochs = np.arange(len(curve)) / (80 // size)
    ax.plot(epochs, curve, color=color, lw=1.5,
            label=f"batch size {size}" + (" (all)" if size == 80 else ""))
ax.set_yscale("log")
ax.set_xlabel("epoch")
ax.set_ylabel("training loss")
ax.legend()
fig.tight_layout()
title = "Training loss after every update for batch sizes 1, 16 and 80"
fig.savefig("net_batch_noise.svg", transparent=True, bbox_inches="tight",
            metadata={"Title": title, "Date": None})
