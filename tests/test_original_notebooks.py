"""The appendix (docs/original-notebooks.md): the claims its prose makes about the original programs."""

import re
import runpy
import warnings
from pathlib import Path

import pytest
import torch

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets"


def log(capsys, program, name):
    """The lines a program prints."""
    program(name)
    return capsys.readouterr().out.splitlines()


@pytest.mark.parametrize(
    "name, line",
    [
        ("numpy_gd_original", "epoch 1: w = 1.200, loss = 30.00000000"),
        ("autograd_gd_original", "epoch 1: w = 0.300, loss = 30.00000000"),
        ("autograd_gd_original", "epoch 11: w = 1.665, loss = 1.16278565"),
        ("optim_sgd_mseloss_every_epoch", "epoch 2: w = 0.555, loss = 21.67499924"),
        ("optim_sgd_mseloss_every_epoch", "epoch 11: w = 1.665, loss = 1.16278565"),
        ("autograd_gd_f3x", "epoch 10: w = 2.167, loss = 9.62576866"),
    ],
)
def test_the_programs_still_print_the_notebooks_numbers(program, capsys, name, line):
    assert line in log(capsys, program, name)


def test_the_original_autograd_log_is_chapter_3s_with_each_w_one_update_later(program, capsys):
    original = log(capsys, program, "autograd_gd_original")
    chapter_3 = log(capsys, program, "autograd_gd")
    loss, w = re.compile(r"loss = (\S+)$"), re.compile(r"w = (\S+),")
    assert len(original) == len(chapter_3) == 12
    assert [loss.findall(a) for a in original] == [loss.findall(b) for b in chapter_3]  # the same losses
    assert [w.findall(a) for a in original] != [w.findall(b) for b in chapter_3]
    step = program("autograd_gd")  # chapter 3's names: w at each logged epoch, one update later
    X, Y = step["X"], step["Y"]
    for line in original[1:4]:
        epoch, shown = re.match(r"epoch (\d+): w = (\S+),", line).groups()
        w = torch.tensor(0.0)
        for _ in range(int(epoch)):  # epoch N prints w after N updates
            w = w - 0.01 * (2 * X * (w * X - Y)).mean()
        assert f"{w:.3f}" == shown


def test_three_decimals_print_a_loss_of_zero_too_early(program, capsys):
    short = log(capsys, program, "numpy_gd_print_3f")
    full = log(capsys, program, "numpy_gd_original")
    assert short[5] == "epoch 9: w = 1.999, loss =  0.000"
    assert full[5] == "epoch 9: w = 1.999, loss = 0.00001288"
    assert [line.split(",")[0] for line in short[1:-1]] == [line.split(",")[0] for line in full[1:-1]]


def test_notebook_001s_autograd_loop_is_not_the_same_as_its_numpy_loop(program, capsys):
    numpy_log = log(capsys, program, "numpy_gd_print_3f")
    autograd_log = log(capsys, program, "autograd_gd_print_3f")
    assert numpy_log[1].startswith("epoch 1: w = 1.200,")
    assert autograd_log[1].startswith("epoch 1: w = 0.300,")


def test_f3x_original_gradient_is_5_times_too_large(program, capsys):
    numpy_log = log(capsys, program, "numpy_gd_f3x_original")
    autograd_log = log(capsys, program, "autograd_gd_f3x")
    X = program("numpy_gd_f3x_original")["X"]
    true_gradient = (2 * X * (0 - 3 * X)).mean()  # at w = 0
    assert numpy_log[1] == f"epoch 0: w = {0.005 * -len(X) * true_gradient:.3f}, loss = 99.00000000"
    assert autograd_log[1] == f"epoch 0: w = {0.005 * -true_gradient:.3f}, loss = 99.00000000"


def test_sgd_and_the_hand_written_update_agree_on_w_and_part_in_the_losses_last_digits(program, capsys):
    by_hand = log(capsys, program, "autograd_gd_f3x")
    sgd = log(capsys, program, "optim_sgd_f3x")
    w = re.compile(r"w = (\S+),")
    assert [w.findall(a) for a in by_hand] == [w.findall(b) for b in sgd]
    assert by_hand[2] != sgd[2] and by_hand[2].startswith("epoch 10:")
    # the cause is the update alone: the same loss, updated both ways
    X = torch.arange(1.0, 6.0)
    Y = 3 * X

    def loss_at_epoch_10(update):
        w = torch.tensor(0.0, requires_grad=True)
        for _ in range(11):
            loss = ((w * X - Y) ** 2).mean()
            loss.backward()
            with torch.no_grad():
                update(w)
            w.grad.zero_()
        return loss.item()

    rounded_first = loss_at_epoch_10(lambda w: w.sub_(w.grad * 0.005))  # w -= w.grad * lr
    in_one_operation = loss_at_epoch_10(lambda w: w.add_(w.grad, alpha=-0.005))  # SGD's step
    assert by_hand[2].endswith(f"loss = {rounded_first:.8f}")
    assert sgd[2].endswith(f"loss = {in_one_operation:.8f}")


@pytest.mark.parametrize("name", ["optim_six_points_original", "module_six_points_original"])
def test_percent_f_of_a_tensor_that_requires_grad_warns_and_item_prints_the_same(name, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = (SNIPPETS / f"{name}.py").read_text()
    torch.set_warn_always(True)  # PyTorch warns once per process: here, in every test
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        runpy.run_path(str(SNIPPETS / f"{name}.py"), run_name="__main__")
    torch.set_warn_always(False)
    as_written = capsys.readouterr().out
    assert caught and all("requires_grad=True to a scalar" in str(w.message) for w in caught)
    # with .item() on each tensor, the same numbers and no warning
    fixed = re.sub(
        r"% \(iter\+1, (.*)\)\)",
        lambda m: (
            "% (iter+1, "
            + ", ".join(f"{v.strip()}.item()" if not v.strip().endswith(".item()") else v for v in m[1].split(","))
            + "))"
        ),
        source,
    )
    fixed = fixed.replace("% forward(5, w))", "% forward(5, w).item())").replace(
        "dtype=torch.float32)))", "dtype=torch.float32)).item())"
    )
    assert fixed != source
    copy = tmp_path / f"{name}_item.py"
    copy.write_text(fixed)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        runpy.run_path(str(copy), run_name="__main__")
    assert capsys.readouterr().out == as_written
