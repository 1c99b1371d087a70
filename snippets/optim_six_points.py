"""Six points, corrected: loss(input, target), and .item() before formatting."""

# %% The data: no exact w fits all six points, so the loss cannot reach 0
import torch

X = torch.tensor([1, 2, 3, 4, 6, 8], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8, 11, 16], dtype=torch.float32)

w = torch.tensor(0.0, dtype=torch.float32, requires_grad=True)


def forward(x, w):
    return x * w


loss = torch.nn.MSELoss()

learning_rate = 0.01
n_iters = 20

optimizer = torch.optim.SGD([w], lr=learning_rate)

# %% The training loop
for epoch in range(n_iters):
    Y_pred = forward(X, w)

    l = loss(Y_pred, Y)  # input first, target second

    l.backward()

    optimizer.step()

    optimizer.zero_grad()

    if epoch % 2 == 0:
        # .item() returns a plain Python float: no graph, no warning
        print("epoch %i: w = %f, loss = %f" % (epoch + 1, w.item(), l.item()))

print("model prediction: f(5) = %f" % forward(5, w).item())

# %% The best w for f = w * x minimizes sum((w*x - y)**2):
# w = sum(x*y) / sum(x*x)
print("least squares:   w = %f" % ((X * Y).sum() / (X * X).sum()).item())
