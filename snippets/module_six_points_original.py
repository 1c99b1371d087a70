"""Six points, nn.Linear, lr 0.015: the third notebook's program plus a seed.

Its "%f" of tensors that require grad warns.
"""

# %% The original, with `import torch` added
# (the notebook imported it in an earlier cell)
import textwrap
import warnings

import torch

X = torch.tensor([[1], [2], [3], [4], [6], [8]], dtype=torch.float32)
Y = torch.tensor([[2], [4], [6], [8], [11], [16]], dtype=torch.float32)

in_feature = 1
out_feature = 1

# not in the original: its random init made every run print other numbers
torch.manual_seed(42)
model = torch.nn.Linear(in_feature, out_feature)

loss = torch.nn.MSELoss()

learning_rate = 0.015
iter_num = 100

optemiser = torch.optim.SGD(model.parameters(), learning_rate)  # sic

# %% PyTorch gives this warning once per process;
# set_warn_always shows it at every conversion.
warn_always = torch.is_warn_always_enabled()
torch.set_warn_always(True)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for iter in range(iter_num):
        Y_pred = model(X)

        # MISTAKE (harmless for MSE): the order is loss(input, target)
        Loss = loss(Y, Y_pred)

        Loss.backward()

        optemiser.step()

        optemiser.zero_grad()

        if iter % 10 == 0:
            [w, b] = model.parameters()
            # MISTAKE: "%f" of w, b and Loss converts tensors that require grad:
            # 3 warnings a line
            print("epoch %i: w = %f, b = %f, loss = %f"
                  % (iter + 1, w, b, Loss))

    print("model prediction: f(5) = %f"
          % model(torch.tensor([5], dtype=torch.float32)))
torch.set_warn_always(warn_always)  # restore the setting

print(f"{len(caught)} warnings, the first: {caught[0].category.__name__}:")
print(textwrap.fill(str(caught[0].message).split(" (Triggered")[0], 80))
