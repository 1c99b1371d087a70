"""f = 3x with autograd, MSELoss and SGD: notebook 004's third program.

Reproduced as written; only the comments marked "BOOK:" are new.
"""

# %% A faithful copy of the third program of notebook 004.
# Gradient descent demonstration with autograd & optimizer

import torch
import torch.nn as nn

# Model output function
# f(x) = w * x
# where w = 3

# inputs
X = torch.tensor([1, 2, 3, 4, 5], dtype=torch.float32)

# outputs for validation
# BOOK: training targets, not validation data.
Y = torch.tensor([3, 6, 9, 12, 15], dtype=torch.float32)

# starting weight
w = torch.tensor(0.0, dtype=torch.float32, requires_grad=True)

# forward pass
def forward(x):
    return w * x

# before training
print(f'Prediction before training for f(10): {forward(10):.3f}')

# %% training parameters
learning_rate = 0.005
n_iters = 100

# mean squared error - MSE
# no need to define loss function by direct programming, use the one provided
# by torch.nn
loss = nn.MSELoss()

# setup optimizer
optimizer = torch.optim.SGD([w], lr=learning_rate)

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

    # No need to update weights by direct programming, use optimizer instead
    optimizer.step()

    # empty the gradient in optimizer now to avoid cumulation in loop
    optimizer.zero_grad()

    # BOOK: counted from 0, and w is printed after the update.
    if epoch % 10 == 0:
        print(f'epoch {epoch}: w = {w:.3f}, loss = {l:.8f}')

# after training
print(f'Prediction after training for f(10): {forward(10):.3f}')
