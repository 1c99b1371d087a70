"""Momentum is an exponentially decaying sum of gradients.

With momentum 1.0 nothing decays: it is the loop that forgot zero_grad().
"""

# %% SGD with momentum keeps v <- mu * v + g and steps w <- w - lr * v
import torch

X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)
lr = 0.01


def train(momentum, clear_grad, n_iters=4):
    """w after each of n_iters steps, and the gradients seen on the way."""
    w = torch.tensor(0.0, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=lr, momentum=momentum)
    ws, grads = [], []
    for epoch in range(n_iters):
        loss = ((w * X - Y) ** 2).mean()  # 1. predict, 2. loss
        loss.backward()  # 3. gradient
        grads.append(w.grad.item())  # this step's own (if cleared)
        optimizer.step()  # 4. update
        if clear_grad:
            optimizer.zero_grad()
        ws.append(w.item())
    return ws, grads, optimizer.state[w].get("momentum_buffer")


# %% v after four steps, and the same sum written out: older gradients
# count mu, mu**2, mu**3 times
mu = 0.9
ws, g, v = train(mu, clear_grad=True)
print(f"v = {v.item():.3f}")
print(f"g4 + mu g3 + mu^2 g2 + mu^3 g1 = "
      f"{g[3] + mu * g[2] + mu**2 * g[1] + mu**3 * g[0]:.3f}")

# %% momentum=1.0 with zero_grad(), and plain SGD without it: the same w
with_momentum, _, _ = train(1.0, clear_grad=True, n_iters=100)
forgotten, _, _ = train(0.0, clear_grad=False, n_iters=100)
print("momentum 1.0:       w =", [round(w, 3) for w in with_momentum[:4]])
print("zero_grad() forgot: w =", [round(w, 3) for w in forgotten[:4]])
print("equal at all 100 steps:", with_momentum == forgotten)
