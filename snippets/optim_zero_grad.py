"""Where zero_grad() goes: before backward() or after step() gives the same w.

Never clearing the gradient is wrong.
"""

# %% One training run; `where` says when the gradient is cleared
import torch
import torch.nn as nn

X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)
lr = 0.01
n_iters = 20


def train(where):
    w = torch.tensor(0.0, requires_grad=True)
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.SGD([w], lr=lr)
    for epoch in range(n_iters):
        if where == "before backward":
            optimizer.zero_grad()
        loss = loss_fn(w * X, Y)  # 1. predict, 2. loss
        loss.backward()  # 3. gradient: adds dL/dw into w.grad
        optimizer.step()
        if where == "after step":
            optimizer.zero_grad()
    return w.item()


# %% Nothing reads w.grad between step() and the next backward(),
# so both places work
for where in ["before backward", "after step", "never"]:
    print(f"zero_grad {where:>15}: w = {train(where):.6f}")

# %% zero_grad() sets the gradient to None
# (set_to_none=True, the default since PyTorch 2.0)
w = torch.tensor(0.0, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=lr)
print(f"before any backward: w.grad = {w.grad}")
nn.MSELoss()(w * X, Y).backward()
print(f"after backward:      w.grad = {w.grad}")
optimizer.zero_grad()
print(f"after zero_grad:     w.grad = {w.grad}")
