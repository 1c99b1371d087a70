"""MSELoss + SGD, 50 epochs, every second one logged: notebook 002's program.

Reproduced as written (its two long comments wrapped); only the
comments marked "BOOK:" are new.
"""

# %% A faithful copy of the MSELoss + SGD program of notebook 002.
import torch
import torch.nn as nn

# f = w * x
# f = 2 * x

X = torch.tensor([1,2,3,4], dtype=torch.float32)
Y = torch.tensor([2,4,6,8], dtype=torch.float32)

w = torch.tensor(0.0, requires_grad=True)

# model prediction
def forward(x):
    return w * x


# gradient


# prediction with the initial parameters of the network i.e w =0,
# therfore: ans:0
print(f'Prediction before training: f(5)= {forward(5):.3f}')

# Training

learning_rate = 0.01
n_iters = 50

loss = nn.MSELoss()
optimizer = torch.optim.SGD([w], lr=learning_rate)

for epoch in range(n_iters):

    # prediction = forward()
    y_pred = forward(X)

    #loss()
    l = loss(Y, y_pred)  # BOOK: target first; harmless for a squared error

    #gradient = backward pass
    l.backward() #dl/dw gets all gradient points of the graph

    # update weights (back propagation)
    # BOOK: the update is gradient descent; backpropagation was backward()
    optimizer.step()


    # zero gradinet -> make sure that gradients should be zero after the
    # backpropagation, that shoudn't carry to the next iteration.
    optimizer.zero_grad()

    if epoch % 2 == 0:
        print(f'epoch {epoch+1}: w = {w:.3f}, loss = {l:.8f}')

print(f'Prediction after training: f(5)= {forward(5):.3f}')
