"""Run programs as a reader would: a fresh process, an empty folder, warnings as errors.

tests/test_snippets.py starts this module's main() once per simulated machine (its own hash seed,
HOME, temporary folder and CPU count). That process runs every program in processes forked from a
forkserver that imported numpy, torch and matplotlib once (and nothing of this book), so each
program starts in milliseconds, not seconds, in a process no other program ran in.
"""

import atexit
import contextlib
import functools
import gc
import io
import json
import logging
import multiprocessing
import os
import platform
import re
import runpy
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import traceback
import warnings
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextlib.contextmanager
def print_only(stdout: io.StringIO, program: str):
    """Capture print in stdout; yield a list that, afterwards, names all output that went around it.

    A reader also sees sys.stderr (logging's too), writes to file descriptors 1 and 2 (os.write,
    sys.__stdout__, subprocesses), what the program's exit functions print when it ends (program: the
    file name its code runs under; libraries may register theirs), what threads it leaves running
    print later, and the warnings Python prints for objects that fail as they are freed (an unclosed
    file). No page shows or checks those. Garbage it leaves is collected inside the capture, so a
    finalizer's print (__del__, weakref.finalize) counts as the program's; os._exit raises SystemExit."""
    around, stderr, exit_functions, freed, ours = [], io.StringIO(), [], [], [threading.current_thread()]
    register, unraisable, exit_now, start = atexit.register, sys.unraisablehook, os._exit, threading.Thread.start
    handlers, pid, timed = logging.root.handlers, os.getpid(), timers()
    with tempfile.TemporaryFile() as sink:
        for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
            stream and stream.flush()
        saved = os.dup(1), os.dup(2)
        os.dup2(sink.fileno(), 1)
        os.dup2(sink.fileno(), 2)

        def register_from(function, *args, **kwargs):
            if sys._getframe(1).f_code.co_filename != program:
                return register(function, *args, **kwargs)
            exit_functions.append(function)
            return function

        def exit_at_once(status):
            if os.getpid() != pid:  # a forked child (multiprocessing) ends as it should
                exit_now(status)
            raise SystemExit(f"os._exit({status}) would end the process here, and every check after it")

        def start_from(thread):  # threads started by the program, or by its threads
            if threading.current_thread() in ours:
                ours.append(thread)
            start(thread)

        atexit.register, os._exit, threading.Thread.start = register_from, exit_at_once, start_from
        sys.unraisablehook = lambda u: freed.append(f"{type(u.exc_value).__name__}: {u.exc_value}")
        logging.root.handlers = []  # as in a fresh process: logging.warning() prints to sys.stderr, not to pytest
        gc.freeze()  # the collection below then looks at the program's objects only (a full one takes 0.1 s)
        try:
            with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
                yield around
                printed = len(stdout.getvalue())
                gc.collect()
                if stdout.getvalue()[printed:]:
                    around.append(
                        "it prints when the garbage collector frees its objects (__del__, weakref.finalize), "
                        f"at a moment no output fence can show:\n{stdout.getvalue()[printed:]}"
                    )
                running = [thread for thread in ours[1:] if thread.is_alive()]
                for thread in running:
                    thread.join(timeout=1)  # what it prints soon lands in this capture
                if running:
                    names = [thread.name for thread in running]
                    around.append(f"it leaves threads {names} running, whose output would come after its output fence")
                if armed(timers()) != armed(timed):
                    around.append(
                        "it sets a timer or a signal handler (signal.setitimer, signal.signal): what it "
                        "prints would come after its output fence"
                    )
        finally:
            atexit.register, os._exit, threading.Thread.start = register, exit_now, start
            sys.unraisablehook, logging.root.handlers = unraisable, handlers
            gc.unfreeze()
            if armed(timers()) != armed(timed):  # reported above: stopped, so that nothing fires in a later check
                restore_timers(timed)
            for stream in (sys.__stdout__, sys.__stderr__):
                stream and stream.flush()
            for fd, copy in zip((1, 2), saved):
                os.dup2(copy, fd)
                os.close(copy)
            sink.seek(0)
            written = sink.read().decode(errors="replace")
    if stderr.getvalue():
        around.append(f"it writes to sys.stderr, which no output fence shows:\n{stderr.getvalue()}")
    if written:
        around.append(f"it writes around print (os.write, sys.__stdout__, a subprocess):\n{written}")
    if exit_functions:
        names = [getattr(f, "__qualname__", repr(f)) for f in exit_functions]
        around.append(f"it registers exit functions {names} (atexit): what they print comes after every check")
    around += [f"{warning}: close files (with open(...) as f)" for warning in freed]


TIMERS = [
    (signal.ITIMER_REAL, signal.SIGALRM),
    (signal.ITIMER_VIRTUAL, signal.SIGVTALRM),
    (signal.ITIMER_PROF, signal.SIGPROF),
]


def timers() -> list:
    """The interval timers and the handlers of their signals: a program that sets one prints later."""
    return [(signal.getitimer(timer), signal.getsignal(number)) for timer, number in TIMERS]


def armed(saved: list) -> list:
    """What `timers()` says that does not change by itself: whether each timer is armed (the time it has
    left shrinks between two calls), its period, its handler."""
    return [(delay > 0, interval, handler) for (delay, interval), handler in saved]


def restore_timers(saved: list):
    for (timer, number), (interval, handler) in zip(TIMERS, saved):
        signal.setitimer(timer, *interval)
        signal.signal(number, handler)


# A warning as an output fence titled "Output and warning" shows it: `Category: message`, on one line.
WARNING_LINE = re.compile(r"^[A-Z]\w*Warning: .*$\n?", re.MULTILINE)


