"""The first notebook's custom-class run: LinearRegression, lr 0.05, seeded."""

# %% 1) Design the model (input and output size, forward pass)
import torch
import torch.nn as nn

X = torch.tensor([[1], [2], [3], [4]], dtype=torch.float32)
Y = torch.tensor([[2], [4], [6], [8]], dtype=torch.float32)

X_test = torch.tensor([5], dtype=torch.float32)

n_samples, n_features = X.shape

input_size = n_features
output_size = n_features


class LinearRegression(nn.Module):
    def __init__(self, input_dim, output_dim):
        super().__init__()
        self.lin = nn.Linear(input_dim, output_dim)

    def forward(self, x):
        return self.lin(x)


# not in the original, whose random init printed f(5) = -2.491
torch.manual_seed(42)
model = LinearRegression(input_size, output_size)

# before training
print(f"Prediction for training: f(5) = {model(X_test).item():.3f}")

# %% 2) Construct the loss and the optimizer,
# with a 5 times larger learning rate
learning_rate = 0.05
n_iters = 100

loss = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)

# %% 3) The training loop
for epoch in range(n_iters):
    y_pred = model(X)
    l = loss(y_pred, Y)
    l.backward()
    optimizer.step()
    optimizer.zero_grad()

    if epoch % 10 == 0:
        [w, b] = model.parameters()
        print(f"epoch {epoch+1}: w = {w[0][0].item():.3f}, loss = {l:.8f}")

# after training
print(f"Prediction for training: f(5) = {model(X_test).item():.3f}")
