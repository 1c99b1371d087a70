"""The first loss of an untrained classifier is about ln C.

A model that has learned nothing gives each of the C classes about the same
probability, 1 / C, so its mean cross-entropy is about -ln(1 / C) = ln C.
A first loss far from it is a bug: here, weights drawn at the wrong scale,
and a loss summed over the samples instead of averaged.
"""

# %% Random inputs and labels: N samples, d features, C classes
import math

import torch
import torch.nn.functional as F

torch.manual_seed(0)
N, d, C = 64, 20, 10
X = torch.randn(N, d)  # (N, d)
Y = torch.randint(0, C, (N,))  # (N,) class indices
print(f"ln C = {math.log(C):.3f}")

# %% The first loss of a linear classifier, Z = X W + b, before any update
W_broken = torch.randn(d, C)  # each weight of size 1: the logits are large
scale = 0.01  # the fix: a small standard deviation
W_fixed = scale * torch.randn(d, C)  # small weights: the logits are about 0
b = torch.zeros(C)
runs = {
    "W ~ N(0, 1), mean": F.cross_entropy(X @ W_broken + b, Y),
    "W ~ N(0, 0.01^2), sum": F.cross_entropy(X @ W_fixed + b, Y,
                                             reduction="sum"),
    "W ~ N(0, 0.01^2), mean": F.cross_entropy(X @ W_fixed + b, Y),
}
for name, loss in runs.items():
    print(f"{name:>22}: first loss = {loss.item():.3f}")

# %% Regression: a model that predicts about 0 first scores mean(Y**2)
Y_reg = 3 + torch.randn(N)  # (N,) targets around 3
y_pred = X @ (scale * torch.randn(d))  # (N,) small weights: about 0
print(f"regression: first loss = {((y_pred - Y_reg) ** 2).mean():.3f}, "
      f"mean(Y**2) = {(Y_reg**2).mean():.3f}")
