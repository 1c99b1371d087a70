"""Gradient descent with autograd: backward() computes dJ/dw.

The update runs under torch.no_grad().
"""

# %% The autograd program of notebooks 000 and 002
# (labels fixed: 000 says "for training" twice).
import torch

# f = w * x, and the data follow f = 2 * x
X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)

# requires_grad=True: autograd records every operation on w,
# so it can differentiate them.
w = torch.tensor(0.0, dtype=torch.float32, requires_grad=True)


# model prediction
def forward(x):
    return w * x


# loss = MSE
def loss(y, y_predicted):
    return ((y_predicted - y) ** 2).mean()


# No gradient function: autograd derives it from the recorded graph.

print(f"Prediction before training: f(5) = {forward(5):.3f}")

# %% Training
learning_rate = 0.01
n_iters = 100

for epoch in range(n_iters):
    y_pred = forward(X)  # forward pass: recorded
    l = loss(Y, y_pred)

    l.backward()  # backward pass: adds dl/dw into w.grad

    # The update is not part of the model: no_grad keeps autograd from
    # recording it, and allows changing the leaf w in place.
    with torch.no_grad():
        w -= learning_rate * w.grad

    # backward() adds to w.grad; reset it, or the next step uses the sum
    # of all gradients so far.
    w.grad.zero_()

    if epoch % 10 == 0:
        print(f"epoch {epoch + 1}: w = {w:.3f}, loss = {l:.8f}")

print(f"Prediction after training: f(5) = {forward(5):.3f}")
