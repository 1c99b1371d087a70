"""Figure: loss per epoch of four ways to train f = w * x, NumPy to nn.Module.

The first three are one computation (w = 0.0, lr = 0.01, the mean squared
error) done by hand in NumPy, with autograd, and with `nn.MSELoss` +
`torch.optim.SGD`: their curves coincide. The fourth, `nn.Linear` in an
`nn.Module`, also has a bias and starts from a random weight (seed 42), so it
follows its own curve. Saves `four_ways.svg` in the working folder.
"""

# %% The four training loops, 100 epochs each, recording every epoch's loss
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn

lr, n_iters = 0.01, 100
X_np = np.array([1, 2, 3, 4], dtype=np.float32)
Y_np = np.array([2, 4, 6, 8], dtype=np.float32)
X, Y = torch.from_numpy(X_np), torch.from_numpy(Y_np)
curves = {name: [] for name in ["NumPy, gradient by hand", "autograd",
                                "MSELoss + SGD", "nn.Module (nn.Linear)"]}

# 1. NumPy, the gradient by hand
w = 0.0
for epoch in range(n_iters):
    y_pred = w * X_np
    curves["NumPy, gradient by hand"].append(((y_pred - Y_np) ** 2).mean())
    w -= lr * (2 * X_np * (y_pred - Y_np)).mean()

# 2. autograd computes the gradient
w = torch.tensor(0.0, requires_grad=True)
for epoch in range(n_iters):
    l = ((w * X - Y) ** 2).mean()
    l.backward()
    with torch.no_grad():
        w -= lr * w.grad
    w.grad.zero_()
    curves["autograd"].append(l.item())

# 3. nn.MSELoss and torch.optim.SGD
w = torch.tensor(0.0, requires_grad=True)
loss, optimizer = nn.MSELoss(), torch.optim.SGD([w], lr=lr)
for epoch in range(n_iters):
    l = loss(w * X, Y)
    l.backward()
    optimizer.step()
    optimizer.zero_grad()
    curves["MSELoss + SGD"].append(l.item())

# 4. nn.Module: nn.Linear, with a bias and a random initial weight
torch.manual_seed(42)
model = nn.Linear(1, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=lr)
for epoch in range(n_iters):
    l = loss(model(X.reshape(-1, 1)), Y.reshape(-1, 1))
    l.backward()
    optimizer.step()
    optimizer.zero_grad()
    curves["nn.Module (nn.Linear)"].append(l.item())

first = np.array(curves["NumPy, gradient by hand"], dtype=np.float64)
for name, curve in curves.items():
    gap = np.abs(np.array(curve, dtype=np.float64) - first).max()
    print(f"{name:<23} final loss {curve[-1]:.2e}, "
          f"largest gap to NumPy {gap:.1e}")

# %% One plot; the three equal curves drawn so each stays visible on the others
GREY = "#8a8a8a"  # read on light and dark pages alike
plt.rcParams.update({"text.color": GREY, "axes.labelcolor": GREY,
                     "axes.edgecolor": GREY, "xtick.color": GREY,
                     "ytick.color": GREY, "font.size": 12,
                     "legend.frameon": False})
styles = [
    {"color": "#4e9be6", "lw": 7, "alpha": 0.45},  # a wide, light band
    {"color": "#f08a24", "lw": 2.5, "ls": "--"},  # dashes on the band
    {"color": "#3cb371", "lw": 0, "marker": "o", "ms": 3.5, "markevery": 4},
    {"color": "#e0556b", "lw": 2},
]
fig, ax = plt.subplots(figsize=(6.4, 4))
epochs = range(1, n_iters + 1)
for style, (name, curve) in zip(styles, curves.items()):
    ax.plot(epochs, curve, label=name, **style)
ax.set_yscale("log")
ax.set(xlabel="epoch", ylabel="loss (log scale)")
ax.legend()
fig.tight_layout()
title = "Loss per epoch of four ways to train f = w * x"
fig.savefig("four_ways.svg", transparent=True,
            metadata={"Title": title, "Date": None})
