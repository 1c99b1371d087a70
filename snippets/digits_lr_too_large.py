"""Exercise: a learning rate past the best one, lr = 3.

digits_train.py's network at lr = 3, measured on the whole training set
before each of its first updates: the loss, the accuracy, and the share of
hidden values that are saturated (|h| above 0.99, where tanh is nearly flat).
"""

# %% The data: the split of digits_train.py, pixels scaled to 0..1
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
train = order[:int(0.6 * N)]  # the training set
X_train, Y_train = X[train], Y[train]

# %% digits_train.py's network and mini-batches, at lr = 3
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(d, 32), nn.Tanh(), nn.Linear(32, C))
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=3.0)
batches = DataLoader(TensorDataset(X_train, Y_train), batch_size=32,
                     shuffle=True, generator=torch.Generator().manual_seed(0))

# %% Measure, print, then update: the first few updates only
n_updates = 8
print("updates   training loss   acc   saturated")
for step, (X_batch, Y_batch) in enumerate(batches):
    model.eval()
    with torch.no_grad():
        h = model[1](model[0](X_train))  # hidden values, (n, 32)
        Z = model[2](h)  # logits
        train_loss = loss_fn(Z, Y_train).item()
        train_acc = (Z.argmax(1) == Y_train).float().mean().item()
        saturated = (h.abs() > 0.99).float().mean().item()
    print(f"{step:7} {train_loss:15.3f} {train_acc:6.1%} {saturated:11.1%}")
    if step == n_updates:
        break  # the last line measures the weights after n_updates updates
    model.train()
    loss = loss_fn(model(X_batch), Y_batch)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
