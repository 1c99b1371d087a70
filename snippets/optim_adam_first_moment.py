"""Adam's overshoot comes from its first moment, the running mean of gradients.

Without it (beta1 = 0), Adam walks to w = 2 and stops.
"""

# %% Adam keeps two running means per parameter, and steps
# lr * m / (sqrt(s) + eps), both corrected for their start at 0:
# m <- beta1 * m + (1 - beta1) * g     (the first moment: direction, memory)
# s <- beta2 * s + (1 - beta2) * g**2  (the second moment: scale)
import torch

X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)
n_iters = 100
largest = {}  # betas -> the largest w on the way

for betas in [(0.9, 0.999), (0.0, 0.999)]:
    w = torch.tensor(0.0, requires_grad=True)
    optimizer = torch.optim.Adam([w], lr=0.1, betas=betas)
    ws = []
    for epoch in range(n_iters):
        loss = ((w * X - Y) ** 2).mean()  # 1. predict, 2. loss
        loss.backward()  # 3. gradient
        optimizer.step()  # 4. update
        optimizer.zero_grad()
        ws.append(w.item())
    largest[betas] = max(ws)
    print(f"betas={betas}: largest w = {largest[betas]:.5f}, "
          f"w after {n_iters} steps = {ws[-1]:.4f}")
