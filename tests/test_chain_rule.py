"""Chapter 1 (docs/chain-rule.md): the claims its prose makes about its programs."""


def test_three_ways_to_the_gradient_agree(program):
    by_hand = program("chain_rule_by_hand")["dloss_dw"]
    autograd = program("chain_rule_autograd")["w"].grad.item()
    finite_difference = program("chain_rule_finite_difference")["dloss_dw"]
    assert by_hand == autograd == -2.0
    assert f"{finite_difference:.6f}" == f"{by_hand:.6f}"
