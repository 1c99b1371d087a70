"""Where (w, b) converge: the least-squares fit next to gradient descent.

The least-squares fit is np.linalg.lstsq's.
"""

# %% Least squares: the (w, b) minimizing sum((w*x + b - y)**2), solved exactly
import numpy as np
import torch
import torch.nn as nn

datasets = {  # name -> (x, y, learning rate of the original)
    "4 points": ([1, 2, 3, 4], [2, 4, 6, 8], 0.01),
    "6 points": ([1, 2, 3, 4, 6, 8], [2, 4, 6, 8, 11, 16], 0.015),
}


def least_squares(x, y):
    A = np.column_stack([x, np.ones(len(x))])  # one column for w, one for b
    (w, b), *_ = np.linalg.lstsq(A, np.array(y, dtype=float), rcond=None)
    # b is 0 up to rounding: print 0.000, not -0.000
    return w, b + 0.0 if abs(b) > 1e-12 else 0.0


# %% Gradient descent with nn.Linear, as in the chapter,
# stopped after n_iters steps
def gradient_descent(x, y, learning_rate, n_iters):
    X = torch.tensor(x, dtype=torch.float32).reshape(-1, 1)
    Y = torch.tensor(y, dtype=torch.float32).reshape(-1, 1)
    torch.manual_seed(42)
    model = nn.Linear(1, 1)
    loss = nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
    for epoch in range(n_iters):
        l = loss(model(X), Y)
        l.backward()
        optimizer.step()
        optimizer.zero_grad()
    return model.weight.item(), model.bias.item()


# %% The exact optimum, then GD after 100 steps (the original's run)
# and after 5000
for name, (x, y, learning_rate) in datasets.items():
    w, b = least_squares(x, y)
    print(f"{name}, {'lstsq:':<15} w = {w:.3f}, b = {b:.3f}")
    for n_iters in [100, 5000]:
        w, b = gradient_descent(x, y, learning_rate, n_iters)
        label = f"GD {n_iters:>4} steps:"
        print(f"{name}, {label:<15} w = {w:.3f}, b = {b:.3f}  "
              f"(lr {learning_rate})")
