"""Figure: from inputs to the loss of a classifier, with the shapes.

A small network whose last nn.Linear has C outputs turns X into logits Z;
softmax turns them into probabilities P; the labels Y pick P[i, y_i], and the
mean of -ln P[i, y_i] is the loss L. The shapes printed are those of a run
with N = 4 samples, d = 2 features, C = 3 classes; the figure draws them.
Saves `cls_pipeline.svg` in the working folder.
"""

# %% A run of the pipeline, printing the shape at every step
import matplotlib.pyplot as plt
import torch
import torch.nn as nn

torch.manual_seed(0)
N, d, C, K = 4, 2, 3, 8  # samples, features, classes, hidden units
X = torch.randn(N, d)
Y = torch.tensor([0, 2, 1, 2])  # (N,): one class index per sample
model = nn.Sequential(nn.Linear(d, K), nn.Tanh(), nn.Linear(K, C))
Z = model(X)  # the last nn.Linear has C outputs: the logits
P = torch.softmax(Z, dim=1)
cost = -P[torch.arange(N), Y].log()  # (N,): each sample's cross-entropy
L = cost.mean()
steps = {"X": X, "Z": Z, "P": P, "Y": Y, "-ln P[i, y_i]": cost, "L": L}
for name, T in steps.items():
    print(f"{name:14} shape {tuple(T.shape)}")

# %% Boxes for the tensors, arrows for the steps; the second row runs back
GREY, FORWARD = "#8a8a8a", "#4e9be6"  # text and boxes; the steps
plt.rcParams.update({"text.color": GREY, "font.size": 12})
fig, ax = plt.subplots(figsize=(6.4, 2.9))
ax.set_xlim(-0.6, 7.2)
ax.set_ylim(-1.4, 1.3)
ax.axis("off")
box = {"boxstyle": "round,pad=0.4", "facecolor": "none", "edgecolor": GREY}
boxes = {"X": (0, 0.8, "X\n(N, d)"), "Z": (2.6, 0.8, "Z\n(N, C)"),
         "P": (5.3, 0.8, "P\n(N, C)"), "Y": (3.9, -0.05, "Y\n(N,)"),
         "cost": (5.3, -0.9, "per sample\n(N,)"),
         "L": (2.0, -0.9, "L\none number")}
for x, y, text in boxes.values():
    ax.text(x, y, text, ha="center", va="center", bbox=box, linespacing=1.4)


def arrow(a, b, step="", where=(0, 0.25), ha="center"):
    ax.annotate("", xy=b, xytext=a, arrowprops={"arrowstyle": "->",
                                                "color": FORWARD, "lw": 1.5})
    ax.text((a[0] + b[0]) / 2 + where[0], (a[1] + b[1]) / 2 + where[1], step,
            ha=ha, va="center", color=FORWARD)


arrow((0.6, 0.8), (2.0, 0.8), "network")
arrow((3.2, 0.8), (4.7, 0.8), "softmax")
arrow((5.3, 0.35), (5.3, -0.45), "−ln P[i, yᵢ]", (0.15, 0), "left")
arrow((4.3, -0.05), (5.25, -0.05))  # the labels pick one entry per row
arrow((4.45, -0.9), (2.95, -0.9), "mean")
ax.text(1.3, 0.45, "last layer:\nnn.Linear(K, C)", ha="center", va="top")
title = "A classifier's pipeline: X, logits Z, softmax P, cross-entropy L"
fig.savefig("cls_pipeline.svg", transparent=True, bbox_inches="tight",
            metadata={"Title": title, "Date": None})
