"""w = w - lr * w.grad: the new w is computed, not a leaf.

The next backward() goes through it, back to the w we made.
"""

# %% One step, with the update written as a new tensor
import torch

X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)
w = torch.tensor(0.0, requires_grad=True)
w_made = w  # a second name for the tensor we made, to look at it later
lr = 0.01

loss = ((w * X - Y) ** 2).mean()
loss.backward()
print(w.is_leaf, w.grad)

w = w - lr * w.grad  # no no_grad, no -=: autograd records a subtraction
print(w, w.is_leaf)

# %% The next step: the graph runs from the loss through the new w
# to the old one, and backward() adds there, to the first gradient
loss = ((w * X - Y) ** 2).mean()
loss.backward()
print(w_made.grad)

# %% The new w is not a leaf: backward() stored no gradient in it
print(w.grad)
