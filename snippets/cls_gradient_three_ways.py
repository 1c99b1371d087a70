"""dL/dZ of the mean cross-entropy: by hand, by autograd, by finite differences.

By hand, (P - Y_onehot) / N; by torch autograd on the same loss; and by
central finite differences, nudging one logit at a time. The relative errors
between them are printed.
"""

# %% cls_softmax.py's logits and labels
import numpy as np
import torch

Z = np.array([[2.0, 1.0, 0.0],  # (N, C)
              [0.0, 1.0, 3.0],
              [2.0, 0.0, 1.0]])
Y = np.array([0, 2, 2])  # (N,)
N, C = Z.shape
Y_onehot = np.eye(C)[Y]  # (N, C)


def softmax(Z):
    E = np.exp(Z)
    return E / E.sum(axis=1, keepdims=True)  # (N, C)


def loss_of(Z):  # the mean cross-entropy
    return -np.log(softmax(Z)[np.arange(N), Y]).mean()


# %% 1. By hand: the formula derived above
dZ = (softmax(Z) - Y_onehot) / N  # (N, C): the shape of Z
print(f"dL/dZ by hand:\n{np.array2string(dZ, precision=4, floatmode='fixed')}")

# %% 2. Autograd, on the same loss written with tensors
Z_torch = torch.tensor(Z, requires_grad=True)  # float64, as NumPy's
E_torch = Z_torch.exp()
P_torch = E_torch / E_torch.sum(dim=1, keepdim=True)
L_torch = -P_torch[torch.arange(N), torch.tensor(Y)].log().mean()
L_torch.backward()

# %% 3. Central finite differences, one logit at a time
h = 1e-6  # the step
fd = np.zeros_like(Z)
for i, c in np.ndindex(Z.shape):
    nudge = np.zeros_like(Z)
    nudge[i, c] = h
    fd[i, c] = (loss_of(Z + nudge) - loss_of(Z - nudge)) / (2 * h)


def relative_error(a, b):  # elementwise |a - b| / (|a| + |b|), the largest
    return (abs(a - b) / np.maximum(abs(a) + abs(b), 1e-12)).max()


# Against autograd only float64 rounding is left, and its digits depend on
# the CPU: print the bound, not the digits.
to_autograd = relative_error(dZ, Z_torch.grad.numpy())
vs_autograd = "< 1e-13" if to_autograd < 1e-13 else f"{to_autograd:.0e}"
print(f"largest relative error: vs autograd {vs_autograd}, "
      f"vs finite differences {relative_error(dZ, fd):.0e}")