@contextlib.contextmanager
def warnings_shown(stream):
    """Warnings as a reader sees them when the warning is the lesson: each one once, where it fires.

    Python and PyTorch show most warnings once per place or per process; a reader sees them on the
    terminal between the printed lines. Here each goes into stream as one line `Category: message`
    (PyTorch's "(Triggered internally at ...)" source location cut), so the output fence shows it."""
    seen = set()

    def show(message, category, *args, **kwargs):
        line = f"{category.__name__}: {' '.join(str(message).split(' (Triggered internally')[0].split())}"
        if line not in seen:
            seen.add(line)
            stream.write(line + "\n")

    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = show
        yield


def on_this_machine() -> None:
    """BOOK_CPU_COUNT=N: pretend to be another machine (tests/test_snippets.py's), with N cores, and a name,
    architecture, and torch threads and CPU capability of its own (a program that prints them fails)."""
    if "BOOK_CPU_COUNT" in os.environ:
        count = int(os.environ["BOOK_CPU_COUNT"])
        os.cpu_count = multiprocessing.cpu_count = lambda: count
        os.sched_getaffinity = lambda pid: set(range(count))
        import torch  # every program and page imports it anyway; first, so that it sees the real machine

        torch.get_num_threads = torch.get_num_interop_threads = lambda: count
        torch.backends.cpu.get_cpu_capability = lambda: "ANOTHER"
        name, machine = "another-machine", "another-architecture"
        real = os.uname()
        uname = os.uname_result((real.sysname, name, real.release, real.version, machine))
        os.uname, socket.gethostname = lambda: uname, lambda: name
        platform._uname_cache = platform.uname()._replace(node=name, machine=machine)  # what platform.* reads


def run_alone(path: str, shows_warnings: bool = False) -> tuple[str, str]:
    """(what the program printed, what went wrong or ""); shows_warnings: its page shows its warnings."""
    for name in [m for m in sys.modules if m == "tests" or m.startswith("tests.")]:
        del sys.modules[name]  # unpickling this function imported them: the program must not find them
    on_this_machine()
    printed = io.StringIO()
    with tempfile.TemporaryDirectory() as folder:
        copy = shutil.copy(path, folder)
        os.chdir(folder)
        # As for `python copy.py`: the program's folder first, and nothing of this repository.
        sys.path[:] = [folder, *(p for p in sys.path if p and Path(p).resolve() != ROOT)]
        sys.argv = [copy]
        warnings.simplefilter("error")
        before = set(sys.modules)
        try:
            with (
                print_only(printed, copy) as around,
                warnings_shown(printed) if shows_warnings else contextlib.nullcontext(),
            ):
                runpy.run_path(copy, run_name="__main__")
        except BaseException:
            return printed.getvalue(), traceback.format_exc()
    ours = sorted(name for name in set(sys.modules) - before if is_ours(name))
    if ours:
        around.append(f"it imports {ours} from this repository, which a reader's copy lacks")
    return printed.getvalue(), "\n".join(around)


def is_ours(module: str) -> bool:
    """Is the module this repository's code (not a package installed in its .venv)?"""
    path = Path(getattr(sys.modules[module], "__file__", None) or "/").resolve()
    return path.is_relative_to(ROOT) and not path.is_relative_to(Path(sys.prefix).resolve())


def start(paths: list[str], folder: Path, env: dict[str, str], showing_warnings=()):
    """Run the programs on a machine of their own (env, HOME and temporary folder in `folder`).

    showing_warnings names the programs whose page shows their warnings (see warnings_shown).
    Returns a function that waits for them: program name -> (printed, what went wrong)."""
    (folder / "home").mkdir(parents=True)
    (folder / "tmp").mkdir()
    out = folder / "runs.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(folder / "home"), "TMPDIR": str(folder / "tmp"), **env}
    env["BOOK_SHOWING_WARNINGS"] = ",".join(showing_warnings)
    # -c, not -m: forkserver's processes would run a -m module again as __mp_main__ (and warn about it)
    command = [sys.executable, "-c", "import sys; from tests.run_alone import main; main(*sys.argv[1:])"]
    process = subprocess.Popen([*command, str(out), *paths], cwd=folder, env=env)
    atexit.register(process.kill)  # the tests stopped early: no run left behind

    @functools.cache
    def runs() -> dict[str, list[str]]:
        if process.wait() or not out.exists():
            raise RuntimeError(f"tests/run_alone.py exited with {process.returncode}")
        return json.loads(out.read_text())

    return runs


def main(out: str, *paths: str):
    context = multiprocessing.get_context("forkserver")
    # What every program would import anyway, once: torch._dynamo too (the first optimizer step imports
    # it: 1.3 s a program) and matplotlib.pyplot; together ~30 CPU-s less per machine, outputs the same.
    # matplotlib.font_manager: on a machine's first use it builds the font cache, and after 5 s says so
    # on stderr. That is the machine's set-up, once, not the output of the program that happened to be
    # first (the programs still import matplotlib themselves).
    preload = ["numpy", "torch", "torch._dynamo", "matplotlib.pyplot", "matplotlib.font_manager", "tests.run_alone"]
    context.set_forkserver_preload(preload)
    with ProcessPoolExecutor(2, mp_context=context, max_tasks_per_child=1) as pool:
        showing = set(os.environ.get("BOOK_SHOWING_WARNINGS", "").split(","))
        futures = {Path(path).stem: pool.submit(run_alone, path, Path(path).stem in showing) for path in paths}
        runs = {}
        for name, future in futures.items():
            try:
                runs[name] = future.result(timeout=300)
            except Exception as error:  # the process died (os._exit, a crash) or hung
                runs[name] = ("", f"its process did not finish: {type(error).__name__}: {error}")
    Path(out).write_text(json.dumps(runs))


if __name__ == "__main__":
    main(*sys.argv[1:])
