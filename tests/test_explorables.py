"""The explorable figures (hooks/explorables.py, docs/assets/explorables/): what the reader moves shows what
the book's programs compute, and reads and works like the rest of the page.

Each explorable is driven in headless Chromium, as tests/test_browser.py reads pages: its controls are set
to the settings of a program on its page, and the lines it prints must agree with that program's output
fence, read from the page; at other settings, with the program's own functions run here at those
settings. The explorables compute in float64 and print at the programs' precision; the programs compute in
float32: the settings are ones where the two agree at every digit printed. Then what every explorable must
do: nothing without JavaScript and in print (the static figure is there), labelled controls that a keyboard
works, values announced, axe clean, text of 4.5:1 and marks of 3:1 in both schemes, text >= 9 px at 390 px.

Each check is `check(visit, programs) -> [problem, ...]`; test_each_check_catches_its_fault runs it on a
copy of the module or of the page broken on purpose (the explorable's arithmetic, its markup, its style),
which the browser gets in place of the built file, and the check must fail there. The checks drive a
browser of their own, in a thread of their own (Playwright's sync API drives one per thread, and pytest's
thread has tests/test_browser.py's); the pages they read are loaded once and shared.
"""

import contextlib
import gzip
import io
import json
import random
import re
import runpy
import shutil
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from hooks import explorables
from tests import test_browser
from tests.chromium import CHROMIUM, FLAGS, url_of
from tests.conftest import ROOT
from tests.test_browser import AXE, SCHEMES, new_context, opening, quiet

server = test_browser.server  # the built site on 127.0.0.1 (tests/test_browser.py's fixture)

pytestmark = pytest.mark.browser

# The explorables and their chapters; a state of each with every kind of mark drawn (for contrast, axe, size)
EXPLORABLES = {"lr_parabola": "manual-gradients/", "valley": "curvature/", "backward": "engine/", "boundary": "moons/"}
MODULES = ROOT / "docs" / "assets" / "explorables"
KB_GZIP = 30  # the budget: JavaScript per page, beyond the book's own
POKE = {
    "lr_parabola": "set('start', 3.5); set('learning rate', 0.14)",
    "valley": "set('momentum', 0.9)",
    "backward": "for (let k = 0; k < 3; k++) press('Step')",
    "boundary": "set('epochs trained', 150)",
}


# --- the book's programs, run here -------------------------------------------------------------------


PROGRAMS = ("figure_lr_parabola", "figure_valley", "module_convergence_rate", "engine_value", "moons_numpy")
PROGRAMS += ("figure_moons_boundary",)


@pytest.fixture(scope="module")
def programs(tmp_path_factory):
    """programs("NAME"): the final variables of snippets/NAME.py, run once in an empty folder (here, in
    pytest's thread: the checks that read them run in the browser's)."""
    ran = {}
    with contextlib.chdir(tmp_path_factory.mktemp("programs")), contextlib.redirect_stdout(io.StringIO()):
        for name in PROGRAMS:
            ran[name] = runpy.run_path(str(ROOT / "snippets" / f"{name}.py"), run_name="__main__")
    return ran.__getitem__


# --- driving an explorable -----------------------------------------------------------------------------

# In the page: set(label, value) sets the control of that label (a range, a number, a checkbox, a select)
# and says so with the event a reader's change makes; press(text) clicks a button; printed() the lines the
# figure prints, by name. A range over a list of values (valley's learning rate) is set by its value.
DRIVER = r"""
const figure = document.querySelector(`figure[data-explorable="${NAME}"]`);
const control = (label) => {
    const found = [...figure.querySelectorAll("label")].find(l => l.textContent.trim().startsWith(label));
    if (!found) throw new Error(`no control labelled ${label}`);
    return found.control;
};
const set = (label, value) => {
    const input = control(label);
    if (input.type === "checkbox") input.checked = value;
    else if (input.dataset.values) {  // a range over a list of values: its position
        const at = JSON.parse(input.dataset.values).indexOf(value);
        if (at < 0) throw new Error(`${label} offers no ${value}`);
        input.value = at;
    } else input.value = value;
    input.dispatchEvent(new Event(input.tagName === "SELECT" ? "change" : "input", {bubbles: true}));
};
const press = (text) => [...figure.querySelectorAll("button")].find(b => b.textContent === text).click();
const printed = () => Object.fromEntries([...figure.querySelectorAll("[data-printed]")]
    .map(p => [p.dataset.printed, p.textContent]));
"""


def drive(visit, name: str, script: str):
    """Run `script` in the page with the driver's functions; returns what it returns."""
    return visit.page.evaluate(f"() => {{ const NAME = {name!r}; {DRIVER}\n{script} }}")


def setting(visit, name: str, values: dict) -> dict:
    """Set each control (label -> value) in order; the lines the figure prints then."""
    sets = "; ".join(f"set({json.dumps(label)}, {json.dumps(value)})" for label, value in values.items())
    return drive(visit, name, f"{sets}; return printed();")


def fence(visit, title: str, holding: str = "") -> list[str]:
    """The lines of the output fence right after a code block titled `title` (the first that holds `holding`);
    none is an error: a renamed block would leave a check nothing to compare."""
    lines = visit.page.evaluate(
        r"""([title, holding]) => {
            for (const block of document.querySelectorAll(".md-content .highlight")) {
                if (block.querySelector(":scope > .filename")?.textContent.trim() !== title) continue;
                const output = block.nextElementSibling;
                const text = output?.matches(".book-output") ? output.querySelector("code").textContent : "";
                if (text.includes(holding)) return text.replace(/\n$/, "").split("\n");
            }
            return [];
        }""",
        [title, holding],
    )
    assert lines, f"no output fence under a block titled {title!r}" + (f" holding {holding!r}" if holding else "")
    return lines


def line_of(lines: list[str], pattern: str, what: str) -> str:
    """The first of `lines` that `pattern` matches at its start; none is an error naming `what`."""
    line = next((line for line in lines if re.match(pattern, line)), None)
    assert line is not None, f"no line of {what} in its output fence: {lines}"
    return line


