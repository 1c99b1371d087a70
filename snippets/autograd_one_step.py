"""One training step up close: graph, backward(), .grad, no_grad, zero_()."""

# %% The data of chapter 2, and w = 0 as a tensor that records its operations
import torch

X = torch.tensor([1.0, 2.0, 3.0, 4.0])
Y = torch.tensor([2.0, 4.0, 6.0, 8.0])
w = torch.tensor(0.0, requires_grad=True)
lr = 0.01

# %% 1. predict and 2. loss: every operation on w is recorded
y_pred = w * X
loss = ((y_pred - Y) ** 2).mean()
print(loss)

# %% 3. gradient: backward() runs the graph in reverse, into w.grad
print(w.grad)  # nothing yet
loss.backward()
print(w.grad)  # dL/dw at w = 0

# %% 4. update, under no_grad: the step is not part of the model
with torch.no_grad():
    w -= lr * w.grad
print(w, w.is_leaf)

# backward() adds into w.grad: clear it before the next step
w.grad.zero_()
print(w.grad)
