"""The data: handwritten digits of 8x8 pixels, shipped with scikit-learn.

load_digits reads a file inside the scikit-learn package: nothing is
downloaded. Each image is a row of 64 numbers, the ink of each pixel,
from 0 (none) to 16 (full).
"""

# %% Load the digits and look at their shapes, values and classes
import numpy as np
from sklearn.datasets import load_digits

X, Y = load_digits(return_X_y=True)  # read from a file in sklearn's package
N, d = X.shape  # samples, features (one per pixel)
print(f"X: {X.shape} {X.dtype}, Y: {Y.shape} {Y.dtype}")
print(f"pixel values: {np.unique(X)}")
classes, counts = np.unique(Y, return_counts=True)
C = len(classes)
print(f"classes: {classes}")
print(f"images per class: {counts}")

# %% One sample: row 0 of X is the 8x8 image, read row by row
print(f"sample 0 has label {Y[0]}; its 64 pixels as 8 rows of 8:")
print(X[0].reshape(8, 8).astype(int))
