"""The f = 3x autograd program of notebook 004: lr 0.005, 100 iterations.

Its log counts epochs from 0.
"""

# %% A faithful copy of the second program of notebook 004.
# Only "BOOK:" comments are new.
# Gradient descent demonstration with Pytorch autograd

import torch

# Model output function
# f(x) = w * x
# where w = 3

# inputs
X = torch.tensor([1, 2, 3, 4, 5], dtype=torch.float32)

# outputs for validations
# BOOK: training targets, not validation data.
Y = torch.tensor([3, 6, 9, 12, 15], dtype=torch.float32)

# strating weight
w = torch.tensor(0.0, dtype=torch.float32, requires_grad=True)

# forward pass
def forward(x):
    return w * x

# Loss function: mean squared error - MSE
def loss(y, y_predicted):
    return ((y_predicted - y)**2).mean()

# No need to define gradient function now as we would use autograd

# before training
print(f'Prediction before training for f(10): {forward(10):.3f}')

# %% training parameters
learning_rate = 0.005
n_iters = 100

# training loop
# - Forward pass
# - backward pass
# - update weight
for epoch in range(n_iters):
    # prediction
    predicted_y = forward(X)

    # loss
    l = loss(Y, predicted_y)

    # gradient is now by backwards pass of autograd
    l.backward() # dl/dw

    # update weights
    # should not be part of computational graph, WHY?
    # BOOK: because the update is not part of the model. Outside no_grad,
    # BOOK: PyTorch refuses it: w is a leaf that requires grad, and changing
    # BOOK: it in place raises a RuntimeError.
    with torch.no_grad():
        w -= w.grad * learning_rate

    # empty the gradient to avoid cumulation in loop
    w.grad.zero_()

    if epoch % 10 == 0:
        print(f'epoch {epoch}: w = {w:.3f}, loss = {l:.8f}')

# after training
print(f'Prediction after training for f(10): {forward(10):.3f}')
