"""A scalar autograd engine, written out: Value, its operations, backward().

Every operation returns a new Value that keeps its inputs and a function
giving its local gradients; backward() walks the graph from the output back
to the inputs and adds each input's share into its .grad. The engine is then
used to redo chapter 1's gradient, checked against torch autograd and finite
differences, used to redo chapter 2's training, and shown on the gate patterns.
"""

# %% The engine: one class
# --8<-- [start:engine]
import math


class Value:
    """A number, the operation that made it, and d(output)/d(this number)."""

    def __init__(self, data, inputs=(), op="", local_grads=lambda: ()):
        self.data = data
        self.grad = 0.0  # d output / d self: filled in by backward()
        self.inputs = inputs  # the Values this one was computed from
        self.op = op  # the operation's name, to print and draw the graph
        self.local_grads = local_grads  # d self / d input, one per input

    def __repr__(self):
        return f"Value(data={self.data:.4g}, grad={self.grad:.4g})"

    # Each operation: its value now, its local gradients when asked.
    def __add__(self, other):  # d(a + b)/da = 1, d(a + b)/db = 1
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data + other.data, (self, other), "+",
                     lambda: (1.0, 1.0))

    def __mul__(self, other):  # d(a b)/da = b, d(a b)/db = a
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data * other.data, (self, other), "*",
                     lambda: (other.data, self.data))

    def __pow__(self, n):  # d(a^n)/da = n a^(n-1), for a plain number n
        return Value(self.data**n, (self,), f"**{n}",
                     lambda: (n * self.data ** (n - 1),))

    def exp(self):  # d(e^a)/da = e^a
        e = math.exp(self.data)
        return Value(e, (self,), "exp", lambda: (e,))

    def tanh(self):  # d tanh(a)/da = 1 - tanh(a)^2
        t = math.tanh(self.data)
        return Value(t, (self,), "tanh", lambda: (1 - t**2,))

    def relu(self):  # max(a, 0): slope 1 where a > 0, else 0
        positive = self.data > 0
        return Value(self.data if positive else 0.0, (self,), "relu",
                     lambda: (1.0 if positive else 0.0,))

    # The rest are made of the operations above.
    def __neg__(self):  # -a
        return self * -1.0

    def __sub__(self, other):  # a - b
        return self + (-other)

    def __truediv__(self, other):  # a / b
        return self * other**-1

    def __radd__(self, other):  # 2 + a: Python asks a, as 2 cannot
        return self + other

    def __rmul__(self, other):  # 2 * a
        return self * other

    def __rsub__(self, other):  # 2 - a
        return -self + other

    def __rtruediv__(self, other):  # 2 / a
        return self**-1 * other

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
# --8<-- [end:engine]

# %% Chapter 1's loss: x = 1, y = 2, w = 1
# --8<-- [start:chapter1]
x, y = 1.0, 2.0
w = Value(1.0)
loss = (w * x - y) ** 2
loss.backward()
print(f"loss = {loss.data}, dloss/dw = {w.grad}")
# --8<-- [end:chapter1]

# %% Three ways to the same gradients: the engine, torch, finite differences
# --8<-- [start:three_ways]
import torch


def fork(a, b):  # a is used twice: the gradients coming back to it add up
    return a * b + a


def shared(a, b):  # c is computed once and used three times
    c = a * b - 1
    return c.tanh() * c + c.exp() / 2


def every_op(a, b):  # the other operations: /, **, -, relu, exp
    return (a / b - b**3).relu() + (-a).exp()


inputs, h = [1.5, 0.5], 1e-6  # the point, and the finite-difference step
to_torch, to_fd = 0.0, 0.0  # the largest differences seen
print("expression  input    engine     torch  finite diff.")
for f in (fork, shared, every_op):
    values = [Value(x) for x in inputs]
    f(*values).backward()
    tensors = [torch.tensor(x, dtype=torch.float64, requires_grad=True)
               for x in inputs]
    f(*tensors).backward()
    for i, name in enumerate("ab"):
        up, down = list(inputs), list(inputs)
        up[i], down[i] = up[i] + h, down[i] - h
        fd = (f(*map(Value, up)).data - f(*map(Value, down)).data) / (2 * h)
        engine, by_torch = values[i].grad, tensors[i].grad.item()
        to_torch = max(to_torch, abs(engine - by_torch))
        to_fd = max(to_fd, abs(engine - fd))
        print(f"{f.__name__:10}  d/d{name}  {engine:9.6f} {by_torch:9.6f}"
              f"  {fd:12.6f}")
