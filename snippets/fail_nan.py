"""NaN and inf from softmax's exp() overflowing, and from log(0).

Large logits overflow exp() in the softmax written by its formula, and
log() of a probability that rounded to 0 is -inf. Cross-entropy computed
from the logits (log_softmax, nn.CrossEntropyLoss) stays finite.
"""

# %% Large logits, as after too large a step: N samples, C classes
import torch
import torch.nn as nn

Z = torch.tensor([[100.0, 0.0, -100.0],
                  [100.0, 0.0, -100.0]], requires_grad=True)  # (N, C)
Y = torch.tensor([0, 2])  # (N,) the first sample right, the second wrong
N = len(Y)


def by_formula(Z, Y):  # softmax by its definition, then the log
    P = Z.exp() / Z.exp().sum(dim=1, keepdim=True)
    return -P[range(N), Y].log().mean()


def log_of_softmax(Z, Y):  # torch.softmax cannot overflow; its log can fail
    return -torch.softmax(Z, dim=1)[range(N), Y].log().mean()


def clamped(Z, Y):  # no probability below 1e-30: finite, but capped
    P = torch.softmax(Z, dim=1).clamp(min=1e-30)
    return -P[range(N), Y].log().mean()


def log_softmax(Z, Y):  # log P straight from Z: P itself is never formed
    return -torch.log_softmax(Z, dim=1)[range(N), Y].mean()


# %% The loss and its gradient, each way
ways = {"by_formula": by_formula, "log_of_softmax": log_of_softmax,
        "clamped": clamped, "log_softmax": log_softmax,
        "nn.CrossEntropyLoss": nn.CrossEntropyLoss()}
for name, loss_fn in ways.items():
    Z.grad = None
    loss = loss_fn(Z, Y)
    loss.backward()
    print(f"{name:>19}: loss = {loss.item():8.4f}, dL/dZ, wrong sample: "
          f"[{', '.join(f'{g:.2f}' for g in Z.grad[1].tolist())}]")
