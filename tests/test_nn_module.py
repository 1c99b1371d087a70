"""Chapter 5 (docs/nn-module.md): the claims its prose makes about its programs."""

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn as nn


def test_the_initial_prediction_is_not_zero(program):
    ns = program("module_parameters")
    w, b = ns["w"].item(), ns["b"].item()
    assert -1 <= w <= 1 and -1 <= b <= 1  # uniform on [-1/sqrt(1), 1/sqrt(1)]
    assert abs(5 * w + b) > 1  # "w = 0, therefore: ans: 0" is false


def test_custom_class_with_the_same_seed_prints_the_nn_linear_log(program, capsys):
    program("module_linear")
    linear = capsys.readouterr().out
    program("module_custom_class")
    custom = capsys.readouterr().out
    assert linear == custom


def test_three_ways_to_the_gradients_agree_and_give_the_first_step(program, capsys):
    ns = program("module_gradient_check")
    for way in ("autograd", "fd"):
        assert f"{ns[f'dw_{way}']:.6f}" == f"{ns['dw_hand']:.6f}"
        assert f"{ns[f'db_{way}']:.6f}" == f"{ns['db_hand']:.6f}"
    capsys.readouterr()
    program("module_linear")
    first = re.search(r"epoch 1: w = (\S+),", capsys.readouterr().out)[1]
    w0 = program("module_parameters")["w"].item()  # the seeded initial w, where the gradient was taken
    assert f"{w0 - 0.01 * ns['dw_hand']:.3f}" == first == "0.908"


def test_the_bias_makes_a_long_narrow_valley_and_centring_removes_it(program):
    ns = program("module_convergence_rate")
    small, large = np.linalg.eigvalsh(2 / ns["N"] * ns["models"]["w and b"].T @ ns["models"]["w and b"])
    assert (round(small, 3), round(large, 3)) == (0.299, 16.701)
    assert round(2 / large, 2) == 0.12  # the largest stable learning rate
    assert round(1 - 2 * small / large, 3) == 0.964  # the flat factor can get no smaller
    centred = 2 / ns["N"] * ns["models"]["centred"].T @ ns["models"]["centred"]
    assert np.allclose(centred, np.diag([2.5, 2.0]))  # off-diagonal 0: the axes are w and b


def test_the_closed_form_of_n_steps_matches_a_run_and_reaches_least_squares(program, capsys):
    ns = program("module_least_squares")
    printed = dict(line.split(":", 1) for line in capsys.readouterr().out.splitlines())
    best, ran = ns["best"], ns["ran"]
    assert np.allclose(best, [2, 0])
    assert (
        printed["GD,  100 steps, formula"].strip() == printed["GD,  100 steps, run"].strip()
    )  # the formula is the run
    assert np.abs(ran - best).sum() > 0.3  # after 100 steps: still far
    assert np.abs(ns["theta"] - best).max() < 1e-3  # the formula's 5000 steps: there
    assert printed["GD, 5000 steps, formula"].strip() == printed["least squares"].strip()


MISMATCH = re.escape("Using a target size (torch.Size([4])) that is different to the input size (torch.Size([4, 1]))")


def test_flat_targets_broadcast_to_4x4_and_train_the_mean(program):
    with pytest.warns(UserWarning, match=MISMATCH):  # the page shows it
        ns = program("module_shape_pitfall")
    y_pred, Y_flat, loss_fn = ns["y_pred"], ns["Y_flat"], ns["loss_fn"]
    assert (y_pred - Y_flat).shape == (4, 4)
    with pytest.warns(UserWarning, match=MISMATCH):
        wrong = loss_fn(y_pred, Y_flat)
    assert wrong.item() == ((y_pred - Y_flat) ** 2).mean().item()  # the mean over all 16 pairs
    assert abs(wrong.item() - loss_fn(y_pred, ns["Y"]).item()) > 1
    assert abs(ns["model"].weight.item()) < 1e-3
    assert abs(ns["model"].bias.item() - Y_flat.mean().item()) < 1e-3


def test_a_reader_sees_the_mismatch_warning_once():
    # As a reader runs it: Python's default filter shows a warning once per place, so the training
    # steps add no line, unless something resets that memory (a library changing the filters on import).
    path = Path(__file__).parents[1] / "snippets" / "module_shape_pitfall.py"
    run = subprocess.run([sys.executable, path], capture_output=True, text=True, check=True)
    assert len(re.findall(MISMATCH, run.stderr)) == 1


def test_a_layer_assigned_before_super_init_raises():
    class Broken(nn.Module):
        def __init__(self):
            self.lin = nn.Linear(1, 1)
            super().__init__()

    with pytest.raises(AttributeError, match="before Module.__init__"):
        Broken()


def test_a_registered_layer_names_its_parameters(program):
    ns = program("module_custom_class")
    assert [name for name, _ in ns["model"].named_parameters()] == ["lin.weight", "lin.bias"]
    assert torch.equal(ns["model"].lin.weight, ns["w"])


def test_in_the_valley_momentum_and_adam_beat_plain_sgd(program):
    ns = program("module_momentum_valley")
    sgd, momentum, adam = (ns["train"](make) for make in ns["optimizers"].values())
    assert momentum[2] < adam[2] < sgd[2]
    assert abs(momentum[0] - 2) < 0.01 and abs(momentum[1]) < 0.02


def test_state_dict_holds_detached_values_under_the_parameter_names(program):
    model = program("module_parameters")["model"]
    state = model.state_dict()
    assert list(state) == [name for name, _ in model.named_parameters()] == ["weight", "bias"]
    assert not any(value.requires_grad for value in state.values())
