"""Figure: three images of each digit, with their labels.

The first three samples of each class, one column per class, drawn as 8x8
pixels: the more ink, the darker the blue (no ink is the page itself).
Saves `digits_samples.svg` in the working folder.
"""

# %% The digits, three samples of each class
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import LinearSegmentedColormap, to_rgba
from sklearn.datasets import load_digits

X, Y = load_digits(return_X_y=True)
C = 10  # classes
n_rows = 3  # samples per class
picked = [np.flatnonzero(Y == c)[:n_rows] for c in range(C)]  # (C, 3) indices
print(f"{n_rows} images of each of {C} classes, {n_rows * C} in all")

# %% One small picture per sample, its label under it
GREY = "#8a8a8a"  # text and axes, readable on light and dark pages
plt.rcParams.update({"text.color": GREY, "axes.labelcolor": GREY,
                     "axes.edgecolor": GREY, "xtick.color": GREY,
                     "ytick.color": GREY, "font.size": 12,
                     "legend.fontsize": 12, "legend.frameon": False})
BLUE = "#4e9be6"
ink = LinearSegmentedColormap.from_list(  # no ink: transparent; full: blue
    "ink", [to_rgba(BLUE, alpha=0), to_rgba(BLUE, alpha=1)])
fig, axes = plt.subplots(n_rows, C, figsize=(6.4, 2.6))
for c in range(C):
    for row in range(n_rows):
        i = picked[c][row]
        ax = axes[row, c]
        ax.imshow(X[i].reshape(8, 8), cmap=ink, vmin=0, vmax=16)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_xlabel(f"{Y[i]}", labelpad=2)
fig.tight_layout(pad=0.2, h_pad=0.3, w_pad=0.3)
title = "Three handwritten digits of each class, 8x8 pixels, with their labels"
fig.savefig("digits_samples.svg", transparent=True, bbox_inches="tight",
            metadata={"Title": title, "Date": None})
