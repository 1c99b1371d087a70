"""MSELoss + SGD, 100 epochs, each one logged: notebook 000's third program.

Reproduced as written; only the comments marked "BOOK:" are new.
"""

# %% A faithful copy of the third program of notebook 000.
# 1) Design model(input, output, size, forward pass)
# 2) Construct loss and optimizer
# 3) Training loop
#     - forward pass: compute prediction
#     - backward pass: gradients
#     - update weights


import torch
import torch.nn as nn

# f = w*x

# f = 2*x

X = torch.tensor([1,2,3,4], dtype=torch.float32)
Y = torch.tensor([2,4,6,8], dtype=torch.float32)

w = torch.tensor(0.0, dtype=torch.float32, requires_grad=True)

# model prediction
def forward(x):
    return w * x

# BOOK: "for training" is the prediction before training.
print(f'Prediction for training: f(5) = {forward(5):.3f}')

# %% Training
learning_rate = 0.01
n_iters = 100
loss = nn.MSELoss()
optimizer = torch.optim.SGD([w], lr=learning_rate)

for epoch in range(n_iters):
    # prediction = forward pass
    y_pred = forward(X)
    # loss
    # BOOK: PyTorch's order is loss(input, target); MSE is symmetric.
    l = loss(Y, y_pred)

    # dradient =  backward prop
    l.backward()  # dl/w

    # update the weights
    optimizer.step()

    # zero gradients
    optimizer.zero_grad()

    # BOOK: epoch % 1 == 0 is always true: all 100 epochs are logged.
    if epoch % 1 ==0:
        print(f'epoch {epoch+1}: w = {w:.3f}, loss = {l:.8f}')

print(f'Prediction for training: f(5) = {forward(5):.3f}')
