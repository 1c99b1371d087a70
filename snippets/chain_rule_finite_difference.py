"""Check a gradient without calculus: a central finite difference."""

# %%
x, y = 1.0, 2.0
w = 1.0


def loss(w):
    return (x * w - y) ** 2


# The central difference's error shrinks like h**2; a one-sided one's like h.
h = 1e-4
dloss_dw = (loss(w + h) - loss(w - h)) / (2 * h)
print(f"dloss/dw ~ {dloss_dw:.6f}")
