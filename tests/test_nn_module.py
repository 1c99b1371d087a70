"""Chapter 5 (docs/nn-module.md): the claims its prose makes about its programs."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import torch
import torch.nn as nn

SNIPPETS = Path(__file__).parents[1] / "snippets"


def test_the_initial_prediction_is_not_zero(program):
    ns = program("module_parameters")
    w, b = ns["w"].item(), ns["b"].item()
    assert -1 <= w <= 1 and -1 <= b <= 1  # uniform on [-1/sqrt(1), 1/sqrt(1)]
    assert abs(5 * w + b) > 1  # "w = 0, therefore: ans: 0" is false


def test_custom_class_in_place_of_nn_linear_prints_the_same_log(program, capsys):
    """The page shows nn.Linear's log once and says the class's is identical: it is, line for line."""
    program("module_linear")
    linear = capsys.readouterr().out
    ns = program("module_custom_class")
    assert capsys.readouterr().out.splitlines()[1:] == [  # the same predictions, before and after
        line for line in linear.splitlines() if line.startswith("Prediction")
    ]
    source = (SNIPPETS / "module_linear.py").read_text()
    model_line = "model = nn.Linear(in_features=n_features, out_features=1)"
    assert source.count(model_line) == 1
    swapped = source.replace(model_line, "model = LinearRegression(in_features=n_features, out_features=1)")
    exec(
        compile(swapped, "module_linear.py with LinearRegression", "exec"), {"LinearRegression": ns["LinearRegression"]}
    )
    assert capsys.readouterr().out == linear


def test_three_ways_to_the_gradients_agree_and_give_the_first_step(program, capsys):
    ns = program("module_gradient_check")
    for way in ("autograd", "fd"):
        assert f"{ns[f'dw_{way}']:.6f}" == f"{ns['dw_hand']:.6f}"
        assert f"{ns[f'db_{way}']:.6f}" == f"{ns['db_hand']:.6f}"
    capsys.readouterr()
    program("module_linear")
    first = re.search(r"epoch 1: w = (\S+), b = (\S+),", capsys.readouterr().out)
    w0, b0 = (p.item() for p in program("module_parameters")["model"].parameters())  # the seeded start
    assert (first[1], first[2]) == (f"{w0:.3f}", f"{b0:.3f}")  # the log prints the start, before the update
    # the page's first update, from the hand gradients, is what one step of SGD gives
    torch.manual_seed(42)
    model = nn.Linear(1, 1)
    X = torch.tensor([[1.0], [2.0], [3.0], [4.0]])
    nn.MSELoss()(model(X), 2 * X).backward()
    torch.optim.SGD(model.parameters(), lr=0.01).step()
    assert f"{model.weight.item():.3f}" == f"{w0 - 0.01 * ns['dw_hand']:.3f}" == "0.908"
    assert f"{model.bias.item():.3f}" == f"{b0 - 0.01 * ns['db_hand']:.3f}" == "0.875"


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
    path = SNIPPETS / "module_shape_pitfall.py"
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
    assert next(ns["model"].parameters()) is ns["model"].lin.weight


def test_state_dict_holds_detached_values_under_the_parameter_names(program):
    model = program("module_parameters")["model"]
    state = model.state_dict()
    assert list(state) == [name for name, _ in model.named_parameters()] == ["weight", "bias"]
    assert not any(value.requires_grad for value in state.values())
