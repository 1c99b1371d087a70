"""Chapter 11 (docs/digits.md): the claims its prose makes about its programs.

The digits ship inside scikit-learn: every program of the chapter runs in a Python whose sockets refuse to
connect, and prints what the page shows. A canary connection to a server of the test's own, which succeeds
when the block is off, shows that the block is on.
"""

import ast
import importlib.resources
import json
import math
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
import torch
from sklearn.metrics import confusion_matrix
from torch.utils.data import DataLoader

from tests.docs_harness import DocsHarness, normalized

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = sorted(
    p.stem for pattern in ("digits_*.py", "figure_digits_*.py") for p in (ROOT / "snippets").glob(pattern)
)

# Loaded first by every Python started with this folder on PYTHONPATH: each way out to the network raises,
# and leaves a line in the log first, so that a program that catches the error is caught too.
SITECUSTOMIZE = textwrap.dedent("""
    import os
    import socket

    def refuse(*args, **kwargs):
        with open(os.environ["BOOK_NETWORK_LOG"], "a") as log:
            log.write(f"a connection: {args!r}\\n")
        raise ConnectionRefusedError("the network is blocked (tests/test_digits.py)")

    socket.socket.connect = socket.socket.connect_ex = refuse
    socket.socket.sendto = socket.socket.sendmsg = refuse
    socket.create_connection = socket.getaddrinfo = refuse
""")
# Runs each program as a reader would (its own empty folder, __main__), then the canary.
DRIVER = textwrap.dedent("""
    import contextlib, io, json, os, runpy, socket, sys, tempfile
    printed = {}
    for path in sys.argv[2:]:
        with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):
            with contextlib.redirect_stdout(io.StringIO()) as out:
                runpy.run_path(path, run_name="__main__")
        printed[os.path.basename(path)[:-3]] = out.getvalue()
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10).close()
        canary = "connected"
    except OSError as error:
        canary = f"refused: {error}"
    print(json.dumps({"printed": printed, "canary": canary}))
""")