def matched(problems: list[str], count: int, what: str) -> list[str]:
    """`problems`, and one more if no line of `what` was compared."""
    return problems + ([] if count else [f"no line of {what} was compared"])


NUMBER = re.compile(r"[-\u2212]?\d+(?:\.\d*)?(?:e[-+]?\d+)?")


def numbers(text: str) -> list[str]:
    return [n.replace("\u2212", "-") for n in NUMBER.findall(text)]


def agree(shown: str, printed: str) -> bool:
    """Two numbers agree at the precision of the less precise (as the book's text checks: 0.98 and 0.980)."""
    a, b = Decimal(shown), Decimal(printed)
    places = min(-a.as_tuple().exponent, -b.as_tuple().exponent)
    quantum = Decimal(1).scaleb(-places)
    return a.quantize(quantum) == b.quantize(quantum) if abs(a - b) < 1 else a == b


def disagreements(what: str, shown: list[str], printed: list[str]) -> list[str]:
    if len(shown) == len(printed) and all(map(agree, shown, printed)):
        return []
    return [f"{what}: the explorable shows {shown}, the program {printed}"]


# --- the numbers: one check per explorable -------------------------------------------------------------

CHECKS = {}


def check(function):
    CHECKS[function.__name__] = function
    return function


@check
def lr_parabola_numbers(visit, programs):
    """Chapter 2: the six steps, the factor, the curvature and the steps to converge."""
    figure_program, problems = programs("figure_lr_parabola"), []
    figure_fence = fence(visit, "snippets/figure_lr_parabola.py")
    stability_fence = fence(visit, "snippets/numpy_lr_stability.py")
    for lr in figure_program["paths"]:  # the figure's program: six steps from w = 0 for each lr
        shown = setting(visit, "lr_parabola", {"start": 0, "learning rate": lr})
        line = line_of(figure_fence, re.escape(f"lr = {lr:<4}:"), f"figure_lr_parabola.py's lr {lr}")
        problems += disagreements(f"lr {lr}, the steps", numbers(shown["path"]), numbers(line.split(":")[1]))
        if shown["curvature"] != figure_fence[0]:
            problems.append(f"the curvature line: {shown['curvature']!r}, the program {figure_fence[0]!r}")
    factors = 0
    for line in stability_fence:  # numpy_lr_stability.py: the factor of each lr it tries
        if found := re.match(r"(lr = ([\d.]+): each step multiplies w - 2 by) (\S+)$", line):
            factors += 1
            shown = setting(visit, "lr_parabola", {"start": 0, "learning rate": float(found[2])})["factor"]
            if not shown.startswith(found[1]):
                problems.append(f"the factor line: {shown!r}, the program {line!r}")
            problems += disagreements(f"lr {found[2]}, the factor", numbers(shown)[-1:], [found[3]])
    problems = matched(problems, factors, "numpy_lr_stability.py's factors")
    gradient, L2 = figure_program["gradient"], figure_program["L2"]
    X, Y = figure_program["X"], figure_program["Y"]
    w_star = float((X @ Y) / (X @ X))
    for lr, start in [(0.05, -1.5), (0.067, 4.0), (0.12, 5.2), (0.13, 0.0), (0.11, 3.3), (0.002, 6.0), (0.15, -1.9)]:
        shown = setting(visit, "lr_parabola", {"start": start, "learning rate": lr})
        w, path = start, [start]
        for _ in range(figure_program["n_steps"]):
            w -= lr * gradient(w)
            path.append(w)
        expected = {
            "factor": f"lr = {lr}: each step multiplies w - {w_star:g} by {1 - lr * L2:.3f}",
            "path": "w = " + ", ".join(f"{w:.3f}" for w in path),
            "converged": steps_to_converge(gradient, lr, start, w_star),
        }
        problems += [
            f"lr {lr}, w0 {start}: {name} {shown[name]!r}, in Python {line!r}"
            for name, line in expected.items()
            if shown[name] != line
        ]
    return problems + visit.errors


def steps_to_converge(gradient, lr, w, w_star, tolerance=0.001, most=10000) -> str:
    """The explorable's last line, computed with the program's gradient."""
    for step in range(most + 1):
        if abs(w - w_star) < tolerance:
            return f"|w - {w_star:g}| < {tolerance} after {step} steps"
        if not abs(w - w_star) < 1e6:
            return f"|w - {w_star:g}| grows at every step: lr = {lr} diverges"
        w -= lr * gradient(w)
    return f"|w - {w_star:g}| is not < {tolerance} after {most} steps"


@check
def valley_numbers(visit, programs):
    """Chapter 6: (w, b) after n steps, the loss there, the steps to converge, the eigenvalues and factors."""
    problems = []
    runs = {  # the figure's runs: (panel, name) -> settings
        ("raw", "plain SGD, lr 0.01"): (0.01, 0, False, 100),
        ("raw", "momentum 0.9, lr 0.01"): (0.01, 0.9, False, 100),
        ("centred", "plain SGD, lr 0.3"): (0.3, 0, True, 10),
    }
    figure_fence = fence(visit, "snippets/figure_valley.py")
    for (panel, name), settings in runs.items():
        shown = valley_setting(visit, *settings)
        line = line_of(figure_fence, re.escape(f"{panel:>7}, {name:<21}:"), f"{panel}, {name}")
        problems += disagreements(f"{panel}, {name}", numbers(shown["after"])[1:3], numbers(line.split(":")[1]))
    table = fence(visit, "snippets/module_momentum_valley.py")
    for optimizer, settings in {"SGD(lr=0.01)": (0.01, 0), "SGD(lr=0.01, momentum=0.9)": (0.01, 0.9)}.items():
        shown = valley_setting(visit, *settings, False, 100)
        row = line_of(table, f".*`{re.escape(optimizer)}`", optimizer)
        problems += disagreements(f"{optimizer}, the loss", numbers(shown["after"])[3:], [row.split("|")[-2].strip()])
    rates = fence(visit, "snippets/module_convergence_rate.py")
    for model, centred in {"w and b": False, "centred": True}.items():
        shown = valley_setting(visit, 0.01, 0, centred, 100)
        at = rates.index(line_of(rates, rf"\s*{model}:", model))
        eigenvalues, factors = rates[at + 1], rates[at + 2]
        problems += disagreements(f"{model}, eigenvalues", numbers(shown["curvature"]), numbers(eigenvalues))
        problems += disagreements(f"{model}, factors", numbers(shown["factors"]), numbers(factors)[:2])
    for lr, momentum, centred, steps in [
        (0.05, 0, False, 50),
        (0.1, 0.5, False, 30),
        (0.02, 0.95, False, 200),
        (0.2, 0, False, 4),
        (0.5, 0.3, True, 5),
        (0.7, 0, True, 12),
        (0.005, 0.8, True, 40),
    ]:
        where = f"lr {lr}, momentum {momentum}, {'centred' if centred else 'raw'}, {steps} steps"
        problems += [f"{where}: {p}" for p in valley_agrees(visit, programs, lr, momentum, centred, steps)]
    return problems + visit.errors


