"""Gradient descent by hand with NumPy, the gradient fixed: divided by N.

dJ/dw = (1/N) * sum of 2 x_i (w x_i - y_i).
"""

# %%
import numpy as np

# f = w * x, and the data follow f = 2 * x
X = np.array([1, 2, 3, 4], dtype=np.float32)
Y = np.array([2, 4, 6, 8], dtype=np.float32)

w = 0.0


# model prediction
def forward(x):
    return w * x


# loss = MSE = (1/N) * sum of (w x_i - y_i)**2
def loss(y, y_predicted):
    return ((y_predicted - y) ** 2).mean()


# dJ/dw = (1/N) * sum of 2 x_i (w x_i - y_i):
# multiply element by element, then average.
# (The original's np.dot(2*x, y_predicted - y).mean() sums
# and never divides by N.)
def gradient(x, y, y_predicted):
    return (2 * x * (y_predicted - y)).mean()


print(f"Prediction before training: f(5) = {forward(5):.3f}")

# %% Training: the same learning rate as the original, now 100 iterations
learning_rate = 0.01
n_iters = 100

for epoch in range(n_iters):
    y_pred = forward(X)  # forward pass
    l = loss(Y, y_pred)  # loss at the current w
    dw = gradient(X, Y, y_pred)  # gradient at the current w
    w -= learning_rate * dw  # step downhill

    # The same log line as the original:
    # w after this epoch's update, loss before it.
    if epoch % 10 == 0:
        print(f"epoch {epoch + 1}: w = {w:.3f}, loss = {l:.8f}")

print(f"Prediction after training: f(5) = {forward(5):.3f}")
