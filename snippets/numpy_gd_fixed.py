"""Gradient descent by hand with NumPy: predict, loss, gradient, update.

dL/dw = (1/N) * sum of 2 x_i (w x_i - y_i).
"""

# %% The data follow y = 2x, so the best w is 2
import numpy as np

X = np.array([1, 2, 3, 4], dtype=np.float32)
Y = np.array([2, 4, 6, 8], dtype=np.float32)

w = 0.0


def forward(x):
    return w * x  # the model f(x) = w x


def mse(y_pred, y):
    return ((y_pred - y) ** 2).mean()  # L = (1/N) sum of (w x_i - y_i)**2


def gradient(x, y_pred, y):
    # dL/dw = (1/N) sum of 2 x_i (w x_i - y_i):
    # multiply element by element, then average
    return (2 * x * (y_pred - y)).mean()


print(f"Prediction before training: f(5) = {forward(5):.3f}")

# %% Training: 100 epochs; an epoch sees every sample once, here in one step
lr = 0.01  # the learning rate, eta
n_iters = 100

for epoch in range(n_iters):
    y_pred = forward(X)  # 1. predict
    loss = mse(y_pred, Y)  # 2. loss, at the current w
    if epoch % 10 == 0:  # every 10th: w and its loss, before the update
        print(f"epoch {epoch + 1}: w = {w:.3f}, loss = {loss:.8f}")
    dw = gradient(X, y_pred, Y)  # 3. gradient, at the current w
    w -= lr * dw  # 4. update: a step downhill

print(f"Prediction after training: f(5) = {forward(5):.3f}")
