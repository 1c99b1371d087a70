"""Figure: the engine's graph of L = (a + b) * c + relu(d), value and grad.

The boxes, their places, values and gradients all come from the Value
objects after L.backward(). A figure program stands alone, so it carries the
part of chapter 7's engine it needs (add, multiply, relu, backward), copied
unchanged from snippets/engine_value.py; tests/test_engine.py checks that
the copy is exact. Saves `engine_graph.svg` in the working folder.
"""

# %% The engine, cut to the three gates this graph uses
import matplotlib.pyplot as plt


class Value:
    """A number, the operation that made it, and d(output)/d(this number)."""

    def __init__(self, data, inputs=(), op="", local_grads=lambda: ()):
        self.data = data
        self.grad = 0.0  # d output / d self: filled in by backward()
        self.inputs = inputs  # the Values this one was computed from
        self.op = op  # the operation's name, to print and draw the graph
        self.local_grads = local_grads  # d self / d input, one per input

    def __add__(self, other):  # d(a + b)/da = 1, d(a + b)/db = 1
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data + other.data, (self, other), "+",
                     lambda: (1.0, 1.0))

    def __mul__(self, other):  # d(a b)/da = b, d(a b)/db = a
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data * other.data, (self, other), "*",
                     lambda: (other.data, self.data))

    def relu(self):  # max(a, 0): slope 1 where a > 0, else 0
        positive = self.data > 0
        return Value(self.data if positive else 0.0, (self,), "relu",
                     lambda: (1.0 if positive else 0.0,))

    def backward(self):
        # Topological order: every Value after the Values it was made from.
        order, seen = [], set()

        def visit(node):
            if node not in seen:
                seen.add(node)
                # Inputs last to first: backward() then adds the gradients
                # of a fork first to last, in the order NumPy sums.
                for x in reversed(node.inputs):
                    visit(x)
                order.append(node)

        visit(self)
        self.grad = 1.0  # d self / d self
        for node in reversed(order):  # outputs before the inputs they used
            for x, local in zip(node.inputs, node.local_grads()):
                x.grad += local * node.grad  # chain rule; += sums the forks


# %% The graph of the chapter's gate example
a, b, c, d = Value(3.0), Value(-1.0), Value(-2.0), Value(-1.0)
s = a + b  # add
p = s * c  # multiply
r = d.relu()  # relu
L = p + r
L.backward()
names = {a: "a", b: "b", c: "c", d: "d", s: "s", p: "p", r: "r", L: "L"}


def number(x):  # -2.0 -> "−2", with a typographic minus
    return f"{x:g}".replace("-", "\N{MINUS SIGN}")


def formula(node):  # "s = a + b", "r = relu(d)", or "a" for an input
    ins = [names[x] for x in node.inputs]
    if node.op == "relu":
        return f"{names[node]} = relu({ins[0]})"
    if ins:
        return f"{names[node]} = {ins[0]} {node.op.replace('*', '·')} {ins[1]}"
    return names[node]


for node in names:
    print(f"{formula(node):12} value {node.data:4g}   grad {node.grad:4g}")

# %% Place each node: its column is its depth, its row the mean of its inputs
column, row = {}, {}
for k, node in enumerate(names):  # names lists inputs before their users
    ins = node.inputs
    column[node] = 1 + max(column[x] for x in ins) if ins else 0
    row[node] = sum(row[x] for x in ins) / len(ins) if ins else 3 - k

GREY, FORWARD, BACKWARD = "#8a8a8a", "#4e9be6", "#f08a24"  # light and dark
plt.rcParams.update({"text.color": GREY, "font.size": 12})
fig, ax = plt.subplots(figsize=(6.4, 3.8))
ax.set_xlim(-0.5, 3.5)
ax.set_ylim(-0.45, 3.3)
ax.axis("off")
box = {"boxstyle": "round,pad=0.35", "facecolor": "none", "edgecolor": GREY}
drawn = {}  # node -> its box, for the arrows
for node in names:
    x, y = column[node], row[node]
    sep = "\n" if node.inputs else " "  # inputs fit on one line
    drawn[node] = ax.text(x, y, f"{formula(node)}{sep}= {number(node.data)}",
                          ha="center",
                          va="center", linespacing=1.1, bbox=box)
    ax.text(x, y - 0.3 - 0.12 * bool(node.inputs), f"grad {number(node.grad)}",
            ha="center", va="top", color=BACKWARD)
    for inp in node.inputs:  # an arrow from the right of each input's box
        ax.annotate("", xy=(0, 0.5), xycoords=drawn[node], xytext=(1, 0.5),
                    textcoords=drawn[inp],
                    arrowprops={"arrowstyle": "->", "color": FORWARD,
                                "lw": 1.2, "shrinkA": 7, "shrinkB": 7})
title = "Graph of L = (a + b) · c + relu(d) with each node's value and grad"
fig.savefig("engine_graph.svg", transparent=True, bbox_inches="tight",
            metadata={"Title": title, "Date": None})
