"""A NumPy round trip cuts the graph: gradients come back None.

.numpy() needs .detach(), and autograd sees nothing before the detach.
A loss computed in NumPy and wrapped in torch.tensor(..., requires_grad=True)
runs without an error and never moves; a hidden layer computed in NumPy
leaves the layer before it untrained.
"""

# %% Chapter 8's noisy sine and its network
import numpy as np
import torch
import torch.nn as nn

torch.set_num_threads(1)  # tiny tensors: one thread wastes no time on hand-offs
torch.manual_seed(0)
N, K = 100, 16  # samples, hidden units
X = 6 * torch.rand(N, 1) - 3  # (N, 1), from -3 to 3
Y = torch.sin(X) + 0.1 * torch.randn(N, 1)  # (N, 1)
try:
    torch.tanh(nn.Linear(1, K)(X)).numpy()
except RuntimeError as error:  # PyTorch says how to leave the graph
    print(f"RuntimeError: {error}")


def loss_of(model, where):  # 1. predict, 2. loss
    if where == "loss in NumPy":  # the graph ends at the detach
        y_pred = model(X).detach().numpy()
        loss = ((y_pred - Y.numpy()) ** 2).mean()
        return torch.tensor(loss, requires_grad=True)  # silences backward
    if where == "tanh in NumPy":  # layer 0 is cut off from the loss
        h = torch.from_numpy(np.tanh(model[0](X).detach().numpy()))
        return ((model[2](h) - Y) ** 2).mean()
    return ((model(X) - Y) ** 2).mean()  # all in torch: the graph is whole


# %% Each version, from the same initial weights
for where in ["loss in NumPy", "tanh in NumPy", "all in torch"]:
    torch.manual_seed(1)
    model = nn.Sequential(nn.Linear(1, K), nn.Tanh(), nn.Linear(K, 1))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
    for epoch in range(200):
        loss = loss_of(model, where)
        if epoch == 0:
            first = loss.item()
        optimizer.zero_grad()
        loss.backward()  # 3. gradient
        optimizer.step()  # 4. update
    no_grad = [name for name, p in model.named_parameters() if p.grad is None]
    print(f"{where}: loss {first:.4f} -> {loss_of(model, where).item():.4f}")
    print(f"  no gradient: {no_grad}")