def valley_setting(visit, lr, momentum, centred, steps):
    return setting(
        visit, "valley", {"centred": centred, "learning rate": lr, "momentum": momentum, "steps drawn": steps}
    )


def valley_agrees(visit, programs, lr, momentum, centred, steps) -> list[str]:
    """The explorable at these settings against figure_valley.path (torch.optim.SGD on nn.Linear) and
    module_convergence_rate's Hessian."""
    import numpy as np
    import torch

    valley, rates = programs("figure_valley"), programs("module_convergence_rate")
    shown = valley_setting(visit, lr, momentum, centred, steps)
    x = valley["X_centred"] if centred else valley["X"]
    wb = valley["path"](x, lr, steps, momentum=momentum, centred=centred)
    w, b = wb[-1]
    loss = torch.nn.functional.mse_loss(float(w) * x + float(b), valley["Y"]).item()
    expected = {"after": f"after {steps} steps: w = {w:.3f}, b = {b:.3f}, loss = {loss:.2e}"}
    H = (
        2
        / rates["N"]
        * rates["models"]["centred" if centred else "w and b"].T
        @ rates["models"]["centred" if centred else "w and b"]
    )
    eigenvalues = np.linalg.eigvalsh(H)
    expected["curvature"] = (
        f"eigenvalues of H {eigenvalues[0]:.3f}, {eigenvalues[1]:.3f}, condition number {eigenvalues[1] / eigenvalues[0]:.2f}"
    )
    expected["factors"] = "without momentum each step multiplies the error along them by " + ", ".join(
        f"{1 - lr * e:.3f}" for e in eigenvalues
    )
    problems = [
        f"{name}: {shown[name]!r}, in Python {line!r}" for name, line in expected.items() if shown[name] != line
    ]
    # The steps to converge, as torch takes them: the first step within 0.001 of the minimum, or none
    minimum = (2.0, float(valley["Y"].mean())) if centred else (2.0, 0.0)
    said = shown["converged"]
    n = (
        int(re.search(r"after (\d+) steps", said)[1])
        if said.startswith("within")
        else 500
        if "diverges" in said
        else 10000
    )
    far = np.hypot(*(valley["path"](x, lr, n, momentum=momentum, centred=centred) - minimum).T)
    within = np.flatnonzero(far < 0.001)
    python = ("within", int(within[0])) if len(within) else ("diverges",) if not np.all(far < 1e6) else ("not within",)
    js = ("within", n) if said.startswith("within") else ("diverges",) if "diverges" in said else ("not within",)
    if python != js:
        problems.append(f"{said!r}, but in Python: {' after '.join(map(str, python))}")
    return problems


@check
def backward_numbers(visit, programs):
    """Chapter 7: every node's value and .grad after every step, and each step's local gradients."""
    engine, problems = programs("engine_value"), []
    three_ways, compared = fence(visit, "continues snippets/engine_value.py", holding="finite diff."), 0
    for expression in ("fork", "shared"):  # "The engine against PyTorch": the gradients at a = 1.5, b = 0.5
        steps = backward_states(visit, expression, dict(zip("ab", engine["inputs"])))
        grads = {node["label"]: node["grad"] for node in steps[-1]["nodes"]}
        for line in three_ways:
            if line.startswith(expression + " "):
                compared += 1
                name = line.split()[1][-1]
                problems += disagreements(f"{expression} d/d{name}", numbers(grads[name]), numbers(line)[:1])
    problems = matched(problems, compared, "the three ways' fork and shared gradients")
    gates = fence(visit, "snippets/figure_engine_graph.py")  # the figure: each node's value and grad
    steps = backward_states(visit, "gates", {"a": 3, "b": -1, "c": -2, "d": -1})
    shown = {node["label"]: numbers(node["value"]) + numbers(node["grad"]) for node in steps[-1]["nodes"]}
    for line in gates:
        label = line.split("value")[0].strip()
        problems += disagreements(f"gates, {label}", shown.get(label, []), numbers(line.split("value")[1]))
    Value = engine["Value"]
    expressions = {
        "fork": (engine["fork"], "ab"),
        "shared": (engine["shared"], "ab"),
        "gates": (lambda a, b, c, d: (a + b) * c + d.relu(), "abcd"),  # as the figure's program builds it
    }
    for expression, inputs in [
        ("fork", (1.5, 0.5)),
        ("fork", (-2.0, 3.0)),
        ("shared", (0.3, -1.2)),
        ("gates", (3.0, -1.0, -2.0, -1.0)),
        ("gates", (1.0, 2.0, 0.5, 2.0)),
    ]:
        f, names = expressions[expression]
        shown = backward_states(visit, expression, dict(zip(names, inputs)))
        python = python_states(f(*map(Value, inputs)))
        if len(shown) != len(python):
            problems.append(f"{expression}{inputs}: {len(shown)} steps shown, backward() takes {len(python)}")
        for k, (js, py) in enumerate(zip(shown, python)):
            where = f"{expression}{inputs}, step {k}"
            values = [numbers(n["value"]) for n in js["nodes"]], [[f"{v:.4g}"] for v in py["values"]]
            grads = [numbers(n["grad"]) for n in js["nodes"]], [[f"{g:.4g}"] for g in py["grads"]]
            locals_ = [numbers(text) for text in js["locals"]], [[f"{g:.4g}"] for g in py["locals"]]
            for what, (a, b) in {"values": values, "grads": grads, "local gradients": locals_}.items():
                if a != b:
                    problems.append(f"{where}: {what} {a}, backward() in Python {b}")
    return problems + visit.errors


