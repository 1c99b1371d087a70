"""The shape pitfall: targets [4] and predictions [4, 1] broadcast to [4, 4]."""

# %% X is a column [4, 1], as nn.Linear needs; Y is left flat, shape [4]
import torch
import torch.nn as nn

X = torch.tensor([[1], [2], [3], [4]], dtype=torch.float32)
Y_flat = torch.tensor([2, 4, 6, 8], dtype=torch.float32)
Y = Y_flat.reshape(-1, 1)  # the fix: a column, like the predictions

torch.manual_seed(42)
model = nn.Linear(1, 1)
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

y_pred = model(X)
print(f"y_pred: {list(y_pred.shape)}, Y_flat: {list(Y_flat.shape)}")
print(f"y_pred - Y_flat: {list((y_pred - Y_flat).shape)}")

# %% No error, a warning: every prediction is compared with every target
print(f"loss with Y_flat: {loss_fn(y_pred, Y_flat).item():.4f}")
print(f"loss with Y:      {loss_fn(y_pred, Y).item():.4f}")

# %% Training on the broadcast loss fits the wrong thing:
# one constant, the mean of Y
for epoch in range(300):
    loss = loss_fn(model(X), Y_flat)  # 1. predict, 2. loss (the wrong one)
    loss.backward()  # 3. gradient
    optimizer.step()  # 4. update
    optimizer.zero_grad()
print(f"after training: w = {model.weight.item():.3f}, "
      f"b = {model.bias.item():.3f}")
