"""Six points, MSELoss + SGD, as the third notebook wrote it: its "%f" warns."""

# %% The original, with `import torch` added
# (the notebook imported it in an earlier cell)
import textwrap
import warnings

import torch

X = torch.tensor([1, 2, 3, 4, 6, 8], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8, 11, 16], dtype=torch.float32)

w = torch.tensor(0.0, dtype=torch.float32, requires_grad=True)


def forward(x, w):
    return x * w


loss = torch.nn.MSELoss()

learning_rate = 0.01
iter_num = 20

optemiser = torch.optim.SGD([w], learning_rate)  # sic: "optimiser"

# %% PyTorch gives this warning once per process;
# set_warn_always shows it at every print.
warn_always = torch.is_warn_always_enabled()
torch.set_warn_always(True)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for iter in range(iter_num):  # `iter` shadows Python's built-in iter()
        Y_pred = forward(X, w)

        # MISTAKE (harmless for MSE): the order is loss(input, target)
        Loss = loss(Y, Y_pred)

        Loss.backward()

        optemiser.step()

        optemiser.zero_grad()

        if iter % 2 == 0:
            # MISTAKE: "%f" % Loss converts a tensor that requires grad
            # -> a warning each time
            print("epoch %i: w = %f, loss = %f" % (iter + 1, w.item(), Loss))

    print("model prediction: f(5) = %f" % forward(5, w))  # the same mistake
torch.set_warn_always(warn_always)  # restore the setting

print(f"{len(caught)} warnings, the first: {caught[0].category.__name__}:")
print(textwrap.fill(str(caught[0].message).split(" (Triggered")[0], 80))
