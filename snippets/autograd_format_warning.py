"""Printing a tensor that requires grad with "%f": PyTorch warns, once."""

# %% Three steps of the loop, each printing its loss with "%f"
import torch

X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)
w = torch.tensor(0.0, requires_grad=True)
lr = 0.01

for epoch in range(3):
    loss = ((w * X - Y) ** 2).mean()  # 1. predict, 2. loss
    loss.backward()  # 3. gradient
    with torch.no_grad():
        w -= lr * w.grad  # 4. update
    w.grad.zero_()
    print("epoch %d: loss = %f" % (epoch + 1, loss))  # float(loss) warns

# %% Another line, another tensor that requires grad: no second warning
print("w = %f" % w)
