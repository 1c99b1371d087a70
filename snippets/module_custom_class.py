"""A custom nn.Module: LinearRegression wraps nn.Linear.

With the same seed as nn.Linear, it starts from the same line and trains
to the same line: its log would be nn.Linear's, line for line.
"""

# %% The same data as before
import torch
import torch.nn as nn

X = torch.tensor([[1], [2], [3], [4]], dtype=torch.float32)
Y = torch.tensor([[2], [4], [6], [8]], dtype=torch.float32)
X_test = torch.tensor([5], dtype=torch.float32)

n_samples, n_features = X.shape


# %% A model is a class: layers in __init__, the computation in forward
class LinearRegression(nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()  # first: it sets up the registry of layers
        # a layer assigned to self is registered: its parameters
        # become the model's
        self.lin = nn.Linear(in_features, out_features)

    def forward(self, x):
        return self.lin(x)


torch.manual_seed(42)  # the same seed: the same initial weight and bias
model = LinearRegression(in_features=n_features, out_features=1)
print([name for name, parameter in model.named_parameters()])
print(f"Prediction before training: f(5) = {model(X_test).item():.3f}")

# %% Training: the loop does not change with the model
lr = 0.01
n_iters = 100
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=lr)

for epoch in range(n_iters):
    y_pred = model(X)  # 1. predict: model(X) calls forward(X)
    loss = loss_fn(y_pred, Y)  # 2. loss
    loss.backward()  # 3. gradient
    optimizer.step()  # 4. update
    optimizer.zero_grad()

print(f"Prediction after training: f(5) = {model(X_test).item():.3f}")
