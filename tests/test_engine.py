"""Chapter 7 (docs/engine.md): the claims its prose makes about the engine."""

import math
from pathlib import Path

import pytest
import torch

from tests.conftest import definitions

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def engine(program):
    return program("engine_value")


def log_lines(text):
    """The training log of chapter 2: from "Prediction before" to "Prediction after"."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Prediction before"))
    end = next(i for i, line in enumerate(lines) if line.startswith("Prediction after"))
    return lines[start : end + 1]


def test_the_engine_reproduces_chapter_2s_corrected_log_line_for_line(program, capsys):
    """The page shows the log once and says it is chapter 2's: this runs both programs and holds them to it."""
    program("numpy_gd_fixed")
    chapter_2 = log_lines(capsys.readouterr().out)
    program("engine_value")
    engine = log_lines(capsys.readouterr().out)
    assert len(chapter_2) == 12 and engine == chapter_2
    assert engine[1] == "epoch 1: w = 0.000, loss = 30.00000000"  # each w with the loss it made, before its update


def test_without_the_reversed_visit_the_float32_log_differs(program, capsys):
    """Why visit() goes through a node's inputs last to first: the order in which w.grad sums, in float32."""
    source = (ROOT / "snippets" / "engine_value.py").read_text()
    assert source.count("reversed(node.inputs)") == 1
    program("numpy_gd_fixed")
    chapter_2 = log_lines(capsys.readouterr().out)
    in_order = source.replace("reversed(node.inputs)", "node.inputs")
    exec(compile(in_order, "engine_value_in_order", "exec"), {"__name__": "__main__"})
    engine = log_lines(capsys.readouterr().out)
    assert engine != chapter_2
    weights = [[line.split(", loss")[0] for line in log] for log in (engine, chapter_2)]
    assert weights[0] == weights[1]  # the weights agree to the three decimals printed; losses do not


def test_chapter_1s_loss_and_gradient(engine, program):
    Value = engine["Value"]
    w = Value(1.0)
    loss = (w * 1.0 - 2.0) ** 2
    loss.backward()
    autograd = program("chain_rule_autograd")
    assert (loss.data, w.grad) == (autograd["loss"].item(), autograd["w"].grad.item()) == (1.0, -2.0)


@pytest.mark.parametrize("name", ["fork", "shared", "every_op"])
@pytest.mark.parametrize("point", [(1.5, 0.5), (-0.7, 1.3), (2.0, -0.4)])
def test_engine_torch_and_finite_differences_agree(engine, name, point):
    f, Value = engine[name], engine["Value"]
    values = [Value(x) for x in point]
    f(*values).backward()
    tensors = [torch.tensor(x, dtype=torch.float64, requires_grad=True) for x in point]
    f(*tensors).backward()
    h = 1e-6
    for i, (value, tensor) in enumerate(zip(values, tensors)):
        up, down = list(point), list(point)
        up[i] += h
        down[i] -= h
        fd = (f(*map(Value, up)).data - f(*map(Value, down)).data) / (2 * h)
        assert value.grad == pytest.approx(tensor.grad.item(), rel=1e-12, abs=1e-12)
        assert value.grad == pytest.approx(fd, rel=1e-6, abs=1e-6)


def test_the_printed_check_has_a_fork_a_shared_subexpression_and_every_operation(engine):
    assert engine["to_torch"] == 0 and engine["to_fd"] < 1e-8
    a, b = engine["inputs"]
    assert engine["values"][0].grad == pytest.approx(1 / b - math.exp(-a))  # every_op's d/da, printed last
    for op in ("+", "*", "**-1", "**3", "exp", "tanh", "relu"):
        assert any(node_op(engine, f, op) for f in ("fork", "shared", "every_op")), op


def test_at_random_points_the_engine_and_torch_agree_to_float64_rounding_not_exactly(engine):
    """The exact agreement at (1.5, 0.5) is that point's; at others the last bits differ (division, powers, tanh)."""
    eps = torch.finfo(torch.float64).eps
    assert engine["n_points"] >= 100 and 0 < engine["largest"] < 1e-13 and engine["relative"] < 4 * eps
    assert engine["largest"] < engine["bound"] <= 10 * engine["largest"]


def node_op(engine, name, op):
    Value = engine["Value"]
    out = engine[name](Value(1.5), Value(0.5))
    seen, stack = set(), [out]
    while stack:
        node = stack.pop()
        if id(node) not in seen:
            seen.add(id(node))
            stack.extend(node.inputs)
            if node.op == op:
                return True
    return False


def test_the_fork_gradient_is_the_sum_of_both_paths(engine):
    Value = engine["Value"]
    a, b = Value(1.5), Value(0.5)
    engine["fork"](a, b).backward()
    assert a.grad == b.data + 1


def test_the_gate_patterns(engine):
    a, b, c, d, s, p, r = (engine[k] for k in "abcdspr")
    assert a.grad == b.grad == s.grad  # add distributes
    assert (s.grad, c.grad) == (c.data * p.grad, s.data * p.grad)  # multiply swaps
    assert d.data < 0 and d.grad == 0 and r.grad == 1  # relu routes to the winner, here 0
    opened = engine["Value"](1.5)
    (opened.relu() * 3.0).backward()
    assert opened.grad == 3.0


def test_forgetting_the_reset_prints_chapter_3s_gradients(program, capsys):
    program("autograd_forgot_zero_grad")
    chapter_3 = capsys.readouterr().out.splitlines()[:4]
    program("engine_value")
    engine = [line for line in capsys.readouterr().out.splitlines() if "this step's gradient" in line]
    assert len(engine) == 4 and engine == chapter_3


def test_the_figure_carries_the_engine_unchanged():
    """figure_engine_graph.py stands alone with a cut of the engine: each method it has is the engine's, verbatim."""
    engine, figure = definitions("engine_value", "Value"), definitions("figure_engine_graph", "Value")
    assert set(figure) == {"__init__", "__add__", "__mul__", "relu", "backward"}
    assert all(figure[name] == engine[name] for name in figure)


def test_the_figure_draws_the_graph_of_the_gate_example(engine, program):
    figure = program("figure_engine_graph")
    for name in "abcdspL":
        assert (figure[name].data, figure[name].grad) == (engine[name].data, engine[name].grad)
