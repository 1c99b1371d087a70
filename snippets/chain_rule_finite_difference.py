"""Check a gradient without calculus: a central finite difference of the loss."""

# %%
x, y = 1.0, 2.0
w = 1.0


def loss(w):
    return (x * w - y) ** 2


# (L(w + h) - L(w - h)) / 2h has an error of order h**2, not h as a one-sided difference has.
h = 1e-4
dloss_dw = (loss(w + h) - loss(w - h)) / (2 * h)
print(f"dloss/dw ~ {dloss_dw:.6f}")
