"""nn.CrossEntropyLoss's targets: class indices, or one-hot floats.

Class indices (N,) int64 are the usual target; uint8 indices work too, int32
ones raise until .long() converts them. One-hot rows (N, C) are taken as class
probabilities and give the same loss, but only as floats. Other dtypes and
shapes raise.
"""

# %% cls_softmax.py's logits and labels
import torch
import torch.nn as nn

Z = torch.tensor([[2.0, 1.0, 0.0],
                  [0.0, 1.0, 3.0],
                  [2.0, 0.0, 1.0]])  # (N, C) float32
Y = torch.tensor([0, 2, 2])  # (N,) int64: class indices
Y_onehot = nn.functional.one_hot(Y, num_classes=3)  # (N, C), int64 too
loss_fn = nn.CrossEntropyLoss()

# %% The targets that work, and mistakes of dtype and shape
targets = {"Y, indices (N,) int64": Y,
           "Y.to(torch.uint8), (N,) uint8": Y.to(torch.uint8),
           "Y_onehot.float(), (N, C)": Y_onehot.float(),
           "Y.int(), (N,) int32": Y.int(),
           "Y.int().long(), back to int64": Y.int().long(),
           "Y_onehot, (N, C) int64": Y_onehot,
           "Y.float(), (N,) float32": Y.float(),
           "Y.reshape(-1, 1), (N, 1)": Y.reshape(-1, 1)}
for name, target in targets.items():
    try:
        print(f"{name}: loss = {loss_fn(Z, target):.4f}")
    except RuntimeError as error:
        print(f"{name}: RuntimeError\n  {error}")  # the message is long
