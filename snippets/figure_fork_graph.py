r"""Figure: a graph where w is used twice, and the gradients that add at w.

Two samples, $(x_1, y_1) = (1, 2)$ and $(x_2, y_2) = (2, 4)$, share $w = 1$;
the loss is the sum of their squared errors. The nodes come from walking
`loss.grad_fn`, the values from the tensors, the gradients of the loss from
`.grad` after `loss.backward()`, and what each path brings to $w$ from calling
each multiplication's `grad_fn` node with the gradient that reached it.
Saves `fork_graph.svg` in the working folder, and the same graph drawn top to
bottom for a phone's narrow screen, `fork_graph.narrow.svg`.
"""

# %% The forward pass, keeping the gradient of every intermediate tensor
import matplotlib.pyplot as plt
import torch

x1, y1 = torch.tensor(1.0), torch.tensor(2.0)
x2, y2 = torch.tensor(2.0), torch.tensor(4.0)
w = torch.tensor(1.0, requires_grad=True)

y_hat1, y_hat2 = x1 * w, x2 * w
s1, s2 = y_hat1 - y1, y_hat2 - y2
loss1, loss2 = s1**2, s2**2
loss = loss1 + loss2
names = {y_hat1: "ŷ₁", s1: "s₁", loss1: "loss₁", y_hat2: "ŷ₂", s2: "s₂",
         loss2: "loss₂", loss: "loss"}
for t in names:
    t.retain_grad()  # keep dloss/dt: autograd frees it for non-leaf tensors
loss.backward(retain_graph=True)  # keep the graph: we call its nodes below

# %% Walk the graph from the loss: each node's depth and row (one per path)
tensor_of = {t.grad_fn: t for t in names}
place = {}  # grad_fn node -> (depth from the loss, row)
arrivals = {}  # multiplication node -> the gradient it hands to w
queue = [(loss.grad_fn, 0, 0.0)]
while queue:
    node, depth, row = queue.pop(0)
    depth0, rows = place.get(node, (depth, []))
    place[node] = (max(depth, depth0), rows + [row])
    inputs = [n for n, _ in node.next_functions if n is not None]
    for k, previous in enumerate(inputs):
        branch = row - (k - (len(inputs) - 1) / 2) * 2  # first path on top
        if type(previous).__name__ == "AccumulateGrad":  # the leaf w
            leaf = previous
            with torch.no_grad():  # this multiplication's gradient for w
                grads = node(tensor_of[node].grad)
            arrivals[node] = grads[-1].item()
        queue.append((previous, depth + 1, branch))
total = sum(arrivals.values())
print("gradients arriving at w:",
      " + ".join(f"{a:.1f}" for a in arrivals.values()),
      f"= {total:.1f}; w.grad = {w.grad.item():.1f}")

# %% Boxes for the nodes, right to left from the loss; arrows forward
GREY, FORWARD, BACKWARD = "#8a8a8a", "#4e9be6", "#f08a24"  # light and dark
plt.rcParams.update({"text.color": GREY, "font.size": 11})
depth_max = max(d for d, _ in place.values())
xy = {node: ((depth_max - d) * 2.6, sum(rows) / len(rows))
      for node, (d, rows) in place.items()}
fig, ax = plt.subplots(figsize=(9.5, 3.6))
ax.set_xlim(-1.2, depth_max * 2.6 + 1.0)
ax.set_ylim(-1.9, 1.9)
ax.axis("off")
box = {"boxstyle": "round,pad=0.4", "facecolor": "none", "edgecolor": GREY}
for node, (x, y) in xy.items():
    t = w if node is leaf else tensor_of[node]
    name = "w" if node is leaf else names[t]
    ax.text(x, y + 0.2, f"{name} = {t.item():g}", ha="center", va="center",
            bbox=box)
    ax.text(x, y - 0.35, f"∂loss/∂{name} = {t.grad.item():g}", ha="center",
            va="center", color=BACKWARD, fontsize=9)
    for previous, _ in node.next_functions:
        if previous is not None:
            px, py = xy[previous]
            ax.annotate("", xy=(x - 0.75, y + 0.2), xytext=(px + 0.6, py + 0.2),
                        arrowprops={"arrowstyle": "->", "color": FORWARD})
for node, arrival in arrivals.items():  # label the two edges into w
    (x, y), (lx, ly) = xy[node], xy[leaf]
    ax.text(lx + 0.4 * (x - lx) + 0.2, ly + 0.4 * (y - ly) + 0.2,
            f"{arrival:g}", ha="left", va="center", color=BACKWARD,
            fontweight="bold")
ax.text(xy[leaf][0], -1.0, " + ".join(f"({a:g})" for a in arrivals.values())
        + f" = {total:g}", ha="center", color=BACKWARD)
ax.set_title("w is used twice: the gradients from both paths add at w",
             color=GREY)
title = "Computational graph of (x₁w − y₁)² + (x₂w − y₂)², w used twice"
fig.savefig("fork_graph.svg", transparent=True, bbox_inches="tight",
            metadata={"Title": title, "Date": None})

# %% The same graph top to bottom, for a phone: w on top, the loss below
xy = {node: (-sum(rows) / len(rows) * 1.15, -(depth_max - d) * 1.8)
      for node, (d, rows) in place.items()}
fig, ax = plt.subplots(figsize=(4.4, 7.4))
ax.set_xlim(-2.4, 2.4)
ax.set_ylim(-depth_max * 1.8 - 0.8, 1.1)
ax.axis("off")
for node, (x, y) in xy.items():
    t = w if node is leaf else tensor_of[node]
    name = "w" if node is leaf else names[t]
    ax.text(x, y, f"{name} = {t.item():g}", ha="center", va="center",
            bbox=box)
    ax.text(x, y - 0.5, f"∂loss/∂{name} = {t.grad.item():g}",
            ha="center", va="center", color=BACKWARD, fontsize=10)
    for previous, _ in node.next_functions:
        if previous is not None:
            px, py = xy[previous]
            ax.annotate("", xy=(x, y + 0.3), xytext=(px, py - 0.75),
                        arrowprops={"arrowstyle": "->", "color": FORWARD})
for node, arrival in arrivals.items():  # label the two edges into w
    (x, y), (lx, ly) = xy[node], xy[leaf]
    ax.text(lx + 0.55 * (x - lx) + 0.15 * (1 if x > lx else -1),
            ly + 0.55 * (y - ly) + 0.1, f"{arrival:g}",
            ha="left" if x > lx else "right", va="center", color=BACKWARD,
            fontweight="bold")
ax.text(xy[leaf][0], 0.85, " + ".join(f"({a:g})" for a in arrivals.values())
        + f" = {total:g}", ha="center", color=BACKWARD)
fig.savefig("fork_graph.narrow.svg", transparent=True, bbox_inches="tight",
            metadata={"Title": title, "Date": None})
