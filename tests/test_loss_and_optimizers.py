"""Chapter 4 (docs/loss-and-optimizers.md): the claims its prose makes about its programs."""

import re

import torch


def logged(text: str) -> list[tuple[int, float, float]]:
    """(epoch, w, loss) from lines like 'epoch 3: w = 0.772, loss = 15.66018772'."""
    return [(int(e), float(w), float(l)) for e, w, l in re.findall(r"epoch (\d+): w = (\S+), loss = (\S+)", text)]


def hand_written_autograd_log(n_iters: int, every: int) -> str:
    """Chapter 3's loop: our own loss, our own update under no_grad, w.grad.zero_()."""
    X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
    Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)
    w = torch.tensor(0.0, requires_grad=True)
    lines = []
    for epoch in range(n_iters):
        l = ((w * X - Y) ** 2).mean()
        l.backward()
        with torch.no_grad():
            w -= 0.01 * w.grad
        w.grad.zero_()
        if epoch % every == 0:
            lines.append(f"epoch {epoch+1}: w = {w:.3f}, loss = {l:.8f}")
    return "\n".join(lines)


def test_mseloss_and_sgd_print_the_hand_written_log_digit_for_digit(program, capsys):
    program("optim_sgd_mseloss_every_epoch")
    every_epoch = capsys.readouterr().out
    program("optim_sgd_mseloss")
    every_2nd = capsys.readouterr().out
    assert logged(every_epoch) == logged(hand_written_autograd_log(100, 1))
    assert logged(every_2nd) == logged(hand_written_autograd_log(50, 2))
    assert len(logged(every_epoch)) == 100 and len(logged(every_2nd)) == 25
    # the numbers the issue quotes from the original notebook
    assert "epoch 2: w = 0.555, loss = 21.67499924" in every_epoch
    assert "epoch 3: w = 0.772, loss = 15.66018772" in every_2nd


def test_each_epoch_shrinks_the_distance_to_2_by_085(program, capsys):
    program("optim_sgd_mseloss_every_epoch")
    for epoch, w, loss in logged(capsys.readouterr().out)[:20]:
        assert abs(w - (2 - 2 * 0.85**epoch)) < 1e-3  # w after the epoch's step
        assert abs(loss - 7.5 * (2 * 0.85 ** (epoch - 1)) ** 2) < 1e-3 * max(1, loss)  # loss before it


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


def test_six_point_program_corrected_prints_the_same_numbers(program, capsys):
    program("optim_six_points_original")
    as_written = capsys.readouterr().out.splitlines()
    ns = program("optim_six_points")
    corrected = capsys.readouterr().out.splitlines()
    assert corrected[:11] == as_written[:11]  # the log and f(5)
    warning = " ".join(" ".join(as_written[12:]).split())  # the program wraps the warning at 80 columns
    assert as_written[11].startswith("11 warnings") and "requires_grad=True to a scalar" in warning
    assert abs(ns["w"].item() - 254 / 130) < 1e-4


def test_plain_sgd_beats_momentum_and_adam_here_and_momentum_still_swings(program):
    results = program("optim_momentum_adam")["results"]
    sgd, momentum, adam = (results[k] for k in ("SGD(lr=0.01)", "SGD(lr=0.01, momentum=0.9)", "Adam(lr=0.1)"))
    assert sgd[1] < min(momentum[1], adam[1])
    late = [w - 2 for w in momentum[0][30:]]
    assert any(a * b < 0 for a, b in zip(late, late[1:])), "momentum should still cross w = 2 after step 30"
    assert max(adam[0]) > 2.2  # Adam overshoots


def test_f3x_shrinks_the_distance_to_3_by_089(program, capsys):
    program("optim_sgd_f3x")
    for epoch, w, _ in logged(capsys.readouterr().out):  # 0-based: w after epoch + 1 updates
        assert abs(w - (3 - 3 * 0.89 ** (epoch + 1))) < 1e-3
