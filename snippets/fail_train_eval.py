"""Measure in model.eval() mode: dropout is random in training mode.

nn.Dropout(p) zeroes each activation with probability p in training mode,
and scales the others by 1 / (1 - p); in evaluation mode it passes them on.
Measured in training mode, the same model on the same data gives a new loss
at every call.
"""

# %% Dropout on a row of ones, in each mode
import torch
import torch.nn as nn

torch.set_num_threads(1)  # tiny tensors: one thread wastes no time on hand-offs
torch.manual_seed(0)
dropout = nn.Dropout(p=0.5)  # a new module is in training mode
print(f"train mode: {dropout(torch.ones(8))}")
dropout.eval()
print(f"eval mode:  {dropout(torch.ones(8))}")

# %% A network with dropout, trained on chapter 8's noisy sine
N, K = 100, 64  # samples, hidden units
X = 6 * torch.rand(N, 1) - 3  # (N, 1), from -3 to 3
Y = torch.sin(X) + 0.1 * torch.randn(N, 1)  # (N, 1)
X_train, Y_train, X_val, Y_val = X[:80], Y[:80], X[80:], Y[80:]
model = nn.Sequential(nn.Linear(1, K), nn.Tanh(), nn.Dropout(p=0.5),
                      nn.Linear(K, 1))
loss_fn = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
model.train()
for epoch in range(300):
    loss = loss_fn(model(X_train), Y_train)  # 1. predict, 2. loss
    optimizer.zero_grad()
    loss.backward()  # 3. gradient
    optimizer.step()  # 4. update

# %% The validation loss of the trained weights, measured three times
with torch.no_grad():
    model.train()  # the bug: measuring in training mode
    in_train_mode = [loss_fn(model(X_val), Y_val).item() for _ in range(3)]
    model.eval()  # the fix: dropout passes everything on
    in_eval_mode = [loss_fn(model(X_val), Y_val).item() for _ in range(3)]
for mode, losses in [("train", in_train_mode), ("eval", in_eval_mode)]:
    print(f"model.{mode}(): validation loss = "
          + ", ".join(f"{v:.4f}" for v in losses))
