"""The original NumPy training loop, reproduced faithfully, with its bug.

Its gradient is N times too large.
"""

# %% A faithful copy of the first program of notebook 000
# (notebook 002 has it too). Only the comments marked "BOOK:" are new;
# the code and its prints are the original's.
import numpy as np

# f = w*x

# f = 2*x

X = np.array([1,2,3,4], dtype=np.float32)
Y = np.array([2,4,6,8], dtype=np.float32)

w = 0.0

# model prediction
def forward(x):
    return w * x

# loss = MSE
def loss(y, y_predicted):
    return ((y_predicted-y)**2).mean()

# gradient
# MSE = 1/N * (w*x - y)**2
# dJ/dw = 1/N 2x (w*x - y)
# BOOK: bug. np.dot already sums over the N samples and returns one number;
# BOOK: .mean() of one number is that number.
# BOOK: The 1/N is lost: N times too large.
def gradient(x,y, y_predicted):
    return np.dot(2*x, y_predicted-y).mean()

# BOOK: the label says "for training" before and after training alike.
print(f'Prediction for training: f(5) = {forward(5):.3f}')

# %% Training
learning_rate = 0.01
n_iters =20

for epoch in range(n_iters):
    # prediction = forward pass
    y_pred = forward(X)
    # loss
    l = loss(Y, y_pred)

    # dradient
    dw = gradient(X, Y, y_pred)

    # update the weights
    w -= learning_rate*dw

    # BOOK: w is printed after the update, l was computed before it.
    if epoch % 2 ==0:
        print(f'epoch {epoch+1}: w = {w:.3f}, loss = {l:.8f}')

print(f'Prediction for training: f(5) = {forward(5):.3f}')
