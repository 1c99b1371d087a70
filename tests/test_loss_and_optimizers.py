"""Chapter 4 (docs/loss-and-optimizers.md): the claims its prose makes about its programs."""

import re

import pytest


def logged(text: str) -> list[tuple[int, float, float]]:
    """(epoch, w, loss) from lines like 'epoch 3: w = 0.772, loss = 15.66018772'."""
    return [(int(e), float(w), float(l)) for e, w, l in re.findall(r"epoch (\d+): w = (\S+), loss = (\S+)", text)]


def test_mseloss_and_sgd_print_chapter_2s_log_digit_for_digit(program, capsys):
    # the page shows this log only on chapter 2 and says it is the same: this is the proof
    program("numpy_gd_fixed")
    chapter_2 = capsys.readouterr().out
    program("autograd_gd")
    chapter_3 = capsys.readouterr().out
    program("optim_sgd_mseloss")
    assert len(logged(chapter_2)) == 10  # the log itself, not two empty outputs
    assert capsys.readouterr().out == chapter_3 == chapter_2


def test_each_line_is_a_w_and_its_loss_and_each_epoch_shrinks_the_distance_to_2_by_085(program, capsys):
    program("optim_sgd_mseloss")
    for epoch, w, loss in logged(capsys.readouterr().out)[:5]:
        assert abs(w - (2 - 2 * 0.85 ** (epoch - 1))) < 1e-3  # w before the epoch's step
        assert abs(loss - 7.5 * (w - 2) ** 2) < 15 * abs(w - 2) * 5e-4 + 1e-8  # its loss (w shown to 3 decimals)


def test_swapping_arguments_changes_bce_but_not_mse(program):
    ns = program("loss_argument_order")
    mse, bce = ns["mse"], ns["bce"]
    y_pred, Y, p, labels = ns["y_pred"], ns["Y"], ns["p"], ns["labels"]
    assert mse(y_pred, Y).item() == mse(Y, y_pred).item()
    assert abs(bce(p, labels).item() - bce(labels, p).item()) > 10
    assert abs(bce(labels, p).item() - 70 / 3) < 1e-4  # log(0) clamped to -100, as the page explains


def test_zero_grad_before_backward_equals_after_step_and_never_differs(program):
    train = program("optim_zero_grad")["train"]
    assert train("before backward") == train("after step")
    assert train("never") > 2 > train("after step")


def test_plain_sgd_beats_momentum_and_adam_here_and_momentum_still_swings(program):
    results = program("optim_momentum_adam")["results"]
    sgd, momentum, adam = (results[k] for k in ("SGD(lr=0.01)", "SGD(lr=0.01, momentum=0.9)", "Adam(lr=0.1)"))
    assert sgd[1] < min(momentum[1], adam[1])
    late = [w - 2 for w in momentum[0][30:]]
    assert any(a * b < 0 for a, b in zip(late, late[1:])), "momentum should still cross w = 2 after step 30"
    assert max(adam[0]) > 2.2  # Adam overshoots


def test_momentum_is_a_decaying_sum_and_momentum_1_is_the_forgotten_zero_grad(program):
    ns = program("optim_momentum_sum")
    g, mu = ns["g"], ns["mu"]
    assert ns["v"].item() == pytest.approx(sum(mu**k * g[3 - k] for k in range(4)), rel=1e-6)
    assert ns["with_momentum"] == ns["forgotten"]
    assert len(ns["forgotten"]) == 100


def test_adam_overshoots_only_with_its_first_moment(program):
    largest = program("optim_adam_first_moment")["largest"]
    assert largest[(0.9, 0.999)] > 2.2  # PyTorch's default betas: well past 2
    assert largest[(0.0, 0.999)] <= 2  # no first moment: never past 2
