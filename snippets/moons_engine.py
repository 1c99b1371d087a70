"""Chapter 7's engine grown into a network: Neuron, Layer, MLP on two moons.

The Value class is chapter 7's, cut to the operations this network uses,
plus log() for the cross-entropy. Neurons make Layers, Layers make an MLP.
Its gradients are checked against PyTorch's on the same weights; then it
trains for a few epochs, full-batch, on the training set.
"""

# --8<-- [start:value]
# %% Chapter 7's Value: the operations used here, unchanged, and a new log()
import math


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

    def exp(self):  # d(e^a)/da = e^a
        e = math.exp(self.data)
        return Value(e, (self,), "exp", lambda: (e,))

    def log(self):  # d ln(a)/da = 1/a: the one new operation
        return Value(math.log(self.data), (self,), "log",
                     lambda: (1 / self.data,))

    def tanh(self):  # d tanh(a)/da = 1 - tanh(a)^2
        t = math.tanh(self.data)
        return Value(t, (self,), "tanh", lambda: (1 - t**2,))

    def __neg__(self):  # -a
        return self * -1.0

    def __sub__(self, other):  # a - b
        return self + (-other)

    def __radd__(self, other):  # 2 + a: Python asks a, as 2 cannot
        return self + other

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
# --8<-- [end:value]


# --8<-- [start:network]
# %% The data: two moons, a seeded split into training and validation
import numpy as np
import torch
from sklearn.datasets import make_moons

d, C, K = 2, 2, 8  # features, classes, hidden units
X, Y = make_moons(n_samples=200, noise=0.1, random_state=0)  # (200, d), (200,)
rng = np.random.default_rng(0)
order = rng.permutation(len(X))
train, val = order[:160], order[160:]  # 160 to train on, the rest to validate


# %% Neuron, Layer, MLP: the network, made of Values
class Neuron:
    """w · x + b, then tanh in a hidden layer."""

    def __init__(self, w, b, hidden):
        self.w, self.b = [Value(float(wi)) for wi in w], Value(float(b))
        self.hidden = hidden

    def __call__(self, x):
        z = sum((wi * xi for wi, xi in zip(self.w, x)), self.b)
        return z.tanh() if self.hidden else z

    def parameters(self):
        return self.w + [self.b]


class Layer:
    """Neurons on the same inputs: column j of W and b[j] are neuron j's."""

    def __init__(self, W, b, hidden):
        self.neurons = [Neuron(W[:, j], b[j], hidden) for j in range(len(b))]

    def __call__(self, x):
        return [neuron(x) for neuron in self.neurons]

    def parameters(self):
        return [p for neuron in self.neurons for p in neuron.parameters()]


class MLP:
    """Layers in turn: the outputs of one are the inputs of the next."""

    def __init__(self, *layers):
        self.layers = layers

    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)
        return x

    def parameters(self):
        return [p for layer in self.layers for p in layer.parameters()]


# %% The network 2-8-2, the loss, the accuracy
W1, b1 = rng.normal(size=(d, K)), np.zeros(K)  # as chapter 8's
W2, b2 = 0.01 * rng.normal(size=(K, C)), np.zeros(C)  # small: logits near 0
model = MLP(Layer(W1, b1, hidden=True), Layer(W2, b2, hidden=False))


def cross_entropy(z, y):  # -ln softmax(z)[y] = ln sum_k e^(z_k - m) + m - z_y
    m = max(zk.data for zk in z)  # shift by the largest logit, as chapter 9
    return sum((zk - m).exp() for zk in z).log() + m - z[y]


def loss_and_accuracy(samples, backward=False):
    """The mean cross-entropy and the share classified right. backward=True
    adds the mean's gradient into every p.grad, one sample at a time."""
    loss, right = 0.0, 0
    for i in samples:
        z = model(X[i].tolist())  # 1. predict: C logits, one per class
        loss_i = cross_entropy(z, Y[i]) * (1 / len(samples))  # 2. its loss
        if backward:
            loss_i.backward()  # 3. gradient: += adds up the samples' shares
        loss += loss_i.data
        predicted = max(range(C), key=lambda c: z[c].data)  # largest logit
        right += predicted == Y[i]
    return loss, right / len(samples)


# %% The check: the same weights in PyTorch, the same loss, the gradients
loss, acc = loss_and_accuracy(train, backward=True)
W1_t, b1_t, W2_t, b2_t = (torch.tensor(a, requires_grad=True)
                          for a in (W1, b1, W2, b2))
Z = torch.tanh(torch.tensor(X[train]) @ W1_t + b1_t) @ W2_t + b2_t
torch.nn.functional.cross_entropy(Z, torch.tensor(Y[train])).backward()
# Row j of [W.T | b] is neuron j's weights, then its bias: parameters()' order
by_torch = torch.cat([torch.cat([W.grad.T, b.grad[:, None]], dim=1).ravel()
                      for W, b in ((W1_t, b1_t), (W2_t, b2_t))])
by_engine = torch.tensor([p.grad for p in model.parameters()],
                         dtype=torch.float64)
difference = (by_engine - by_torch).abs().max().item()
# Both are float64, summed in other orders: print the bound, not the digits
print(f"{len(by_engine)} gradients, largest difference from PyTorch: "
      f"{'< 1e-15' if difference < 1e-15 else f'{difference:.0e}'}")

# %% Training, full-batch: measure and print, then update
lr, n_epochs = 1.0, 10
print("epoch  training loss  accuracy  validation loss  accuracy")
for epoch in range(n_epochs + 1):
    for p in model.parameters():
        p.grad = 0.0  # backward() adds into .grad: start from 0
    # Predict, loss and gradient, sample by sample
    loss, acc = loss_and_accuracy(train, backward=epoch < n_epochs)
    if epoch % 2 == 0:  # the loss and accuracy of these weights
        val_loss, val_acc = loss_and_accuracy(val)
        print(f"{epoch:5}  {loss:13.4f}  {acc:8.1%}  "
              f"{val_loss:15.4f}  {val_acc:8.1%}")
    if epoch == n_epochs:
        break  # the last weights are measured, not updated
    for p in model.parameters():
        p.data -= lr * p.grad  # 4. update
# --8<-- [end:network]