def backward_states(visit, expression: str, inputs: dict) -> list[dict]:
    """Every state of the explorable, from before backward() to its end: each node (in topological order)
    with its label, value and grad as shown, and the local gradients shown on the edges."""
    sets = "; ".join(f"set('input {name}', {value})" for name, value in inputs.items())
    return drive(
        visit,
        "backward",
        f"""set("expression", {expression!r}); {sets}; press("Start again");
        const states = [];
        const state = () => ({{
            nodes: [...figure.querySelectorAll("svg [data-order]")]
                .sort((p, q) => p.dataset.order - q.dataset.order)
                .map(g => ({{label: g.querySelector("[data-label]").textContent,
                            value: g.querySelector("[data-value]").textContent,
                            grad: g.querySelector("[data-grad]").textContent}})),
            locals: [...figure.querySelectorAll("svg [data-local]")]
                .sort((p, q) => p.dataset.local - q.dataset.local).map(t => t.textContent),
        }});
        const step = [...figure.querySelectorAll("button")].find(b => b.textContent === "Step");
        states.push(state());
        for (let k = 0; k < 100 && !step.disabled; k++) {{ step.click(); states.push(state()); }}
        return states;""",
    )


def python_states(output) -> list[dict]:
    """The chapter's backward() on `output`, watched: the value and grad of each node (in topological order)
    before it, after `self.grad = 1` and after each node, with that node's local gradients (backward() calls
    a node's local_grads() when it reaches it)."""
    nodes, stack = [], [output]
    while stack:
        node = stack.pop()
        if node not in nodes:
            nodes.append(node)
            stack.extend(node.inputs)
    local_grads = {node: node.local_grads for node in nodes}
    reached, grads = [], [[0.0 for _ in nodes]]
    for node in nodes:

        def watched(node=node):
            reached.append(node)
            grads.append([n.grad for n in nodes])
            return local_grads[node]()

        node.local_grads = watched
    output.backward()
    grads.append([n.grad for n in nodes])
    order = reached[::-1]  # backward() reaches the nodes in reverse topological order
    at = [nodes.index(n) for n in order]
    return [
        {
            "values": [n.data for n in order],
            "grads": [state[i] for i in at],
            "locals": local_grads[reached[k - 2]]() if k >= 2 else (),
        }
        for k, state in enumerate(grads)
    ]


@check
def boundary_numbers(visit, programs):
    """Chapter 10: at each epoch the program logs, its line; at every epoch offered (the weights that
    figure_moons_boundary.py kept at build time), the scores moons_numpy.py's functions compute from them."""
    numpy_program, figure_program, problems = programs("moons_numpy"), programs("figure_moons_boundary"), []
    kept = figure_program["kept"]
    offered = drive(visit, "boundary", "return JSON.parse(control('epochs trained').dataset.values);")
    if offered != list(kept):
        problems.append(f"epochs offered {offered}, kept by the program {list(kept)}")
    logged, accuracies = 0, 0
    for line in fence(visit, "snippets/moons_numpy.py"):
        if re.match(r"\s*\d+\s", line):  # a line of the log: epoch, loss, accuracy, validation loss, accuracy
            logged += 1
            shown = setting(visit, "boundary", {"epochs trained": int(line.split()[0])})["scores"]
            problems += disagreements(f"the log's epoch {line.split()[0]}", numbers(shown), numbers(line))
    for line in fence(visit, "snippets/figure_moons_boundary.py"):
        if found := re.match(r"after +(\d+) epochs: training accuracy (\S+)%$", line):
            accuracies += 1
            shown = setting(visit, "boundary", {"epochs trained": int(found[1])})["scores"]
            problems += disagreements(f"the figure's epoch {found[1]}", numbers(shown)[2:3], [found[2]])
    problems = matched(matched(problems, logged, "moons_numpy.py's log"), accuracies, "the figure's accuracies")
    forward, loss_and_accuracy = numpy_program["forward"], numpy_program["loss_and_accuracy"]
    X, Y, train, val = (figure_program[name] for name in ("X", "Y", "train", "val"))
    for epoch, weights in kept.items():
        (loss, acc), (val_loss, val_acc) = (
            loss_and_accuracy(*forward(weights, X[rows])[:2], Y[rows]) for rows in (train, val)
        )
        expected = (
            f"epoch {epoch}: training loss {loss:.4f}, accuracy {acc:.1%}; "
            f"validation loss {val_loss:.4f}, accuracy {val_acc:.1%}"
        )
        shown = setting(visit, "boundary", {"epochs trained": epoch})["scores"]
        if shown != expected:
            problems.append(f"epoch {epoch}: {shown!r}, in Python {expected!r}")
    return problems + visit.errors


# --- what every explorable must do ----------------------------------------------------------------------


