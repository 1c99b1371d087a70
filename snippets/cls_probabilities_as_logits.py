"""nn.CrossEntropyLoss wants logits: given probabilities, it is silently wrong.

It applies log-softmax itself. Handed probabilities, it applies softmax a
second time: no error, a wrong loss, smaller gradients, and a floor that even
a perfect model cannot get under.
"""

# %% cls_softmax.py's logits and labels, float32 as in a network
import torch
import torch.nn as nn

Y = torch.tensor([0, 2, 2])
loss_fn = nn.CrossEntropyLoss()


def loss_and_gradient(probabilities_in):
    Z = torch.tensor([[2.0, 1.0, 0.0],
                      [0.0, 1.0, 3.0],
                      [2.0, 0.0, 1.0]], requires_grad=True)
    P = torch.softmax(Z, dim=1)
    L = loss_fn(P if probabilities_in else Z, Y)  # the input: P, or Z
    L.backward()
    return L.item(), Z.grad


# %% The right call, then the mistake
L_right, dZ_right = loss_and_gradient(probabilities_in=False)
L_wrong, dZ_wrong = loss_and_gradient(probabilities_in=True)
print(f"loss from logits:        {L_right:.4f}")
print(f"loss from probabilities: {L_wrong:.4f}")
print(f"largest |dL/dZ| from logits:        {dZ_right.abs().max():.4f}")
print(f"largest |dL/dZ| from probabilities: {dZ_wrong.abs().max():.4f}")

# %% A perfect model: P is the one-hot. Handed P, the loss stays above zero
P_perfect = nn.functional.one_hot(Y, num_classes=3).float()
print(f"perfect P, handed over as logits: {loss_fn(P_perfect, Y):.4f}")
