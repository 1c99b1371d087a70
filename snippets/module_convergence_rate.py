"""Why w converges slowly with a bias: the loss in (w, b) is a narrow valley.

The loss surface in (w, b) is a long, narrow valley: one steep direction,
one almost flat.
"""

# %% For MSE, the curvature (Hessian) of the loss is constant:
# H = 2/N * A.T @ A
import numpy as np

x = np.array([1, 2, 3, 4], dtype=float)
learning_rate = 0.01
N = len(x)

A_no_bias = x.reshape(-1, 1)  # f = w * x: one parameter
A_bias = np.column_stack([x, np.ones(N)])  # f = w * x + b: two parameters

# %% Along an eigenvector of H, a step multiplies the distance
# to the optimum by 1 - lr * eigenvalue
for name, A in [("w only", A_no_bias), ("w and b", A_bias)]:
    H = 2 / N * A.T @ A
    eigenvalues = np.linalg.eigvalsh(H)
    factors = 1 - learning_rate * eigenvalues
    # steps to shrink a distance 1000 times
    steps = np.log(0.001) / np.log(np.abs(factors))
    print(f"{name:>7}: eigenvalues {np.round(eigenvalues, 3)}, "
          f"factors {np.round(factors, 4)}")
    print(f"{'':>7}  steps to shrink the error 1000x: "
          f"{np.round(steps).astype(int)}")

# %% The slow direction: mostly b, against w.
# Moving w alone must be paid for by b.
slow = np.linalg.eigh(2 / N * A_bias.T @ A_bias)[1][:, 0]
print(f"slow direction (w, b): {np.round(slow * np.sign(slow[1]), 3)}")
