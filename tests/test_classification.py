"""Chapter 9 (docs/classification.md): the claims its prose makes about its programs.

Each test checks a statement of the page against the program that illustrates it, and where it can,
against an independent computation (fresh logits, another formula), so that a program that prints the
right numbers for the wrong reason fails too.
"""

import math
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn as nn

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = sorted(p.stem for pattern in ("cls_*.py", "figure_cls_*.py") for p in (ROOT / "snippets").glob(pattern))


def relative_error(a, b):
    return (abs(a - b) / np.maximum(abs(a) + abs(b), 1e-12)).max()


def torch_gradient(Z, Y):
    """dL/dZ of PyTorch's own mean cross-entropy: an independent reference."""
    Z = torch.tensor(Z, requires_grad=True)
    nn.functional.cross_entropy(Z, torch.tensor(Y)).backward()
    return Z.grad.numpy()


@pytest.mark.parametrize(
    "name",
    [
        "cls_softmax",
        "cls_numpy_idioms",
        "cls_gradient_three_ways",
        "cls_vjp",
        "cls_jacobian",
        "cls_exercise_row_sums",
        "figure_cls_softmax",
        "figure_cls_jacobian",
    ],
)
def test_every_program_uses_the_same_small_example(program, name):
    """The page follows one example through its sections: the same logits and labels everywhere."""
    reference = program("cls_softmax")
    ns = program(name)
    Z = ns["Z"].detach().numpy() if isinstance(ns["Z"], torch.Tensor) else ns["Z"]
    Y = ns["Y"].numpy() if isinstance(ns["Y"], torch.Tensor) else ns["Y"]
    assert Z.tolist() == reference["Z"].tolist() and Y.tolist() == reference["Y"].tolist()


def test_softmax_rows_are_probabilities_and_the_loss_is_their_mean_cross_entropy(program):
    ns = program("cls_softmax")
    Z, Y, P, N, C = ns["Z"], ns["Y"], ns["P"], ns["N"], ns["C"]
    assert (N, C) == (3, 3) and P.shape == Z.shape and Y.shape == (N,)
    assert (P > 0).all() and np.allclose(P.sum(axis=1), 1)
    assert ns["Y_onehot"].sum(axis=1).tolist() == [1] * N and ns["Y_onehot"].argmax(axis=1).tolist() == Y.tolist()
    assert np.isclose(ns["L"], nn.functional.cross_entropy(torch.tensor(Z), torch.tensor(Y)).item())


def test_the_numpy_idioms_make_the_shapes_the_box_names(program, capsys):
    ns = program("cls_numpy_idioms")
    printed = capsys.readouterr().out
    N, C, E, P, Y = ns["N"], ns["C"], ns["E"], ns["P"], ns["Y"]
    assert E.sum(axis=1).shape == (N,) and E.sum(axis=1, keepdims=True).shape == (N, 1)
    assert np.allclose(P.sum(axis=1), 1)
    # Without keepdims the shapes still fit (N = C), the rows do not sum to one, and nothing warned.
    assert N == C and not np.allclose(ns["P_wrong"].sum(axis=1), 1)
    assert np.allclose(ns["P_wrong"], E / E.sum(axis=1)[None, :])  # column c divided by row c's sum
    assert (ns["identity"][Y] == np.eye(C)[Y]).all() and ns["identity"][Y].argmax(axis=1).tolist() == Y.tolist()
    assert ns["p_true"].shape == (N,) and np.allclose(ns["p_true"], (P * np.eye(C)[Y]).sum(axis=1))
    assert np.allclose(ns["p_true"], program("cls_softmax")["p_true"])
    assert f"E.sum(axis=1, keepdims=True): {(N, 1)}" in printed


