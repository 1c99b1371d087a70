"""Exercise: each row of dL/dZ sums to zero; shifting a row changes nothing.

Each row of P sums to one, and so does each row of the one-hot: their
difference sums to zero. That is the gradient's way of saying that adding the
same number to every logit of a row leaves the loss as it was.
"""

# %% cls_softmax.py's logits and labels
import numpy as np

Z = np.array([[2.0, 1.0, 0.0],
              [0.0, 1.0, 3.0],
              [2.0, 0.0, 1.0]])
Y = np.array([0, 2, 2])
N, C = Z.shape
Y_onehot = np.eye(C)[Y]


def loss_and_gradient(Z):
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    P = E / E.sum(axis=1, keepdims=True)
    return -np.log(P[np.arange(N), Y]).mean(), (P - Y_onehot) / N


# %% Row sums of the gradient: zero, up to float64 rounding
L, dZ = loss_and_gradient(Z)
row_sum = abs(dZ.sum(axis=1)).max()
print("largest |row sum of dL/dZ|:",
      "< 1e-15" if row_sum < 1e-15 else f"{row_sum:.0e}")

# %% Add a different number to each row: the loss does not move
shift = np.array([[10.0], [-4.0], [0.5]])  # (N, 1): one number per row
L_shifted = loss_and_gradient(Z + shift)[0]
print(f"L = {L:.6f}, L after shifting the rows = {L_shifted:.6f}")
