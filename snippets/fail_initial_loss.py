"""The first loss of an untrained classifier is about ln C.

A model that has learned nothing gives each of the C classes about the same
probability, 1 / C, so its mean cross-entropy is about -ln(1 / C) = ln C.
Weights of size 1 start far above it, nn.Linear's own start a little above
it; scaled down, the last layer starts at ln C. A loss summed over the
samples instead of averaged is N times larger.
"""

# %% Random inputs and labels: N samples, d features, C classes
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
N, d, C = 64, 20, 10
X = torch.randn(N, d)  # (N, d)
Y = torch.randint(0, C, (N,))  # (N,) class indices
print(f"ln C = {math.log(C):.3f}")

# %% The logits of a linear classifier, Z = X W + b, before any update
W = torch.randn(d, C)  # each weight of size 1: the logits are large
linear = nn.Linear(d, C)  # PyTorch's start: uniform within 1 / sqrt(d)
with torch.no_grad():  # we only measure
    logits = {"W ~ N(0, 1)": X @ W, "nn.Linear(d, C)": linear(X)}
    scale = 0.01  # the fix: scale the last layer's weights down
    linear.weight *= scale
    linear.bias.zero_()  # and start its biases at zero
    logits["nn.Linear, scaled"] = linear(X)
for name, Z in logits.items():
    print(f"{name:>17}: logits' std {Z.std():.2f}, "
          f"first loss = {F.cross_entropy(Z, Y):.3f}")
summed = F.cross_entropy(logits["nn.Linear, scaled"], Y, reduction="sum")
print(f"the same, summed over the N samples: first loss = {summed:.3f}")

# %% Regression: a model that predicts about 0 first scores mean(Y**2)
Y_reg = 3 + torch.randn(N)  # (N,) targets around 3
y_pred = X @ (scale * torch.randn(d))  # (N,) small weights: about 0
print(f"regression: first loss = {((y_pred - Y_reg) ** 2).mean():.3f}, "
      f"mean(Y**2) = {(Y_reg**2).mean():.3f}")
