"""Six points, MSELoss + SGD: notebook 003's second program, as written.

Its "%f" % Loss formats a tensor that requires grad: PyTorch warns.
"""

# %% A faithful copy of section 2 of notebook 003. Only "BOOK:" lines are new.
# BOOK: added; the notebook imported torch in an earlier cell.
import torch

X = torch.tensor([1, 2, 3, 4, 6, 8], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8, 11, 16], dtype=torch.float32)

w = torch.tensor(0.0, dtype=torch.float32, requires_grad=True)

def forward(x, w):
    return x * w

loss = torch.nn.MSELoss()

learning_rate = 0.01
iter_num = 20

optemiser = torch.optim.SGD([w], learning_rate)

for iter in range(iter_num):
    Y_pred = forward(X, w)

    Loss = loss(Y, Y_pred)

    Loss.backward()

    optemiser.step()

    optemiser.zero_grad()

    if iter % 2 == 0:
        # BOOK: "%f" % Loss converts a tensor that requires grad: a warning.
        print("epoch %i: w = %f, loss = %f" % (iter+1, w.item(), Loss))

print("model prediction: f(5) = %f" % forward(5, w))
