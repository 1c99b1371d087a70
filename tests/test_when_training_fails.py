"""Chapter 12 (docs/when-training-fails.md): each check's broken run really fails, and its fixed run works.

One test per check of the page, in its order; where a check has variants, the test is parametrized over them.
Its figures keep the book's figure rule (tests/test_figures.py); `make bench` measures each program's CPU.
"""

import ast
import math
import re
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn as nn

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = sorted(p.stem for pattern in ("fail_*.py", "figure_fail_*.py") for p in (ROOT / "snippets").glob(pattern))


def test_every_program_is_on_the_page():
    page = (ROOT / "docs" / "when-training-fails.md").read_text()
    assert PROGRAMS and all(f'--8<-- "snippets/{name}.py"' in page for name in PROGRAMS)


# 1. The first loss is about ln C
def test_the_first_loss_is_ln_c_only_for_small_logits_and_a_mean(program):
    ns = program("fail_initial_loss")
    first = {name: nn.functional.cross_entropy(Z, ns["Y"]).item() for name, Z in ns["logits"].items()}
    ln_c = math.log(ns["C"])
    assert first["W ~ N(0, 1)"] > 2 * ln_c  # the wrong scale: confidently wrong
    assert 0.1 < first["nn.Linear(d, C)"] - ln_c < 0.5  # nn.Linear's own start: a few tenths above ln C
    assert abs(first["nn.Linear, scaled"] - ln_c) < 0.01  # the last layer scaled down: at ln C
    mean = first["nn.Linear, scaled"]
    assert ns["summed"].item() == pytest.approx(ns["N"] * mean, rel=1e-5)  # the summed loss of that same start
    y_reg, y_pred = ns["Y_reg"], ns["y_pred"]
    assert abs(y_pred).max() < 0.2  # the regression model predicts about zero, and scores mean(Y**2)
    assert ((y_pred - y_reg) ** 2).mean().item() == pytest.approx((y_reg**2).mean().item(), rel=0.02)


def test_nn_linear_starts_uniform_within_one_over_sqrt_d_and_its_logits_are_not_small(program):
    ns = program("fail_initial_loss")
    d, C = ns["d"], ns["C"]
    torch.manual_seed(0)  # the program's draws, again: X, Y, W, then nn.Linear's
    torch.randn(ns["N"], d), torch.randint(0, C, (ns["N"],)), torch.randn(d, C)
    linear = nn.Linear(d, C)
    bound = 1 / math.sqrt(d)
    assert linear.weight.abs().max() <= bound and linear.bias.abs().max() <= bound
    assert linear.weight.abs().max() > 0.9 * bound  # uniform over the whole range, not a smaller one
    with torch.no_grad():
        assert torch.equal(linear(ns["X"]), ns["logits"]["nn.Linear(d, C)"])
    stds = {name: Z.std().item() for name, Z in ns["logits"].items()}
    assert stds["W ~ N(0, 1)"] > 3 and 0.3 < stds["nn.Linear(d, C)"] < 1 and stds["nn.Linear, scaled"] < 0.05
    assert not ns["linear"].bias.any()  # the fix zeroes the biases


# 2. Overfit one small batch
def test_a_softmax_before_cross_entropy_stops_at_its_floor(program):
    ns = program("fail_overfit_batch")
    (broken, broken_acc), (fixed, fixed_acc) = ns["final"][True], ns["final"][False]
    floor = math.log(1 + (ns["C"] - 1) / math.e)
    assert floor <= broken < floor + 1e-3  # at the floor, and never below it
    assert fixed < 1e-3 and broken_acc == fixed_acc == 1.0  # both classify the batch right
    assert ns["N"] <= 10  # a handful of samples


def test_the_floor_is_the_loss_of_a_perfect_softmax_output():
    C = 3
    P = torch.eye(C)  # perfect probabilities, handed over as logits
    assert nn.CrossEntropyLoss()(P, torch.arange(C)).item() == pytest.approx(math.log(1 + (C - 1) / math.e))


# 3. Sweep the learning rate
def test_the_sweep_falls_below_two_over_curvature_and_grows_above(program):
    ns = program("fail_lr_sweep")
    bound, loss, train = 2 / ns["L2"], ns["loss"], ns["train"]
    for lr in [*ns["rates"], *np.geomspace(0.01, 1, 40)]:
        fell = loss(train(lr)) < loss(0.0)
        assert fell == (lr < bound), lr
    assert min(ns["rates"]) < bound < max(ns["rates"])


def test_the_fastest_rate_is_one_over_curvature(program):
    ns = program("figure_fail_lr_sweep")
    best = ns["lrs"][np.argmin(ns["curve"])]
    assert best == pytest.approx(1 / ns["L2"], rel=0.05)
    assert ns["table"] == program("fail_lr_sweep")["rates"]


