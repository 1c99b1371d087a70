"""Chapter 1 (docs/chain-rule.md): the claims its prose makes about its programs."""


def test_three_ways_to_the_gradient_agree(program):
    by_hand = program("chain_rule_by_hand")["dloss_dw"]
    autograd = program("chain_rule_autograd")["w"].grad.item()
    finite_difference = program("chain_rule_finite_difference")["dloss_dw"]
    assert by_hand == autograd == -2.0
    assert f"{finite_difference:.6f}" == f"{by_hand:.6f}"


def test_gradients_add_where_a_value_is_used_twice(program):
    fork = program("chain_rule_fork")
    w, x1, y1, x2, y2 = (fork[k] for k in ("w", "x1", "y1", "x2", "y2"))
    paths = []
    for x, y in [(x1, y1), (x2, y2)]:  # each path alone, through autograd
        w_alone = w.detach().clone().requires_grad_()
        ((x * w_alone - y) ** 2).backward()
        paths.append(w_alone.grad.item())
    assert paths == [fork["dloss1_dw"], fork["dloss2_dw"]]
    assert w.grad.item() == sum(paths)
    assert f"{fork['slope']:.6f}" == f"{sum(paths):.6f}"
    figure = program("figure_fork_graph")  # the figure adds the same two
    assert list(figure["arrivals"].values()) == paths
