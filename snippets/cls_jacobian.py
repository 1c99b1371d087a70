"""The Jacobian of softmax over the batch, written out, and G times it.

J[i, c, j, k] = dP[i, c] / dZ[j, k]: output (i, c) against input (j, k).
Reshaped to (N * C, N * C) it is a matrix, and the vector G, reshaped to one
row, times it is what P.backward(gradient=G) stores in Z.grad.
"""

# %% cls_softmax.py's logits and labels, as float64 tensors
import numpy as np
import torch

Z = torch.tensor([[2.0, 1.0, 0.0],
                  [0.0, 1.0, 3.0],
                  [2.0, 0.0, 1.0]], dtype=torch.float64, requires_grad=True)
Y = torch.tensor([0, 2, 2])
N, C = Z.shape
Y_onehot = torch.eye(C, dtype=torch.float64)[Y]  # (N, C)


def show(name, T):
    T = T.detach().numpy()
    print(f"{name}:\n{np.array2string(T, precision=4, floatmode='fixed')}")


# %% The whole Jacobian: one entry per output and input
J = torch.autograd.functional.jacobian(lambda Z: torch.softmax(Z, dim=1),
                                       Z.detach())
print("J.shape:", tuple(J.shape))
P = torch.softmax(Z, dim=1)
p = P.detach()[0]  # (C,): sample 0's probabilities
show("sample 0's block, J[0, :, 0, :]", J[0, :, 0, :])
show("diag(p) - p p^T for sample 0", torch.diag(p) - torch.outer(p, p))
show("sample 0's outputs against sample 1's logits, J[0, :, 1, :]",
     J[0, :, 1, :])

# %% G J as a row times a matrix; autograd's Z.grad for the same G
G = -Y_onehot / (N * P.detach())  # (N, C): dL/dP
G_J = G.reshape(1, N * C) @ J.reshape(N * C, N * C)  # a row times a matrix
print(f"G.reshape(1, {N * C}) @ J.reshape({N * C}, {N * C}):", tuple(G_J.shape))
P.backward(gradient=G)
difference = abs(G_J.reshape(N, C) - Z.grad).max()  # float64 rounding
print("G J - Z.grad: largest difference",
      "< 1e-15" if difference < 1e-15 else f"{difference:.0e}")
