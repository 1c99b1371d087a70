"""Figure: the learning curves of the three candidate learning rates.

digits_choose.py's three networks, trained the same way (the same initial
weights, the same mini-batches), measured before each epoch's updates: the
training loss and the validation accuracy, epoch by epoch.
Saves `digits_learning_rates.svg` in the working folder.
"""

# %% digits_choose.py's data, pixels scaled to 0..1
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn
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
train, val, test = np.split(order, [n_train, n_train + n_val])  # test: unused
X_train, Y_train = X[train], Y[train]
X_val, Y_val = X[val], Y[val]
loss_fn = nn.CrossEntropyLoss()
K, n_epochs = 32, 10  # hidden units, epochs: as in digits_choose.py


def evaluate(model, X, Y):
    """Mean loss and accuracy of the model's current weights on (X, Y)."""
    model.eval()
    with torch.no_grad():  # we only measure
        Z = model(X)  # logits, (n, C)
        return loss_fn(Z, Y).item(), (Z.argmax(1) == Y).float().mean().item()


# %% digits_choose.py's training, measured before each epoch's updates
def learning_curve(lr):
    """Training loss and validation accuracy of each epoch's weights."""
    torch.manual_seed(0)  # the same initial weights for every candidate
    model = nn.Sequential(nn.Linear(d, K), nn.Tanh(), nn.Linear(K, C))
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    batches = DataLoader(TensorDataset(X_train, Y_train), batch_size=32,
                         shuffle=True,  # the same order for every candidate
                         generator=torch.Generator().manual_seed(0))
    losses, accs = [], []
    for epoch in range(n_epochs + 1):
        losses.append(evaluate(model, X_train, Y_train)[0])
        accs.append(evaluate(model, X_val, Y_val)[1])
        if epoch == n_epochs:
            break  # the last weights are measured, not updated
        model.train()
        for X_batch, Y_batch in batches:
            loss = loss_fn(model(X_batch), Y_batch)  # predict, loss
            optimizer.zero_grad()
            loss.backward()  # gradient
            optimizer.step()  # update
    return losses, accs


curves = {lr: learning_curve(lr) for lr in (0.01, 0.1, 1.0)}
for lr, (losses, accs) in curves.items():
    rose = [e for e in range(1, n_epochs + 1) if losses[e] > losses[e - 1]]
    print(f"lr = {lr}: validation acc {accs[-1]:.1%}, "
          f"training loss rose at epochs {rose}")

# %% Two panels: the training loss and the validation accuracy, per epoch
GREY, COLORS = "#8a8a8a", ["#4e9be6", "#f08a24", "#3cb371"]
plt.rcParams.update({"text.color": GREY, "axes.labelcolor": GREY,
                     "axes.edgecolor": GREY, "xtick.color": GREY,
                     "ytick.color": GREY, "font.size": 12,
                     "legend.fontsize": 12, "legend.frameon": False})
fig, (left, right) = plt.subplots(1, 2, figsize=(6.4, 3.4))
epochs = range(n_epochs + 1)
for color, (lr, (losses, accs)) in zip(COLORS, curves.items()):
    left.plot(epochs, losses, "o-", color=color, ms=4)
    right.plot(epochs, [100 * a for a in accs], "o-", color=color, ms=4,
               label=f"lr = {lr}")
left.set(xlabel="epoch", ylabel="training loss", ylim=(0, None))
right.set(xlabel="epoch", ylabel="validation accuracy (%)", ylim=(0, 100))
fig.tight_layout()
fig.legend(loc="upper center", bbox_to_anchor=(0.5, 0.02), ncol=3)
title = "Training loss and validation accuracy per epoch, three learning rates"
fig.savefig("digits_learning_rates.svg", transparent=True, bbox_inches="tight",
            metadata={"Title": title, "Date": None})
