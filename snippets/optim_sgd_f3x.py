"""f = 3x on five points, lr 0.005, epochs counted from 0: the fourth notebook.

It predicts f(10), before and after training.
"""

# %% Gradient descent with autograd & optimizer;
# the target function is f(x) = 3 * x
import torch
import torch.nn as nn

X = torch.tensor([1, 2, 3, 4, 5], dtype=torch.float32)
Y = torch.tensor([3, 6, 9, 12, 15], dtype=torch.float32)

# starting weight
w = torch.tensor(0.0, dtype=torch.float32, requires_grad=True)


def forward(x):
    return w * x


print(f"Prediction before training for f(10): {forward(10):.3f}")

# %% Training parameters, the loss and the optimizer
learning_rate = 0.005
n_iters = 100

loss = nn.MSELoss()
optimizer = torch.optim.SGD([w], lr=learning_rate)

# %% The training loop
for epoch in range(n_iters):
    predicted_y = forward(X)
    # as in the original; PyTorch's order is loss(predicted_y, Y)
    l = loss(Y, predicted_y)

    l.backward()  # dl/dw
    optimizer.step()
    optimizer.zero_grad()  # empty the gradient, or it accumulates in the loop

    if epoch % 10 == 0:
        # 0-based: "epoch 0" is the first epoch,
        # and w is printed after its update
        print(f"epoch {epoch}: w = {w:.3f}, loss = {l:.8f}")

print(f"Prediction after training for f(10): {forward(10):.3f}")