def test_the_figure_trains_as_the_sweep_does():
    def definitions(name):
        tree = ast.parse((ROOT / "snippets" / f"{name}.py").read_text())
        return {ast.unparse(node) for node in tree.body if isinstance(node, (ast.FunctionDef, ast.Assign))}

    program, figure = definitions("fail_lr_sweep"), definitions("figure_fail_lr_sweep")
    shared = {line for line in program if line.startswith(("def ", "X =", "Y =", "L2 =", "n_iters ="))}
    assert len(shared) == 6 and shared <= figure


# 4. Check the gradients
def test_the_gradient_check_names_the_wrong_array(program):
    ns = program("fail_gradient_check")
    params, numerical, error = ns["params"], ns["numerical"], ns["relative_error"]
    broken, fixed = ns["backward"](params, True), ns["backward"](params, False)
    assert error(broken["W1"], numerical["W1"]) == 1.0 and error(broken["W2"], numerical["W2"]) < 1e-6
    assert (np.sign(broken["W1"]) != np.sign(numerical["W1"])).any()  # 1.00: some entries have the wrong sign
    assert all(error(fixed[k], numerical[k]) < 1e-6 for k in params)


def test_the_fixed_backward_pass_is_autograds(program):
    ns = program("fail_gradient_check")
    rng = np.random.default_rng(3)  # other weights than the program checked
    params = {k: rng.normal(size=v.shape) for k, v in ns["params"].items()}
    t = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
    X, Y = torch.tensor(ns["X"]), torch.tensor(ns["Y"])
    ((torch.tanh(X @ t["W1"]) @ t["W2"] - Y) ** 2).mean().backward()
    for k, g in ns["backward"](params, False).items():
        assert ns["relative_error"](g, t[k].grad.numpy()) < 1e-10, k


# 5. Assert the shapes
def test_the_shape_assert_catches_the_broadcast_and_the_fix_fits(program, capsys):
    ns = program("fail_shapes")
    X, Y, Y_flat = ns["X"], ns["Y"], ns["Y_flat"]
    assert (X - Y_flat).shape == (len(X), len(X)) and (X - Y).shape == X.shape
    with pytest.raises(AssertionError):
        ns["train"](Y_flat, check=True)
    capsys.readouterr()
    ns["train"](Y_flat, check=False)
    ns["train"](Y, check=True)
    broken, fixed = (line for line in capsys.readouterr().out.splitlines() if "w = " in line)
    assert broken.split(",")[:2] == ["  w = 0.000", f" b = {Y_flat.mean():.3f}"]  # a flat line at the mean
    assert fixed.split(",")[:2] == ["  w = 2.000", " b = 0.000"]  # y = 2x


# 6. Clear the gradients once per update
@pytest.mark.parametrize(
    "where, converges, moves",
    [("never", False, True), ("between backward and step", False, False), ("before backward", True, True)],
)
def test_zero_grad_placement(program, where, converges, moves):
    losses = program("fail_zero_grad")["runs"][where]
    assert (losses[-1] < 1e-3) == converges
    assert (len(set(losses)) > 1) == moves  # between backward and step: the same loss every epoch


def test_never_clearing_swings_instead_of_settling(program):
    losses = program("fail_zero_grad")["runs"]["never"]
    assert max(losses[-10:]) > 1 and min(losses[10:]) < 1  # it passes the answer and comes back


# 7. Measure in evaluation mode
def test_dropout_zeroes_and_scales_in_training_only(program):
    ns = program("fail_train_eval")
    dropout = nn.Dropout(p=0.5)
    torch.manual_seed(0)
    out = dropout(torch.ones(1000))
    assert set(out.tolist()) == {0.0, 2.0} and 0.4 < (out == 0).float().mean() < 0.6
    dropout.eval()
    assert torch.equal(dropout(torch.ones(8)), torch.ones(8))
    assert not ns["model"].training  # the program ends in evaluation mode


def test_evaluation_in_training_mode_is_noisy_and_too_high(program):
    ns = program("fail_train_eval")
    noisy, steady = ns["in_train_mode"], ns["in_eval_mode"]
    assert len(set(noisy)) == len(noisy) and len(set(steady)) == 1
    assert min(noisy) > 2 * steady[0]
    assert steady[0] < 4 * 0.1**2  # trained: near the noise level of the sine


# 8. Cross-entropy from the logits
@pytest.mark.parametrize(
    "way, finite_loss, finite_gradient",
    [
        ("by_formula", False, False),
        ("log_of_softmax", False, False),
        ("clamped", True, True),
        ("log_softmax", True, True),
        ("nn.CrossEntropyLoss", True, True),
    ],
)
def test_which_cross_entropy_stays_finite(program, way, finite_loss, finite_gradient):
    ns = program("fail_nan")
    Z = ns["Z"].detach().clone().requires_grad_()
    loss = ns["ways"][way](Z, ns["Y"])
    loss.backward()
    assert bool(torch.isfinite(loss)) == finite_loss
    assert bool(torch.isfinite(Z.grad).all()) == finite_gradient