@check
def without_javascript(visit, programs):
    """Without JavaScript the explorable is not shown, and the static figure before it is."""
    context = visit.page.context.browser.new_context(java_script_enabled=False)
    for pattern, handler in visit.routes:  # the same page, broken alike
        context.route(pattern, handler)
    page = context.new_page()
    page.goto(visit.url, wait_until="networkidle")
    found = page.evaluate("""() => {
        const figures = [...document.querySelectorAll(".md-content figure")];
        return figures.filter(f => f.matches("[data-explorable]")).map(f => ({
            shown: f.getBoundingClientRect().height > 0,
            before: figures.slice(0, figures.indexOf(f)).reverse()
                .find(s => s.querySelector("img[src*='assets/figures/']"))?.getBoundingClientRect().height > 0,
        }));
    }""")
    context.close()
    problems = [] if found else ["no explorable on the page"]
    for figure in found:
        problems += ["without JavaScript the explorable shows"] if figure["shown"] else []
        problems += [] if figure["before"] else ["no static figure shown before the explorable"]
    return problems


@check
def not_in_print(visit, programs):
    """Printed, the chapter shows the static figure and not the explorable (its controls do nothing on paper);
    the print edition, which has the placeholders and loads no module, shows none of them."""
    visit.page.emulate_media(media="print")
    try:
        heights = visit.page.evaluate(
            "() => [...document.querySelectorAll('figure[data-explorable]')].map(f => f.getBoundingClientRect().height)"
        )
    finally:
        visit.page.emulate_media(media="screen")
    problems = [f"printed, the explorable is {height:.0f} px tall" for height in heights if height > 0]
    edition = visit.page.context.new_page()
    for pattern, handler in visit.routes:
        edition.route(pattern, handler)
    edition.goto(visit.url.rsplit("/", 2)[0] + "/print/", wait_until="networkidle")
    shown = edition.evaluate(
        "() => [...document.querySelectorAll('figure[data-explorable]')].filter(f => f.getClientRects().length).length"
    )
    edition.close()
    return problems + ([f"the print edition shows {shown} explorable placeholders"] if shown else [])


KEYS = {  # a state where a key can change something, the control, the key
    "lr_parabola": ("set('learning rate', 0.1)", "learning rate", "ArrowRight"),
    "valley": ("set('momentum', 0.5)", "momentum", "ArrowRight"),
    "backward": ("press('Start again')", "Step", "Enter"),
    "boundary": ("set('epochs trained', 10)", "epochs trained", "ArrowRight"),
}


@check
def keyboard_and_labels(visit, programs):
    """Each control is native and labelled, a Tab stop in turn with a visible focus ring; a key changes it,
    and what it changes is announced (a live region)."""
    name = visit.name
    problems = drive(
        visit,
        name,
        r"""const problems = [];
        for (const c of figure.querySelectorAll("input, select, textarea, button")) {
            const label = c.tagName === "BUTTON" ? c.textContent : [...c.labels].map(l => l.textContent).join(" ");
            if (!label.trim()) problems.push(`a ${c.tagName.toLowerCase()} without a label`);
        }
        if (!figure.querySelector("[aria-live]")) problems.push("nothing announces what the controls change (aria-live)");
        return problems;""",
    )
    if problems:
        return problems  # unlabelled controls cannot be driven by their labels
    count = drive(visit, name, "return figure.querySelectorAll('input, select, button').length;")
    drive(
        visit,
        name,
        "const s = document.createElement('span'); s.tabIndex = -1; s.id = 'book-before'; figure.before(s); s.focus();",
    )
    for stop in range(1, count + 1):
        visit.page.keyboard.press("Tab")
        focused = visit.page.evaluate(r"""() => {
            const e = document.activeElement, style = getComputedStyle(e);
            return {inside: !!e.closest("figure[data-explorable]"), what: e.tagName.toLowerCase(),
                    ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2};
        }""")
        if not focused["inside"]:
            problems.append(f"Tab stop {stop} is not a control of the explorable but a {focused['what']}")
        elif not focused["ring"]:
            problems.append(f"Tab stop {stop}, a {focused['what']}: no visible focus")
    visit.page.evaluate("document.getElementById('book-before').remove()")
    ready, label, key = KEYS[name]
    before = drive(visit, name, f"{ready}; return JSON.stringify(printed());")
    drive(
        visit,
        name,
        f"""const label = {json.dumps(label)};
        (label === "Step" ? [...figure.querySelectorAll("button")].find(b => b.textContent === label) : control(label)).focus();""",
    )
    visit.page.keyboard.press(key)
    if drive(visit, name, "return JSON.stringify(printed());") == before:
        problems.append(f"{key} on {label} changes nothing the figure prints")
    return problems