def test_the_walk_through_first_right_second_sure_third_wrong(program):
    """The prose: the second sample is right and sure, the third wrong and costs more than the other two."""
    ns = program("cls_softmax")
    Z, Y, p_true = ns["Z"], ns["Y"], ns["p_true"]
    predicted = Z.argmax(axis=1)
    assert predicted[0] == Y[0] and predicted[1] == Y[1] and predicted[2] != Y[2]
    assert Y[2] == ns["C"] - 1 and predicted[2] == 0  # "its label is the last class, its largest logit the first's"
    losses = -np.log(p_true)
    assert losses[1] == losses.min() and losses[2] > losses[0] + losses[1]


def test_the_gradient_formula_is_autograd_and_finite_differences(program, capsys):
    ns = program("cls_gradient_three_ways")
    printed = capsys.readouterr().out
    assert ns["dZ"].shape == ns["Z"].shape
    assert relative_error(ns["dZ"], ns["Z_torch"].grad.numpy()) < 1e-13
    assert relative_error(ns["dZ"], ns["fd"]) < 1e-6
    assert printed.splitlines()[-1].endswith(f"vs finite differences {relative_error(ns['dZ'], ns['fd']):.0e}")
    # The largest entries are the wrong third sample's, as the prose says.
    assert abs(ns["dZ"]).argmax() // ns["C"] == 2


def test_squared_error_gradient_vanishes_when_confidently_wrong_and_cross_entropy_does_not(program, capsys):
    program("cls_why_cross_entropy")
    rows = [line.split() for line in capsys.readouterr().out.splitlines()[1:]]
    wrong, p_true, d_mse, d_ce = (np.array([float(row[k]) for row in rows]) for k in range(4))
    assert (np.diff(wrong) > 0).all() and (np.diff(p_true) < 0).all()
    assert (np.diff(abs(d_mse)) < 0).all() and abs(d_mse[-1]) < 1e-4  # it vanishes
    assert (np.diff(abs(d_ce)) > 0).all() and abs(d_ce[-1] + 1) < 1e-4  # it tends to -1
    assert np.allclose(d_ce, p_true - 1, atol=1e-4)  # P_y - onehot(y)_y, as the next section derives


@pytest.mark.parametrize("seed", [1, 2])
def test_the_gradient_formula_holds_for_any_logits_and_labels(seed):
    """(P - onehot) / N against PyTorch's own cross-entropy, on fresh logits of another shape."""
    rng = np.random.default_rng(seed)
    N, C = 7, 5
    Z, Y = 3 * rng.normal(size=(N, C)), rng.integers(0, C, size=N)
    P = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    assert relative_error((P - np.eye(C)[Y]) / N, torch_gradient(Z, Y)) < 1e-12


def test_backward_is_a_vector_jacobian_product(program, capsys):
    ns = program("cls_vjp")
    printed = capsys.readouterr().out
    Z, N = ns["Z"].detach(), ns["N"]
    P = torch.softmax(Z, dim=1)
    assert torch.allclose(ns["Z"].grad, (P - ns["Y_onehot"]) / N, atol=1e-15)
    assert "RuntimeError: grad can be implicitly created only for scalar outputs" in printed
    assert "backward() equals backward(gradient=1): True" in printed
    assert printed.count("largest difference < 1e-15") == 2


def test_the_jacobian_is_block_diagonal_and_g_times_it_is_the_gradient(program, capsys):
    ns = program("cls_jacobian")
    printed = capsys.readouterr().out
    Z, J, N, C = ns["Z"].detach(), ns["J"], ns["N"], ns["C"]
    assert J.shape == (N, C, N, C)
    P = torch.softmax(Z, dim=1)
    for i in range(N):
        for j in range(N):
            block = J[i, :, j, :]
            expected = torch.diag(P[i]) - torch.outer(P[i], P[i]) if i == j else torch.zeros(C, C, dtype=J.dtype)
            assert torch.allclose(block, expected, atol=1e-15), (i, j)
    # J.reshape(N * C, N * C) is the matrix with row i * C + c and column j * C + k, as the page says.
    assert J.reshape(N * C, N * C)[1 * C + 2, 1 * C + 0] == J[1, 2, 1, 0]
    assert ns["G_J"].shape == (1, N * C)
    assert torch.allclose(ns["G_J"].reshape(N, C), (P - ns["Y_onehot"]) / N, atol=1e-15)
    assert torch.allclose(ns["Z"].grad, (P - ns["Y_onehot"]) / N, atol=1e-15)
    assert f"G.reshape(1, {N * C}) @ J.reshape({N * C}, {N * C}): (1, {N * C})" in printed
    assert J.count_nonzero() == N * C * C  # the samples' own blocks, nothing else