def test_log_softmax_gives_the_exact_loss_and_gradient_and_clamping_caps_both(program):
    ns = program("fail_nan")
    Z, Y, N = ns["Z"].detach().double(), ns["Y"], ns["N"]
    exact = -torch.log_softmax(Z, dim=1)[range(N), Y].mean()  # float64: no rounding to zero here
    grad = (torch.softmax(Z, dim=1) - nn.functional.one_hot(Y, Z.shape[1])) / N  # (P - onehot(y)) / N
    for way in ("log_softmax", "nn.CrossEntropyLoss", "clamped"):
        z = ns["Z"].detach().clone().requires_grad_()
        loss = ns["ways"][way](z, Y)
        loss.backward()
        if way == "clamped":
            assert loss.item() < exact.item() / 2 and not z.grad[1].any()  # capped, and no gradient to learn from
        else:
            assert loss.item() == pytest.approx(exact.item()) and torch.allclose(z.grad.double(), grad, atol=1e-6)


# 9. A loss that does not move
@pytest.mark.parametrize(
    "where, untrained",
    [
        ("loss in NumPy", ["0.weight", "0.bias", "2.weight", "2.bias"]),
        ("tanh in NumPy", ["0.weight", "0.bias"]),
        ("all in torch", []),
    ],
)
def test_a_numpy_round_trip_leaves_parameters_untrained(program, where, untrained):
    ns = program("fail_detached")
    torch.manual_seed(1)
    model = nn.Sequential(nn.Linear(1, ns["K"]), nn.Tanh(), nn.Linear(ns["K"], 1))
    start = {name: p.detach().clone() for name, p in model.named_parameters()}
    optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
    losses = []
    for _ in range(20):
        loss = ns["loss_of"](model, where)
        losses.append(loss.item())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    unchanged = [name for name, p in model.named_parameters() if torch.equal(p, start[name])]
    assert unchanged == untrained
    assert (len(set(losses)) == 1) == (where == "loss in NumPy")


def test_numpy_refuses_a_tensor_in_the_graph():
    with pytest.raises(RuntimeError, match="detach"):
        torch.zeros(1, requires_grad=True).numpy()


def test_a_parameter_without_requires_grad_keeps_its_start(program, capsys):
    ns = program("fail_requires_grad")
    X, Y = ns["X"], ns["Y"]
    assert ns["b_trained"][False] == 0.0 and ns["b_trained"][True] == pytest.approx(1.0, abs=2e-3)
    capsys.readouterr()
    ns["train"](False)
    last = capsys.readouterr().out.splitlines()[-1]
    w_alone = (X @ Y / (X @ X)).item()  # the best w with b = 0: least squares through the origin
    assert f"w = {w_alone:.3f}" in last and f"loss = {((w_alone * X - Y) ** 2).mean():.4f}" in last
    assert [[n for n, _ in ns["Line"](flag).named_parameters()] for flag in (False, True)] == [["w"], ["w", "b"]]


def test_lambda_lr_sets_the_initial_rate_times_the_factor_and_reaches_zero_after_the_decay(program, capsys):
    ns = program("fail_lr_schedule")
    printed = capsys.readouterr().out
    short, n_epochs = ns["horizons"]
    runs = printed.split(f"decay to lr = 0 over {n_epochs} epochs:")
    rates = [{int(m[0]): float(m[1]) for m in re.findall(r"epoch (\d+): .* lr = ([\d.]+)", run)} for run in runs]
    lr = rates[0][1]
    for epoch, rate in rates[1].items():  # the whole run: lr times (1 - e / n_epochs), not a product of factors
        assert rate == pytest.approx(lr * (1 - (epoch - 1) / n_epochs), abs=5e-5)
    # The log's epoch `short` still steps with a rate above zero; from epoch short + 1 on, the rate is zero
    assert rates[0][short] > 0 and all(rate == 0 for epoch, rate in rates[0].items() if epoch > short)
    assert short + 1 in rates[0]


@pytest.mark.parametrize("decays_over_the_whole_run", [False, True])
def test_a_schedule_that_reaches_zero_freezes_the_loss(program, decays_over_the_whole_run):
    ns = program("fail_lr_schedule")
    short, n_epochs = ns["horizons"]
    assert n_epochs == ns["n_epochs"] and short < n_epochs
    losses = ns["runs"][n_epochs if decays_over_the_whole_run else short]
    if decays_over_the_whole_run:
        assert losses[-1] < 1e-4 and all(b < a for a, b in zip(losses, losses[1:]))
    else:
        assert len(set(losses[short:])) == 1 and losses[-1] > 1  # frozen once the rate is 0, far from the minimum
        assert len(set(losses[: short + 1])) == short + 1  # and moving until then
