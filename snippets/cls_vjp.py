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
P.backward(gradient=G)  # Z.grad = G times the Jacobian of softmax
dZ = np.array2string(Z.grad.numpy(), precision=4, floatmode="fixed")
print(f"Z.grad after P.backward(gradient=G):\n{dZ}")
for name, other in {"(P - Y_onehot) / N": (P.detach() - Y_onehot) / N,
                    "L.backward()": dZ_from_L}.items():
    difference = abs(Z.grad - other).max()  # float64 rounding: show a bound
    print(f"Z.grad - {name}: largest difference",
          "< 1e-15" if difference < 1e-15 else f"{difference:.0e}")
