"""Figure: every test digit the chosen network gets wrong.

The network of digits_choose.py at the learning rate the validation set
chose, trained again from the same seeds; each test image it misreads is
drawn with what it predicted and the true label.
Saves `digits_mistakes.svg` in the working folder.
"""

# %% digits_choose.py's data, split and chosen network
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn
from matplotlib.colors import LinearSegmentedColormap, to_rgba
from sklearn.datasets import load_digits
from torch.utils.data import DataLoader, TensorDataset

torch.set_num_threads(1)  # tiny tensors: one thread wastes no time on hand-offs
X, Y = load_digits(return_X_y=True)
N, d = X.shape  # samples, pixels
C = 10  # classes
X = torch.tensor(X / 16, dtype=torch.float32)  # (N, d), pixels 0..1
Y = torch.tensor(Y, dtype=torch.int64)  # (N,), labels 0..9
order = np.random.default_rng(0).permutation(N)
n_train, n_val = int(0.6 * N), int(0.2 * N)
train, val, test = np.split(order, [n_train, n_train + n_val])
lr = 1.0  # the learning rate digits_choose.py chose on the validation set
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(d, 32), nn.Tanh(), nn.Linear(32, C))
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=lr)
batches = DataLoader(TensorDataset(X[train], Y[train]), batch_size=32,
                     shuffle=True, generator=torch.Generator().manual_seed(0))
for epoch in range(10):
    model.train()
    for X_batch, Y_batch in batches:
        loss = loss_fn(model(X_batch), Y_batch)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

# %% The test images it misreads
model.eval()
with torch.no_grad():
    predicted = model(X[test]).argmax(1)
wrong = test[(predicted != Y[test]).numpy()]  # their indices in X
print(f"misread: {len(wrong)} of {len(test)} test images")

# %% Each one with its prediction and its true label
GREY = "#8a8a8a"  # text and axes, readable on light and dark pages
plt.rcParams.update({"text.color": GREY, "axes.labelcolor": GREY,
                     "axes.edgecolor": GREY, "xtick.color": GREY,
                     "ytick.color": GREY, "font.size": 12,
                     "legend.fontsize": 12, "legend.frameon": False})
ORANGE = "#e0762b"
ink = LinearSegmentedColormap.from_list(  # no ink: transparent; full: orange
    "ink", [to_rgba(ORANGE, alpha=0), to_rgba(ORANGE, alpha=1)])
n_cols = 3
n_rows = -(-len(wrong) // n_cols)  # rounded up
fig, axes = plt.subplots(n_rows, n_cols, figsize=(4.8, 2.2 * n_rows),
                         squeeze=False)
for ax in axes.flat:
    ax.set_axis_off()  # cells beyond the last mistake stay empty
for ax, i, p in zip(axes.flat, wrong, predicted[predicted != Y[test]]):
    ax.set_axis_on()
    ax.imshow(X[i].reshape(8, 8).numpy(), cmap=ink, vmin=0, vmax=1)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel(f"predicted {p}\ntrue {Y[i]}")
fig.tight_layout(pad=0.2)
title = "The misclassified test digits, each with predicted and true label"
fig.savefig("digits_mistakes.svg", transparent=True, bbox_inches="tight",
            metadata={"Title": title, "Date": None})
