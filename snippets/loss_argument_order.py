"""loss(input, target): swapping them is harmless in MSELoss, not in BCELoss."""

# %% MSELoss is symmetric: (a - b)**2 == (b - a)**2,
# so a swapped call hides the mistake
import torch
import torch.nn as nn

y_pred = torch.tensor([0.5, 1.5, 2.5])
Y = torch.tensor([1.0, 2.0, 3.0])

mse = nn.MSELoss()
print(f"MSELoss(input=y_pred, target=Y) = {mse(y_pred, Y).item():.4f}")
print(f"MSELoss(input=Y, target=y_pred) = {mse(Y, y_pred).item():.4f}")

# %% BCELoss is not: input is a predicted probability, target the 0/1 label.
# loss = -mean(target * log(input) + (1 - target) * log(1 - input))
p = torch.tensor([0.9, 0.2, 0.6])  # predicted probability of class 1
labels = torch.tensor([1.0, 0.0, 1.0])

bce = nn.BCELoss()
print(f"BCELoss(input=p, target=labels) = {bce(p, labels).item():.4f}")
# Swapped, log(0) appears; PyTorch clamps it to a large negative number,
# so the loss is large and meaningless.
print(f"BCELoss(input=labels, target=p) = {bce(labels, p).item():.4f}")

# %% The habit that prevents it: name the arguments
print(f"BCELoss(input=p, target=labels) = "
      f"{bce(input=p, target=labels).item():.4f}")
