"""A format spec such as :.3f works on a zero-dimensional tensor, not on
one with an axis."""

# %%
import torch

w = torch.tensor(2.0)  # shape []: no axes
print(f"{w:.3f}")
w1 = torch.tensor([2.0])  # the same number along one axis
try:
    print(f"{w1:.3f}")
except TypeError as error:
    print(f"TypeError: {error}")
print(f"{w1.item():.3f}")  # .item() works for any one-number tensor
