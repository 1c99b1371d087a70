"""Figure: the two moons, training and validation samples, by class.

The data and the split of moons_numpy.py: 200 points of make_moons with
noise 0.1, 160 to train on and 40 to validate.
Saves `moons_data.svg` in the working folder.
"""

# %% The data and the split of moons_numpy.py
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import make_moons

X, Y = make_moons(n_samples=200, noise=0.1, random_state=0)
N, d = X.shape  # samples, features
C = len(np.unique(Y))  # classes: one per moon
print(f"{N} points, {d} features, {C} classes")
order = np.random.default_rng(0).permutation(N)
train, val = order[:160], order[160:]
for name, part in (("training", train), ("validation", val)):
    counts = np.bincount(Y[part])  # samples of each class
    print(f"{name}: {len(part)} samples, {counts[0]} of class 0 "
          f"and {counts[1]} of class 1")

# %% One panel: a colour per class, dots to train on, squares to validate
GREY = "#8a8a8a"  # text and axes, readable on light and dark pages
CLASS_COLORS = ["#4e9be6", "#e0762b"]  # class 0, class 1
plt.rcParams.update({"text.color": GREY, "axes.labelcolor": GREY,
                     "axes.edgecolor": GREY, "xtick.color": GREY,
                     "ytick.color": GREY, "font.size": 12,
                     "legend.fontsize": 12, "legend.frameon": False})
fig, ax = plt.subplots(figsize=(6.4, 4.6))
for c, color in zip(range(C), CLASS_COLORS):
    on_train, on_val = train[Y[train] == c], val[Y[val] == c]
    ax.plot(*X[on_train].T, "o", color=color, ms=5,
            label=f"class {c}, training")
    ax.plot(*X[on_val].T, "s", mfc="none", mec=color, mew=1.5, ms=7,
            label=f"class {c}, validation")
ax.set(xlabel="feature 1", ylabel="feature 2", aspect="equal")
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=2)
fig.tight_layout()
title = "Two moons: 160 training and 40 validation samples of two classes"
fig.savefig("moons_data.svg", transparent=True, bbox_inches="tight",
            metadata={"Title": title, "Date": None})
