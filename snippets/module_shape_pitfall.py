"""The shape pitfall: targets [4] and predictions [4, 1] broadcast to [4, 4]."""

# %% X is a column [4, 1], as nn.Linear needs; Y is left flat, shape [4]
import textwrap
import warnings

import torch
import torch.nn as nn

X = torch.tensor([[1], [2], [3], [4]], dtype=torch.float32)
Y_flat = torch.tensor([2, 4, 6, 8], dtype=torch.float32)
Y = Y_flat.reshape(-1, 1)  # the fix: a column, like the predictions

torch.manual_seed(42)
model = nn.Linear(1, 1)
loss = nn.MSELoss()

y_pred = model(X)
print(f"y_pred: {list(y_pred.shape)}, Y_flat: {list(Y_flat.shape)}")
print(f"y_pred - Y_flat: {list((y_pred - Y_flat).shape)}")

# %% MSELoss warns about the mismatch, then broadcasts anyway:
# every prediction meets every target
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    wrong = loss(y_pred, Y_flat)
message = f"{caught[0].category.__name__}: {caught[0].message}"
print(textwrap.fill(message, 80))
print(f"loss with Y_flat: {wrong.item():.4f}")
print(f"loss with Y:      {loss(y_pred, Y).item():.4f}")

# %% Training on the broadcast loss fits the wrong thing:
# one constant, the mean of Y
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for epoch in range(2000):
        l = loss(model(X), Y_flat)
        l.backward()
        optimizer.step()
        optimizer.zero_grad()
print(f"{len(caught)} warnings")
print(f"after training: w = {model.weight.item():.3f}, "
      f"b = {model.bias.item():.3f}")
