"""Chapter 10 (docs/moons.md): the claims its prose makes about its programs.

The three ways train the same 2-8-2 network on the same split of make_moons. The engine (moons_engine.py)
and the NumPy network (moons_numpy.py) start from the same weights and take the same full-batch steps;
PyTorch (moons_torch.py) starts from nn.Linear's own weights and trains on mini-batches.
"""

import ast
import math
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch
from scipy.optimize import linprog
from sklearn.datasets import make_moons

from tests.conftest import definitions

ROOT = Path(__file__).resolve().parent.parent
WAYS = ["moons_engine", "moons_numpy", "moons_torch"]
FIGURES = ["figure_moons_data", "figure_moons_boundary"]


def log(printed: str) -> dict[int, str]:
    """The log a program printed: epoch -> its line."""
    lines = printed.splitlines()
    start = lines.index("epoch  training loss  accuracy  validation loss  accuracy") + 1
    return {int(line.split()[0]): line for line in lines[start:]}


def line(epoch, loss, acc, val_loss, val_acc) -> str:
    """A log line, as the programs print it."""
    return f"{epoch:5}  {loss:13.4f}  {acc:8.1%}  {val_loss:15.4f}  {val_acc:8.1%}"


def scores(row: str) -> list[float]:
    """A log line's training loss, accuracy, validation loss and accuracy, as fractions."""
    return [float(s.rstrip("%")) / (100 if s.endswith("%") else 1) for s in row.split()[1:]]


def numpy_scores(ns, params, samples):
    """moons_numpy.py's loss and accuracy of params on samples."""
    Z, P, _ = ns["forward"](params, ns["X"][samples])
    return ns["loss_and_accuracy"](Z, P, ns["Y"][samples])


def engine_network(ns, params):
    """The engine's MLP with the given weights (NumPy layout), and its parameters as arrays of that layout."""
    layers = [
        ns["Layer"](params["W1"], params["b1"], hidden=True),
        ns["Layer"](params["W2"], params["b2"], hidden=False),
    ]
    return ns["MLP"](*layers)


def as_arrays(model, attribute="data"):
    """An engine MLP's weights (or gradients) as W1, b1, W2, b2: column j of W is neuron j's weights."""
    arrays = {}
    for n, layer in enumerate(model.layers, 1):
        arrays[f"W{n}"] = np.array([[getattr(w, attribute) for w in neuron.w] for neuron in layer.neurons]).T
        arrays[f"b{n}"] = np.array([getattr(neuron.b, attribute) for neuron in layer.neurons])
    return arrays


def initial_weights():
    """The weights moons_engine.py and moons_numpy.py start from: drawn after the split, from the same seed."""
    rng = np.random.default_rng(0)
    rng.permutation(200)
    return {"W1": rng.normal(size=(2, 8)), "b1": np.zeros(8), "W2": 0.01 * rng.normal(size=(8, 2)), "b2": np.zeros(2)}


def random_weights(seed, d=2, K=8, C=2):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.normal(size=(d, K)),
        "b1": rng.normal(size=K),
        "W2": rng.normal(size=(K, C)),
        "b2": rng.normal(size=C),
    }


def autograd(params, X, Y):
    """Loss and gradients of the 2-8-2 network by torch autograd, in float64."""
    t = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
    loss = torch.nn.functional.cross_entropy(
        torch.tanh(torch.tensor(X) @ t["W1"] + t["b1"]) @ t["W2"] + t["b2"], torch.tensor(Y)
    )
    loss.backward()
    return loss.item(), {k: v.grad.numpy() for k, v in t.items()}


@pytest.mark.parametrize("name", WAYS + FIGURES)
def test_every_program_makes_the_same_data_and_split(name, program, capsys):
    ns = program(name)
    capsys.readouterr()
    X, Y = make_moons(n_samples=200, noise=0.1, random_state=0)
    assert np.allclose(np.asarray(ns["X"], dtype=float), X, atol=1e-7) and (np.asarray(ns["Y"]) == Y).all()
    train, val = np.asarray(ns["train"]), np.asarray(ns["val"])
    assert (len(train), len(val)) == (160, 40)
    assert sorted(train.tolist() + val.tolist()) == list(range(200))  # disjoint, and every sample is used
    assert (train == np.random.default_rng(0).permutation(200)[:160]).all()  # the same seeded split everywhere