@check
def axe_clean(visit, programs):
    """axe-core on the explorable, in a state with every kind of mark drawn, in the visit's scheme."""
    drive(visit, visit.name, POKE[visit.name])
    if not visit.page.evaluate("'axe' in window"):
        visit.page.add_script_tag(content=AXE.read_text())
    violations = visit.page.evaluate(
        f"axe.run('figure[data-explorable=\"{visit.name}\"]', {{resultTypes: ['violations']}}).then(r => r.violations)"
    )
    return [
        f"{v['impact']} {v['id']}: {v['help']} (e.g. {v['nodes'][0]['target']})"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


CONTRAST = r"""([figureSelector]) => {
    // WCAG contrast of each text (4.5:1) and each mark (3:1) of the figure against what it is drawn on
    const rgba = (css) => {
        const c = document.createElement("canvas").getContext("2d");
        c.fillStyle = "#000"; c.fillStyle = css; c.fillRect(0, 0, 1, 1);
        const [r, g, b, a] = c.getImageData(0, 0, 1, 1).data; return [r, g, b, a / 255];
    };
    const over = ([r, g, b, a], [R, G, B]) => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a)];
    const luminance = (rgb) => {
        const [r, g, b] = rgb.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (p, q) => { const [l, d] = [luminance(p), luminance(q)].sort((x, y) => y - x); return (l + 0.05) / (d + 0.05); };
    const background = (e) => {
        const layers = [];
        for (let n = e; n && n.nodeType === 1; n = n.parentElement) {
            if (n instanceof SVGElement && !(n instanceof SVGSVGElement)) continue;
            const c = rgba(getComputedStyle(n).backgroundColor);
            if (c[3] > 0) layers.push(c);
        }
        layers.push(rgba(getComputedStyle(document.body).backgroundColor));
        let rgb = [255, 255, 255];
        for (const layer of layers.reverse()) rgb = over(layer, rgb);
        return rgb;
    };
    const figure = document.querySelector(figureSelector), problems = [];
    const texts = [...figure.querySelectorAll("svg text, p, li, label, output, figcaption, button, option")]
        .filter(e => e.getClientRects().length && e.textContent.trim());
    for (const e of texts) {
        const style = getComputedStyle(e);
        const ink = rgba(e instanceof SVGElement ? style.fill : style.color);
        const bg = background(e), r = ratio(over(ink, bg), bg);
        if (r < 4.5) problems.push(`text ${r.toFixed(2)}:1: ${e.textContent.trim().slice(0, 30)}`);
    }
    for (const e of figure.querySelectorAll(".book-step, .book-path, .book-edge, .book-curve, .book-axis, .book-node, .book-point")) {
        const style = getComputedStyle(e);
        const ink = rgba(style.stroke !== "none" ? style.stroke : style.fill);
        const bg = background(e), r = ratio(over(ink, bg), bg);
        if (r < 3) problems.push(`mark ${r.toFixed(2)}:1: ${e.getAttribute("class")}`);
    }
    return [...new Set(problems)];
}"""


@check
def contrast_of_text_and_marks(visit, programs):
    drive(visit, visit.name, POKE[visit.name])
    return visit.page.evaluate(CONTRAST, [f'figure[data-explorable="{visit.name}"]'])


@check
def legible_at_390_px(visit, programs):
    """At a phone's width: every text of the figure >= 9 CSS px as drawn, nothing wider than the column."""
    visit.page.set_viewport_size({"width": 390, "height": 844})
    visit.page.wait_for_timeout(150)  # the ResizeObserver redraws at the new width
    try:
        drive(visit, visit.name, POKE[visit.name])
        return drive(
            visit,
            visit.name,
            r"""const problems = [];
            for (const t of figure.querySelectorAll("svg text")) {
                const px = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
                if (px < 9) problems.push(`text ${px.toFixed(1)} px: ${t.textContent.slice(0, 30)}`);
            }
            if (figure.scrollWidth > figure.clientWidth + 1) problems.push(`${figure.scrollWidth - figure.clientWidth} px too wide`);
            if (document.documentElement.scrollWidth > 390) problems.push("the page scrolls sideways");
            for (const e of figure.querySelectorAll("svg, .book-explorable-controls, .book-explorable-printed")) {
                const box = e.getBoundingClientRect(), column = figure.getBoundingClientRect();
                if (box.right > column.right + 1 || box.left < column.left - 1) problems.push(`a ${e.tagName.toLowerCase()} wider than the column`);
            }
            return [...new Set(problems)];""",
        )
    finally:
        visit.page.set_viewport_size({"width": 1280, "height": 800})
        visit.page.wait_for_timeout(150)


GENERIC = ("without_javascript", "not_in_print", "keyboard_and_labels", "axe_clean", "contrast_of_text_and_marks")
GENERIC += ("legible_at_390_px",)
SCHEMES_OF = {"axe_clean": ("light", "dark"), "contrast_of_text_and_marks": ("light", "dark")}


def replacing(pattern: str, old: str, new: str):
    """A route handler: the file as served, with `old` replaced by `new`."""

    def handler(route):
        response = route.fetch()
        body = response.text()
        if old not in body:
            raise AssertionError(f"{old!r} is not in {pattern} to break")
        route.fulfill(response=response, body=body.replace(old, new, 1))

    return handler


def visiting(contexts, server, name: str, scheme: str = "light", broken: dict | None = None):
    """The explorable's page, loaded in a tab of tests/test_browser.py's kind, drawn; with `broken`
    ({url pattern: (old, new)}), those files as the browser gets them have `old` replaced by `new`."""
    context = contexts[scheme]
    routes = []
    for pattern, (old, new) in (broken or {}).items():
        routes.append((pattern, replacing(pattern, old, new)))
        context.route(*routes[-1])
    try:
        visit = quiet(opening(context, url_of(server, EXPLORABLES[name])))
    finally:
        for pattern, handler in routes:
            context.unroute(pattern, handler)
    visit.page.bring_to_front()  # a tab in the background draws nothing
    # an explorable is built when the reader comes near it (common.js): scroll to what stands above it
    visit.page.locator(f'figure[data-explorable="{name}"]').evaluate(
        "f => (f.previousElementSibling || f.parentElement).scrollIntoView()"
    )
    visit.page.wait_for_selector(f'figure[data-explorable="{name}"]:not([hidden]) svg[width]')
    visit.name, visit.routes = name, routes
    return visit


RUNS = [(f"{name}_numbers", name, "light") for name in EXPLORABLES] + [
    (check_name, name, scheme)
    for check_name in GENERIC
    for name in EXPLORABLES
    for scheme in SCHEMES_OF.get(check_name, ("light",))
]


class Browsing:
    """A thread with a browser of its own and a context per scheme, as tests/test_browser.py makes them:
    Playwright's sync API drives one browser per thread, and pytest's thread has tests/test_browser.py's."""

    def __init__(self):
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="explorables")
        self.visits = {}
        self.run(self.start)

    def run(self, function, *args):
        return self.pool.submit(function, *args).result()

    def start(self):
        from playwright.sync_api import sync_playwright

        self.playwright = sync_playwright().start()
        self.browser = self.playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        self.contexts = {scheme: new_context(self.browser, scheme) for scheme in SCHEMES}

    def visit(self, server, name, scheme):
        """The explorable's page, loaded once for all the checks (each sets the controls it reads)."""
        if (name, scheme) not in self.visits:
            self.visits[name, scheme] = visiting(self.contexts, server, name, scheme)
        self.visits[name, scheme].page.bring_to_front()  # a tab in the background draws nothing
        return self.visits[name, scheme]

    def stop(self):
        self.browser.close()
        self.playwright.stop()


