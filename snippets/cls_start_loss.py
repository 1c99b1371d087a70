"""The loss at the start is about ln C.

With small random logits, softmax gives every class about the same
probability, so each sample's loss is about ln C. Logits too large at the
start give a loss far above it.
"""

# %% Random labels and random logits, for C = 2 and C = 10 classes
import math

import torch
import torch.nn as nn

torch.manual_seed(0)
N = 1000  # samples
loss_fn = nn.CrossEntropyLoss()
classes = (2, 10)  # values of C
sizes = (0.01, 5.0)  # the standard deviation of the random logits
for C in classes:
    Y = torch.randint(0, C, (N,))  # (N,): labels the logits know nothing of
    print(f"C = {C}: ln C = {math.log(C):.4f}")
    for size in sizes:
        Z = size * torch.randn(N, C)  # (N, C)
        print(f"  logits of size {size}: L = {loss_fn(Z, Y):.4f}")