def test_backward_with_any_gradient_is_that_vector_times_the_jacobian():
    """Not only for G = dL/dP: any G gives G J."""
    Z = torch.randn(3, 3, dtype=torch.float64, generator=torch.Generator().manual_seed(0), requires_grad=True)
    G = torch.randn(3, 3, dtype=torch.float64, generator=torch.Generator().manual_seed(1))
    torch.softmax(Z, dim=1).backward(gradient=G)
    J = torch.autograd.functional.jacobian(lambda Z: torch.softmax(Z, dim=1), Z.detach())
    assert torch.allclose(Z.grad, (G.reshape(1, 9) @ J.reshape(9, 9)).reshape(3, 3), atol=1e-15)


def test_float32_overflows_at_the_exponent_the_page_names():
    largest = torch.finfo(torch.float32).max
    first_infinite = math.ceil(math.log(largest))
    assert torch.exp(torch.tensor(float(first_infinite))).isinf()
    assert torch.exp(torch.tensor(float(first_infinite - 1))).isfinite()


def test_the_naive_softmax_gives_nan_the_shifted_one_inf_and_log_sum_exp_the_loss(program, capsys):
    ns = program("cls_overflow")
    printed = capsys.readouterr().out.splitlines()
    assert ns["Z"].dtype == torch.float32
    assert printed[2].split(":")[1].split() == ["[nan,", "inf]"]  # naive: nan, and inf
    assert printed[4].split(":")[1].split()[-1] == "inf]"  # shifted: the underflow's inf
    log_P = ns["log_P"]
    assert log_P.isfinite().all()
    assert torch.allclose(log_P, torch.log_softmax(ns["Z"], dim=1))
    assert ns["L"].item() == pytest.approx(nn.CrossEntropyLoss()(ns["Z"], ns["Y"]).item(), rel=1e-6)
    # "110 below its largest": the gap the prose names, and the loss it gives
    gap = (ns["Z"].max(dim=1).values - ns["Z"][torch.arange(ns["N"]), ns["Y"]])[1].item()
    assert gap == pytest.approx(-log_P[1, ns["Y"][1]].item())


def test_probabilities_as_logits_give_a_wrong_loss_smaller_gradients_and_a_floor(program):
    ns = program("cls_probabilities_as_logits")
    assert ns["L_wrong"] > ns["L_right"]
    assert ns["dZ_right"].abs().max() > 3 * ns["dZ_wrong"].abs().max()
    C = ns["P_perfect"].shape[1]
    floor = nn.CrossEntropyLoss()(ns["P_perfect"], ns["Y"]).item()
    assert floor == pytest.approx(-math.log(math.e / (math.e + C - 1)), rel=1e-6)
    assert floor > 0.5  # never zero: the floor is most of the right loss


def test_one_hot_floats_give_the_loss_of_the_indices_and_other_targets_raise(program, capsys):
    program("cls_targets")
    lines = capsys.readouterr().out.splitlines()
    losses = [line.split("loss = ")[1] for line in lines if "loss = " in line]
    assert len(losses) == 4 and len(set(losses)) == 1  # int64, uint8, float one-hot, int32 made int64
    assert sum("RuntimeError" in line for line in lines) == 4 and lines[0].startswith("Y, indices")
    assert "  expected target dtype to be Long or Byte, but got Int" in lines


