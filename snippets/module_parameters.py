"""Inside nn.Linear: parameters, names, shapes, state_dict, the random init."""

# %% A seeded model, so the printed numbers are the same on every run
import torch
import torch.nn as nn

torch.manual_seed(42)
model = nn.Linear(in_features=1, out_features=1)  # one x in, one y out
print(model)

# %% parameters() yields the tensors the optimizer updates:
# the weight first, then the bias
[w, b] = model.parameters()
print(f"w: shape {list(w.shape)}, requires_grad={w.requires_grad}")
print(f"b: shape {list(b.shape)}, requires_grad={b.requires_grad}")

# %% named_parameters() adds the names;
# state_dict() maps the same names to detached values
for name, parameter in model.named_parameters():
    print(f"{name} = {parameter.item():.4f}")
print(list(model.state_dict()))

# %% The init is random, uniform between -bound and bound with
# bound = 1/sqrt(in_features): the prediction starts away from zero
X_test = torch.tensor([5], dtype=torch.float32)
print(f"f(5) = 5 * {w.item():.4f} + {b.item():.4f} = "
      f"{model(X_test).item():.4f}")
