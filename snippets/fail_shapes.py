"""Assert shapes: (N, 1) predictions minus (N,) targets is (N, N).

Broadcasting turns the difference into every prediction minus every target,
and a hand-written loss neither fails nor warns. An assert on the shapes
stops the run at the first step.
"""

# %% Chapter 5's data: X is a column (N, 1); Y_flat is flat, shape (N,)
import torch
import torch.nn as nn

X = torch.tensor([[1], [2], [3], [4]], dtype=torch.float32)  # (N, 1)
Y_flat = torch.tensor([2, 4, 6, 8], dtype=torch.float32)  # (N,)
Y = Y_flat.reshape(-1, 1)  # the fix: (N, 1), the predictions' shape


def train(Y, check, n_epochs=300):
    torch.manual_seed(0)
    model = nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(n_epochs):
        y_pred = model(X)  # 1. predict: (N, 1)
        if check:
            assert y_pred.shape == Y.shape, f"{y_pred.shape} != {Y.shape}"
        loss = ((y_pred - Y) ** 2).mean()  # 2. loss
        optimizer.zero_grad()
        loss.backward()  # 3. gradient
        optimizer.step()  # 4. update
    print(f"  y_pred - Y: {list((y_pred - Y).shape)}")
    y_pred = model(X)  # the final weights, and the right loss they give
    loss = ((y_pred - Y_flat.reshape(-1, 1)) ** 2).mean()
    print(f"  w = {model.weight.item():.3f}, b = {model.bias.item():.3f}, "
          f"loss = {loss.item():.4f}")


# %% Without the check, with it, and with the targets' shape fixed
print("Y_flat, no check:")
train(Y_flat, check=False)
print("Y_flat, with the check:")
try:
    train(Y_flat, check=True)
except AssertionError as error:
    print(f"  AssertionError: {error}")
print("Y, with the check:")
train(Y, check=True)
