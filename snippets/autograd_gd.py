"""Gradient descent with autograd: backward() computes dL/dw.

The update runs under torch.no_grad(); w.grad is cleared after it.
"""

# %% The data follow y = 2x, so the best w is 2
import torch

X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)

# requires_grad=True: autograd records every operation on w
w = torch.tensor(0.0, dtype=torch.float32, requires_grad=True)


def forward(x):
    return w * x  # the model f(x) = w x


def mse(y_pred, y):
    return ((y_pred - y) ** 2).mean()  # L = (1/N) sum of (w x_i - y_i)**2


print(f"Prediction before training: f(5) = {forward(5):.3f}")

# %% Training: no gradient function, autograd derives it from the graph
lr = 0.01  # the learning rate, eta
n_iters = 100

for epoch in range(n_iters):
    y_pred = forward(X)  # 1. predict (recorded)
    loss = mse(y_pred, Y)  # 2. loss (recorded)
    if epoch % 10 == 0:  # every 10th: w and its loss, before the update
        print(f"epoch {epoch + 1}: w = {w:.3f}, loss = {loss:.8f}")
    loss.backward()  # 3. gradient: adds dL/dw into w.grad

    with torch.no_grad():  # 4. update, not recorded: w stays a leaf
        w -= lr * w.grad
    w.grad.zero_()  # or the next backward() adds to this gradient

print(f"Prediction after training: f(5) = {forward(5):.3f}")
