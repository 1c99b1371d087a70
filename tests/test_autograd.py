"""Chapter 3 (docs/autograd.md): the claims its prose makes about its programs."""

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
import torch


def test_tensor_shapes_dtypes_and_item(program):
    ns = program("autograd_tensors")
    assert [list(ns[name].shape) for name in ("w", "x", "X")] == [[], [4], [4, 1]]
    # .item(): a Python number of the tensor's kind
    assert type(ns["w"].item()) is float and type(torch.tensor(3).item()) is int
    assert (ns["X"] - ns["y"]).shape == (4, 4)


def test_float32_spacing_and_exact_item(program):
    ns = program("autograd_float32")
    # float32 -> Python float is exact: the float64 holds the float32's own value
    lr = ns["lr"]
    assert Decimal(lr.item()) == Decimal(float(np.float32(0.1)))
    assert torch.tensor(lr.item(), dtype=torch.float32) == lr
    assert lr.item() != 0.1  # ... which is not 0.1
    below = torch.nextafter(torch.tensor(1.0), torch.tensor(0.0)).item()
    assert 1 - below == torch.finfo(torch.float32).eps / 2  # the gap below 1 is half the gap above


def test_a_format_spec_needs_zero_dimensions(program, capsys):
    ns = program("autograd_format_spec")
    assert f"{ns['w']:.3f}" == "2.000"
    with pytest.raises(TypeError):  # a format spec on shape [1]
        f"{ns['w1']:.3f}"
    assert "TypeError: unsupported format string" in capsys.readouterr().out


def test_the_graph_autograd_recorded_is_chapter_1s(program, capsys):
    ns = program("chain_rule_graph")
    walk = [line.strip() for line in capsys.readouterr().out.splitlines()[1:-1]]
    assert walk == ["PowBackward0", "SubBackward0", "MulBackward0", "AccumulateGrad"]  # square, subtract, multiply
    assert ns["w"].is_leaf and not ns["loss"].is_leaf
    ns["loss"].backward()  # the leaf gets the gradient, the computed loss none
    assert ns["w"].grad.item() == program("chain_rule_autograd")["w"].grad.item() == -2.0


def test_one_step(program):
    step = program("autograd_one_step")
    w = step["w"]
    assert w.is_leaf and w.requires_grad
    assert w.item() == pytest.approx(0.3)
    assert w.grad.item() == 0.0  # zeroed, ready for the next step


def test_percent_f_warns_once_per_process():
    # The page's program, as a reader runs it, but with -W always: Python itself would show a warning
    # once per line, and the program converts on two lines; the warning shows once only if PyTorch says it once.
    path = Path(__file__).parents[1] / "snippets" / "autograd_format_warning.py"
    run = subprocess.run([sys.executable, "-W", "always", path], capture_output=True, text=True, check=True)
    assert run.stdout.count(" = ") == 4  # four conversions: three losses and w
    assert run.stderr.count("Converting a tensor with requires_grad=True to a scalar") == 1


def test_three_ways_to_a_gradient_agree(program, capsys):
    program("autograd_three_ways")
    for line in capsys.readouterr().out.splitlines():
        numbers = [part.split()[-1] for part in line.split(",")]
        assert len(numbers) == 3 and len(set(numbers)) == 1, line  # equal as printed


def test_autograd_prints_chapter_2s_log_line_for_line(program, capsys):
    # the page shows this log only on chapter 2 and says it is the same: this is the proof
    program("numpy_gd_fixed")
    numpy_log = capsys.readouterr().out
    program("autograd_gd")
    assert numpy_log.count("\nepoch ") == 10  # the log itself, not two empty outputs
    assert capsys.readouterr().out == numpy_log


def test_forgetting_zero_grad_accumulates_and_never_settles(program, capsys):
    forgot = program("autograd_forgot_zero_grad")
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].endswith("this step's gradient =  -25.500, w.grad =  -55.500")  # -30 + -25.5
    assert lines[2].endswith("this step's gradient =  -17.175, w.grad =  -72.675")
    assert forgot["w"].grad.item() != 0  # the sum of all 100 gradients, never reset
    # The swing, over EVERY step (the log shows one in ten, which would understate it): the figure's loop
    # runs the same steps, and its range is the wave's height that the recurrence predicts, 2 -/+ 2.04.
    figure = program("figure_forgot_zero_grad")
    ws = figure["history"][False][0]
    last_logged = float(lines[-1].split("w = ")[1].split(",")[0])
    assert len(ws) == forgot["n_iters"] and ws[-1] == pytest.approx(last_logged, abs=5e-4)
    logged = [float(line.split("w = ")[1].split(",")[0]) for line in lines]
    assert min(ws) < min(logged) and max(ws) > max(logged)  # the logged subset misses the extremes
    assert (round(min(ws), 2), round(max(ws), 2)) == (-0.04, 4.04)
    e0, e1 = ws[0] - 2, ws[1] - 2
    c = 1 - figure["lr"] * 7.5  # cos(theta) = 1 - eta * L''/2, L'' = 15
    height = (e0**2 + ((e1 - e0 * c) / (1 - c**2) ** 0.5) ** 2) ** 0.5
    assert height == pytest.approx(2.04, abs=5e-3)
    assert min(ws) == pytest.approx(2 - height, abs=5e-3) and max(ws) == pytest.approx(2 + height, abs=5e-3)


def test_in_place_update_without_no_grad_raises(program, capsys):
    fixed = program("autograd_update_without_no_grad")
    assert "RuntimeError: a leaf Variable that requires grad is being used in an in-place" in capsys.readouterr().out
    assert fixed["w"].item() == pytest.approx(0.3)  # only the update under no_grad happened


def test_rebinding_w_sends_the_gradient_to_the_old_leaf(program):
    with pytest.warns(UserWarning, match="not a leaf Tensor is being accessed"):  # the page shows it
        ns = program("autograd_update_not_leaf")
    w = ns["w"]
    assert not w.is_leaf and ns["w_made"].is_leaf
    assert ns["w_made"].grad.item() == pytest.approx(-30 - 25.5)  # both steps' gradients, added
    with pytest.warns(UserWarning), pytest.raises(AttributeError, match="'NoneType' object has no attribute 'zero_'"):
        w.grad.zero_()  # the loop's next line
