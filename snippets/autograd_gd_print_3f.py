"""The original autograd loop of notebook 001, printed with ': .3f'."""

# %% A faithful copy of the second program of notebook 001.
# Only "BOOK:" comments are new.
# Backpropogation algorithm (same implementation as above) with pytorch
# BOOK: not quite the same as above: the gradient here is right,
# BOOK: the NumPy one was 4 times too large.
import torch

# f = w * x (linear regression equation that we are using)
# f  = 2 * x
X = torch.tensor([1,2,3,4], dtype= torch.float32)
Y = torch.tensor([2,4,6,8], dtype= torch.float32)

w = torch.tensor(0.0, dtype = torch.float32, requires_grad = True)

# model prediction
def forward(x):
    return w*x

# loss = MSE
def loss(y, y_predicted):
    return ((y_predicted - y)**2).mean()


print(f"Prediction before training: f(5) = {forward(5): .3f}")

# %% Training
learning_rate = 0.01
n_iters = 100

for epoch in range(n_iters):
    # prediction = forward pass
    y_pred = forward(X)

    #loss
    loss_l = loss(Y, y_pred)

    #gradients = backward pass
    loss_l.backward() # gradient of loss with respect to w

    # update weights
    with torch.no_grad():
        w -= learning_rate * w.grad

    # zero gradients
    w.grad.zero_()

    if epoch % 10 == 0:
        print(f'epoch {epoch+1}: w = {w:.3f}, loss = {loss_l: .3f}')

print(f"Prediction after training: f(5) = {forward(5): .3f}")
