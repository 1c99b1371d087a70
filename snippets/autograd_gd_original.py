"""The original autograd training loop of notebook 000, reproduced faithfully.

Its gradient is right; it prints w after the update, next to the loss before it.
"""

# %% A faithful copy of the second program of notebook 000
# (notebook 002 has it too). Only the comments marked "BOOK:" are new;
# the code and its prints are the original's.
import torch

# f = w*x

# f = 2*x

X = torch.tensor([1,2,3,4], dtype=torch.float32)
Y = torch.tensor([2,4,6,8], dtype=torch.float32)

w = torch.tensor(0.0, dtype=torch.float32, requires_grad=True)

# model prediction
def forward(x):
    return w * x

# loss = MSE
def loss(y, y_predicted):
    return ((y_predicted-y)**2).mean()

# gradient


# BOOK: the label says "for training" before and after training alike.
print(f'Prediction for training: f(5) = {forward(5):.3f}')

# %% Training
learning_rate = 0.01
n_iters = 100

for epoch in range(n_iters):
    # prediction = forward pass
    y_pred = forward(X)
    # loss
    l = loss(Y, y_pred)

    # dradient =  backward prop
    l.backward()  # dl/w

    # update the weights
    with torch.no_grad():
        w -= learning_rate * w.grad

    # zero gradients
    w.grad.zero_()

    # BOOK: w is printed after the update, l was computed before it.
    if epoch % 10 ==0:
        print(f'epoch {epoch+1}: w = {w:.3f}, loss = {l:.8f}')

print(f'Prediction for training: f(5) = {forward(5):.3f}')
