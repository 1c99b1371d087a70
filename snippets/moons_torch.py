"""Two moons in PyTorch: nn.Sequential, nn.CrossEntropyLoss, mini-batches.

The data and the split are those of moons_numpy.py. The model outputs
logits; nn.CrossEntropyLoss takes them with the class indices. A seeded
DataLoader serves shuffled mini-batches, as in chapter 8.
"""

# %% The data and the split of moons_numpy.py, as tensors
import numpy as np
import torch
import torch.nn as nn
from sklearn.datasets import make_moons
from torch.utils.data import DataLoader, TensorDataset

torch.set_num_threads(1)  # tiny tensors: one thread wastes no time on hand-offs
d, C, K = 2, 2, 8  # features, classes, hidden units
X, Y = make_moons(n_samples=200, noise=0.1, random_state=0)
order = np.random.default_rng(0).permutation(len(X))  # the same split
train, val = order[:160], order[160:]
X = torch.tensor(X, dtype=torch.float32)  # (200, d)
Y = torch.tensor(Y)  # (200,), int64: class indices, as the loss wants them
X_train, Y_train = X[train], Y[train]
X_val, Y_val = X[val], Y[val]

# %% The model, the loss, the optimizer, the mini-batches
torch.manual_seed(0)  # the initial weights
model = nn.Sequential(nn.Linear(d, K), nn.Tanh(), nn.Linear(K, C))  # logits
hidden, output = model[0], model[2]  # start: uniform, within 1 / sqrt(inputs)
print(f"nn.Linear's start: W1 std {hidden.weight.std():.2f}, "
      f"W2 std {output.weight.std():.2f}, "
      f"b2 = {[round(b, 2) for b in output.bias.tolist()]}")
loss_fn = nn.CrossEntropyLoss()  # logits and class indices, as chapter 9
optimizer = torch.optim.SGD(model.parameters(), lr=0.3)
batches = DataLoader(TensorDataset(X_train, Y_train), batch_size=16,
                     shuffle=True,  # a new order every epoch, from a seed
                     generator=torch.Generator().manual_seed(0))


def loss_and_accuracy(X, Y):  # mean cross-entropy, share classified right
    Z = model(X)  # (N, C) logits
    return loss_fn(Z, Y).item(), (Z.argmax(dim=1) == Y).float().mean().item()


# %% Training: measure and print, then an epoch of mini-batch updates
n_epochs = 100
print("epoch  training loss  accuracy  validation loss  accuracy")
for epoch in range(n_epochs + 1):
    if epoch % 20 == 0:  # the loss and accuracy of these weights
        model.eval()  # evaluation mode
        with torch.no_grad():  # no graph: we only measure
            loss, acc = loss_and_accuracy(X_train, Y_train)
            val_loss, val_acc = loss_and_accuracy(X_val, Y_val)
        print(f"{epoch:5}  {loss:13.4f}  {acc:8.1%}  "
              f"{val_loss:15.4f}  {val_acc:8.1%}")
    if epoch == n_epochs:
        break  # the last weights are measured, not updated
    model.train()  # training mode
    for X_batch, Y_batch in batches:  # one update per mini-batch
        loss = loss_fn(model(X_batch), Y_batch)  # 1. predict, 2. loss
        optimizer.zero_grad()
        loss.backward()  # 3. gradient
        optimizer.step()  # 4. update
