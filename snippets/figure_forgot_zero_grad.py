"""Figure: w and w.grad, step by step, with w.grad.zero_() and without it.

The loop of chapter 3 on X = [1, 2, 3, 4], Y = 2X, from w = 0 with lr 0.01.
Saves `forgot_zero_grad.svg` in the working folder.
"""

# %% The same loop twice: clearing w.grad after each update, or never
import matplotlib.pyplot as plt
import torch

X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)
lr = 0.01
n_iters = 100

history = {}
for clear in [True, False]:
    w = torch.tensor(0.0, requires_grad=True)
    ws, grads = [], []
    for epoch in range(n_iters):
        loss = ((w * X - Y) ** 2).mean()  # 1. predict, 2. loss
        loss.backward()  # 3. gradient
        ws.append(w.item())
        grads.append(w.grad.item())  # what the update uses
        with torch.no_grad():  # 4. update
            w -= lr * w.grad
        if clear:
            w.grad.zero_()
    history[clear] = ws, grads
    print(f"clear={clear}: w after {n_iters} steps = {w.item():.3f}")

# %% w on top, the w.grad each update used below
GREY, BLUE, ORANGE = "#8a8a8a", "#4e9be6", "#f08a24"
plt.rcParams.update({"text.color": GREY, "axes.labelcolor": GREY,
                     "axes.edgecolor": GREY, "xtick.color": GREY,
                     "ytick.color": GREY, "font.size": 12,
                     "legend.frameon": False})
fig, (ax_w, ax_g) = plt.subplots(2, 1, figsize=(6.4, 5.2), sharex=True)
labels = {True: "w.grad.zero_() each step", False: "zero_() forgotten"}
for clear, color in [(True, BLUE), (False, ORANGE)]:
    ws, grads = history[clear]
    ax_w.plot(range(1, n_iters + 1), ws, color=color, lw=1.8,
              label=labels[clear])
    ax_g.plot(range(1, n_iters + 1), grads, color=color, lw=1.8)
ax_w.axhline(2.0, color=GREY, lw=1, ls=":")
ax_w.set_ylabel("w")
ax_g.axhline(0.0, color=GREY, lw=1, ls=":")
ax_g.set(xlabel="step", ylabel="w.grad")
ax_w.legend(loc="upper center", bbox_to_anchor=(0.5, 1.3), ncol=2)
fig.tight_layout()
title = "w and w.grad over 100 steps, with and without w.grad.zero_()"
fig.savefig("forgot_zero_grad.svg", transparent=True,
            metadata={"Title": title, "Date": None})
