"""Exercise: a model that ignores its inputs learns the class frequencies.

With 90% of the labels in class 0, logits that are one bias b for every
sample already bring the loss from ln 2 down to the entropy of the
frequencies. A loss below ln C does not yet mean the model uses its inputs.
"""

# %% Labels: 90 of class 0, 10 of class 1
import numpy as np

Y = np.array([0] * 90 + [1] * 10)
N, C = len(Y), 2
Y_onehot = np.eye(C)[Y]  # (N, C)
b = np.zeros(C)  # (C,): the same logits for every sample

# %% Gradient descent on b alone
lr = 1.0
n_epochs = 40
for epoch in range(n_epochs):
    E = np.exp(b - b.max())
    P = np.tile(E / E.sum(), (N, 1))  # 1. predict: (N, C), every row alike
    L = -np.log(P[np.arange(N), Y]).mean()  # 2. loss
    if epoch % 10 == 0:
        print(f"epoch {epoch + 1}: L = {L:.4f}")
    db = ((P - Y_onehot) / N).sum(axis=0)  # 3. gradient: b is in every row
    b -= lr * db  # 4. update

# %% Where it ends: the class frequencies, and their entropy
frequencies = Y_onehot.mean(axis=0)
print(f"softmax(b) = {np.round(P[0], 3)}, frequencies = {frequencies}")
print(f"ln C = {np.log(C):.4f}, entropy of the frequencies = "
      f"{-(frequencies * np.log(frequencies)).sum():.4f}")
