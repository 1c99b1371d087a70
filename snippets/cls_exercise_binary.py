"""Exercise: with two classes, cross-entropy is binary cross-entropy on z1 - z0.

Softmax of two logits gives class 1 the probability sigmoid(z1 - z0), so the
cross-entropy of two logits equals nn.BCEWithLogitsLoss of their difference.
"""

# %% Random logits for two classes, random labels
import torch
import torch.nn as nn

torch.manual_seed(0)
N = 5  # samples
Z = torch.randn(N, 2)  # (N, 2)
Y = torch.randint(0, 2, (N,))  # (N,): 0 or 1

# %% The same loss, two ways
L_two_logits = nn.CrossEntropyLoss()(Z, Y)
L_difference = nn.BCEWithLogitsLoss()(Z[:, 1] - Z[:, 0], Y.float())
print(f"CrossEntropyLoss on (z0, z1):  {L_two_logits:.6f}")
print(f"BCEWithLogitsLoss on z1 - z0:  {L_difference:.6f}")
