"""Six points, the third notebook's class version, corrected.

.item() before formatting a number, and loss(input, target).
"""

# %% Six points that no line fits exactly
import torch
import torch.nn as nn

X = torch.tensor([[1], [2], [3], [4], [6], [8]], dtype=torch.float32)
Y = torch.tensor([[2], [4], [6], [8], [11], [16]], dtype=torch.float32)

in_features = 1
out_features = 1


class LinearRegression(nn.Module):  # "LinearRegresion" in the original
    def __init__(self, input_dim, output_dim):
        super().__init__()
        self.lin = nn.Linear(input_dim, output_dim)

    def forward(self, x):
        return self.lin(x)


# the same seed as the nn.Linear version: the same init, the same log
torch.manual_seed(42)
model = LinearRegression(in_features, out_features)

loss = nn.MSELoss()

learning_rate = 0.015
n_iters = 100

optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)

# %% Training: .item() turns a one-element tensor into a Python float
# before formatting
for epoch in range(n_iters):
    Y_pred = model(X)
    l = loss(Y_pred, Y)
    l.backward()
    optimizer.step()
    optimizer.zero_grad()

    if epoch % 10 == 0:
        [w, b] = model.parameters()
        print("epoch %i: w = %f, b = %f, loss = %f"
              % (epoch + 1, w.item(), b.item(), l.item()))

with torch.no_grad():  # a prediction needs no graph
    print("model prediction: f(5) = %f" % model(torch.tensor([5.0])).item())
