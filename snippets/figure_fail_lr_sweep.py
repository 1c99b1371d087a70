"""Figure: the loss after 10 steps against the learning rate (chapter 2's data).

The larger the learning rate, the lower the loss after 10 steps, up to
1 / L'' (where one step lands on the minimum); then higher again, and from
2 / L'' on above the start. The dots are the learning rates of
fail_lr_sweep.py. Saves `fail_lr_sweep.svg` in the working folder.
"""

# %% Chapter 2's data and loss, and fail_lr_sweep.py's training
import matplotlib.pyplot as plt
import numpy as np

X = np.array([1, 2, 3, 4], dtype=np.float64)
Y = np.array([2, 4, 6, 8], dtype=np.float64)
L2 = 2 * (X**2).mean()  # the curvature L''(w)
n_iters = 10  # the same number of steps for every learning rate


def loss(w):
    return ((w * X - Y) ** 2).mean()


def train(lr):
    w = 0.0
    for step in range(n_iters):
        dw = (2 * X * (w * X - Y)).mean()  # 3. gradient
        w -= lr * dw  # 4. update
    return w


# %% The loss after 10 steps for 400 learning rates, and for the table's
lrs = np.geomspace(0.001, 0.3, 400)
curve = [loss(train(lr)) for lr in lrs]
table = [0.001, 0.01, 0.03, 0.1, 0.13, 0.14, 0.3]
dots = [loss(train(lr)) for lr in table]
print(f"2 / L''(w) = {2 / L2:.4f}, 1 / L''(w) = {1 / L2:.4f}")
print(f"lowest loss at lr = {lrs[np.argmin(curve)]:.4f}")

# %% The curve, the bound, and the starting loss
GREY, BLUE, ORANGE = "#8a8a8a", "#4e9be6", "#f08a24"
plt.rcParams.update({"text.color": GREY, "axes.labelcolor": GREY,
                     "axes.edgecolor": GREY, "xtick.color": GREY,
                     "ytick.color": GREY, "font.size": 12})
fig, ax = plt.subplots(figsize=(6.4, 3.8))
ax.loglog(lrs, curve, color=BLUE, lw=2)
ax.loglog(table, dots, "o", color=BLUE, ms=6)
ax.axvline(2 / L2, color=ORANGE, ls="--", lw=1.5)
ax.text(2 / L2 * 0.93, 1e8, "2 / L''", color=ORANGE, ha="right")
ax.axhline(loss(0.0), color=GREY, ls=":", lw=1)
ax.text(0.0012, loss(0.0) * 2, "loss at the start", color=GREY)
ax.set_ylim(1e-8, 1e14)  # the dip at 1 / L'' goes on down, to 0
ax.set_xlabel("learning rate")
ax.set_ylabel("loss after 10 steps")
fig.tight_layout()
title = "Loss after 10 steps against the learning rate, with the bound 2 / L''"
fig.savefig("fail_lr_sweep.svg", transparent=True,
            metadata={"Title": title, "Date": None})
