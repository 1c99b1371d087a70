"""A learning-rate schedule that reaches 0 stops training.

LambdaLR sets the learning rate to the initial rate times lr_lambda(epoch).
A linear decay to 0 over the first 10 of 100 epochs leaves the rest with
lr = 0: the gradient is there, the loss does not move. Decay over the whole
run instead.
"""

# %% Chapter 4's loop, with a scheduler stepped once per epoch
import torch
import torch.nn as nn

X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)
n_epochs = 100


def train(decay_epochs):
    w = torch.tensor(0.0, requires_grad=True)
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.SGD([w], lr=0.01)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda epoch: max(0.0, 1 - epoch / decay_epochs))
    losses = []  # the loss of every epoch
    for epoch in range(n_epochs):
        loss = loss_fn(w * X, Y)  # 1. predict, 2. loss
        losses.append(loss.item())
        optimizer.zero_grad()
        loss.backward()  # 3. gradient
        if epoch % 25 == 0 or epoch in (9, 10):  # w, its loss, this step's rate
            print(f"  epoch {epoch + 1}: w = {w.item():.3f}, "
                  f"loss = {loss.item():.4f}, w.grad = {w.grad.item():7.3f}, "
                  f"lr = {optimizer.param_groups[0]['lr']:.4f}")
        optimizer.step()  # 4. update
        scheduler.step()  # the next epoch's learning rate
    return losses


# %% Decay to 0 after 10 epochs, then over the whole run
horizons = [10, n_epochs]  # the first is the bug: the decay ends too soon
runs = {}
for decay_epochs in horizons:
    print(f"decay to lr = 0 over {decay_epochs} epochs:")
    runs[decay_epochs] = train(decay_epochs)
