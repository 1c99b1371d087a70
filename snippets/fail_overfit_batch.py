"""Overfit one small batch: a correct model drives its loss to ~0.

The broken model ends in a softmax, and nn.CrossEntropyLoss applies its own:
on probabilities as logits, the loss stops at a floor above 0.
"""

# %% A handful of samples with random labels: a network can memorise them
import torch
import torch.nn as nn

torch.set_num_threads(1)  # tiny tensors: one thread wastes no time on hand-offs

torch.manual_seed(0)
N, d, C, K = 8, 2, 3, 32  # samples, features, classes, hidden units
X = torch.randn(N, d)  # (N, d)
Y = torch.randint(0, C, (N,))  # (N,)


def overfit(softmax_at_the_end):
    torch.manual_seed(1)  # the same initial weights for both runs
    layers = [nn.Linear(d, K), nn.Tanh(), nn.Linear(K, C)]
    if softmax_at_the_end:
        layers.append(nn.Softmax(dim=1))  # the bug: the loss wants logits
    model = nn.Sequential(*layers)
    loss_fn = nn.CrossEntropyLoss()  # takes logits, applies softmax itself
    optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
    for step in range(201):
        Z = model(X)  # 1. predict
        loss = loss_fn(Z, Y)  # 2. loss
        if step % 100 == 0:  # the loss of the weights before this update
            acc = (Z.argmax(dim=1) == Y).float().mean()
            print(f"  step {step + 1}: loss = {loss.item():.4f}, "
                  f"acc = {acc:.2f}")
        optimizer.zero_grad()
        loss.backward()  # 3. gradient
        optimizer.step()  # 4. update
    return loss.item(), acc.item()  # those of the last line printed


# %% The same start, with and without the softmax
final = {}
for softmax_at_the_end in (True, False):
    print(f"softmax at the end: {softmax_at_the_end}")
    final[softmax_at_the_end] = overfit(softmax_at_the_end)
