"""Figure: softmax of two logits is the sigmoid; cross-entropy is -ln p.

Left: the probability softmax gives class 1 of two, against z1 - z0, for two
different z0; both lie on the sigmoid of the difference. Right: a sample's
cross-entropy -ln p against the probability p of its true class, with the
three samples of cls_softmax.py on it.
Saves `cls_softmax.svg` in the working folder.
"""

# %% Softmax of two logits, over a range of differences, for two z0
import matplotlib.pyplot as plt
import numpy as np


def softmax(Z):  # row by row, shifted by the row's largest logit
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


difference = np.linspace(-6, 6, 13)  # z1 - z0
sigmoid = 1 / (1 + np.exp(-difference))
p1 = {}  # z0 -> softmax's probability of class 1
for z0 in (0.0, 3.0):
    Z = np.stack([np.full_like(difference, z0), z0 + difference], axis=1)
    p1[z0] = softmax(Z)[:, 1]
gap = max(abs(p - sigmoid).max() for p in p1.values())
print("largest |softmax - sigmoid|:",
      "< 1e-15" if gap < 1e-15 else f"{gap:.0e}")

# %% cls_softmax.py's three samples: P[i, y_i] and their losses
Z = np.array([[2.0, 1.0, 0.0], [0.0, 1.0, 3.0], [2.0, 0.0, 1.0]])
Y = np.array([0, 2, 2])
p_true = softmax(Z)[np.arange(len(Y)), Y]
for i, p in enumerate(p_true):
    print(f"sample {i}: P[i, y_i] = {p:.3f}, -ln = {-np.log(p):.3f}")

# %% Two panels: softmax against the sigmoid, then -ln p
GREY = "#8a8a8a"  # text and axes, readable on light and dark pages
plt.rcParams.update({"text.color": GREY, "axes.labelcolor": GREY,
                     "axes.edgecolor": GREY, "xtick.color": GREY,
                     "ytick.color": GREY, "font.size": 12,
                     "legend.fontsize": 12, "legend.frameon": False})
fig, (left, right) = plt.subplots(1, 2, figsize=(6.4, 3.2))
curve = np.linspace(-6, 6, 200)
left.plot(curve, 1 / (1 + np.exp(-curve)), color=GREY, lw=2,
          label="sigmoid")
for (z0, p), marker, size, color in zip(p1.items(), "os", (9, 4),
                                       ["#4e9be6", "#e0762b"]):
    left.plot(difference, p, marker, color=color, ms=size, mfc="none",
              mew=1.5, label=f"$z_0 = {z0:g}$")
left.set_xlabel("$z_1 - z_0$")
left.set_ylabel("$P$ of class 1")
left.legend(loc="upper left", handlelength=1)
p = np.linspace(0.01, 1, 200)
right.plot(p, -np.log(p), color=GREY, lw=2)
right.plot(p_true, -np.log(p_true), "o", color="#e0762b", ms=7,
           label="samples")
for i, q in enumerate(p_true):  # each dot numbered with its sample
    right.annotate(f"{i}", (q, -np.log(q)), xytext=(5, 3),
                   textcoords="offset points", color="#e0762b")
right.legend(loc="upper right", handlelength=1)
right.set_xlabel("$P$ of the true class")
right.set_ylabel(r"$-\ln P$")
right.set_ylim(0, 4.7)
fig.tight_layout()
title = "Softmax of two logits is the sigmoid; the cross-entropy -ln p"
fig.savefig("cls_softmax.svg", transparent=True, bbox_inches="tight",
            metadata={"Title": title, "Date": None})
