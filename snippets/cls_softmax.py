"""Logits to softmax to cross-entropy, small enough to follow by hand.

Three samples, three classes. Each row of Z holds one sample's logits, and
Y holds the samples' labels. Softmax turns each row into probabilities; the
cross-entropy is the mean of -ln(probability of the true class).
"""

# %% The logits and the labels
import numpy as np

Z = np.array([[2.0, 1.0, 0.0],  # (N, C): one row per sample,
              [0.0, 1.0, 3.0],  # one column per class
              [2.0, 0.0, 1.0]])
Y = np.array([0, 2, 2])  # (N,): the true class of each sample
N, C = Z.shape


def show(name, A):  # three decimals, so that the reader can redo the sums
    print(f"{name}:\n{np.array2string(A, precision=3, floatmode='fixed')}")


# %% Softmax: exponentiate, then divide each row by its sum
E = np.exp(Z)  # (N, C): every entry positive
show("exp(Z)", E)
show("row sums", E.sum(axis=1))
P = E / E.sum(axis=1, keepdims=True)  # (N, C): each row sums to one
show("P = softmax(Z)", P)

# %% Cross-entropy: the probability given to the true class, through -ln
Y_onehot = np.eye(C)[Y]  # (N, C): row i is one in column Y[i], zero elsewhere
show("Y_onehot", Y_onehot.astype(int))
p_true = (P * Y_onehot).sum(axis=1)  # (N,): P[i, Y[i]], picked by the one-hot
show("P[i, y_i]", p_true)
show("-ln P[i, y_i]", -np.log(p_true))
L = -np.log(p_true).mean()  # the mean cross-entropy
print(f"L = {L:.3f}")
