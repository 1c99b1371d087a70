r"""Figure: the computational graph, each node's value and local gradient.

Nothing in the drawing is typed by hand: the nodes come from walking the
graph autograd recorded (`loss.grad_fn`, chapter 3) back to `w`, the values
are the tensors' values, the local
gradients come from calling each `grad_fn` node with an incoming gradient of 1,
and the gradients of the loss are the `.grad` that `loss.backward()` stored.
With $x = 1$, $y = 2$ and $w = 1$ the loss is $1$ and
$\partial\,\text{loss} / \partial w = -2$, as in the chapter.
Saves `computational_graph.svg` in the working folder, and the same graph
drawn top to bottom for a phone's narrow screen,
`computational_graph.narrow.svg`.
"""

# %% The forward pass, keeping the gradient of every intermediate tensor
import matplotlib.pyplot as plt
import torch

x = torch.tensor(1.0)
y = torch.tensor(2.0)
w = torch.tensor(1.0, requires_grad=True)

y_hat = x * w
s = y_hat - y
loss = s**2
for t in (y_hat, s, loss):
    t.retain_grad()  # keep dloss/dt: autograd frees it for non-leaf tensors
loss.backward(retain_graph=True)  # keep the graph: we call its nodes below

# %% Walk the graph from the loss back to w, as chain_rule_graph.py does
# (chapter 3 shows that walk)
formula = {y_hat: ("ŷ", "x·w"), s: ("s", "ŷ − y"), loss: ("loss", "s²")}
tensor_of = {t.grad_fn: t for t in formula}
nodes = []  # (symbol, formula, value, dloss/dnode, local gradient)
node = loss.grad_fn
while node is not None:
    edges = [(i, n) for i, (n, _) in enumerate(node.next_functions) if n]
    if not edges:  # AccumulateGrad: the leaf w, where the backward pass ends
        leaf = node.variable
        nodes.append(("w", "", leaf.item(), leaf.grad.item(), None))
        break
    i, previous = edges[0]
    with torch.no_grad():
        local = node(torch.tensor(1.0))  # local gradients, one per input
    local = local[i] if isinstance(local, tuple) else local
    t = tensor_of[node]
    nodes.append((*formula[t], t.item(), t.grad.item(), local.item()))
    node = previous
nodes.reverse()  # draw left to right: w first, the loss last
for k, (symbol, _, value, grad, local) in enumerate(nodes):
    edge = f"d{symbol}/d{nodes[k - 1][0]} = {local:4.1f}" if k else ""
    grad_text = f"dloss/d{symbol} = {grad:4.1f}"
    print(f"{symbol:<4} = {value:4.1f}   {edge:<16} {grad_text}")

# %% Boxes for the nodes; forward arrows above, gradients flowing back below
GREY, FORWARD, BACKWARD = "#8a8a8a", "#4e9be6", "#f08a24"  # light and dark
plt.rcParams.update({"text.color": GREY, "font.size": 11})
fig, ax = plt.subplots(figsize=(9, 2.8))
ax.set_xlim(-0.7, 3 * 2.4 + 0.7)
ax.set_ylim(-1.15, 1.2)
ax.axis("off")
box = {"boxstyle": "round,pad=0.45", "facecolor": "none", "edgecolor": GREY}
for k, (symbol, rule, value, grad, local) in enumerate(nodes):
    cx = k * 2.4
    label = f"{symbol} = {rule}" if rule else symbol
    ax.text(cx, 0.12, f"{label}\n= {value:g}", ha="center", va="center",
            fontsize=12, bbox=box)
    ax.text(cx, -0.8, f"∂loss/∂{symbol} = {grad:g}", ha="center",
            va="center", color=BACKWARD)
    if k:  # the edge from the previous node into this one
        for y0, start, end, color in [(0.3, -1.65, -0.75, FORWARD),
                                      (-0.1, -0.75, -1.65, BACKWARD)]:
            ax.annotate("", xy=(cx + end, y0), xytext=(cx + start, y0),
                        arrowprops={"arrowstyle": "->", "color": color,
                                    "lw": 1.5})
        ax.text(cx - 1.2, 0.65, "forward", ha="center", color=FORWARD,
                fontsize=9)
        ax.text(cx - 1.2, -0.4, f"∂{symbol}/∂{nodes[k - 1][0]} = {local:g}",
                ha="center", color=BACKWARD, fontsize=9)
title = "Computational graph of loss = (x·w − y)², x = 1, y = 2, w = 1"
fig.savefig("computational_graph.svg", transparent=True, bbox_inches="tight",
            metadata={"Title": title, "Date": None})

# %% The same graph top to bottom, for a phone: forward down, gradients up
fig, ax = plt.subplots(figsize=(4.4, 6.6))
ax.set_xlim(-2.2, 2.2)
ax.set_ylim(-3 * 2.1 - 0.7, 0.7)
ax.axis("off")
for k, (symbol, rule, value, grad, local) in enumerate(nodes):
    cy = -k * 2.1
    label = f"{symbol} = {rule}" if rule else symbol
    ax.text(0, cy, f"{label}\n= {value:g}", ha="center", va="center",
            fontsize=12, bbox=box)
    ax.text(0.95, cy, f"∂loss/∂{symbol}\n= {grad:g}", ha="left",
            va="center", color=BACKWARD)
    if k:  # the edge from the previous node into this one
        for x0, start, end, color in [(-0.25, 1.5, 0.6, FORWARD),
                                      (0.25, 0.6, 1.5, BACKWARD)]:
            ax.annotate("", xy=(x0, cy + end), xytext=(x0, cy + start),
                        arrowprops={"arrowstyle": "->", "color": color,
                                    "lw": 1.5})
        ax.text(-0.4, cy + 1.05, "forward", ha="right", va="center",
                color=FORWARD, fontsize=10)
        ax.text(0.4, cy + 1.05, f"∂{symbol}/∂{nodes[k - 1][0]} = {local:g}",
                ha="left", va="center", color=BACKWARD, fontsize=10)
fig.savefig("computational_graph.narrow.svg", transparent=True,
            bbox_inches="tight", metadata={"Title": title, "Date": None})
