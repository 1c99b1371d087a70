r"""Figure: gradient-descent steps on the loss parabola, three learning rates.

For $f(x) = w \cdot x$ on $X = [1, 2, 3, 4]$, $Y = 2X$, the loss
$L(w) = \frac{1}{N}\sum_i (w x_i - y_i)^2$ is a parabola with curvature
$L''(w) = 2 \cdot \operatorname{mean}(x^2) = 15$.
A step $w \leftarrow w - \eta\,L'(w)$ multiplies the distance to the minimum
$w = 2$ by $1 - \eta L''(w)$: the steps converge for
$\eta < 2/L''(w) \approx 0.133$ and diverge above it, as lr 0.14 does.
Saves `lr_parabola.svg` in the working folder.
"""

# %% The loss and its gradient, in NumPy, as in chapter 2
import matplotlib.pyplot as plt
import numpy as np

X = np.array([1, 2, 3, 4], dtype=np.float32)
Y = np.array([2, 4, 6, 8], dtype=np.float32)


def loss(w):
    return ((w * X - Y) ** 2).mean()


def gradient(w):
    return (2 * X * (w * X - Y)).mean()


L2 = 2 * (X**2).mean()  # the curvature L''(w)
print(f"L''(w) = {L2:.1f}, stable for lr < 2 / L''(w) = {2 / L2:.4f}")

# %% Six steps from w = 0 for each learning rate
n_steps = 6
paths = {}
for lr in (0.01, 0.1, 0.14):
    w = 0.0
    paths[lr] = [w]
    for step in range(n_steps):
        w -= lr * gradient(w)
        paths[lr].append(float(w))
    print(f"lr = {lr:<4}: w = " + ", ".join(f"{w:6.3f}" for w in paths[lr]))

# %% The parabola once per learning rate, with the steps drawn on it
GREY, STEPS = "#8a8a8a", "#f08a24"  # read on light and dark pages alike
plt.rcParams.update({"text.color": GREY, "axes.labelcolor": GREY,
                     "axes.edgecolor": GREY, "xtick.color": GREY,
                     "ytick.color": GREY, "font.size": 12})
fig, axes = plt.subplots(1, 3, figsize=(10, 3.4), sharex=True)
ws = np.linspace(-2, 6, 200)
for ax, (lr, path) in zip(axes, paths.items()):
    ax.plot(ws, [loss(w) for w in ws], color=GREY, lw=1.5)
    losses = [loss(w) for w in path]
    for k in range(n_steps):
        ax.annotate("", xy=(path[k + 1], losses[k + 1]),
                    xytext=(path[k], losses[k]),
                    arrowprops={"arrowstyle": "->", "color": STEPS, "lw": 1.2})
    ax.plot(path, losses, "o", color=STEPS, ms=4)
    verdict = "diverges" if lr > 2 / L2 else "converges"
    ax.set_title(f"lr = {lr}: {verdict}", color=GREY)
    ax.set_xlabel("w")
    ax.set_ylim(-3, max(60, 1.1 * max(losses)))
axes[0].set_ylabel("loss L(w)")
fig.tight_layout()
title = "Gradient-descent steps on the loss parabola for lr 0.01, 0.1, 0.14"
fig.savefig("lr_parabola.svg", transparent=True,
            metadata={"Title": title, "Date": None})
