"""nn.MSELoss and torch.optim.SGD replace our loss and update (50 epochs)."""

# %% The data and the model f = w * x: the best w is 2
import torch
import torch.nn as nn

X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)

w = torch.tensor(0.0, requires_grad=True)


def forward(x):
    return w * x


print(f"Prediction before training: f(5)= {forward(5):.3f}")

# %% The loss and the optimizer come from PyTorch now
learning_rate = 0.01
n_iters = 50

loss = nn.MSELoss()  # mean of (y_pred - y)**2, as our own loss() was
# the optimizer updates the tensors in this list
optimizer = torch.optim.SGD([w], lr=learning_rate)

for epoch in range(n_iters):
    y_pred = forward(X)

    # As in the original. PyTorch's order is loss(input, target):
    # loss(y_pred, Y), see below.
    l = loss(Y, y_pred)

    l.backward()  # dl/dw, added into w.grad

    optimizer.step()  # w -= learning_rate * w.grad, not recorded in the graph

    optimizer.zero_grad()  # clear w.grad, or the next backward() adds to it

    if epoch % 2 == 0:
        # w is after this epoch's step; l was computed before it, with the old w
        print(f"epoch {epoch+1}: w = {w:.3f}, loss = {l:.8f}")

print(f"Prediction after training: f(5)= {forward(5):.3f}")
