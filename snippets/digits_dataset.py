"""Split, scale and serve the digits: a Dataset and a DataLoader.

A seeded random order splits the samples 60/20/20 into training, validation
and test sets. The pixels are divided by 16, to lie between 0 and 1. A
Dataset tells how many samples it holds (__len__) and what sample i is
(__getitem__); a DataLoader asks it for shuffled mini-batches.
"""

# %% The data, split 60/20/20 in a seeded random order
import numpy as np
import torch
from sklearn.datasets import load_digits
from torch.utils.data import DataLoader, Dataset, TensorDataset

X, Y = load_digits(return_X_y=True)
N = len(Y)
print(f"pixels: {X.min():g} to {X.max():g}", end="")
X = X / 16  # pixels 0..16 -> 0..1
print(f", scaled: {X.min():g} to {X.max():g}")
order = np.random.default_rng(0).permutation(N)  # 0..N-1, shuffled
n_train, n_val = int(0.6 * N), int(0.2 * N)
train, val, test = np.split(order, [n_train, n_train + n_val])
for name, part in (("training", train), ("validation", val), ("test", test)):
    print(f"{name}: {len(part)} samples ({len(part) / N:.0%})")
print(f"test images per class: {np.bincount(Y[test])}")


# %% A Dataset: how many samples, and sample i
class Digits(Dataset):
    """One split of the digits: sample i is (its 64 pixels, its label)."""

    def __init__(self, X, Y):
        self.X = torch.tensor(X, dtype=torch.float32)  # (n, 64)
        self.Y = torch.tensor(Y, dtype=torch.int64)  # (n,)

    def __len__(self):
        return len(self.Y)

    def __getitem__(self, i):
        return self.X[i], self.Y[i]


train_set = Digits(X[train], Y[train])
x, y = train_set[0]
print(f"len(train_set) = {len(train_set)}; "
      f"train_set[0]: x {tuple(x.shape)} {x.dtype}, y = {y.item()}")
ready_made = TensorDataset(train_set.X, train_set.Y)  # the same, from PyTorch
print("TensorDataset gives the same samples:",
      all(torch.equal(a, b) for i in range(len(train_set))
          for a, b in zip(train_set[i], ready_made[i])))

# %% A DataLoader: shuffled mini-batches, from its own seeded generator
batches = DataLoader(train_set, batch_size=32, shuffle=True,
                     generator=torch.Generator().manual_seed(0))
sizes = [len(Y_batch) for X_batch, Y_batch in batches]  # one epoch
print(f"{len(batches)} mini-batches per epoch: {sizes.count(32)} of 32, "
      f"the last of {sizes[-1]}")
X_batch, Y_batch = next(iter(batches))
print(f"a mini-batch: X_batch {tuple(X_batch.shape)}, "
      f"Y_batch {tuple(Y_batch.shape)}, labels {Y_batch[:8].tolist()} ...")
