"""Chain rule by hand: forward pass, local gradients, backward pass."""

# %% Forward pass: compute each node of x*w -> y_hat -> (y_hat - y)**2
x, y = 1.0, 2.0
w = 1.0

y_hat = x * w
s = y_hat - y
loss = s**2
print(f"forward:  y_hat = {y_hat}, s = {s}, loss = {loss}")

# %% Local gradients: each node knows only its own derivative
dloss_ds = 2 * s  # d(s**2)/ds
ds_dyhat = 1.0  # d(y_hat - y)/dy_hat
dyhat_dw = x  # d(x*w)/dw
print(f"local:    dloss/ds = {dloss_ds}, ds/dy_hat = {ds_dyhat}, "
      f"dy_hat/dw = {dyhat_dw}")

# %% Backward pass: multiply them from the loss back to w
dloss_dyhat = dloss_ds * ds_dyhat
dloss_dw = dloss_dyhat * dyhat_dw
print(f"backward: dloss/dy_hat = {dloss_dyhat}, dloss/dw = {dloss_dw}")
