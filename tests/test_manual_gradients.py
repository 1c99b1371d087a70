"""Chapter 2 (docs/manual-gradients.md): the claims its prose makes about its programs."""

import re

import pytest


def log(capsys, program, name):
    """The lines a program prints."""
    program(name)
    return capsys.readouterr().out.splitlines()


def test_original_gradient_is_n_times_too_large(program):
    check = program("numpy_gradient_check")
    for w in [0.0, 1.2, 3.0, -5.0]:
        fixed, original = check["gradient_fixed"](w), check["gradient_original"](w)
        assert original == pytest.approx(check["N"] * fixed)
        slope = (check["loss"](w + 1e-4) - check["loss"](w - 1e-4)) / 2e-4
        assert f"{slope:.6f}" == f"{fixed:.6f}"  # agree to the printed precision


def test_original_converges_because_its_learning_rate_is_in_effect_4_times_larger(program, capsys):
    lines = log(capsys, program, "numpy_gd_original")
    # one step multiplies w - 2 by 1 - 4 * 0.01 * 15 = 0.4
    assert lines[1] == f"epoch 1: w = {2 - 2 * 0.4:.3f}, loss = 30.00000000"
    assert lines[2].startswith(f"epoch 3: w = {2 - 2 * 0.4**3:.3f},")
    assert lines[-1].endswith("f(5) = 10.000")


def logged(lines):
    """(epoch, w, loss) from lines like 'epoch 11: w = 1.606, loss = 1.16278565'."""
    found = [re.search(r"epoch (\d+): w = (\S+), loss = (\S+)$", line) for line in lines]
    return [(int(m[1]), float(m[2]), float(m[3])) for m in found if m]


def test_each_log_line_is_a_w_and_the_loss_it_gave(program, capsys):
    lines = log(capsys, program, "numpy_gd_fixed")
    assert lines[1] == "epoch 1: w = 0.000, loss = 30.00000000"  # the start, before any update
    assert len(logged(lines)) == 10
    for epoch, w, loss in logged(lines):
        w_exact = 2 - 2 * 0.85 ** (epoch - 1)  # after epoch - 1 updates: the page's formula
        assert f"{w:.3f}" == f"{w_exact:.3f}"
        assert loss == pytest.approx(7.5 * (w_exact - 2) ** 2, rel=1e-5, abs=1e-8)  # the loss of that w


def test_the_stability_log_pairs_each_w_with_its_loss_too(program, capsys):
    for epoch, w, loss in logged(log(capsys, program, "numpy_lr_stability")):
        # w is printed to 3 decimals: its loss 7.5 (w - 2)**2 is known to 15 |w - 2| * 0.0005
        assert loss == pytest.approx(7.5 * (w - 2) ** 2, abs=15 * abs(w - 2) * 5e-4 + 1e-8), epoch


def test_learning_rate_bound_is_2_over_the_curvature(program, capsys):
    stability = program("numpy_lr_stability")
    X, L2, train = stability["X"], stability["L2"], stability["train"]
    assert L2 == 2 * (X**2).mean()  # the second derivative of mean((w x - y)**2)
    assert abs(train(0.99 * 2 / L2, 2000) - 2) < 1e-3
    assert abs(train(1.01 * 2 / L2, 2000) - 2) > 1e3


def test_a_gradient_n_times_too_large_is_a_learning_rate_n_times_larger(program):
    check = program("numpy_gradient_check")
    original, fixed, N = check["gradient_original"], check["gradient_fixed"], check["N"]
    L2 = 2 * (check["X"] ** 2).mean()

    def descend(lr, gradient, n_iters):
        w = 0.0
        for _ in range(n_iters):
            w -= lr * gradient(w)
        return w

    assert descend(0.035, original, 60) == pytest.approx(descend(4 * 0.035, fixed, 60))
    # with the original gradient, the bound is N times smaller
    assert abs(descend(0.99 * 2 / (N * L2), original, 2000) - 2) < 1e-3
    assert abs(descend(1.01 * 2 / (N * L2), original, 2000) - 2) > 1e3
