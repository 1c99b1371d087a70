"""A parameter without requires_grad gets no gradient and never moves.

The optimizer takes it without complaint; step() skips a tensor whose .grad
is None. In an nn.Module, a plain tensor attribute (not an nn.Parameter)
is the same bug: model.parameters() does not list it.
"""

# %% A line with a bias, y = 2 x + 1, and a loop written by hand
import torch
import torch.nn as nn

X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = 2 * X + 1


def train(b_requires_grad, n_epochs=400, lr=0.05):
    w = torch.tensor(0.0, requires_grad=True)
    b = torch.tensor(0.0, requires_grad=b_requires_grad)
    optimizer = torch.optim.SGD([w, b], lr=lr)
    for epoch in range(n_epochs):
        loss = ((w * X + b - Y) ** 2).mean()  # 1. predict, 2. loss
        optimizer.zero_grad()
        loss.backward()  # 3. gradient
        if epoch % 200 == 0 or epoch == n_epochs - 1:  # before the update
            grad = "None" if b.grad is None else f"{b.grad.item():.4f}"
            print(f"  epoch {epoch + 1}: w = {w.item():.3f}, "
                  f"b = {b.item():.3f}, loss = {loss.item():.4f}, "
                  f"b.grad = {grad}")
        optimizer.step()  # 4. update
    return b.item()


# %% b made without requires_grad=True, then with it
b_trained = {}
for b_requires_grad in (False, True):
    print(f"b requires grad: {b_requires_grad}")
    b_trained[b_requires_grad] = train(b_requires_grad)


# %% In an nn.Module, only nn.Parameter attributes are parameters
class Line(nn.Module):
    def __init__(self, b_as_parameter):
        super().__init__()
        self.w = nn.Parameter(torch.tensor(0.0))
        b = torch.tensor(0.0)
        self.b = nn.Parameter(b) if b_as_parameter else b  # False: the bug

    def forward(self, x):
        return self.w * x + self.b


for b_as_parameter in (False, True):
    names = [name for name, p in Line(b_as_parameter).named_parameters()]
    print(f"b as nn.Parameter: {b_as_parameter}, parameters: {names}")
