"""Where (w, b) converge: the least-squares fit, and gradient descent to it.

On this loss, n steps of gradient descent have a closed form too.
"""

# %% Least squares: the (w, b) minimizing L(w, b), solved exactly
import numpy as np
import torch
import torch.nn as nn

x = np.array([1.0, 2.0, 3.0, 4.0])
y = 2 * x
N = len(x)
A = np.column_stack([x, np.ones(N)])  # one column for w, one for b
best = np.linalg.lstsq(A, y, rcond=None)[0]


def show(theta):
    w, b = np.round(theta, 3) + 0.0  # + 0.0: print 0.000, not -0.000
    return f"w = {w:.3f}, b = {b:.3f}"


print(f"least squares:            {show(best)}")

# %% Gradient descent with nn.Linear, as in the chapter: 100 steps
lr, n_iters = 0.01, 100
torch.manual_seed(42)
model = nn.Linear(1, 1)
start = np.array([model.weight.item(), model.bias.item()])
X = torch.tensor(x, dtype=torch.float32).reshape(-1, 1)
Y = torch.tensor(y, dtype=torch.float32).reshape(-1, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=lr)
for epoch in range(n_iters):
    loss = nn.functional.mse_loss(model(X), Y)  # 1. predict, 2. loss
    loss.backward()  # 3. gradient
    optimizer.step()  # 4. update
    optimizer.zero_grad()
ran = np.array([model.weight.item(), model.bias.item()])
print(f"GD, {n_iters:>4} steps, run:     {show(ran)}")

# %% The loss is quadratic, so one step maps the error e = theta - best to
# (I - lr H) e, and n steps to (I - lr H)^n e: no need to run 5000 of them
H = 2 / N * A.T @ A
for n in [100, 5000]:
    step_n = np.linalg.matrix_power(np.eye(2) - lr * H, n)
    theta = best + step_n @ (start - best)
    print(f"GD, {n:>4} steps, formula: {show(theta)}")
