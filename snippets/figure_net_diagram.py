"""Figure: the 1-16-1 network of chapter 8, with the shape of every array.

One input unit, K = 16 hidden tanh units, one output unit; under each layer
the arrays it holds, with their shapes. The shapes are not typed by hand: they
are the .shape of the arrays of one forward pass of net_two_layer.py (its data
and weights, rebuilt here: a program stands alone), with the number of
samples written N. Saves `net_diagram.svg` in the working folder, and the
same network drawn top to bottom for a phone, `net_diagram.narrow.svg`.
"""

# %% One forward pass of net_two_layer.py, for the shapes of its arrays
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(0)
N, K = 100, 16  # samples, hidden units
X = rng.uniform(-3, 3, size=(N, 1))
Y = np.sin(X) + 0.1 * rng.normal(size=(N, 1))
W1, b1 = rng.normal(size=(1, K)), np.zeros(K)
W2, b2 = rng.normal(size=(K, 1)) / np.sqrt(K), np.zeros(1)
z = X @ W1 + b1
h = np.tanh(z)
y_pred = h @ W2 + b2
L = ((y_pred - Y) ** 2).mean()


def shape(a):  # (100, 16) -> "(N, 16)": the sample axis named N
    sizes = ["N" if n == N else str(n) for n in np.shape(a)]
    return f"({sizes[0]},)" if len(sizes) == 1 else f"({', '.join(sizes)})"


arrays = {"X": X, "W1": W1, "b1": b1, "z": z, "h": h, "W2": W2, "b2": b2,
          "y_pred": y_pred, "Y": Y, "L": L}
for name, a in arrays.items():
    print(f"{name:7}{shape(a)}")

# %% The drawing: units as circles, weights as lines, shapes as labels
GREY, BLUE = "#8a8a8a", "#4e9be6"  # arrays in grey, weights in blue
plt.rcParams.update({"text.color": GREY, "font.size": 12})
title = "The 1-16-1 network with the shape of every array"
labels = {  # what each layer holds, in the order of the forward pass
    "input": f"X {shape(X)}",
    "layer 1": f"W1 {shape(W1)}\nb1 {shape(b1)}",
    "hidden": f"z = X W1 + b1\nh = tanh(z)\n{shape(h)}",
    "layer 2": f"W2 {shape(W2)}\nb2 {shape(b2)}",
    "output": f"y_pred {shape(y_pred)}",
    "loss": f"L {shape(L)}\nvs Y {shape(Y)}",
}


def draw(ax, place, spread):
    """place(layer depth, unit position) -> (x, y); spread: units across."""
    units = {0: [0.0], 1: list(np.linspace(-spread, spread, K)), 2: [0.0]}
    size = {0: 16, 1: 7, 2: 16}  # a circle's diameter, in points
    to_px, to_data = ax.transData.transform, ax.transData.inverted().transform
    for a in (0, 1):  # each weight a line from a unit's edge to the next's
        for u in units[a]:
            for v in units[a + 1]:
                p, q = to_px(place(a, u)), to_px(place(a + 1, v))
                along = (q - p) / np.hypot(*(q - p)) * fig.dpi / 72 / 2
                ends = to_data([p + along * size[a], q - along * size[a + 1]])
                ax.plot(*ends.T, color=BLUE, lw=0.6)
    for layer, us in units.items():
        for u in us:
            ax.plot(*place(layer, u), "o", ms=size[layer], mfc="none",
                    mec=GREY, mew=1.3)


fig, ax = plt.subplots(figsize=(6.4, 3.6))
ax.set_xlim(-0.7, 3.3)
ax.set_ylim(-2.25, 1.5)
ax.axis("off")
draw(ax, lambda d, u: (1.2 * d, u), spread=1.2)
ax.text(0, -0.25, "x", ha="center", va="top")
ax.text(2.4, -0.25, "ŷ", ha="center", va="top")
ax.text(0, -1.45, labels["input"], ha="center", va="center")
ax.text(1.2, -1.8, labels["hidden"], ha="center", va="center")
ax.text(2.4, -1.45, labels["output"], ha="center", va="center")
ax.text(0.6, 1.32, labels["layer 1"], ha="center", va="center", color=BLUE)
ax.text(1.8, 1.32, labels["layer 2"], ha="center", va="center", color=BLUE)
ax.annotate("", xy=(3.05, 0), xytext=(2.55, 0),
            arrowprops={"arrowstyle": "->", "color": GREY, "lw": 1.2})
ax.text(3.1, 0, labels["loss"], ha="left", va="center")
fig.savefig("net_diagram.svg", transparent=True, bbox_inches="tight",
            metadata={"Title": title, "Date": None})

# %% The same network top to bottom, for a phone's narrow column
fig, ax = plt.subplots(figsize=(4.2, 5.4))
ax.set_xlim(-2.1, 2.1)
ax.set_ylim(-3.5, 0.6)
ax.axis("off")
draw(ax, lambda d, u: (u, -1.3 * d), spread=1.35)
ax.text(0.25, 0, "x", ha="left", va="center")
ax.text(0.25, -2.6, "ŷ", ha="left", va="center")
ax.text(-0.4, 0, labels["input"], ha="right", va="center")
ax.text(-1.45, -0.65, labels["layer 1"], ha="center", va="center",
        color=BLUE)
ax.text(1.75, -1.95, labels["hidden"], ha="center", va="center")
ax.text(-1.45, -1.95, labels["layer 2"], ha="center", va="center",
        color=BLUE)
ax.text(1.4, -2.95, labels["output"], ha="center", va="center")
ax.annotate("", xy=(0, -3.1), xytext=(0, -2.75),
            arrowprops={"arrowstyle": "->", "color": GREY, "lw": 1.2})
ax.text(0, -3.15, labels["loss"].replace("\n", " "), ha="center", va="top")
fig.savefig("net_diagram.narrow.svg", transparent=True, bbox_inches="tight",
            metadata={"Title": title, "Date": None})
