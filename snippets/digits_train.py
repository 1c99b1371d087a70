"""A small network learns the digits, with a log of both sets every epoch.

Each log line measures one set of weights on the whole training set and on
the validation set (loss and accuracy), and only then does the epoch's
training update them: the first line is the untrained network.
"""

# %% The data: training, validation and test sets, pixels scaled to 0..1
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

# %% The network, the loss, the optimizer, the mini-batches
torch.manual_seed(0)  # the initial weights
K = 32  # hidden units
model = nn.Sequential(nn.Linear(d, K), nn.Tanh(), nn.Linear(K, C))
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
batches = DataLoader(TensorDataset(X_train, Y_train), batch_size=32,
                     shuffle=True, generator=torch.Generator().manual_seed(0))


def evaluate(model, X, Y):
    """Mean loss and accuracy of the model's current weights on (X, Y)."""
    model.eval()
    with torch.no_grad():  # we only measure
        Z = model(X)  # logits, (n, C)
        return loss_fn(Z, Y).item(), (Z.argmax(1) == Y).float().mean().item()


# %% Train: measure the weights, print, then update them for one epoch
n_epochs = 10
print("epochs   training loss   acc   validation loss   acc")
for epoch in range(n_epochs + 1):
    train_loss, train_acc = evaluate(model, X_train, Y_train)
    val_loss, val_acc = evaluate(model, X_val, Y_val)
    print(f"{epoch:6} {train_loss:15.4f} {train_acc:6.1%} "
          f"{val_loss:17.4f} {val_acc:6.1%}")
    if epoch == n_epochs:
        break  # the last line is the trained network: no update after it
    model.train()
    for X_batch, Y_batch in batches:  # one update per mini-batch
        Z = model(X_batch)  # 1. predict: logits, (batch size, C)
        loss = loss_fn(Z, Y_batch)  # 2. loss
        optimizer.zero_grad()
        loss.backward()  # 3. gradient
        optimizer.step()  # 4. update
