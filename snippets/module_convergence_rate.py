"""Why w converges slowly with a bias: the loss in (w, b) is a narrow valley.

The Hessian's eigenvalues give the curvature along each axis of the valley,
and how fast gradient descent moves along it. Centring x removes the valley.
"""

# %% For the squared error, the Hessian (the matrix of second derivatives)
# is constant: H = 2/N * A.T @ A, where @ is the matrix product and A has
# one row per sample; column j holds what multiplies parameter j in f:
# x (or x - mean(x)) for w, 1 for b
import numpy as np

x = np.array([1, 2, 3, 4], dtype=float)
lr = 0.01
N = len(x)

models = {
    "w only": x.reshape(-1, 1),  # f = w x: one parameter
    "w and b": np.column_stack([x, np.ones(N)]),  # f = w x + b
    "centred": np.column_stack([x - x.mean(), np.ones(N)]),  # x - mean(x)
}

# %% Along an eigenvector of H, a step multiplies the distance
# to the optimum by 1 - lr * eigenvalue
curvatures = {}  # model -> the eigenvalues of its H
for name, A in models.items():
    H = 2 / N * A.T @ A
    eigenvalues = np.linalg.eigvalsh(H)  # smallest first
    curvatures[name] = eigenvalues
    factors = 1 - lr * eigenvalues
    steps = np.log(0.001) / np.log(factors)  # to shrink a distance 1000x
    print(f"{name:>7}: H = {H.round(3).tolist()}")
    print(f"{'':>7}  eigenvalues {eigenvalues.round(3)}, "
          f"condition number {eigenvalues[-1] / eigenvalues[0]:.2f}")
    print(f"{'':>7}  factors {factors.round(3)}, steps to shrink the "
          f"error 1000x: {steps.round().astype(int)}")

