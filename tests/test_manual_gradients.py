"""Chapter 2 (docs/manual-gradients.md): the claims its prose makes about its programs."""

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


def test_fixed_numpy_log_is_the_autograd_log(program, capsys):
    numpy_log = log(capsys, program, "numpy_gd_fixed")
    autograd_log = log(capsys, program, "autograd_gd")
    assert len(numpy_log) == 12
    assert numpy_log == autograd_log
    assert numpy_log[1] == f"epoch 1: w = {2 - 2 * 0.85:.3f}, loss = 30.00000000"
    assert numpy_log[2].startswith(f"epoch 11: w = {2 - 2 * 0.85**11:.3f},")


def test_the_first_logged_loss_is_the_loss_before_the_update(program, capsys):
    fixed = program("numpy_gd_fixed")
    X, Y = fixed["X"], fixed["Y"]
    first = capsys.readouterr().out.splitlines()[1]
    assert first.endswith(f"loss = {((0.0 * X - Y) ** 2).mean():.8f}")  # w = 0, before the step
    assert not first.endswith(f"loss = {((0.3 * X - Y) ** 2).mean():.8f}")  # not the w it shows


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
