"""Choose the learning rate on the validation set, then test once.

Three networks, from the same initial weights and the same mini-batches,
train at three learning rates. The validation set picks one; the test set,
never looked at before, then measures the chosen network, once: its
accuracy and its confusion matrix.
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
train, val, test = np.split(order, [n_train, n_train + n_val])
X_train, Y_train = X[train], Y[train]
X_val, Y_val = X[val], Y[val]
X_test, Y_test = X[test], Y[test]
loss_fn = nn.CrossEntropyLoss()
K, n_epochs = 32, 10  # hidden units, epochs: as in digits_train.py


def evaluate(model, X, Y):
    """Mean loss and accuracy of the model's current weights on (X, Y)."""
    model.eval()
    with torch.no_grad():  # we only measure
        Z = model(X)  # logits, (n, C)
        return loss_fn(Z, Y).item(), (Z.argmax(1) == Y).float().mean().item()


def train(lr):
    """digits_train.py's network and training, at learning rate lr."""
    torch.manual_seed(0)  # the same initial weights for every candidate
    model = nn.Sequential(nn.Linear(d, K), nn.Tanh(), nn.Linear(K, C))
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    batches = DataLoader(TensorDataset(X_train, Y_train), batch_size=32,
                         shuffle=True,  # the same order for every candidate
                         generator=torch.Generator().manual_seed(0))
    for epoch in range(n_epochs):
        model.train()
        for X_batch, Y_batch in batches:
            loss = loss_fn(model(X_batch), Y_batch)  # predict, loss
            optimizer.zero_grad()
            loss.backward()  # gradient
            optimizer.step()  # update
    return model


# %% Train each candidate; the validation set chooses
models = {lr: train(lr) for lr in (0.01, 0.1, 1.0)}
val_acc = {}
for lr, model in models.items():
    val_loss, val_acc[lr] = evaluate(model, X_val, Y_val)
    print(f"lr = {lr}: validation loss {val_loss:.4f}, acc {val_acc[lr]:.1%}")
best_lr = max(val_acc, key=val_acc.get)
print(f"chosen: lr = {best_lr}")

# %% The test set, once: one pass of the chosen network over it
model = models[best_lr]
model.eval()
with torch.no_grad():
    Z = model(X_test)  # logits, (n, C): all we will ever ask of the test set
predicted = Z.argmax(1)  # the class of the largest logit
test_acc = (predicted == Y_test).float().mean().item()
n_right = (predicted == Y_test).sum().item()
se = (test_acc * (1 - test_acc) / len(test)) ** 0.5  # its standard error
print(f"test: acc {test_acc:.1%}, {n_right} of {len(test)}, "
      f"standard error {se:.1%}")
confusion = np.zeros((C, C), dtype=int)  # rows: true class, columns: predicted
for y, p in zip(Y_test.tolist(), predicted.tolist()):
    confusion[y, p] += 1
print("true   predicted:\n     " + "".join(f"{c:4}" for c in range(C)))
for c in range(C):
    print(f"{c:4} " + "".join(f"{n:4}" for n in confusion[c]))
right = confusion.diagonal() / confusion.sum(1)  # per class: share read right
hardest = int(right.argmin())
print(f"hardest class: {hardest}, {confusion[hardest, hardest]} of "
      f"{confusion[hardest].sum()} read right ({right[hardest]:.1%})")
