"""What a float32 holds: 0.1 is stored as the nearest float32,
and .item() keeps it exactly."""

# %% 0.1 as a float32, printed two ways
from decimal import Decimal

import torch

lr = torch.tensor(0.1)  # float32 holds the nearest number it can to 0.1
print(lr.item())  # the shortest digits that single out this float64
print(Decimal(lr.item()))  # the exact value: the conversion added nothing

# %% The gap between neighbouring float32 numbers near 1
one = torch.tensor(1.0)
print(torch.finfo(torch.float32).eps)  # the gap from 1.0 up to the next float32
print(1 - torch.nextafter(one, torch.tensor(0.0)).item())  # and down: half