@pytest.fixture(scope="module")
def port():
    """A local server that accepts connections (the kernel completes them): the canary's target."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        yield server.getsockname()[1]


def run_offline(folder: Path, port: int, names=(), blocked=True) -> tuple[dict, str, Path]:
    """(what the driver reports, the block's log, sklearn's data folder) of the programs run in a fresh Python."""
    site = folder / "site"
    site.mkdir()
    if blocked:
        (site / "sitecustomize.py").write_text(SITECUSTOMIZE)
    log, data_home = folder / "network.log", folder / "scikit_learn_data"
    env = {
        **os.environ,
        "PYTHONPATH": str(site),  # nothing of this repository, as for a reader
        "BOOK_NETWORK_LOG": str(log),
        "SCIKIT_LEARN_DATA": str(data_home),  # where sklearn would keep what it downloads
        "MPLBACKEND": "Agg",
    }
    paths = [str(ROOT / "snippets" / f"{name}.py") for name in names]
    run = subprocess.run(
        [sys.executable, "-c", DRIVER, str(port), *paths], cwd=folder, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, f"a program failed with the network blocked:\n{run.stderr}"
    return json.loads(run.stdout.splitlines()[-1]), log.read_text() if log.exists() else "", data_home


def test_the_block_refuses_a_connection_that_succeeds_without_it(tmp_path, port):
    (tmp_path / "open").mkdir()
    (tmp_path / "blocked").mkdir()
    report, log, _ = run_offline(tmp_path / "open", port, blocked=False)
    assert report["canary"] == "connected" and not log
    report, log, _ = run_offline(tmp_path / "blocked", port)
    assert report["canary"].startswith("refused: the network is blocked") and log.count("a connection") == 1


def test_every_program_runs_offline_and_prints_what_the_page_shows(tmp_path, port):
    report, log, data_home = run_offline(tmp_path, port, PROGRAMS)
    assert report["canary"].startswith("refused"), "the block was off: this run proves nothing"
    assert log.count("a connection") == 1, f"a program tried the network:\n{log}"  # the canary's, only
    assert not data_home.exists(), "scikit-learn stored data: it downloaded something"
    shown = {Path(b.origin[0][0]).stem: b.output for b in DocsHarness(ROOT).blocks() if b.whole_file}
    for name in PROGRAMS:
        assert normalized(report["printed"][name]) == normalized(shown[name] or ""), name


def test_the_data_file_is_part_of_the_scikit_learn_package(program):
    assert (importlib.resources.files("sklearn.datasets") / "data" / "digits.csv.gz").is_file()
    ns = program("digits_data")
    X, Y, N, d = ns["X"], ns["Y"], ns["N"], ns["d"]
    assert (N, d, ns["C"]) == (1797, 64, 10) and Y.shape == (N,) and Y.dtype == np.int64
    assert X.min() == 0 and X.max() == 16 and np.array_equal(X, X.round())
    assert ns["classes"].tolist() == list(range(10)) and ns["counts"].sum() == N
    assert ns["counts"].max() - ns["counts"].min() < 0.06 * ns["counts"].mean()  # "about as many of each"


def test_the_split_is_seeded_disjoint_and_complete(program):
    first, again = program("digits_dataset"), program("digits_dataset")
    train, val, test, N = first["train"], first["val"], first["test"], first["N"]
    assert np.array_equal(first["order"], again["order"])
    assert sorted([*train, *val, *test]) == list(range(N))  # every sample in exactly one set
    assert [len(train), len(val), len(test)] == [round(0.6 * N), round(0.2 * N), N - round(0.6 * N) - round(0.2 * N)]
    assert first["X"].min() == 0 and first["X"].max() == 1


def test_the_dataset_is_len_and_getitem_and_the_loader_is_seeded(program):
    ns = program("digits_dataset")
    dataset, batches = ns["train_set"], ns["batches"]
    assert len(dataset) == len(ns["train"]) and len(batches) == math.ceil(len(dataset) / batches.batch_size)
    x, y = dataset[5]
    assert x.shape == (64,) and x.dtype == torch.float32 and y.dtype == torch.int64
    assert torch.equal(x, ns["ready_made"][5][0]) and y == ns["ready_made"][5][1]

    def epoch(loader):
        return torch.cat([Y_batch for _, Y_batch in loader])

    def seeded():
        return DataLoader(dataset, batch_size=32, shuffle=True, generator=torch.Generator().manual_seed(0))

    assert batches.generator is not None and torch.equal(epoch(seeded()), epoch(seeded()))  # the seed fixes the order
    assert not torch.equal(epoch(batches), epoch(batches))  # a new order every epoch
    assert sorted(epoch(batches).tolist()) == sorted(dataset.Y.tolist())  # each sample once per epoch


@pytest.fixture
def forward_inputs():
    """The input of every call of an nn.Sequential while the test runs, in order."""
    inputs = []

    def record(module, args):
        if isinstance(module, torch.nn.Sequential):
            inputs.append(args[0])

    handle = torch.nn.modules.module.register_module_forward_pre_hook(record)
    yield inputs
    handle.remove()


def log_lines(printed):
    return [line.split() for line in printed.splitlines()[1:]]


def test_the_log_measures_each_set_of_weights_before_updating_them(program, capsys, forward_inputs):
    ns = program("digits_train")
    lines = log_lines(capsys.readouterr().out)
    assert len(lines) == ns["n_epochs"] + 1 and [int(line[0]) for line in lines] == list(range(ns["n_epochs"] + 1))
    first_loss, last = float(lines[0][1]), lines[-1]
    assert abs(first_loss - math.log(ns["C"])) < 0.05  # the untrained network: near ln C
    torch.manual_seed(0)  # the program's initial weights
    nn = torch.nn
    untrained = nn.Sequential(nn.Linear(ns["d"], ns["K"]), nn.Tanh(), nn.Linear(ns["K"], ns["C"]))
    assert [type(layer) for layer in untrained] == [type(layer) for layer in ns["model"]]
    with torch.no_grad():
        assert f"{ns['loss_fn'](untrained(ns['X_train']), ns['Y_train']).item():.4f}" == lines[0][1]
    # the last line is the weights the program ends with: no update after it
    assert [last[1], last[3]] == [f"{ns['train_loss']:.4f}", f"{ns['val_loss']:.4f}"]
    assert ns["evaluate"](ns["model"], ns["X_val"], ns["Y_val"])[0] == ns["val_loss"]
    assert float(last[1]) < float(lines[0][1]) / 5 and ns["val_acc"] > 0.9
    test_inputs = ns["X"][ns["test"]]
    assert not any(x.shape == test_inputs.shape and torch.equal(x, test_inputs) for x in forward_inputs)


def test_validation_chooses_and_the_test_set_is_measured_once_at_the_end(program, capsys, forward_inputs):
    trained = program("digits_train")
    forward_inputs.clear()
    ns = program("digits_choose")
    assert ns["best_lr"] == max(ns["val_acc"], key=ns["val_acc"].get) == 1.0
    assert ns["val_acc"][0.1] == trained["val_acc"]  # the candidate 0.1 is digits_train.py's run
    tested = [i for i, x in enumerate(forward_inputs) if x.shape == ns["X_test"].shape and torch.equal(x, ns["X_test"])]
    assert tested == [len(forward_inputs) - 1], "the test set is measured once, after everything else"
    assert ns["test_acc"] >= 0.95


def test_the_confusion_matrix_is_sklearns_and_adds_up_to_the_accuracy(program):
    ns = program("digits_choose")
    confusion, Y_test, predicted = ns["confusion"], ns["Y_test"].numpy(), ns["predicted"].numpy()
    assert np.array_equal(confusion, confusion_matrix(Y_test, predicted, labels=range(ns["C"])))
    assert confusion.sum() == len(ns["test"]) and np.array_equal(confusion.sum(1), np.bincount(Y_test))
    assert confusion.trace() / confusion.sum() == pytest.approx(ns["test_acc"])
    right = confusion.diagonal() / confusion.sum(1)
    assert right[ns["hardest"]] == right.min() and confusion[ns["hardest"]].sum() > confusion[ns["hardest"]].max()


def test_the_mistakes_figure_shows_the_chosen_networks_mistakes(program, capsys):
    chosen = program("digits_choose")
    ns = program("figure_digits_mistakes")
    assert ns["lr"] == chosen["best_lr"]  # the rate the validation set chose, not another
    assert torch.equal(ns["predicted"], chosen["predicted"])
    assert len(ns["wrong"]) == len(chosen["test"]) - chosen["confusion"].trace()
    assert all(
        chosen["Y"][i] != p for i, p in zip(ns["wrong"], ns["predicted"][ns["predicted"] != ns["Y"][ns["test"]]])
    )


def test_raw_pixels_saturate_the_untrained_network(program, capsys):
    program("digits_scaling")
    scaled, raw = (line.split() for line in capsys.readouterr().out.splitlines()[1:])
    assert float(scaled[2].rstrip("%")) == 0 and float(raw[2].rstrip("%")) > 50
    assert abs(float(raw[1]) - math.log(10)) > 5 * abs(float(scaled[1]) - math.log(10))
    assert float(raw[5]) > float(scaled[5])  # the first layer's gradient grows more


def test_too_large_a_rate_saturates_the_hidden_units(program, capsys):
    ns = program("digits_lr_too_large")
    lines = log_lines(capsys.readouterr().out)
    assert len(lines) == ns["n_updates"] + 1
    loss, acc, saturated = ([float(line[i].rstrip("%")) for line in lines] for i in (1, 2, 3))
    assert loss[2] < loss[0] < loss[-1] / 5 and saturated[0] == 0 and saturated[-1] > 80 and acc[-1] < 15


def test_the_chapters_split_is_seed_0_of_the_splits(program, capsys):
    chosen = program("digits_choose")
    ns = program("digits_splits")
    assert ns["test_accs"][0] == chosen["test_acc"]
    assert min(ns["test_accs"]) < max(ns["test_accs"])


def test_the_programs_use_the_test_set_only_after_choosing():
    """Read from the code: digits_train.py never reads the test set; digits_choose.py only after best_lr."""

    def reads(name, variable):
        tree = ast.parse((ROOT / "snippets" / f"{name}.py").read_text())
        return [
            n.lineno
            for n in ast.walk(tree)
            if isinstance(n, ast.Name) and n.id == variable and isinstance(n.ctx, ast.Load)
        ]

    assert not reads("digits_train", "test")
    tree = ast.parse((ROOT / "snippets" / "digits_choose.py").read_text())
    chosen = next(
        n.lineno for n in ast.walk(tree) if isinstance(n, ast.Assign) and ast.unparse(n.targets[0]) == "best_lr"
    )
    assert reads("digits_choose", "X_test") and min(reads("digits_choose", "X_test")) > chosen
    assert not reads("figure_digits_learning_rates", "test")  # the learning curves: training and validation only


def test_the_test_accuracy_is_within_the_noise_of_the_validation_accuracy(program, capsys):
    ns = program("digits_choose")
    printed = capsys.readouterr().out
    acc, n = ns["test_acc"], len(ns["test"])
    se = math.sqrt(acc * (1 - acc) / n)  # the standard error of a share measured on n samples
    assert ns["se"] == pytest.approx(se) and f"standard error {se:.1%}" in printed
    assert f"{ns['n_right']} of {n}" in printed and ns["n_right"] == round(acc * n)
    val_acc = ns["val_acc"][ns["best_lr"]]
    val_se = math.sqrt(val_acc * (1 - val_acc) / len(ns["val"]))
    assert abs(acc - val_acc) < 1.5 * math.sqrt(se**2 + val_se**2)  # about one standard error apart: noise


def test_the_hardest_class_is_misread_once_as_each_of_two_classes(program, capsys):
    ns = program("digits_choose")
    confusion, hardest = ns["confusion"], ns["hardest"]
    row = confusion[hardest]
    others = [c for c in np.flatnonzero(row) if c != hardest]
    assert len(others) == row.sum() - row[hardest] == 2 and all(row[c] == 1 for c in others)


def test_the_learning_curves_are_the_candidates_of_digits_choose(program, capsys):
    chosen = program("digits_choose")
    capsys.readouterr()
    ns = program("figure_digits_learning_rates")
    printed = capsys.readouterr().out.splitlines()
    curves = ns["curves"]
    assert list(curves) == list(chosen["models"])
    for lr, (losses, accs) in curves.items():
        assert len(losses) == len(accs) == chosen["n_epochs"] + 1
        assert accs[-1] == chosen["val_acc"][lr]  # measuring each epoch does not change the training
    # lr = 0.1 is digits_train.py's run: its log, epoch by epoch
    capsys.readouterr()
    program("digits_train")
    log = log_lines(capsys.readouterr().out)
    assert [f"{loss:.4f}" for loss in curves[0.1][0]] == [line[1] for line in log]
    rose = {lr: [e for e in range(1, len(losses)) if losses[e] > losses[e - 1]] for lr, (losses, _) in curves.items()}
    assert not rose[0.01] and not rose[0.1] and rose[1.0] == [5, 7, 8]
    assert printed[-1].endswith(f"training loss rose at epochs {rose[1.0]}")
    # The spike: the largest rise; after it, the validation set would have chosen lr = 0.1
    spike = int(np.argmax(np.diff(curves[1.0][0]))) + 1
    at_spike = {lr: accs[spike] for lr, (_, accs) in curves.items()}
    assert max(at_spike, key=at_spike.get) == 0.1 and abs(at_spike[1.0] - at_spike[0.01]) < 0.01  # level
    assert curves[1.0][1][spike - 1] > 0.9 and curves[1.0][1][spike + 1] > 0.9  # before and after: recovered
