"""Figure: the loss L(w, b) as contours, with the paths of gradient descent.

Left: f(x) = w x + b on X = [1, 2, 3, 4], Y = 2X, from the chapter's seeded
nn.Linear, 100 steps of plain SGD (lr 0.01) and of SGD with momentum 0.9.
Right: the same data with centred inputs, f(x) = w (x - mean(x)) + b,
from the same line, 10 steps of plain SGD with lr 0.3.
Saves `valley.svg` in the working folder.
"""

# %% Paths of (w, b), step by step, with torch.optim.SGD on nn.Linear
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn

X = torch.tensor([[1.0], [2.0], [3.0], [4.0]])
Y = 2 * X
X_centred = X - X.mean()


def path(x, lr, n_iters, momentum=0.0, centred=False):
    torch.manual_seed(42)  # the start of the chapter's runs
    model = nn.Linear(1, 1)
    if centred:  # the same line, written as w (x - mean) + b
        with torch.no_grad():
            model.bias += model.weight[0, 0] * X.mean()
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)
    wb = [(model.weight.item(), model.bias.item())]
    for epoch in range(n_iters):
        loss = nn.functional.mse_loss(model(x), Y)  # 1. predict, 2. loss
        loss.backward()  # 3. gradient
        optimizer.step()  # 4. update
        optimizer.zero_grad()
        wb.append((model.weight.item(), model.bias.item()))
    return np.array(wb)


paths = {
    "raw": {"plain SGD, lr 0.01": path(X, 0.01, 100),
            "momentum 0.9, lr 0.01": path(X, 0.01, 100, momentum=0.9)},
    "centred": {"plain SGD, lr 0.3": path(X_centred, 0.3, 10, centred=True)},
}
for panel, runs in paths.items():
    for name, wb in runs.items():
        print(f"{panel:>7}, {name:<21}: w = {wb[-1, 0]:.3f}, "
              f"b = {wb[-1, 1]:.3f}")

# %% Contours of L(w, b), then the paths on top
GREY, COLORS = "#8a8a8a", ["#4e9be6", "#f08a24", "#3cb371"]
plt.rcParams.update({"text.color": GREY, "axes.labelcolor": GREY,
                     "axes.edgecolor": GREY, "xtick.color": GREY,
                     "ytick.color": GREY, "font.size": 12,
                     "legend.frameon": False})
fig, axes = plt.subplots(1, 2, figsize=(6.4, 5))
limits = {"raw": ((0.5, 2.5), (-0.9, 1.3)), "centred": ((0.5, 2.5), (2.6, 5.4))}
colors = iter(COLORS)
for ax, (panel, runs) in zip(axes, paths.items()):
    x = (X_centred if panel == "centred" else X).numpy().ravel()
    (w0, w1), (b0, b1) = limits[panel]
    w, b = np.meshgrid(np.linspace(w0, w1, 200), np.linspace(b0, b1, 200))
    y = Y.numpy().ravel()
    L = ((w[..., None] * x + b[..., None] - y) ** 2).mean(axis=-1)
    ax.contour(w, b, L, levels=np.geomspace(0.01, 30, 12), colors=GREY,
               linewidths=0.7)
    for (name, wb), color in zip(runs.items(), colors):
        ax.plot(wb[:, 0], wb[:, 1], "o-", color=color, ms=2.5, lw=1.2,
                label=name)
    optimum = (2, 5) if panel == "centred" else (2, 0)
    ax.plot(*optimum, "*", color=GREY, ms=14)
    if panel == "raw":  # H's eigenvectors, drawn from the minimum
        A = np.column_stack([x, np.ones_like(x)])  # what multiplies w, b
        _, vectors = np.linalg.eigh(2 / len(x) * A.T @ A)  # flat first
        for v, name in zip(vectors.T, ["flat", "steep"]):
            v = v if v[0] > 0 else -v  # -v is one too: point to the right
            tip = np.array(optimum) + 0.4 * v
            ax.annotate("", xy=tip, xytext=optimum,
                        arrowprops={"arrowstyle": "->", "color": GREY})
            ax.text(*tip, f" {name}" if name == "flat" else f"{name}\n",
                    ha="left" if name == "flat" else "center", va="center")
    inputs = "x - mean(x)" if panel == "centred" else "x"
    ax.set(xlim=(w0, w1), ylim=(b0, b1), aspect="equal", xlabel="w",
           ylabel="b", title=f"inputs {inputs}")
fig.legend(loc="lower center", ncol=1)
fig.tight_layout(rect=(0, 0.24, 1, 0.98))  # room for the legend below
title = "Contours of L(w, b) with gradient-descent paths, raw and centred x"
fig.savefig("valley.svg", transparent=True,
            metadata={"Title": title, "Date": None})
