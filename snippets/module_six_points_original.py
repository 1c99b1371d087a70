"""Six points, nn.Linear, lr 0.015: notebook 003's third program, plus a seed.

Its "%f" of w, b and Loss formats tensors that require grad: PyTorch warns.
"""

# %% A faithful copy of section 3 of notebook 003. Only "BOOK:" lines are new.
# BOOK: added; the notebook imported torch in an earlier cell.
import torch

X = torch.tensor([[1], [2], [3], [4], [6], [8]], dtype=torch.float32)
Y = torch.tensor([[2], [4], [6], [8], [11], [16]], dtype=torch.float32)

in_feature = 1
out_feature = 1

# BOOK: added. The random init made every run print other numbers.
torch.manual_seed(42)
model = torch.nn.Linear(in_feature, out_feature)

loss = torch.nn.MSELoss()

learning_rate = 0.015
iter_num = 100

optemiser = torch.optim.SGD(model.parameters(), learning_rate)

for iter in range(iter_num):
    Y_pred = model(X)

    Loss = loss(Y, Y_pred)

    Loss.backward()

    optemiser.step()

    optemiser.zero_grad()

    if iter % 10 == 0:
        [w, b] = model.parameters()
        print("epoch %i: w = %f, b = %f, loss = %f" % (iter+1, w, b, Loss))

print("model prediction: f(5) = %f"
      % model(torch.tensor([5], dtype=torch.float32)))