def test_the_data_is_balanced_and_no_straight_line_parts_the_classes(program, capsys):
    ns = program("figure_moons_data")
    printed = capsys.readouterr().out
    X, Y, train = ns["X"], ns["Y"], ns["train"]
    assert f"{np.bincount(Y[train])[0]} of class 0" in printed
    assert abs(np.bincount(Y[train])[0] - np.bincount(Y[train])[1]) <= 0.05 * len(train)
    # A straight line parts the classes if some w, b give y_signed (w . x + b) >= 1 for every sample: it does not.
    signs = 2 * Y - 1
    separable = linprog(
        np.zeros(3),
        A_ub=-signs[:, None] * np.column_stack([X, np.ones(len(X))]),
        b_ub=-np.ones(len(X)),
        bounds=[(None, None)] * 3,
    )
    assert separable.status == 2, "a straight line parts the classes"  # 2: infeasible


def test_the_engine_keeps_chapter_7s_operations_unchanged_and_adds_log():
    chapter_7, here = definitions("engine_value", "Value"), definitions("moons_engine", "Value")
    assert set(here) - set(chapter_7) == {"log"}
    assert all(here[name] == chapter_7[name] for name in set(here) & set(chapter_7))


@pytest.mark.parametrize("seed", [1, 2])
def test_the_engine_gradients_are_autograds_one_graph_or_sample_by_sample(program, capsys, seed):
    ns = program("moons_engine")
    capsys.readouterr()
    params, samples = random_weights(seed), ns["train"][:20]
    expected_loss, expected = autograd(params, ns["X"][samples], ns["Y"][samples])
    # One graph of all samples...
    model = engine_network(ns, params)
    loss = sum(ns["cross_entropy"](model(ns["X"][i].tolist()), ns["Y"][i]) for i in samples) * (1 / len(samples))
    loss.backward()
    # ... and the program's way, a graph per sample, added up by backward()'s +=
    ns["loss_and_accuracy"].__globals__["model"] = by_sample = engine_network(ns, params)
    loss_by_sample, _ = ns["loss_and_accuracy"](samples, backward=True)
    assert loss.data == pytest.approx(expected_loss, abs=1e-12) and loss_by_sample == pytest.approx(
        expected_loss, abs=1e-12
    )
    for grads in (as_arrays(model, "grad"), as_arrays(by_sample, "grad")):
        for k in params:
            assert abs(grads[k] - expected[k]).max() < 1e-12, k


def test_the_printed_check_counts_every_weight_and_agrees(program, capsys):
    ns = program("moons_engine")
    first = capsys.readouterr().out.splitlines()[0]
    d, K, C = ns["d"], ns["K"], ns["C"]
    assert len(ns["by_engine"]) == (d + 1) * K + (K + 1) * C == len(ns["model"].parameters()) == 42
    assert first == "42 gradients, largest difference from PyTorch: < 1e-15" and ns["difference"] < 1e-15


def test_the_numpy_backward_pass_is_autograd_and_dz_is_p_minus_onehot(program, capsys):
    ns = program("moons_numpy")
    assert capsys.readouterr().out.startswith("largest difference from autograd: < 1e-15")
    X, Y = ns["X"][ns["train"]], ns["Y"][ns["train"]]
    for seed in (1, 2, 3):
        params = random_weights(seed)
        Z, P, h = ns["forward"](params, X)
        by_hand = ns["backward"](params, X, Y, P, h)
        loss, expected = autograd(params, X, Y)
        assert ns["loss_and_accuracy"](Z, P, Y)[0] == pytest.approx(loss, abs=1e-12)
        for k in params:
            assert by_hand[k].shape == params[k].shape and abs(by_hand[k] - expected[k]).max() < 1e-12, k
    # The first line of backward(): dL/dZ = (P - onehot(y)) / N, autograd's gradient at the logits
    Z = torch.tensor(ns["forward"](random_weights(4), X)[0], requires_grad=True)
    torch.nn.functional.cross_entropy(Z, torch.tensor(Y)).backward()
    P = torch.softmax(Z, dim=1).detach().numpy()
    assert abs((P - np.eye(2)[Y]) / len(X) - Z.grad.numpy()).max() < 1e-15


