"""A custom nn.Module: LinearRegression wraps nn.Linear (lr 0.01).

With the same seed as nn.Linear, it prints the same log.
"""

# %% The same data as before
import torch
import torch.nn as nn

X = torch.tensor([[1], [2], [3], [4]], dtype=torch.float32)
Y = torch.tensor([[2], [4], [6], [8]], dtype=torch.float32)

X_test = torch.tensor([5], dtype=torch.float32)

n_samples, n_features = X.shape
print(n_samples, n_features)

input_size = n_features
output_size = n_features


# %% A model is a class: layers in __init__, the computation in forward
class LinearRegression(nn.Module):
    def __init__(self, input_dim, output_dim):
        # first, before any layer (the original wrote
        # super(LinearRegression, self), Python 2 style)
        super().__init__()
        # a layer assigned to self is registered:
        # its parameters become the model's
        self.lin = nn.Linear(input_dim, output_dim)

    def forward(self, x):
        return self.lin(x)


# the same seed as for nn.Linear: the same initial weight and bias
torch.manual_seed(42)
model = LinearRegression(input_size, output_size)
# model(x) calls forward(x)
print(f"Prediction before training: f(5)= {model(X_test).item():.3f}")

# %% Training: the loop does not change with the model
learning_rate = 0.01
n_iters = 100

loss = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)

for epoch in range(n_iters):
    y_pred = model(X)
    l = loss(y_pred, Y)
    l.backward()
    optimizer.step()
    optimizer.zero_grad()

    if epoch % 10 == 0:
        [w, b] = model.parameters()
        print(f"epoch {epoch+1}: w = {w[0][0].item():.3f}, loss = {l:.8f}")

print(f"Prediction after training: f(5)= {model(X_test).item():.3f}")
