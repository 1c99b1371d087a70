"""nn.Linear(1, 1) as the model: a weight and a bias, data as [4, 1] columns."""

# %% Data as a matrix: one row per sample, one column per feature
# --8<-- [start:data]
import torch
import torch.nn as nn

X = torch.tensor([[1], [2], [3], [4]], dtype=torch.float32)
Y = torch.tensor([[2], [4], [6], [8]], dtype=torch.float32)

X_test = torch.tensor([5], dtype=torch.float32)  # "X_text" in the original

n_samples, n_features = X.shape  # "n_smaple" in the original
print(n_samples, n_features)

input_size = n_features
output_size = n_features
# --8<-- [end:data]

# %% The model: y = x @ weight.T + bias, with a random initial weight and bias
# not in the original: it makes the random init,
# and so the log, reproducible
torch.manual_seed(42)
model = nn.Linear(input_size, output_size)

# The original's comment said "w = 0, therefore: ans: 0".
# False for nn.Linear: its init is random.
print(f"Prediction before training: f(5)= {model(X_test).item():.3f}")

# %% Training
learning_rate = 0.01
n_iters = 100

loss = nn.MSELoss()
# it updates the weight and the bias
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)

for epoch in range(n_iters):
    y_pred = model(X)
    l = loss(y_pred, Y)  # input, target (the original had loss(Y, y_pred))
    l.backward()
    optimizer.step()
    optimizer.zero_grad()

    if epoch % 10 == 0:
        [w, b] = model.parameters()  # unpack the weight [1, 1] and the bias [1]
        print(f"epoch {epoch+1}: w = {w[0][0].item():.3f}, loss = {l:.8f}")

print(f"Prediction after training: f(5)= {model(X_test).item():.3f}")