def test_the_engine_and_numpy_take_the_same_steps(program, capsys):
    engine = program("moons_engine")
    engine_log = capsys.readouterr().out.splitlines()
    ns = program("moons_numpy")
    numpy_log = capsys.readouterr().out.splitlines()
    assert engine_log[1] == numpy_log[1]  # the same log header
    rows = {line.split()[0]: line for line in numpy_log[2:]}
    shared = [line for line in engine_log[2:] if line.split()[0] in rows]
    assert len(shared) == 2 and all(rows[line.split()[0]] == line for line in shared)  # epochs 0 and 10
    # The weights after the engine's epochs, not only the digits printed, from the same start
    params = initial_weights()
    assert all((engine[k] == params[k]).all() for k in params)
    for _ in range(engine["n_epochs"]):
        Z, P, h = ns["forward"](params, ns["X"][ns["train"]])
        grads = ns["backward"](params, ns["X"][ns["train"]], ns["Y"][ns["train"]], P, h)
        for k in params:
            params[k] -= engine["lr"] * grads[k]
    for k, v in as_arrays(engine["model"]).items():
        assert abs(v - params[k]).max() < 1e-12, k


@pytest.mark.parametrize("name", WAYS)
def test_each_log_line_scores_the_weights_it_names(name, program, capsys):
    """The book's logging convention: measure, print, then update. The first line is the initial weights,
    near ln 2 (chapter 9), the last the final weights, after the last update."""
    ns = program(name)
    rows = log(capsys.readouterr().out)
    assert max(rows) == ns["n_epochs"]
    assert abs(scores(rows[0])[0] - math.log(ns["C"])) < 0.05
    if name == "moons_engine":
        final = [ns["loss_and_accuracy"](ns["train"]), ns["loss_and_accuracy"](ns["val"])]
    elif name == "moons_numpy":
        final = [numpy_scores(ns, ns["params"], ns["train"]), numpy_scores(ns, ns["params"], ns["val"])]
    else:
        with torch.no_grad():
            final = [
                ns["loss_and_accuracy"](ns["X_train"], ns["Y_train"]),
                ns["loss_and_accuracy"](ns["X_val"], ns["Y_val"]),
            ]
    assert rows[ns["n_epochs"]] == line(ns["n_epochs"], *final[0], *final[1]), "not the final weights' scores"


def test_numpy_logs_the_weights_after_as_many_updates_as_its_epoch(program, capsys):
    ns = program("moons_numpy")
    rows = log(capsys.readouterr().out)
    params = initial_weights()
    train, val = ns["train"], ns["val"]
    for epoch in range(max(rows) + 1):
        if epoch in rows:
            assert rows[epoch] == line(epoch, *numpy_scores(ns, params, train), *numpy_scores(ns, params, val))
        Z, P, h = ns["forward"](params, ns["X"][train])
        grads = ns["backward"](params, ns["X"][train], ns["Y"][train], P, h)
        for k in params:
            params[k] -= ns["lr"] * grads[k]


def test_accuracy_is_the_share_whose_largest_logit_is_the_label(program, capsys):
    ns = program("moons_numpy")
    capsys.readouterr()
    Z = np.array([[2.0, 1.0], [0.0, 3.0], [1.0, -1.0], [-2.0, 2.0]])
    E = np.exp(Z)
    assert ns["loss_and_accuracy"](Z, E / E.sum(axis=1, keepdims=True), np.array([0, 1, 1, 0]))[1] == 0.5


