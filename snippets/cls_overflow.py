"""Softmax overflows on large logits; the log-sum-exp form does not.

In float32, exp(100) is infinite. The naive softmax then divides inf
by inf: nan, and no warning. Subtracting each row's largest logit first
changes nothing in the mathematics and keeps every exp at most one.
"""

# %% Two samples with large logits, float32 as in a network
import torch
import torch.nn as nn

Z = torch.tensor([[100.0, 90.0, 80.0],    # exp(100) overflows
                  [50.0, 0.0, -60.0]])   # exp(-60 - 50) underflows
Y = torch.tensor([0, 2])
N, C = Z.shape


def show(name, T):  # four significant digits; inf and nan as they are
    rows = T.tolist() if T.dim() == 2 else [T.tolist()]
    print(f"{name + ':':29}", "  ".join("[" + ", ".join(f"{x:.4g}" for x in row)
                                        + "]" for row in rows))


# %% The naive softmax: inf / inf = nan, silently
E = torch.exp(Z)
show("exp(Z)", E)
P = E / E.sum(dim=1, keepdim=True)
show("naive softmax", P)
show("-ln P[i, y_i], naive", -P[torch.arange(N), Y].log())

# %% Shift each row by its largest logit: the largest exp is exp(0) = 1
Z_shift = Z - Z.max(dim=1, keepdim=True).values
P = torch.exp(Z_shift) / torch.exp(Z_shift).sum(dim=1, keepdim=True)
show("shifted softmax", P)
show("-ln P[i, y_i], shifted", -P[torch.arange(N), Y].log())

# %% Log-sum-exp: ln P = Z_shift - ln(sum of exp(Z_shift)), no ln of zero
log_P = Z_shift - torch.exp(Z_shift).sum(dim=1, keepdim=True).log()
show("-ln P[i, y_i], log-sum-exp", -log_P[torch.arange(N), Y])
L = -log_P[torch.arange(N), Y].mean()
print(f"L by hand, log-sum-exp: {L:.4f}")
print(f"nn.CrossEntropyLoss:    {nn.CrossEntropyLoss()(Z, Y):.4f}")
