"""Exercise: why scale the pixels? The untrained network, scaled and raw.

The same initial weights meet the training set twice: pixels divided by 16,
and raw pixels. For each: the untrained loss, the share of hidden values
that are saturated (|h| above 0.99, where tanh is nearly flat and passes
almost no gradient), and the size (norm) of each layer's weight gradient.
"""

# %% The data and the split of digits_train.py, pixels kept raw for now
import numpy as np
import torch
import torch.nn as nn
from sklearn.datasets import load_digits

torch.set_num_threads(1)  # tiny tensors: one thread wastes no time on hand-offs
X, Y = load_digits(return_X_y=True)
N, d = X.shape  # samples, pixels
C = 10  # classes
order = np.random.default_rng(0).permutation(N)
train = order[:int(0.6 * N)]  # the training set
X_raw = torch.tensor(X[train], dtype=torch.float32)  # pixels 0..16
Y_train = torch.tensor(Y[train], dtype=torch.int64)
loss_fn = nn.CrossEntropyLoss()

# %% One forward and backward pass over all training samples, per scaling
print("pixels   untrained loss   saturated   |dL/dW1|   |dL/dW2|   ratio")
for name, X_train in (("scaled", X_raw / 16), ("raw", X_raw)):
    torch.manual_seed(0)  # the same initial weights both times
    model = nn.Sequential(nn.Linear(d, 32), nn.Tanh(), nn.Linear(32, C))
    h = model[1](model[0](X_train))  # hidden values, (n, 32)
    loss = loss_fn(model[2](h), Y_train)
    loss.backward()
    saturated = (h.abs() > 0.99).float().mean().item()
    dW1, dW2 = model[0].weight.grad, model[2].weight.grad
    ratio = dW1.norm() / dW2.norm()  # how much larger the first layer's
    print(f"{name:6} {loss.item():16.4f} {saturated:11.1%} "
          f"{dW1.norm().item():10.4f} {dW2.norm().item():10.4f} {ratio:7.2f}")
