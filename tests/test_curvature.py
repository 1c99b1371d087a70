"""Chapter 6 (docs/curvature.md): the claims its prose makes about its programs."""

import numpy as np
import torch


def test_the_hessian_by_autograd_is_the_formula_and_the_same_everywhere(program):
    ns = program("curvature_hessian")
    assert torch.equal(ns["H"], ns["H_formula"])
    for point in torch.randn(20, 2, dtype=torch.float64, generator=torch.Generator().manual_seed(0)):
        assert torch.allclose(torch.autograd.functional.hessian(ns["loss"], point), ns["H"])


def test_the_gradient_is_h_times_the_error_at_any_point(program):
    """The page derives it and the program shows it at three points; here, at many."""
    ns = program("curvature_hessian")
    generator = torch.Generator().manual_seed(0)
    for point in 5 * torch.randn(50, 2, dtype=torch.float64, generator=generator):
        theta = point.clone().requires_grad_()
        ns["loss"](theta).backward()
        assert torch.allclose(theta.grad, ns["H"] @ (point - ns["theta_star"]), atol=1e-12)


def test_at_the_origin_the_gradient_in_w_is_chapter_2s(program, capsys):
    program("curvature_hessian")
    line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("(w, b) = (0.0, 0.0)"))
    assert "gradient [-30. -10.]" in line  # chapter 2: dL/dw = -30 at w = 0


def test_h_only_stretches_its_eigenvectors_and_turns_the_w_axis(program):
    ns = program("curvature_eigenvectors")
    H, V, eigenvalues = ns["H"], ns["V"], ns["eigenvalues"]
    for lam, v in zip(eigenvalues, V.T):
        assert np.allclose(H @ v, lam * v)
    assert abs(V[:, 0] @ V[:, 1]) < 1e-12  # perpendicular
    u = ns["u"]
    turned = H @ u
    assert abs(turned[0] * u[1] - turned[1] * u[0]) > 1  # (15, 5) is not along (1, 0)
    assert (round(eigenvalues[0], 3), round(eigenvalues[1], 3)) == (0.299, 16.701)
    # the Deeper box: the roots of (15 - l)(2 - l) - 25, half of 17 -+ sqrt(269)
    assert np.allclose(eigenvalues, [(17 - 269**0.5) / 2, (17 + 269**0.5) / 2])
    assert np.isclose(eigenvalues.sum(), np.trace(H)) and np.isclose(eigenvalues.prod(), np.linalg.det(H))


def test_each_step_multiplies_each_eigen_coefficient_by_its_factor(program):
    ns = program("curvature_eigenvectors")
    H, V, lr, eigenvalues = ns["H"], ns["V"], ns["lr"], ns["eigenvalues"]
    e = ns["e"]
    for n in range(1, 200):
        e = e - lr * H @ e
        assert np.allclose(V.T @ e, ns["c"] * (1 - lr * eigenvalues) ** n)
    # the flat direction is "raise b, lower w", the one the page names
    assert V[0, 0] < 0 < V[1, 0]


def test_the_bias_makes_a_long_narrow_valley_and_centring_removes_it(program):
    ns = program("module_convergence_rate")
    small, large = np.linalg.eigvalsh(2 / ns["N"] * ns["models"]["w and b"].T @ ns["models"]["w and b"])
    assert (round(small, 3), round(large, 3)) == (0.299, 16.701)
    assert np.allclose(ns["curvatures"]["w and b"], [small, large])
    assert round(2 / large, 2) == 0.12  # the largest stable learning rate
    assert round(1 - 2 * small / large, 3) == 0.964  # the flat factor can get no smaller
    centred = 2 / ns["N"] * ns["models"]["centred"].T @ ns["models"]["centred"]
    assert np.allclose(centred, np.diag([2.5, 2.0]))  # off-diagonal 0: the axes are w and b


def test_the_slowest_direction_sets_the_number_of_steps(program):
    """Run gradient descent from chapter 5's start: it takes as many steps as the flat factor says."""
    ns = program("curvature_eigenvectors")
    H, V, lr, eigenvalues = ns["H"], ns["V"], ns["lr"], ns["eigenvalues"]
    e, c = ns["e"], ns["c"]
    n = 0
    while np.abs(V.T @ e).max() > 0.001 * np.abs(c).max():
        e, n = e - lr * H @ e, n + 1
    flat = np.log(0.001 * np.abs(c).max() / abs(c[0])) / np.log(1 - lr * eigenvalues[0])
    assert n == int(np.ceil(flat))


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


def test_in_the_valley_momentum_and_adam_beat_plain_sgd(program):
    ns = program("module_momentum_valley")
    sgd, momentum, adam = (ns["train"](make) for make in ns["optimizers"].values())
    assert momentum[2] < adam[2] < sgd[2]
    assert abs(momentum[0] - 2) < 0.01 and abs(momentum[1]) < 0.02


def test_the_figure_and_chapter_5_train_the_same_blue_path(program):
    """The figure's plain SGD path is chapter 5's nn.Linear training, step for step."""
    valley = program("figure_valley")
    linear = program("module_linear")["model"]
    w, b = valley["paths"]["raw"]["plain SGD, lr 0.01"][-1]
    assert (w, b) == (linear.weight.item(), linear.bias.item())
