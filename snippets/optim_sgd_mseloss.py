"""nn.MSELoss and torch.optim.SGD replace our loss and our update."""

# %% The data follow y = 2x, so the best w is 2
import torch
import torch.nn as nn

X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)

# requires_grad=True: autograd records every operation on w
w = torch.tensor(0.0, dtype=torch.float32, requires_grad=True)


def forward(x):
    return w * x  # the model f(x) = w x


print(f"Prediction before training: f(5) = {forward(5):.3f}")

# %% Training: the loss function and the optimizer come from PyTorch
lr = 0.01  # the learning rate, eta
n_iters = 100
loss_fn = nn.MSELoss()  # the mean of (y_pred - y)**2, as our mse() was
optimizer = torch.optim.SGD([w], lr=lr)  # it updates the tensors listed

for epoch in range(n_iters):
    y_pred = forward(X)  # 1. predict
    loss = loss_fn(y_pred, Y)  # 2. loss: input first, then target
    if epoch % 10 == 0:  # every 10th: w and its loss, before the update
        print(f"epoch {epoch + 1}: w = {w:.3f}, loss = {loss:.8f}")
    loss.backward()  # 3. gradient: adds dL/dw into w.grad

    optimizer.step()  # 4. update: w -= lr * w.grad, not recorded
    optimizer.zero_grad()  # or the next backward() adds to this gradient

print(f"Prediction after training: f(5) = {forward(5):.3f}")
