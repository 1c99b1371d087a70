"""SGD, SGD with momentum and Adam on f = w * x: the same 50 steps.

The final w and loss in a table, then w every 10 steps.
"""

# %% The same problem for every optimizer: X, Y, w = 0.0, 50 steps of MSELoss
import torch
import torch.nn as nn

X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)
n_iters = 50

optimizers = {
    "SGD(lr=0.01)": lambda params: torch.optim.SGD(params, lr=0.01),
    "SGD(lr=0.01, momentum=0.9)": lambda params: torch.optim.SGD(
        params, lr=0.01, momentum=0.9
    ),
    "Adam(lr=0.1)": lambda params: torch.optim.Adam(params, lr=0.1),
}


def train(make_optimizer):
    """Returns w after every step, and the loss at the final w."""
    w = torch.tensor(0.0, requires_grad=True)
    loss_fn = nn.MSELoss()
    optimizer = make_optimizer([w])
    w_history = []
    for epoch in range(n_iters):
        loss = loss_fn(w * X, Y)  # 1. predict, 2. loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        w_history.append(w.item())
    with torch.no_grad():
        return w_history, loss_fn(w * X, Y).item()


results = {
    name: train(make_optimizer) for name, make_optimizer in optimizers.items()
}

# %% Markdown tables, printed by the code:
# the final numbers, then w every 10 steps
print("| optimizer | final w | final loss |")
print("| --- | ---: | ---: |")
for name, (w_history, loss_final) in results.items():
    print(f"| `{name}` | {w_history[-1]:.4f} | {loss_final:.2e} |")

print()
print("| optimizer | "
      + " | ".join(f"step {n}" for n in range(10, n_iters + 1, 10))
      + " |")
print("| --- |" + " ---: |" * (n_iters // 10))
for name, (w_history, _) in results.items():
    print(f"| `{name}` | "
          + " | ".join(f"{w:.3f}" for w in w_history[9::10])
          + " |")
