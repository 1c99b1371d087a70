"""Figure: broadcasting a column [4, 1] against a row [4] gives a [4, 4] grid.

X holds the inputs 1..4 as a column, y the targets 2, 4, 6, 8 as a flat
tensor. X - y stretches both to [4, 4]: every x meets every y.
Saves `broadcasting.svg` in the working folder.
"""

# %% The tensors of the chapter, and their difference
import matplotlib.pyplot as plt
import torch

X = torch.tensor([[1.0], [2.0], [3.0], [4.0]])  # [4, 1]
y = torch.tensor([2.0, 4.0, 6.0, 8.0])  # [4]
D = X - y  # [4, 4]
print(list(X.shape), list(y.shape), list(D.shape))

# %% Three 4 x 4 grids: the stored numbers solid, the stretched copies faint
GREY, BLUE, ORANGE, GREEN = "#8a8a8a", "#4e9be6", "#f08a24", "#3cb371"
plt.rcParams.update({"text.color": GREY, "font.size": 12})
fig, ax = plt.subplots(figsize=(6.4, 2.3))


def grid(left, values, color, stored):
    """values: 4 x 4 numbers; stored(i, j) says whether the tensor holds it."""
    for i in range(4):
        for j in range(4):
            alpha = 0.35 if stored(i, j) else 0.1
            ax.add_patch(plt.Rectangle((left + j, 3 - i), 1, 1, color=color,
                                       alpha=alpha, lw=0))
            ax.add_patch(plt.Rectangle((left + j, 3 - i), 1, 1, fill=False,
                                       edgecolor=GREY, lw=0.8))
            ax.text(left + j + 0.5, 3.5 - i, f"{values[i][j]:g}",
                    ha="center", va="center")


grid(0, X.expand(4, 4).tolist(), BLUE, lambda i, j: j == 0)
ax.text(4.75, 2, "−", ha="center", va="center", fontsize=18)
grid(5.5, y.expand(4, 4).tolist(), ORANGE, lambda i, j: i == 0)
ax.text(10.25, 2, "=", ha="center", va="center", fontsize=18)
grid(11, D.tolist(), GREEN, lambda i, j: True)
for left, label in [(0, "X: [4, 1]"), (5.5, "y: [4]"), (11, "X − y: [4, 4]")]:
    ax.text(left + 2, -0.6, label, ha="center", va="center")
ax.set(xlim=(-0.1, 15.1), ylim=(-0.9, 4.05), aspect="equal")
ax.axis("off")
fig.tight_layout()
title = "Broadcasting: a [4, 1] column minus a [4] row is a [4, 4] grid"
fig.savefig("broadcasting.svg", transparent=True,
            metadata={"Title": title, "Date": None})