@pytest.fixture(scope="module")
def browsing():
    if not CHROMIUM:
        pytest.fail("CI=true but Chromium is missing: .ci/run installs it with apt-get (package chromium)")
    browsing = Browsing()
    yield browsing
    browsing.run(browsing.stop)
    browsing.pool.shutdown()


@pytest.mark.parametrize(("check_name", "name", "scheme"), RUNS)
def test_every_explorable(check_name, name, scheme, browsing, server, programs):
    problems = browsing.run(lambda: CHECKS[check_name](browsing.visit(server, name, scheme), programs))
    assert not problems, f"{check_name} ({name}, {scheme}):\n" + "\n".join(f"  {p}" for p in problems)


# --- the guards fail: each check, on a module or page broken on purpose ---------------------------------

MODULE = "**/assets/explorables/{}.js"
PAGE = "**/{}"
BREAKAGES = {  # name: (check, explorable, scheme, {url pattern: (old, new)}, what a problem must mention)
    "lr_parabola: a step with the wrong gradient": (
        "lr_parabola_numbers",
        "lr_parabola",
        "light",
        {MODULE.format("lr_parabola"): ("w -= lr * gradient(w); // 3.", "w -= lr * gradient(w) * 1.001; // 3.")},
        "the steps",
    ),
    "lr_parabola: the curvature of another loss": (
        "lr_parabola_numbers",
        "lr_parabola",
        "light",
        {MODULE.format("lr_parabola"): ("const L2 = 2 * mean", "const L2 = 2.02 * mean")},
        "factor",
    ),
    "lr_parabola: its program's block renamed, nothing left to compare": (
        "lr_parabola_numbers",
        "lr_parabola",
        "light",
        {PAGE.format(EXPLORABLES["lr_parabola"]): ("snippets/numpy_lr_stability.py</a>", "snippets/renamed.py</a>")},
        "no output fence under a block titled 'snippets/numpy_lr_stability.py'",
    ),
    "valley: momentum that dampens": (
        "valley_numbers",
        "valley",
        "light",
        {MODULE.format("valley"): ("momentum * vw + dw", "momentum * vw + (1 - momentum) * dw")},
        "momentum 0.9",
    ),
    "valley: centring forgets the start's line": (
        "valley_numbers",
        "valley",
        "light",
        {MODULE.format("valley"): ("start.b + start.w * mean(X)", "start.b")},
        "centred",
    ),
    "backward: = instead of += at a fork": (
        "backward_numbers",
        "backward",
        "light",
        {MODULE.format("backward"): ("x.grad += locals[i] * node.grad", "x.grad = locals[i] * node.grad")},
        "grads",
    ),
    "backward: inputs visited first to last": (
        "backward_numbers",
        "backward",
        "light",
        {MODULE.format("backward"): ("[...node.inputs].reverse()", "[...node.inputs]")},
        "step",
    ),
    "boundary: relu for tanh": (
        "boundary_numbers",
        "boundary",
        "light",
        {MODULE.format("boundary"): ("Math.tanh(", "Math.max(0, ")},
        "epoch",
    ),
    "boundary: the loss of the other class": (
        "boundary_numbers",
        "boundary",
        "light",
        {MODULE.format("boundary"): ("e[data.Y[i]] / sum", "e[1 - data.Y[i]] / sum")},
        "epoch 100",
    ),
    "numbers rounded as JavaScript rounds": (
        "lr_parabola_numbers",
        "lr_parabola",
        "light",
        {MODULE.format("common"): ('if (type === "f") return fixed(x, p);', 'if (type === "f") return x.toFixed(p);')},
        "2.063",
    ),
    "explorable shown without JavaScript": (
        "without_javascript",
        "valley",
        "light",
        {PAGE.format(EXPLORABLES["valley"]): ('data-explorable="valley" hidden="hidden"', 'data-explorable="valley"')},
        "shows",
    ),
    "explorable printed": (
        "not_in_print",
        "backward",
        "light",
        {PAGE.format(EXPLORABLES["backward"]): ("figure.book-explorable { display: none; }", "x { }")},
        "printed, the explorable",
    ),
    "placeholder shown in the print edition": (
        "not_in_print",
        "valley",
        "light",
        {"**/print/": ("figure.book-explorable[hidden] { display: none; }", "x { }")},
        "print edition shows",
    ),
    "controls without labels": (
        "keyboard_and_labels",
        "lr_parabola",
        "light",
        {MODULE.format("common"): ('element("label", { for: input.id })', 'element("label", {})')},
        "without a label",
    ),
    "no focus ring": (
        "keyboard_and_labels",
        "backward",
        "light",
        {
            PAGE.format(EXPLORABLES["backward"]): (
                "</head>",
                "<style>.book-explorable :is(input, select, button):focus-visible { outline: none !important; }</style></head>",
            )
        },
        "focus",
    ),
    "nothing announced": (
        "keyboard_and_labels",
        "valley",
        "light",
        {MODULE.format("common"): ('"book-explorable-printed", "aria-live": "polite"', '"book-explorable-printed"')},
        "aria-live",
    ),
    "a control axe cannot name": (
        "axe_clean",
        "backward",
        "dark",
        {MODULE.format("backward"): ('element("label", { for: "book-backward-expression" }, "expression")', '""')},
        "select-name",
    ),
    "dim text in the dark": (
        "contrast_of_text_and_marks",
        "valley",
        "dark",
        {
            PAGE.format(EXPLORABLES["valley"]): (
                "</head>",
                "<style>.book-explorable svg text { fill: #444; }</style></head>",
            )
        },
        "text",
    ),
    "pale marks in the light": (
        "contrast_of_text_and_marks",
        "lr_parabola",
        "light",
        {
            PAGE.format(EXPLORABLES["lr_parabola"]): (
                "--book-explorable-step: #b35300;",
                "--book-explorable-step: #f5c89c;",
            )
        },
        "mark",
    ),
    "figure text too small on a phone": (
        "legible_at_390_px",
        "backward",
        "light",
        {
            PAGE.format(EXPLORABLES["backward"]): (
                "</head>",
                "<style>.book-explorable svg { font-size: 7px !important; }</style></head>",
            )
        },
        "px",
    ),
    "figure drawn small on a phone": (
        "legible_at_390_px",
        "lr_parabola",
        "light",
        {MODULE.format("common"): ("`0 0 ${width} ${height}`", "`0 0 ${3 * width} ${3 * height}`")},
        "px",
    ),
    "controls wider than a phone": (
        "legible_at_390_px",
        "valley",
        "light",
        {
            PAGE.format(EXPLORABLES["valley"]): (
                "</head>",
                "<style>.book-explorable-controls { width: 600px; }</style></head>",
            )
        },
        "wider",
    ),
}


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_each_check_catches_its_fault(breakage, browsing, server, programs):
    check_name, name, scheme, broken, mention = BREAKAGES[breakage]

    def broken_page():
        visit = visiting(browsing.contexts, server, name, scheme, broken)
        try:
            return CHECKS[check_name](visit, programs)
        except AssertionError as error:  # fence() and line_of(): what the check could not find
            return [str(error)]
        finally:
            visit.page.close()

    problems = browsing.run(broken_page)
    assert any(mention in problem for problem in problems), f"{check_name} missed: {breakage}: {problems}"