def test_the_networks_learn_the_moons_and_miss_the_same_validation_sample(program, capsys):
    numpy, torch_way = program("moons_numpy"), program("moons_torch")
    capsys.readouterr()
    assert numpy_scores(numpy, numpy["params"], numpy["train"])[1] == 1.0
    with torch.no_grad():
        assert torch_way["loss_and_accuracy"](torch_way["X_train"], torch_way["Y_train"])[1] == 1.0
        torch_wrong = (torch_way["model"](torch_way["X_val"]).argmax(dim=1) != torch_way["Y_val"]).numpy()
    numpy_wrong = (
        numpy["forward"](numpy["params"], numpy["X"][numpy["val"]])[0].argmax(axis=1) != numpy["Y"][numpy["val"]]
    )
    assert numpy_wrong.sum() == torch_wrong.sum() == 1 and (numpy_wrong == torch_wrong).all()
    wrong = numpy["val"][numpy_wrong][0]
    # "an orange square just past the tip of the orange moon": class 1, left of every class-1 training sample
    X, Y, train = numpy["X"], numpy["Y"], numpy["train"]
    assert Y[wrong] == 1 and X[wrong, 0] < X[train][Y[train] == 1, 0].min()


def test_the_engine_stops_near_a_straight_boundary(program, capsys):
    ns = program("moons_engine")
    rows = log(capsys.readouterr().out)
    assert scores(rows[0])[1] < 0.5 < 0.8 < scores(rows[ns["n_epochs"]])[1] < 0.9  # below a coin, then a line's


def test_the_torch_way_takes_logits_and_class_indices_in_seeded_mini_batches(program, capsys):
    ns = program("moons_torch")
    first = capsys.readouterr().out
    assert [type(layer).__name__ for layer in ns["model"]] == ["Linear", "Tanh", "Linear"]
    assert isinstance(ns["loss_fn"], torch.nn.CrossEntropyLoss) and ns["Y"].dtype == torch.int64
    assert ns["model"](ns["X_train"]).shape == (160, ns["C"])  # logits, one per class
    assert ns["batches"].batch_size == 16 and len(ns["batches"]) == 10 and ns["batches"].generator is not None
    assert not ns["model"].training  # the last weights were measured in eval mode
    program("moons_torch")
    assert capsys.readouterr().out == first  # seeded: the same batches, the same numbers


def boundary_bend(forward, params):
    """How far the decision boundary strays from its best straight line, over the data's width."""
    x2 = np.linspace(-1.0, 1.5, 1001)
    points = []
    for x1 in np.linspace(-1.5, 2.5, 81):
        Z = forward(params, np.column_stack([np.full_like(x2, x1), x2]))[0]
        crossings = np.nonzero(np.diff(np.sign(Z[:, 1] - Z[:, 0])))[0]
        points += [(x1, x2[i]) for i in crossings]
    points = np.array(points)
    A = np.column_stack([points[:, 0], np.ones(len(points))])
    line = np.linalg.lstsq(A, points[:, 1], rcond=None)[0]
    return abs(points[:, 1] - A @ line).max()


def test_the_figure_is_the_numpy_run_and_the_boundary_straightens_then_bends(program, capsys):
    numpy, engine = program("moons_numpy"), program("moons_engine")
    rows = log(capsys.readouterr().out.split("largest difference from PyTorch")[1])  # the engine's log
    figure = program("figure_moons_boundary")
    printed = capsys.readouterr().out
    snapshots = figure["snapshots"]
    assert list(snapshots) == [0, 10, 100, numpy["n_epochs"]]
    assert all((snapshots[numpy["n_epochs"]][k] == v).all() for k, v in numpy["params"].items())
    assert all(abs(snapshots[10][k] - v).max() < 1e-12 for k, v in as_arrays(engine["model"]).items())
    assert f"after   10 epochs: training accuracy {scores(rows[10])[1]:.1%}" in printed
    bends = [boundary_bend(figure["forward"], p) for p in snapshots.values()]
    assert bends[1] < 0.05 < 0.5 < bends[3] and bends[1] < bends[2] < bends[3]  # straight, bending, winding


def test_the_figure_carries_the_numpy_network_unchanged():
    program, figure = definitions("moons_numpy"), definitions("figure_moons_boundary")
    assert figure == {name: program[name] for name in ("forward", "backward")}


