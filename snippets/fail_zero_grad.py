"""Clear gradients once per update: before backward() or after step().

backward() adds into .grad. Never cleared, the gradients pile up and w
swings; cleared between backward() and step(), step() finds no gradient
and w never moves.
"""

# %% Chapter 4's loop; `where` says when the gradient is cleared
import torch
import torch.nn as nn

X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)


def train(where, n_epochs=50, lr=0.01):
    w = torch.tensor(0.0, requires_grad=True)
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.SGD([w], lr=lr)
    losses = []  # the loss of every epoch
    for epoch in range(n_epochs):
        if where == "before backward":
            optimizer.zero_grad()
        loss = loss_fn(w * X, Y)  # 1. predict, 2. loss
        loss.backward()  # 3. gradient: adds dL/dw into w.grad
        if where == "between backward and step":
            optimizer.zero_grad()  # the bug: clears this step's gradient
        losses.append(loss.item())
        if epoch % 10 == 0:  # w, the loss it gives, the gradient step() uses
            grad = "None" if w.grad is None else f"{w.grad.item():8.3f}"
            print(f"  epoch {epoch + 1}: w = {w.item():.3f}, "
                  f"loss = {loss.item():7.4f}, w.grad = {grad}")
        optimizer.step()  # 4. update
    return losses


# %% The three places, from the same start
runs = {}
for where in ["never", "between backward and step", "before backward"]:
    print(f"zero_grad {where}:")
    runs[where] = train(where)
