"""What backward() computes: a vector-Jacobian product.

loss.backward() starts the chain rule with the seed dL/dL = 1. A tensor of
many values has no such seed: P.backward(gradient=G) needs one, and computes
G times the Jacobian of P. With G = dL/dP, that is dL/dZ again.
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


# %% A scalar: backward() is backward(gradient=1)
P = torch.softmax(Z, dim=1)
L = -P[torch.arange(N), Y].log().mean()
L.backward()  # the seed dL/dL = 1 is implied
dZ_from_L = Z.grad
Z.grad = None
P = torch.softmax(Z, dim=1)
L = -P[torch.arange(N), Y].log().mean()
L.backward(gradient=torch.tensor(1.0, dtype=torch.float64))
print("backward() equals backward(gradient=1):", torch.equal(dZ_from_L, Z.grad))

# %% P holds N x C values: there is no implied seed
Z.grad = None
P = torch.softmax(Z, dim=1)
try:
    P.backward()
except RuntimeError as error:
    print(f"RuntimeError: {error}")
G = -Y_onehot / (N * P.detach())  # (N, C): the seed dL/dP, through -ln
P.backward(gradient=G)
show("Z.grad after P.backward(gradient=G)", Z.grad)

# %% The Jacobian of softmax, J[i, c, j, k] = dP[i, c] / dZ[j, k], and G J
J = torch.autograd.functional.jacobian(lambda Z: torch.softmax(Z, dim=1),
                                       Z.detach())
print("Jacobian shape:", tuple(J.shape))
across = J.permute(0, 2, 1, 3)[~torch.eye(N, dtype=torch.bool)]  # i != j
print("entries linking two different samples, not zero:",
      int(across.count_nonzero()))
p = P.detach()[0]  # (C,): sample 0's probabilities
show("sample 0's block, J[0, :, 0, :]", J[0, :, 0, :])
show("diag(p) - p p^T for sample 0", torch.diag(p) - torch.outer(p, p))
G_J = torch.einsum("ic,icjk->jk", G, J)  # sum over i, c of G[i, c] J[i, c]
for name, dZ in {"G J": G_J, "(P - Y_onehot) / N": (P.detach() - Y_onehot) / N,
                 "L.backward()": dZ_from_L}.items():
    difference = abs(Z.grad - dZ).max()  # float64 rounding: show a bound
    print(f"Z.grad - {name}: largest difference",
          "< 1e-15" if difference < 1e-15 else f"{difference:.0e}")
