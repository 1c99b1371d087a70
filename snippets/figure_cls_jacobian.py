"""Figure: the Jacobian of softmax over the batch, as a 9 x 9 heat map.

Row (i, c) is the output P[i, c], column (j, k) the input Z[j, k]; the entry
is dP[i, c] / dZ[j, k]. torch.autograd.functional.jacobian computes it with
shape (N, C, N, C); reshape(N * C, N * C) lays it out as a matrix. Only the
blocks on the diagonal, a sample's outputs against its own logits, are not zero.
Saves `cls_jacobian.svg` in the working folder.
"""

# %% cls_softmax.py's logits; the Jacobian of softmax, as a matrix
import matplotlib.pyplot as plt
import numpy as np
import torch
from matplotlib.colors import LinearSegmentedColormap

Z = torch.tensor([[2.0, 1.0, 0.0],
                  [0.0, 1.0, 3.0],
                  [2.0, 0.0, 1.0]], dtype=torch.float64)
Y = torch.tensor([0, 2, 2])
N, C = Z.shape
J = torch.autograd.functional.jacobian(lambda Z: torch.softmax(Z, dim=1), Z)
J_matrix = J.reshape(N * C, N * C).numpy()  # row i * C + c, column j * C + k
print("J:", tuple(J.shape), "as a matrix:", J_matrix.shape)
print("entries not zero:", np.count_nonzero(J_matrix), "of", J_matrix.size)

# %% The heat map: orange above zero, blue below, no colour at zero
GREY, BLUE, ORANGE = "#8a8a8a", "#4e9be6", "#e0762b"
plt.rcParams.update({"text.color": GREY, "axes.labelcolor": GREY,
                     "axes.edgecolor": GREY, "xtick.color": GREY,
                     "ytick.color": GREY, "font.size": 12})
colours = LinearSegmentedColormap.from_list(  # light enough to read the text
    "blue_none_orange", [BLUE + "a0", BLUE + "00", ORANGE + "00",
                         ORANGE + "a0"])
largest = abs(J_matrix).max()
fig, ax = plt.subplots(figsize=(5.8, 5.8))
ax.imshow(J_matrix, cmap=colours, vmin=-largest, vmax=largest)
for r, c in np.ndindex(J_matrix.shape):  # each entry not zero, rounded
    value = J_matrix[r, c]
    if value != 0:
        text = f"{value:.2f}" if abs(value) >= 0.01 else f"{value:.3f}"
        ax.text(c, r, text.replace("0.", ".").replace("-", "−"),
                ha="center", va="center")
for edge in np.arange(C, N * C, C) - 0.5:  # the samples' blocks
    ax.axhline(edge, color=GREY, lw=1)
    ax.axvline(edge, color=GREY, lw=1)
ticks = [f"{i},{c}" for i in range(N) for c in range(C)]
ax.set_xticks(range(N * C), ticks, rotation=90)
ax.set_yticks(range(N * C), ticks)
ax.set_xlabel("input $Z_{jk}$: sample $j$, class $k$")
ax.set_ylabel("output $P_{ic}$: sample $i$, class $c$")
ax.tick_params(length=0)
title = "The Jacobian of softmax over a batch of 3 samples is block diagonal"
fig.savefig("cls_jacobian.svg", transparent=True, bbox_inches="tight",
            metadata={"Title": title, "Date": None})
