"""The original f = 3x NumPy program of notebook 004, with the same bug.

Its gradient is N times too large, and its log counts epochs from 0.
"""

# %% A faithful copy of the first program of notebook 004.
# Only "BOOK:" comments are new.
# Gradient descent and training demonstration by programming from scratch

import numpy as np

# Model output function
# f(x) = w * x
# where w = 3

# inputs
X = np.array([1, 2, 3, 4, 5], dtype=np.float32)

# outputs for validations
# BOOK: not for validation: these are the training targets the loss
# BOOK: compares with.
Y = np.array([3, 6, 9, 12, 15], dtype=np.float32)

# strating weight
w = 0.0

# forward pass
def forward(x):
    return w * x

# Loss function: mean squared error - MSE
def loss(y, y_predicted):
    return ((y_predicted - y)**2).mean()

# Gradient calculation
# d(loss)/dw = 1/N * 2x * (wx - y)
# Formula by chaining of derivatives.
# BOOK: the code does not do the 1/N (nor the sum the formula leaves out):
# BOOK: 5 times too large.
def gradient(x, y, y_predicted):
    return np.dot(2*x, y_predicted - y).mean()

# before training
print(f'Prediction before training for f(10): {forward(10):.3f}')

# %% training parameters
learning_rate = 0.005
n_iters = 20

# training loop
# - Forward pass
# - backward pass
# - update weight
for epoch in range(n_iters):
    # prediction
    predicted_y = forward(X)

    # loss
    l = loss(Y, predicted_y)

    # gradient
    dw = gradient(X, Y, predicted_y)

    # update weights by gradient
    w -= dw * learning_rate

    # BOOK: "epoch 0" is printed after the first update: the w shown is
    # BOOK: after it, the loss before it.
    if epoch % 2 == 0:
        print(f'epoch {epoch}: w = {w:.3f}, loss = {l:.8f}')

# after training
print(f'Prediction after training for f(10): {forward(10):.3f}')