def test_every_check_is_proven_to_fail():
    assert {check for check, *_ in BREAKAGES.values()} == set(CHECKS)


# --- the build: modules only where an explorable is, from this host, within budget -------------------------

SCRIPT = re.compile(r'<script type="module" src="([^"]*assets/explorables/([\w-]+)\.js)"')
IMPORT = re.compile(r"""\bimport\b[^;]*?\bfrom\s*(["'])(.*?)\1|\bimport\s*\(""")


def explorable_problems(site, budget_kb: float = KB_GZIP) -> list[str]:
    """Per page: each placeholder's module is loaded, no module without a placeholder, the print edition
    none; modules import only modules beside them (nothing from another host, no dynamic import);
    the JavaScript a page loads for its explorables, gzipped, within the budget."""
    problems = []
    for page in sorted(site.rglob("*.html")):
        html, where = page.read_text(), page.relative_to(site).as_posix()
        hidden = set(re.findall(r'<figure\b[^>]*\bdata-explorable="([\w-]+)"[^>]*\bhidden\b', html))
        placed = set(re.findall(r'data-explorable="([\w-]+)"', html))
        loaded = {name for _, name in SCRIPT.findall(html)}
        if placed != hidden:
            problems.append(f"{where}: an explorable placeholder that is not hidden: {sorted(placed - hidden)}")
        if where.startswith("print/"):
            problems += [f"{where}: the print edition loads {sorted(loaded)}"] if loaded else []
            continue
        if loaded != placed:
            problems.append(f"{where}: explorables {sorted(placed)}, modules loaded {sorted(loaded)}")
        modules, queue = set(), [f"{name}.js" for name in loaded]
        while queue:
            module = queue.pop()
            if module in modules:
                continue
            modules.add(module)
            for quote, target in IMPORT.findall((site / "assets" / "explorables" / module).read_text()):
                if not quote or not re.fullmatch(r"\./[\w-]+\.js", target):
                    problems.append(f"{module}: imports {target or 'with import()'}: only ./NAME.js, beside it")
                else:
                    queue.append(target[2:])
        weight = sum(len(gzip.compress((site / "assets" / "explorables" / m).read_bytes(), 9)) for m in modules)
        if weight > budget_kb * 1024:
            problems.append(f"{where}: {weight / 1024:.1f} KB of explorable JavaScript gzipped, over {budget_kb} KB")
    return problems


def test_explorables_load_only_where_shown_and_within_budget(site):
    assert not explorable_problems(site)
    shown = {
        page: re.findall(r'data-explorable="([\w-]+)"', (site / page / "index.html").read_text())
        for page in EXPLORABLES.values()
    }
    assert shown == {page: [name] for name, page in EXPLORABLES.items()}
    assert {p.stem for p in MODULES.glob("*.js")} == {*EXPLORABLES, "common"}, "a module that no page shows"


def test_the_build_check_fails_on_a_heavy_module_a_foreign_import_and_a_stray_script(site, tmp_path):
    for part in ("assets/explorables", "curvature", "engine", "print"):
        shutil.copytree(site / part, tmp_path / part)
    valley = tmp_path / "assets" / "explorables" / "valley.js"
    valley.write_text(valley.read_text() + "\n// " + random.Random(0).randbytes(40_000).hex())
    backward = tmp_path / "assets" / "explorables" / "backward.js"
    backward.write_text('import { x } from "https://cdn.example/x.js";\n' + backward.read_text())
    printed = tmp_path / "print" / "index.html"
    printed.write_text(
        printed.read_text().replace(
            "</body>", '<script type="module" src="../assets/explorables/valley.js"></script></body>'
        )
    )
    problems = "\n".join(explorable_problems(tmp_path))
    assert "over 30 KB" in problems and "cdn.example" in problems and "print edition loads" in problems, problems


def test_an_explorable_without_its_module_fails_the_build():
    """hooks/explorables.py, called as mkdocs calls it: a placeholder whose module is missing is an error."""
    page = SimpleNamespace(file=SimpleNamespace(src_uri="chapter.md"))
    files = SimpleNamespace(get_file_from_path=lambda path: path == "assets/explorables/valley.js" or None)
    content = '<figure class="book-explorable" data-explorable="valley" hidden></figure>'
    assert explorables.on_page_content(content, page, None, files) == content
    with pytest.raises(PluginError, match="chapter.md: no module assets/explorables/vally.js"):
        explorables.on_page_content(content.replace("valley", "vally"), page, None, files)
