"""The noisy data of notebook 003: no w fits exactly.

Gradient descent finds the least-squares slope.
"""

# %% The first program of notebook 003, seeded. Only "BOOK:" lines are new.
import torch

# BOOK: added. torch.rand draws a new starting w each run;
# BOOK: a seed makes the run repeatable.
torch.manual_seed(0)

X = torch.tensor([1, 2, 3, 4, 6], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 7, 12], dtype=torch.float32)

w = torch.rand(1, dtype=torch.float32, requires_grad=True)

def predictor(x, w):
    return w*x

def loss(y, y_pred):
    return ((y - y_pred)**2).mean()

learning_rate = 0.01
iter_num = 20

for iter in range(iter_num):
    Y_pred = predictor(X, w)

    Loss = loss(Y, Y_pred)

    Loss.backward()

    with torch.no_grad():
        w -= learning_rate * w.grad

    w.grad.zero_()

    # BOOK: w.item() is the float32's exact value as a Python float; print
    # BOOK: shows the fewest digits that single out that float, not all the
    # BOOK: digits of its exact value, and only about 7 are meaningful.
    if iter % 2 == 0:
        print(f"epoch {iter+1}: w = {w.item()}, loss = {Loss}")

print(f"The prediction of input 5 is {5 * w.item()}")

# %% BOOK: where it converges.
# BOOK: dL/dw = (2/N) * sum of x_i (w x_i - y_i) = 0 gives the slope
w_best = (X * Y).sum() / (X * X).sum()
print(f"least squares: w = sum(x*y) / sum(x**2) = {w_best.item():.6f}")
print(f"after {iter_num} steps:  w = {w.item():.6f}")
