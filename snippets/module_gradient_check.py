"""nn.Linear's gradients three ways: by hand, autograd, a finite difference."""

# %% The chapter's seeded nn.Linear, converted to float64
# so the finite difference is accurate
import torch
import torch.nn as nn

X = torch.tensor([[1], [2], [3], [4]], dtype=torch.float64)
Y = torch.tensor([[2], [4], [6], [8]], dtype=torch.float64)
N = len(X)

torch.manual_seed(42)
# init in float32 as before, then convert: the same w and b
model = nn.Linear(1, 1).double()
loss_fn = nn.MSELoss()

# %% 1. By hand: L = 1/N sum (w*x + b - y)**2, so
# dL/dw = 2/N sum x * (y_pred - y) and dL/db = 2/N sum (y_pred - y)
with torch.no_grad():
    error = model(X) - Y
    dw_hand = (2 / N * (X * error).sum()).item()
    db_hand = (2 / N * error.sum()).item()

# %% 2. Autograd: backward() fills .grad of every parameter of the model
loss_fn(model(X), Y).backward()
dw_autograd, db_autograd = model.weight.grad.item(), model.bias.grad.item()


# %% 3. A central finite difference: nudge one parameter, measure the loss
def finite_difference(parameter, h=1e-6):
    with torch.no_grad():
        parameter += h
        up = loss_fn(model(X), Y).item()
        parameter -= 2 * h
        down = loss_fn(model(X), Y).item()
        parameter += h  # put it back
    return (up - down) / (2 * h)


dw_fd, db_fd = finite_difference(model.weight), finite_difference(model.bias)

print(f"{'':>15} {'dL/dw':>10} {'dL/db':>10}")
print(f"{'by hand':>15} {dw_hand:10.6f} {db_hand:10.6f}")
print(f"{'autograd':>15} {dw_autograd:10.6f} {db_autograd:10.6f}")
print(f"{'finite diff.':>15} {dw_fd:10.6f} {db_fd:10.6f}")
