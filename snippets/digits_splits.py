"""Exercise: how much does the test accuracy depend on the random split?

digits_choose.py's chosen network (lr = 1), trained and tested on four
different random splits of the same digits.
"""

# %% The data, pixels scaled to 0..1
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
n_train, n_val = int(0.6 * N), int(0.2 * N)
loss_fn = nn.CrossEntropyLoss()

# %% One split per seed; the same training on each
test_accs = []
for seed in range(4):
    order = np.random.default_rng(seed).permutation(N)  # seed 0: the chapter's
    train, val, test = np.split(order, [n_train, n_train + n_val])
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(d, 32), nn.Tanh(), nn.Linear(32, C))
    optimizer = torch.optim.SGD(model.parameters(), lr=1.0)
    batches = DataLoader(TensorDataset(X[train], Y[train]), batch_size=32,
                         shuffle=True,
                         generator=torch.Generator().manual_seed(0))
    for epoch in range(10):
        model.train()
        for X_batch, Y_batch in batches:
            loss = loss_fn(model(X_batch), Y_batch)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    model.eval()
    with torch.no_grad():
        predicted = model(X[test]).argmax(1)
    test_accs.append((predicted == Y[test]).float().mean().item())
    print(f"split seed {seed}: test acc {test_accs[-1]:.1%}")
print(f"lowest {min(test_accs):.1%}, highest {max(test_accs):.1%}; "
      f"one test image is {1 / len(test):.2%}")
