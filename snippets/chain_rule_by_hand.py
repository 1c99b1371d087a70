"""Chain rule by hand: forward pass, local gradients, backward pass for loss = (x*w - y)**2."""

# %% Forward pass: compute each node of the graph x*w -> y_hat -> (y_hat - y)**2
x, y = 1.0, 2.0
w = 1.0

y_hat = x * w
s = y_hat - y
loss = s**2
print(f"forward:  y_hat = {y_hat}, s = y_hat - y = {s}, loss = s**2 = {loss}")

# %% Local gradients: each node only knows the derivative of its output w.r.t. its input
dloss_ds = 2 * s  # d(s**2)/ds
ds_dyhat = 1.0  # d(y_hat - y)/dy_hat
dyhat_dw = x  # d(x*w)/dw
print(f"local:    dloss/ds = {dloss_ds}, ds/dy_hat = {ds_dyhat}, dy_hat/dw = {dyhat_dw}")

# %% Backward pass: multiply the local gradients from the loss back to w (the chain rule)
dloss_dyhat = dloss_ds * ds_dyhat
dloss_dw = dloss_dyhat * dyhat_dw
print(f"backward: dloss/dy_hat = {dloss_dyhat}, dloss/dw = {dloss_dw}")
