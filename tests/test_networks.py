"""Chapter 8 (docs/networks.md): the claims its prose makes about its programs. Its figures keep the book's
figure rule (tests/test_figures.py)."""

from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = sorted(
    p.stem
    for pattern in ("engine_*.py", "net_*.py", "figure_engine_*.py", "figure_net_*.py")
    for p in (ROOT / "snippets").glob(pattern)
)


def relative_error(a, b):
    return (abs(a - b) / np.maximum(abs(a) + abs(b), 1e-12)).max()


def test_the_matrix_gradient_agrees_with_autograd_and_finite_differences(program):
    ns = program("net_linear")
    X, Y, N = ns["X"], ns["Y"], ns["N"]
    assert X.shape == (N, ns["d"]) and Y.shape == (N,) and ns["dw"].shape == (ns["d"],)
    dw = ns["loss_and_gradient"](np.zeros(ns["d"]))[1]  # where the program checked it (its dw moved on)
    assert relative_error(dw, ns["w_torch"].grad.numpy()) < 1e-12
    assert relative_error(dw, ns["fd"]) < 1e-6
    w = np.random.default_rng(1).normal(size=ns["d"])  # and anywhere else, not only at w = 0
    analytic = ns["loss_and_gradient"](w)[1]
    explicit = np.array([2 / N * sum(X[i, j] * (X[i] @ w - Y[i]) for i in range(N)) for j in range(ns["d"])])
    assert relative_error(analytic, explicit) < 1e-12


def test_gradient_descent_finds_least_squares_near_the_true_weights(program):
    ns = program("net_linear")
    least_squares = np.linalg.lstsq(ns["X"], ns["Y"], rcond=None)[0]
    assert np.round(ns["w"], 3).tolist() == np.round(least_squares, 3).tolist()
    assert abs(ns["w"] - ns["w_true"]).max() < 3 * ns["noise"] / np.sqrt(ns["N"])


def test_numpy_and_pytorch_tabs_print_the_same_training(program, capsys):
    program("net_linear")
    numpy_log = capsys.readouterr().out.splitlines()
    program("net_linear_torch")
    torch_log = capsys.readouterr().out.splitlines()
    assert len(torch_log) == 6 and numpy_log[-6:] == torch_log


def test_the_hand_written_backward_pass_is_autograd_and_finite_differences(program):
    ns = program("net_two_layer")
    rng = np.random.default_rng(2)  # fresh weights, not those the program checked
    params = {k: rng.normal(size=v.shape) for k, v in ns["params"].items()}
    X, Y = ns["X"], ns["Y"]
    by_hand = ns["backward"](params, X, Y, *ns["forward"](params, X))
    t = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
    loss = ((torch.tanh(torch.tensor(X) @ t["W1"] + t["b1"]) @ t["W2"] + t["b2"] - torch.tensor(Y)) ** 2).mean()
    loss.backward()
    for k in params:
        assert by_hand[k].shape == params[k].shape
        assert relative_error(by_hand[k], t[k].grad.numpy()) < 1e-10, k


def test_the_printed_check_is_small_and_training_reaches_the_noise(program, capsys):
    ns = program("net_two_layer")
    printed = capsys.readouterr().out
    errors = [float(e) for line in printed.splitlines() if "relative error" in line for e in line.split()[-1:]]
    assert len(errors) == 4 and max(errors) < 1e-5
    first, last = (float(line.split()[-1]) for line in (printed.splitlines()[4], printed.splitlines()[-1]))
    assert first > 10 * last and last < 2 * ns["noise"] ** 2


def test_the_pytorch_network_trains_on_mini_batches_and_validates(program, capsys):
    ns = program("net_torch")
    first = capsys.readouterr().out
    assert [type(layer).__name__ for layer in ns["model"]] == ["Linear", "Tanh", "Linear"]
    assert len(ns["batches"]) == 5 and ns["batches"].batch_size == 16
    assert not set(ns["train"].tolist()) & set(ns["val"].tolist())
    assert len(ns["train"]) + len(ns["val"]) == ns["N"]
    assert ns["batches"].generator is not None  # its own seeded generator: the order is the same every run
    assert not ns["model"].training  # left in eval mode after measuring
    assert ns["val_loss"] < 2 * ns["noise"] ** 2
    program("net_torch")
    assert capsys.readouterr().out == first  # seeded: the same batches, the same numbers


def test_the_training_figure_is_the_pytorch_programs_run(program, capsys):
    ns = program("net_torch")
    capsys.readouterr()
    figure = program("figure_net_training")
    assert figure["losses"]["training"][-1] == ns["train_loss"]
    assert figure["losses"]["validation"][-1] == ns["val_loss"]


def test_smaller_batches_are_noisier_and_the_full_batch_never_goes_uphill(program):
    curves = program("figure_net_batch_noise")["curves"]
    worst = {size: (curve[1:] / curve[:-1]).max() for size, curve in curves.items()}
    assert worst[1] > worst[16] > 1 > worst[80]
    assert curves[80][-1] > curves[16][-1] and curves[80][-1] > curves[1][-1]


def test_the_diagram_shows_the_shapes_of_the_hand_written_networks_arrays(program):
    """figure_net_diagram.py rebuilds net_two_layer.py's data and weights: its arrays have the program's shapes."""
    ns, figure = program("net_two_layer"), program("figure_net_diagram")
    y_pred, h = ns["forward"](ns["params"], ns["X"])
    for name, array in {"X": ns["X"], "Y": ns["Y"], "h": h, "y_pred": y_pred, **ns["params"]}.items():
        assert figure[name].shape == array.shape, name
    assert figure["shape"](h) == f"(N, {ns['K']})" and figure["shape"](figure["L"]) == "()"
    assert np.array_equal(figure["X"], ns["X"]) and np.array_equal(figure["Y"], ns["Y"])  # the same data
