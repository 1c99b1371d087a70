"""Chapter 3 (docs/autograd.md): the claims its prose makes about its programs."""

import pytest
import torch


def test_one_step(program):
    step = program("autograd_one_step")
    w = step["w"]
    assert w.is_leaf and w.requires_grad
    assert w.item() == pytest.approx(0.3)
    assert w.grad.item() == 0.0  # zeroed, ready for the next step


def test_three_ways_to_a_gradient_agree(program, capsys):
    program("autograd_three_ways")
    for line in capsys.readouterr().out.splitlines():
        numbers = [part.split()[-1] for part in line.split(",")]
        assert len(numbers) == 3 and len(set(numbers)) == 1, line  # equal as printed


def test_forgetting_zero_grad_accumulates_and_never_settles(program, capsys):
    forgot = program("autograd_forgot_zero_grad")
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].endswith("this step's gradient =  -25.500, w.grad =  -55.500")  # -30 + -25.5
    assert lines[2].endswith("this step's gradient =  -17.175, w.grad =  -72.675")
    late = [float(line.split("w = ")[1].split(",")[0]) for line in lines[4:]]
    assert min(late) < 0.5 and max(late) > 3.5  # still swinging between about 0 and 4
    assert forgot["w"].grad.item() != 0  # the sum of all 100 gradients, never reset


def test_in_place_update_without_no_grad_raises(program, capsys):
    fixed = program("autograd_update_without_no_grad")
    printed = " ".join(capsys.readouterr().out.split())  # the program wraps the message at 80 columns
    assert "RuntimeError: a leaf Variable that requires grad is being used in an in-place operation." in printed
    assert fixed["w"].item() == pytest.approx(0.3)


def test_rebinding_w_makes_it_a_non_leaf_without_grad(program, capsys):
    rebound = program("autograd_update_not_leaf")
    out = capsys.readouterr().out
    assert not rebound["w"].is_leaf
    assert "UserWarning: The .grad attribute of a Tensor that is not a leaf" in out
    assert "AttributeError: 'NoneType' object has no attribute 'zero_'" in out


def test_percent_f_warns_and_item_does_not(program, capsys):
    was = torch.is_warn_always_enabled()
    printed = program("autograd_print_loss")
    assert "UserWarning: Converting a tensor with requires_grad=True to a scalar" in capsys.readouterr().out
    assert torch.is_warn_always_enabled() == was  # the program restores the setting it changed
    assert isinstance(printed["Loss"].item(), float)


def test_noisy_run_approaches_the_least_squares_slope(program):
    noisy = program("autograd_gd_noisy")
    X, Y, w = noisy["X"].double(), noisy["Y"].double(), noisy["w"].item()
    w_best = ((X * Y).sum() / (X * X).sum()).item()
    assert w_best == pytest.approx(128 / 66)
    assert (2 * X * (w_best * X - Y)).mean().item() == pytest.approx(0, abs=1e-12)  # the gradient is 0 there
    # each step multiplies the distance by 1 - 0.01 * 26.4 = 0.736: 20 steps leave about 0.2%
    assert 0.002 < w_best - w < 0.004


def test_f3x_epoch_10(program, capsys):
    program("autograd_gd_f3x")
    lines = capsys.readouterr().out.splitlines()
    assert lines[2] == f"epoch 10: w = {3 - 3 * 0.89**11:.3f}, loss = 9.62576866"
