"""Eigenvectors of H: the directions it only stretches, and what one step of
gradient descent does along each of them.
"""

# %% The Hessian of chapter 5's loss L(w, b)
import numpy as np

x = np.array([1, 2, 3, 4], dtype=float)
N = len(x)
H = 2 / N * np.array([[(x**2).sum(), x.sum()], [x.sum(), N]])

# %% Most directions are turned: H times (1, 0) is not along (1, 0)
u = np.array([1.0, 0.0])
print(f"u = {u}: H @ u = {H @ u}")

# %% An eigenvector v is only stretched, H v = lambda v; eigh finds both
# (eigenvalues smallest first, the eigenvectors as columns)
eigenvalues, V = np.linalg.eigh(H)
V = V * np.sign(V.sum(axis=0))  # each column's sign is free: pick one
for lam, v in zip(eigenvalues, V.T):
    print(f"v = {v.round(3)}: H @ v = {(H @ v).round(3)}, "
          f"lambda = {lam:.3f}")

# %% One step of gradient descent maps the error e to e - lr * H e.
# Write e as a sum of the eigenvectors, e = c[0] v[0] + c[1] v[1]:
# the step multiplies each coefficient by its own 1 - lr * lambda
lr = 0.01
e = np.array([0.7645, 0.83]) - np.array([2.0, 0.0])  # chapter 5's start
e_next = e - lr * H @ e
c, c_next = V.T @ e, V.T @ e_next  # the coefficients (V's columns are unit
# length and perpendicular, so V.T @ e finds them)
print(f"coefficients of e: {c.round(4)}, after one step {c_next.round(4)}")
print(f"ratios {(c_next / c).round(4)}, 1 - lr * lambda "
      f"{(1 - lr * eigenvalues).round(4)}")
