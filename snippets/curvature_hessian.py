"""The Hessian of L(w, b), and why the gradient is H times the error.

L(w, b) = mean((w x + b - y)**2) on chapter 5's four points, in float64.
"""

# %% The loss as a function of theta = (w, b); it is smallest at (2, 0)
import torch

X = torch.tensor([1, 2, 3, 4], dtype=torch.float64)
Y = 2 * X
N = len(X)
theta_star = torch.tensor([2.0, 0.0], dtype=torch.float64)  # w* and b*


def loss(theta):
    w, b = theta
    return ((w * X + b - Y) ** 2).mean()


# %% The second derivatives: by autograd (differentiating the gradient
# again) and by the formula derived on the page
H = torch.autograd.functional.hessian(loss, theta_star)
H_formula = 2 / N * torch.tensor([[(X**2).sum(), X.sum()], [X.sum(), N]])
print(f"H by autograd: {H.tolist()}")
print(f"H by formula:  {H_formula.tolist()}")

# %% At any (w, b): the gradient by autograd, and H times the error
# e = theta - theta_star; the first point is chapter 5's start
for point in [(0.7645, 0.83), (0.0, 0.0), (3.0, -1.0)]:
    theta = torch.tensor(point, dtype=torch.float64, requires_grad=True)
    loss(theta).backward()
    e = theta.detach() - theta_star
    print(f"(w, b) = {point}: gradient {theta.grad.numpy().round(4)}, "
          f"H @ e {(H @ e).numpy().round(4)}")
