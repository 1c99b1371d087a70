"""MSELoss + SGD for 100 epochs, logging every epoch.

The first notebook's version.
"""

# %% 1) Design the model: f = w * x, and the best w is 2
import torch
import torch.nn as nn

X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)

w = torch.tensor(0.0, dtype=torch.float32, requires_grad=True)


def forward(x):
    return w * x


# "for training" as in the original: it is the prediction *before* training.
print(f"Prediction for training: f(5) = {forward(5):.3f}")

# %% 2) Construct the loss and the optimizer
learning_rate = 0.01
n_iters = 100
loss = nn.MSELoss()
optimizer = torch.optim.SGD([w], lr=learning_rate)

# %% 3) The training loop: forward, backward, update, zero the gradient
for epoch in range(n_iters):
    y_pred = forward(X)
    l = loss(Y, y_pred)  # as in the original; PyTorch's order: loss(y_pred, Y)

    l.backward()
    optimizer.step()
    optimizer.zero_grad()

    if epoch % 1 == 0:  # always true: every epoch is logged
        print(f"epoch {epoch+1}: w = {w:.3f}, loss = {l:.8f}")

print(f"Prediction for training: f(5) = {forward(5):.3f}")  # after training
