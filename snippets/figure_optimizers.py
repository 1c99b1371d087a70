"""Figure: SGD, SGD with momentum and Adam, loss and w over the same 50 steps.

The settings of chapter 4: X = [1, 2, 3, 4], Y = [2, 4, 6, 8], w = 0.0,
50 steps of MSELoss, `SGD(lr=0.01)`, `SGD(lr=0.01, momentum=0.9)` and
`Adam(lr=0.1)`. Saves `optimizers.svg` in the working folder.
"""

# %% Train with each optimizer, recording the loss and w at every step
import matplotlib.pyplot as plt
import torch
import torch.nn as nn

X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)
n_iters = 50

optimizers = {
    "SGD(lr=0.01)": lambda p: torch.optim.SGD(p, lr=0.01),
    "SGD(lr=0.01, momentum=0.9)": lambda p: torch.optim.SGD(
        p, lr=0.01, momentum=0.9
    ),
    "Adam(lr=0.1)": lambda p: torch.optim.Adam(p, lr=0.1),
}
history = {}
for name, make_optimizer in optimizers.items():
    w = torch.tensor(0.0, requires_grad=True)
    loss_fn = nn.MSELoss()
    optimizer = make_optimizer([w])
    history[name] = {"loss": [], "w": []}
    for epoch in range(n_iters):
        loss = loss_fn(w * X, Y)  # 1. predict, 2. loss, at w before the step
        loss.backward()  # 3. gradient
        optimizer.step()  # 4. update
        optimizer.zero_grad()
        history[name]["loss"].append(loss.item())
        history[name]["w"].append(w.item())
    print(f"{name:<27} w after 50 steps = {w.item():.4f}")

# %% Loss (log scale) and w, step by step
GREY = "#8a8a8a"  # read on light and dark pages alike
COLORS = ["#4e9be6", "#f08a24", "#3cb371"]
plt.rcParams.update({"text.color": GREY, "axes.labelcolor": GREY,
                     "axes.edgecolor": GREY, "xtick.color": GREY,
                     "ytick.color": GREY, "font.size": 12,
                     "legend.frameon": False})
fig, (ax_loss, ax_w) = plt.subplots(2, 1, figsize=(6.4, 5.6), sharex=True)
steps = range(1, n_iters + 1)
for color, (name, h) in zip(COLORS, history.items()):
    ax_loss.plot(steps, h["loss"], color=color, lw=1.8, label=name)
    ax_w.plot(steps, h["w"], color=color, lw=1.8, label=name)
ax_loss.set_yscale("log")
ax_loss.set_ylim(1e-10, 1e3)  # room at the bottom for the legend
ax_loss.set(ylabel="loss (log scale)")
ax_w.axhline(2.0, color=GREY, lw=1, ls=":")
ax_w.set(xlabel="step", ylabel="w")
ax_loss.legend(loc="lower left")  # the corner no curve reaches
fig.tight_layout()
title = "SGD, SGD with momentum and Adam: loss and w over 50 steps"
fig.savefig("optimizers.svg", transparent=True,
            metadata={"Title": title, "Date": None})
