"""The same network in PyTorch: nn.Sequential, mini-batches, a validation set.

A DataLoader hands out the training samples in shuffled mini-batches (its
generator is seeded); a validation set, never trained on, measures how well
the model does on data it has not seen. Evaluation runs in eval mode and
under torch.no_grad().
"""

# %% The data of net_two_layer.py, split into training and validation
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
train, val = order[:80], order[80:]  # 80 samples to train on, 20 to validate
X_train, Y_train = X[train], Y[train]
X_val, Y_val = X[val], Y[val]

# %% The model, the loss, the optimizer, the mini-batches
model = nn.Sequential(nn.Linear(1, K), nn.Tanh(), nn.Linear(K, 1))
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
batches = DataLoader(TensorDataset(X_train, Y_train), batch_size=16,
                     shuffle=True,  # a new order every epoch, from a seed
                     generator=torch.Generator().manual_seed(0))

# %% Training: every epoch is one pass over the training set
n_epochs = 100
for epoch in range(n_epochs):
    model.train()  # training mode (some layers act differently: chapter 12)
    for X_batch, Y_batch in batches:  # one update per mini-batch
        y_pred = model(X_batch)  # 1. predict
        loss = loss_fn(y_pred, Y_batch)  # 2. loss
        optimizer.zero_grad()
        loss.backward()  # 3. gradient
        optimizer.step()  # 4. update
    model.eval()  # evaluation mode
    with torch.no_grad():  # no graph: we only measure
        train_loss = loss_fn(model(X_train), Y_train).item()
        val_loss = loss_fn(model(X_val), Y_val).item()
    if epoch % 20 == 0 or epoch == n_epochs - 1:
        print(f"epoch {epoch + 1}: training loss = {train_loss:.4f}, "
              f"validation loss = {val_loss:.4f}")
