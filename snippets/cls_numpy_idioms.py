"""Three NumPy idioms of this chapter, and the shapes they make.

keepdims=True keeps the summed axis with length one, so that (N, C) / (N, 1)
divides each row by its own sum. np.eye(C)[Y] picks rows of the identity
matrix: the one-hot. P[np.arange(N), Y] picks one entry per row, P[i, Y[i]].
"""

# %% cls_softmax.py's logits and labels
import numpy as np

Z = np.array([[2.0, 1.0, 0.0],
              [0.0, 1.0, 3.0],
              [2.0, 0.0, 1.0]])
Y = np.array([0, 2, 2])
N, C = Z.shape
E = np.exp(Z)  # (N, C)

# %% keepdims=True: the row sums as a column, so each row gets its own sum
print("E:", E.shape)
print("E.sum(axis=1):", E.sum(axis=1).shape)
print("E.sum(axis=1, keepdims=True):", E.sum(axis=1, keepdims=True).shape)
P = E / E.sum(axis=1, keepdims=True)  # (N, C) / (N, 1): row i by its sum
P_wrong = E / E.sum(axis=1)  # (N, C) / (N,): column c by row c's sum
print("row sums of E / E.sum(axis=1, keepdims=True):", P.sum(axis=1))
print("row sums of E / E.sum(axis=1):", P_wrong.sum(axis=1).round(3))

# %% np.eye(C)[Y]: the identity's row Y[i], for each sample i
identity = np.eye(C, dtype=int)  # (C, C); int, to print 1 rather than 1.
print(f"np.eye(C):\n{identity}")
print(f"np.eye(C)[Y] with Y = {Y}, shape {identity[Y].shape}:\n{identity[Y]}")

# %% P[np.arange(N), Y]: the entries P[0, Y[0]], P[1, Y[1]], P[2, Y[2]]
p_true = P[np.arange(N), Y]  # (N,)
print(f"P[np.arange(N), Y] with np.arange(N) = {np.arange(N)}, Y = {Y}, "
      f"shape {p_true.shape}:\n{p_true.round(3)}")
