"""Squared error on the probabilities, or cross-entropy: the gradients.

One sample, three classes, label 0. The logit of class 1 grows: the model is
more and more sure of a wrong class. For each loss, autograd gives the gradient
with respect to the true class's logit, the one that must rise.
"""

# %% One sample, label 0, and the two losses of its logits z, shape (1, C)
import torch
import torch.nn as nn

Y = torch.tensor([0])
Y_onehot = nn.functional.one_hot(Y, num_classes=3).float()


def squared_error(z):  # the mean squared error of P against the one-hot
    return nn.MSELoss()(torch.softmax(z, dim=1), Y_onehot)


def cross_entropy(z):
    return nn.CrossEntropyLoss()(z, Y)


def true_logit_gradient(loss_of, wrong_logit):
    z = torch.tensor([[0.0, wrong_logit, 0.0]], requires_grad=True)
    loss_of(z).backward()
    return z.grad[0, Y[0]].item()


# %% The wrong class's logit grows; the true class's probability falls
print("wrong logit  P[y]      dMSE/dz_y  dCE/dz_y")
for wrong_logit in [0.0, 2.0, 5.0, 10.0]:
    z = torch.tensor([[0.0, wrong_logit, 0.0]])
    p_true = torch.softmax(z, dim=1)[0, Y[0]]
    print(f"{wrong_logit:11.0f}  {p_true:.6f}  "
          f"{true_logit_gradient(squared_error, wrong_logit):9.6f}  "
          f"{true_logit_gradient(cross_entropy, wrong_logit):8.4f}")
