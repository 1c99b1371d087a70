"""nn.Linear as the model: a weight and a bias, data as [4, 1] columns."""

# %% Data as a matrix: one row per sample, one column per feature
# --8<-- [start:data]
import torch
import torch.nn as nn

X = torch.tensor([[1], [2], [3], [4]], dtype=torch.float32)
Y = torch.tensor([[2], [4], [6], [8]], dtype=torch.float32)
X_test = torch.tensor([5], dtype=torch.float32)

n_samples, n_features = X.shape
print(n_samples, n_features)
# --8<-- [end:data]

# %% The model: y = x @ weight.T + bias, with a random initial weight and bias;
# the seed makes them, and so the log, the same on every run
torch.manual_seed(42)
# in: the features of one sample; out: the numbers predicted per sample, one y
model = nn.Linear(in_features=n_features, out_features=1)
print(f"Prediction before training: f(5) = {model(X_test).item():.3f}")

# %% Training: chapter 4's loop; the optimizer gets the model's parameters
lr = 0.01
n_iters = 100
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=lr)

for epoch in range(n_iters):
    y_pred = model(X)  # 1. predict
    loss = loss_fn(y_pred, Y)  # 2. loss
    if epoch % 10 == 0:  # the w and b that made this loss, before the update
        [w, b] = model.parameters()  # the weight [1, 1] and the bias [1]
        print(f"epoch {epoch + 1}: w = {w.item():.3f}, b = {b.item():.3f}, "
              f"loss = {loss:.8f}")
    loss.backward()  # 3. gradient, of the weight and of the bias
    optimizer.step()  # 4. update, both
    optimizer.zero_grad()

print(f"Prediction after training: f(5) = {model(X_test).item():.3f}")
