"""Several features at once: the loss and its gradient as matrix products.

X is N x d, w has d entries. Each line carries its shapes as a comment: the
only product of the arrays at hand with the shape of w is X.T @ (X w - Y).
The gradient is checked against torch autograd and finite differences, then
gradient descent finds the true weights the data was made with.
"""

# %% Data made with known weights, plus noise
import numpy as np
import torch

rng = np.random.default_rng(0)
N, d = 100, 3  # samples, features
w_true = np.array([2.0, -3.0, 0.5])  # (d,)
X = rng.normal(size=(N, d))  # (N, d)
noise = 0.1  # the standard deviation of the noise
Y = X @ w_true + noise * rng.normal(size=N)  # (N, d) @ (d,) -> (N,)


# %% The loss and its gradient, in matrix form
def loss_and_gradient(w):
    y_pred = X @ w  # (N, d) @ (d,) -> (N,)
    error = y_pred - Y  # (N,)
    loss = (error**2).mean()  # (): L = 1/N sum of squared errors
    dw = 2 / N * X.T @ error  # (d, N) @ (N,) -> (d,): dL/dw
    return loss, dw


w = np.zeros(d)  # (d,)
loss, dw = loss_and_gradient(w)

# autograd on the same loss
w_torch = torch.tensor(w, requires_grad=True)
((torch.tensor(X) @ w_torch - torch.tensor(Y)) ** 2).mean().backward()

# central differences, one feature at a time (the rows of the identity)
h = 1e-6
fd = np.array([(loss_and_gradient(w + h * e)[0]
                - loss_and_gradient(w - h * e)[0]) / (2 * h)
               for e in np.eye(d)])  # (d,)
print("dL/dw by hand:   ", np.round(dw, 4))
print("dL/dw autograd:  ", np.round(w_torch.grad.numpy(), 4))
print("dL/dw finite d.: ", np.round(fd, 4))
worst = max(abs(dw - w_torch.grad.numpy()).max(), abs(dw - fd).max())
print(f"largest difference: {worst:.0e}")

# %% Gradient descent on all d weights at once
learning_rate = 0.1
n_iters = 100
for epoch in range(n_iters):
    loss, dw = loss_and_gradient(w)  # 1. predict, 2. loss, 3. gradient
    if epoch % 20 == 0:  # the w that made this loss, before the update
        print(f"epoch {epoch + 1}: w = {np.round(w, 3)}, loss = {loss:.4f}")
    w = w - learning_rate * dw  # 4. update: (d,) - () * (d,)
print(f"learned w = {np.round(w, 3)}, true w = {w_true}")
