"""In the (w, b) valley, momentum and Adam beat plain SGD.

nn.Linear, 100 steps, one start for all three optimizers.
"""

# %% The four points, a model with a bias, and the three optimizers of chapter 4
import torch
import torch.nn as nn

X = torch.tensor([[1], [2], [3], [4]], dtype=torch.float32)
Y = torch.tensor([[2], [4], [6], [8]], dtype=torch.float32)
n_iters = 100

optimizers = {
    "SGD(lr=0.01)": lambda params: torch.optim.SGD(params, lr=0.01),
    "SGD(lr=0.01, momentum=0.9)": lambda params: torch.optim.SGD(
        params, lr=0.01, momentum=0.9
    ),
    "Adam(lr=0.1)": lambda params: torch.optim.Adam(params, lr=0.1),
}


def train(make_optimizer):
    torch.manual_seed(42)  # every optimizer starts from the same w and b
    model = nn.Linear(1, 1)
    loss_fn = nn.MSELoss()
    optimizer = make_optimizer(model.parameters())
    for epoch in range(n_iters):
        loss = loss_fn(model(X), Y)  # 1. predict, 2. loss
        loss.backward()  # 3. gradient
        optimizer.step()  # 4. update
        optimizer.zero_grad()
    with torch.no_grad():  # the loss at the final (w, b)
        loss = loss_fn(model(X), Y).item()
    return model.weight.item(), model.bias.item(), loss


# %% The optimum is the line y = 2x
print("| optimizer | w | b | loss |")
print("| --- | ---: | ---: | ---: |")
for name, make_optimizer in optimizers.items():
    w, b, loss_final = train(make_optimizer)
    print(f"| `{name}` | {w:.4f} | {b:.4f} | {loss_final:.2e} |")