def test_nn_linears_output_layer_starts_far_larger_than_ours_and_its_first_layer_smaller(program, capsys):
    ns = program("moons_torch")
    start = capsys.readouterr().out.splitlines()[0]
    torch.manual_seed(0)  # the program's initial weights, drawn again
    nn = torch.nn
    model = nn.Sequential(nn.Linear(ns["d"], ns["K"]), nn.Tanh(), nn.Linear(ns["K"], ns["C"]))
    hidden, output = model[0], model[2]
    assert start == (
        f"nn.Linear's start: W1 std {hidden.weight.std():.2f}, W2 std {output.weight.std():.2f}, "
        f"b2 = {[round(b, 2) for b in output.bias.tolist()]}"
    )
    ours = initial_weights()  # moons_numpy.py's: W2 drawn as 0.01 * normal, zero biases
    assert output.weight.std() > 10 * ours["W2"].std() and (output.bias != 0).all() and not ours["b2"].any()
    assert hidden.weight.std() < ours["W1"].std() / 2  # the first layer: smaller than our standard normal
    with torch.no_grad():  # so its logits start farther from a tie than ours
        margin = model(ns["X_train"]).diff(dim=1).abs().mean().item()
    numpy = program("moons_numpy")
    capsys.readouterr()
    Z = numpy["forward"](initial_weights(), numpy["X"][numpy["train"]])[0]
    assert margin > 3 * np.abs(np.diff(Z, axis=1)).mean()


def test_mini_batches_take_as_many_updates_as_the_full_batch_steps(program, capsys):
    numpy, torch_way = program("moons_numpy"), program("moons_torch")
    capsys.readouterr()
    updates_per_epoch = math.ceil(len(torch_way["train"]) / torch_way["batches"].batch_size)
    assert updates_per_epoch == len(torch_way["batches"]) == len(torch_way["train"]) // torch_way["batches"].batch_size
    assert torch_way["n_epochs"] * updates_per_epoch == numpy["n_epochs"]  # 100 * 10 = 1000 full-batch steps


def test_the_figure_marks_the_validation_sample_the_numpy_network_misses(program, capsys):
    numpy, figure = program("moons_numpy"), program("figure_moons_boundary")
    printed = capsys.readouterr().out
    Z = numpy["forward"](numpy["params"], numpy["X"][numpy["val"]])[0]
    missed = numpy["val"][Z.argmax(axis=1) != numpy["Y"][numpy["val"]]]
    assert list(figure["missed"]) == list(missed) and len(missed) == 1
    assert f"validation samples missed after {numpy['n_epochs']} epochs: 1" in printed
    marked = [line for line in figure["axes"][1, 1].get_lines() if line.get_marker() == "s"]
    assert [tuple(np.ravel(line.get_data())) for line in marked] == [tuple(numpy["X"][missed[0]])]
    plt.close("all")


def test_the_page_shows_the_engine_as_two_parts_that_make_the_whole_file():
    """The copied Value is one part, in a collapsed box; the other part is the rest of the file."""
    source = (ROOT / "snippets" / "moons_engine.py").read_text()
    docstring_end = ast.parse(source).body[0].end_lineno
    lines = source.splitlines()[docstring_end:]
    markers = [n for n, line in enumerate(lines) if line.startswith("# --8<-- [")]
    assert [lines[n] for n in markers] == [
        "# --8<-- [start:value]",
        "# --8<-- [end:value]",
        "# --8<-- [start:network]",
        "# --8<-- [end:network]",
    ]
    outside = lines[: markers[0]] + lines[markers[1] + 1 : markers[2]] + lines[markers[3] + 1 :]
    assert not "".join(outside).strip()  # nothing of the program is left out of both parts
    value = ast.parse("\n".join(lines[markers[0] + 1 : markers[1]]))
    assert [type(node).__name__ for node in value.body] == ["Import", "ClassDef"]  # import math, class Value
    page = (ROOT / "docs" / "moons.md").read_text()
    box = page.index("??? note \"Chapter 7's `Value`")
    assert page.index('    --8<-- "snippets/moons_engine.py:value"') > box
    assert page.index('--8<-- "snippets/moons_engine.py:network"') > page.index(":value")
