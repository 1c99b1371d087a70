"""Several features, with PyTorch: autograd finds dL/dw for all d weights.

The same data and the same loop as net_linear.py; backward() replaces the
gradient formula 2/N X.T (X w - Y), and gives the same weights.
"""

# %% The same data: NumPy's seeded generator, then tensors
import numpy as np
import torch

rng = np.random.default_rng(0)
N, d = 100, 3  # samples, features
w_true = np.array([2.0, -3.0, 0.5])  # (d,)
X = rng.normal(size=(N, d))  # (N, d)
noise = 0.1  # the standard deviation of the noise
Y = X @ w_true + noise * rng.normal(size=N)  # (N,)
X, Y = torch.tensor(X), torch.tensor(Y)  # float64, as NumPy's

# %% Gradient descent, the gradient by autograd
w = torch.zeros(d, dtype=torch.float64, requires_grad=True)  # (d,)
learning_rate = 0.1
n_iters = 100
for epoch in range(n_iters):
    y_pred = X @ w  # 1. predict: (N, d) @ (d,) -> (N,)
    loss = ((y_pred - Y) ** 2).mean()  # 2. loss: ()
    loss.backward()  # 3. gradient: w.grad, shape (d,)
    if epoch % 20 == 0:  # the w that made this loss, before the update
        print(f"epoch {epoch + 1}: w = {np.round(w.detach().numpy(), 3)}, "
              f"loss = {loss:.4f}")
    with torch.no_grad():
        w -= learning_rate * w.grad  # 4. update
    w.grad.zero_()
print(f"learned w = {np.round(w.detach().numpy(), 3)}, true w = {w_true}")