print(f"largest difference: engine - torch {to_torch:.0e}, "
      f"engine - finite diff. {to_fd:.0e}")
# --8<-- [end:three_ways]

# %% The engine against torch at many random points: equal to float64 rounding
# --8<-- [start:random_points]
import random

rng = random.Random(0)  # seeded: the same points at every run
n_points, largest, relative = 1000, 0.0, 0.0
for _ in range(n_points):
    point = [rng.uniform(-2, 2), rng.uniform(0.5, 2)]  # a, then b (b > 0)
    for f in (fork, shared, every_op):
        ours = [Value(x) for x in point]
        f(*ours).backward()
        theirs = [torch.tensor(x, dtype=torch.float64, requires_grad=True)
                  for x in point]
        f(*theirs).backward()
        for mine, its in zip(ours, theirs):
            gap = abs(mine.grad - its.grad.item())
            largest = max(largest, gap)
            # relative to the gradient, or to 1 for a smaller one: a gradient
            # near 0 is a difference of larger terms, rounded at their size
            relative = max(relative, gap / max(abs(mine.grad), 1.0))
eps = torch.finfo(torch.float64).eps  # the gap from 1.0 to the next float64
bound = 10.0 ** math.ceil(math.log10(largest))  # the power of ten above it
print(f"{n_points} random points: largest difference engine - torch "
      f"< {bound:.0e}, < {math.ceil(relative / eps)} eps of the gradient")
# --8<-- [end:random_points]

# %% Chapter 2's model and data, trained with the engine
# --8<-- [start:train]
import numpy as np

# float32 numbers, as chapter 2's NumPy arrays: the same roundings
X = np.array([1, 2, 3, 4], dtype=np.float32)
Y = np.array([2, 4, 6, 8], dtype=np.float32)


def mse(w):  # predictions w x_i, then the mean of the squared errors
    return sum((w * x - y) ** 2 for x, y in zip(X, Y)) / len(X)


w = Value(np.float32(0.0))
learning_rate = 0.01
n_iters = 100
print(f"Prediction before training: f(5) = {(w * 5).data:.3f}")
for epoch in range(n_iters):
    loss = mse(w)  # 1. predict, 2. loss
    w.grad = 0.0  # backward() adds into w.grad: start from 0
    loss.backward()  # 3. gradient
    if epoch % 10 == 0:  # the w that made this loss, before the update
        print(f"epoch {epoch + 1}: w = {w.data:.3f}, loss = {loss.data:.8f}")
    w.data -= learning_rate * w.grad  # 4. update
print(f"Prediction after training: f(5) = {(w * 5).data:.3f}")
# --8<-- [end:train]

# %% The same loop without the reset: w.grad piles up, as in chapter 3
# --8<-- [start:pitfall]
w = Value(np.float32(0.0))
for epoch in range(4):
    before = w.grad
    mse(w).backward()
    print(f"epoch {epoch + 1}: w = {w.data:.3f}, "
          f"this step's gradient = {w.grad - before:8.3f}, "
          f"w.grad = {w.grad:8.3f}")
    w.data -= learning_rate * w.grad
# --8<-- [end:pitfall]

# %% The gate patterns, on one small graph
# --8<-- [start:gates]
a, b, c, d = Value(3.0), Value(-1.0), Value(-2.0), Value(-1.0)
s = a + b  # add
p = s * c  # multiply
r = d.relu()  # relu
L = p + r
L.backward()
names = {a: "a", b: "b", c: "c", d: "d", s: "s", p: "p", r: "r", L: "L"}
for node in (s, p, r):
    passed = ", ".join(f"{names[x]}.grad = {x.grad:g}" for x in node.inputs)
    print(f"{node.op:>4}: {names[node]} = {node.data:g}, "
          f"{names[node]}.grad = {node.grad:g} -> {passed}")
# --8<-- [end:gates]