@pytest.mark.parametrize("C", [2, 10])
def test_the_loss_at_the_start_is_about_ln_c_and_far_above_with_large_logits(program, capsys, C):
    ns = program("cls_start_loss")
    lines = capsys.readouterr().out.splitlines()
    block = lines[lines.index(f"C = {C}: ln C = {math.log(C):.4f}") :][1:3]
    small, large = (float(line.split("L = ")[1]) for line in block)
    assert ns["sizes"][0] < 0.1 < 1 < ns["sizes"][1]
    assert abs(small - math.log(C)) < 0.005
    assert large > 2 * math.log(C)


def test_the_softmax_figure_is_the_sigmoid_and_shows_the_example(program):
    ns = program("figure_cls_softmax")
    assert all(np.allclose(p, ns["sigmoid"], atol=1e-15) for p in ns["p1"].values())
    reference = program("cls_softmax")
    assert np.allclose(ns["p_true"], reference["p_true"])


def test_the_pipeline_figure_ends_with_c_logits_and_the_mean_cross_entropy(program, capsys):
    ns = program("figure_cls_pipeline")
    printed = capsys.readouterr().out
    N, d, C = ns["N"], ns["d"], ns["C"]
    last = ns["model"][-1]
    assert isinstance(last, nn.Linear) and last.out_features == C  # "the last nn.Linear has C outputs"
    shapes = {name: tuple(T.shape) for name, T in ns["steps"].items()}
    assert shapes == {"X": (N, d), "Z": (N, C), "P": (N, C), "Y": (N,), "-ln P[i, y_i]": (N,), "L": ()}
    assert ns["L"].item() == pytest.approx(nn.functional.cross_entropy(ns["Z"], ns["Y"]).item(), rel=1e-6)
    assert len(set((N, d, C))) == 3, "distinct sizes, so that the printed shapes tell N, d and C apart"
    assert f"Z              shape {(N, C)}" in printed


def test_the_jacobian_figure_is_the_jacobian_laid_out_as_a_matrix(program):
    ns = program("figure_cls_jacobian")
    N, C, J = ns["N"], ns["C"], ns["J_matrix"]
    assert J.shape == (N * C, N * C)
    reference = program("cls_jacobian")["J"].reshape(N * C, N * C).numpy()
    assert np.allclose(J, reference, atol=1e-15)
    blocks = np.kron(np.eye(N), np.ones((C, C)))  # one on the samples' own blocks
    assert (J[blocks == 0] == 0).all() and (J[blocks == 1] != 0).all()


def test_exercise_row_sums_are_zero_and_shifting_rows_changes_nothing(program):
    ns = program("cls_exercise_row_sums")
    assert abs(ns["dZ"].sum(axis=1)).max() < 1e-15
    assert len(set(ns["shift"].ravel())) == ns["N"]  # a different number for each row
    assert ns["L"] == pytest.approx(ns["L_shifted"], abs=1e-14)


def test_exercise_two_classes_is_binary_cross_entropy_of_the_difference(program):
    ns = program("cls_exercise_binary")
    assert ns["Z"].shape[1] == 2 and ns["L_two_logits"].item() == pytest.approx(ns["L_difference"].item(), rel=1e-6)


def test_exercise_a_bias_learns_the_class_frequencies_and_their_entropy(program, capsys):
    ns = program("cls_exercise_frequencies")
    first = capsys.readouterr().out.splitlines()[0]
    assert first == f"epoch 1: L = {math.log(ns['C']):.4f}"  # logged before the first update moved b
    f = ns["frequencies"]
    assert np.allclose(ns["P"][0], f, atol=1e-3)
    assert ns["L"] == pytest.approx(-(f * np.log(f)).sum(), abs=1e-4) and ns["L"] < math.log(ns["C"])
