"""Chapter 1 (docs/chain-rule.md): the claims its prose makes about its programs."""

import runpy
from pathlib import Path

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets"


def run(name: str) -> dict:
    """A program's final variables (what it prints goes to pytest's capture)."""
    return runpy.run_path(str(SNIPPETS / f"{name}.py"), run_name="__main__")


def test_three_ways_to_the_gradient_agree():
    by_hand = run("chain_rule_by_hand")["dloss_dw"]
    autograd = run("chain_rule_autograd")["w"].grad.item()
    finite_difference = run("chain_rule_finite_difference")["dloss_dw"]
    assert by_hand == autograd == -2.0
    assert f"{finite_difference:.6f}" == f"{by_hand:.6f}"
