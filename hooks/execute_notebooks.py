"""Run by hooks/notebooks.py in a process of its own: execute notebooks, all at once, each in a fresh
kernel in an empty folder, as a reader's Jupyter would.

argv: SOURCE TARGET pairs; each executed notebook is written to TARGET (only if every cell ran).
A cell that raises: the program it comes from and the kernel's traceback on stderr, exit status 1.

A kernel spends ~3.5 CPU-s importing ipykernel, numpy, torch (and torch._dynamo, which the first
optimizer step imports) and matplotlib, the same for every notebook. So a kernel server (this file
with --serve) imports them once, and nothing of this book, and each kernel is a process forked from
it: a fresh namespace, its own folder, counts 1, 2, 3, ... as before, ready in a fraction of a second.
nbclient drives the kernels as usual; their command is a shim (`python -S`, milliseconds) that hands
the server its arguments, folder, environment and standard streams over a Unix socket, then exits
with its kernel's status. The server kills a kernel whose shim was killed; kernels die with the
server, and the server with this process (Linux's PR_SET_PDEATHSIG): a failed or killed build leaves
no process behind. All of this is Linux's (prctl, pidfd): elsewhere (an author's Mac) each kernel
starts cold, as jupyter_client starts it.
"""

import asyncio
import atexit
import contextlib
import ctypes
import gc
import importlib.util
import json
import os
import re
import selectors
import signal
import socket
import subprocess
import sys
import tempfile

# The kernel command, in place of `python -m ipykernel_launcher ARGS`: it sends the server what a kernel
# started here would have (arguments, folder, environment, standard streams), gets the kernel's pid and
# passes on the signals jupyter_client sends (SIGINT before every shutdown), then exits with the kernel's
# status (1 if the server ended). -S: no site-packages to read, so it starts in milliseconds.
SHIM = """\
import json, os, signal, socket, sys
kernel = None
for number in (signal.SIGINT, signal.SIGTERM):
    signal.signal(number, lambda number, _: kernel and os.killpg(kernel, number))
server = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
server.connect(sys.argv[1])
socket.send_fds(server, [json.dumps([sys.argv[2:], os.getcwd(), dict(os.environ)]).encode()], [0, 1, 2])
kernel = int(server.recv(16) or 0)
sys.exit(int(server.recv(16) or 1))
"""
# The kernels' IPython profile (IPYTHONDIR, a folder of this run's), not the teaching code: the downloads
# stay as written, and their outputs show what the chapters show.
# - Figures: SVG (crisp at any width), with no white figure or axes background, so they read on the dark
#   scheme too (nbconvert shows them as images).
# - Warnings as the chapters' "Output and warning" fences show them (tests/run_alone.py): one line
#   `Category: message`, with no path of this machine (the file and line, the kernel's temporary cell
#   file, PyTorch's "(Triggered internally at ...)"), and where they fire: what the cell printed before
#   is sent first (Jupyter's stdout and stderr are buffered apart, and arrived stdout first).
KERNEL_CONFIG = """\
c.InlineBackend.figure_formats = {"svg"}
c.InlineBackend.rc = {"figure.facecolor": "none", "axes.facecolor": "none", "savefig.facecolor": "none"}
c.InlineBackend.print_figure_kwargs = {"bbox_inches": "tight", "facecolor": "none"}
c.InteractiveShellApp.exec_lines = [r'''
def _book_show_warning(message, category, *where, **more):
    import sys
    sys.stdout.flush()
    text = " ".join(str(message).split(" (Triggered internally")[0].split())
    sys.stderr.write(f"{category.__name__}: {text}\\n")
    sys.stderr.flush()
__import__("warnings").showwarning = _book_show_warning
del _book_show_warning
''']
"""
PR_SET_PDEATHSIG = 1  # linux/prctl.h
FORKING = sys.platform == "linux" and hasattr(os, "pidfd_open")


def coalesced(outputs: list) -> list:
    merged = []
    for out in outputs:
        last = merged[-1] if merged else None
        if out.output_type == "stream" and last and last.output_type == "stream" and last.name == out.name:
            last.text += out.text
        else:
            merged.append(out)
    return merged


async def execute(source: str, target: str, server: str | None) -> str:
    # Imported here, not at the top: the kernel server runs this file too, and a kernel forked from it
    # must hold no module that a fresh kernel would not (nbformat alone brings jsonschema and ~90 more).
    import nbformat
    from jupyter_client.manager import AsyncKernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    class ForkedKernel(AsyncKernelManager):
        def format_kernel_cmd(self, extra_arguments=None):
            python, _, _, *args = super().format_kernel_cmd(extra_arguments)  # python -m ipykernel_launcher
            return [python, "-S", "-c", SHIM, server, *args]

    notebook = nbformat.read(source, as_version=4)
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as sockets:
        # Over Unix sockets, not TCP: a free port that jupyter_client picks can be taken before its kernel
        # binds it when eight kernels start at once ("Address already in use": 1 cold build in 10).
        manager = ForkedKernel if server else AsyncKernelManager
        kernel = manager(kernel_name="python3", transport="ipc", ip=os.path.join(sockets, "kernel"))
        client = NotebookClient(
            notebook, km=kernel, timeout=600, record_timing=False, resources={"metadata": {"path": folder}}
        )
        try:
            await client.async_execute()
        except CellExecutionError as error:
            failed = next(c for c in notebook.cells if any(o.output_type == "error" for o in c.get("outputs", [])))
            message = re.sub(r"\x1b\[[0-9;]*m", "", str(error))  # the kernel's traceback comes in colour
            return f"{os.path.basename(source)}: a cell of {failed.metadata['snippet']} raised:\n{message}"
    for cell in notebook.cells:  # how a program's output comes in chunks varies: one stream each, as printed
        if cell.cell_type == "code":
            cell.outputs = coalesced(cell.outputs)
    nbformat.write(notebook, f"{target}.{os.getpid()}")
    os.replace(f"{target}.{os.getpid()}", target)  # at once: a build reading the cache never sees half of it
    return ""


def die_with_parent(parent: int) -> None:
    """SIGKILL this process when its parent ends, however it ends (even killed: no atexit runs then)."""
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it ended before the prctl
        os._exit(1)


def warm_up() -> None:
    """Import what every kernel imports (and nothing of this book), starting no thread and no zmq context."""
    # ipykernel sets this before a notebook can import matplotlib, which reads it at import: the kernels
    # still draw with the inline backend. pyplot, which picks the backend, is not imported here; the
    # figure and font modules it imports are (0.2 CPU-s a kernel).
    if not os.environ.get("MPLBACKEND"):
        os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    import ipykernel.ipkernel  # noqa: F401
    import ipykernel.kernelapp  # noqa: F401
    import matplotlib.figure  # noqa: F401
    import numpy  # noqa: F401
    import torch._dynamo  # noqa: F401  (torch's first optimizer step imports it: 1.3 s)


def serve(listener: socket.socket, parent: int) -> tuple[list, str, dict, list[int]]:
    """The kernel server: fork a kernel for each shim that connects. Returns only in a kernel, with
    what its shim sent: (kernel arguments, folder, environment, standard streams)."""
    die_with_parent(parent)
    warm_up()
    gc.freeze()  # the imports' objects: a kernel's collections skip them instead of copying their pages
    with selectors.DefaultSelector() as selector, listener:
        selector.register(listener, selectors.EVENT_READ)
        while True:
            key, _ = selector.select()[0]  # one at a time: handling one event may close another's socket
            if key.fileobj is listener:
                shim, _ = listener.accept()
                request, fds, _, _ = socket.recv_fds(shim, 1 << 20, 3)
                if not request:  # killed as it started
                    shim.close()
                    continue
                server = os.getpid()
                if (pid := os.fork()) == 0:
                    die_with_parent(server)
                    for other in [*selector.get_map().values()]:  # the server's sockets and pidfds stay its own
                        if isinstance(other.fileobj, socket.socket):
                            other.fileobj.close()
                        else:
                            os.close(other.fd)
                    shim.close()
                    return *json.loads(request), fds
                for fd in fds:
                    os.close(fd)
                with contextlib.suppress(OSError):  # the shim was killed just now: its kernel goes below
                    shim.send(str(pid).encode())
                selector.register(shim, selectors.EVENT_READ, pid)  # readable only once the shim is gone
                selector.register(os.pidfd_open(pid), selectors.EVENT_READ, (pid, shim))
            elif isinstance(key.data, int):  # jupyter_client killed the shim: the kernel goes too
                selector.unregister(key.fileobj)
                os.kill(key.data, signal.SIGKILL)
            else:  # a kernel ended: its shim, if still there, exits with the kernel's status
                (pid, shim), pidfd = key.data, key.fd
                selector.unregister(pidfd)
                os.close(pidfd)
                code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
                if shim in selector.get_map():
                    selector.unregister(shim)
                    with contextlib.suppress(OSError):  # killed just now
                        shim.send(str(code if code >= 0 else 128 - code).encode())
                shim.close()


def start_kernel(args: list[str], folder: str, env: dict, streams: list[int]) -> None:
    """In a forked kernel: become what jupyter_client would have started, `python -m ipykernel_launcher ARGS`."""
    os.setsid()  # a session of its own, as jupyter_client starts a kernel: the shim signals its group
    for fd, standard in zip(streams, (0, 1, 2)):
        os.dup2(fd, standard)
        os.close(fd)
    os.chdir(folder)
    os.environ.update(env)  # update, not replace: it keeps what the imports set (TORCHINDUCTOR_CACHE_DIR)
    sys.argv = [importlib.util.find_spec("ipykernel_launcher").origin, *args]
    import numpy
    import torch

    numpy.random.seed()  # a fresh process draws its own seeds (Python's random reseeds itself after a fork)
    torch.default_generator.seed()
    from ipykernel import kernelapp

    # parent_handle's default was read at import, from the server's environment: from the kernel's own, as
    # in a fresh kernel (ipykernel then watches its parent, and prints no note meant for a terminal).
    kernelapp.IPKernelApp.launch_instance(parent_handle=int(os.environ.get("JPY_PARENT_PID") or 0))
    # Shut down: its exit functions run, as at any exit, but it does not free every object of torch and
    # the rest one by one (a CPU-second, copying the pages it shares with the server). Its outputs are in.
    atexit._run_exitfuncs()
    os._exit(0)


async def executed(pairs: list[tuple[str, str]], server: str | None) -> list[str]:
    """Every notebook at once; what went wrong in each that failed."""
    return [e for e in await asyncio.gather(*(execute(s, t, server) for s, t in pairs)) if e]


async def with_a_kernel_server(pairs: list[tuple[str, str]]) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        address = os.path.join(folder, "kernels")
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        listener.bind(address)
        listener.listen()  # before the server starts: shims that connect first wait for its warm-up
        fd = listener.fileno()
        server = subprocess.Popen([sys.executable, __file__, "--serve", str(fd), str(os.getpid())], pass_fds=[fd])
        listener.close()
        try:
            return await executed(pairs, address)
        finally:
            server.kill()  # its kernels with it
            server.wait()


async def main(pairs: list[tuple[str, str]]) -> int:
    errors = await (with_a_kernel_server(pairs) if FORKING else executed(pairs, None))
    print("\n".join(errors), file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    if sys.argv[1] == "--serve":
        del sys.path[0]  # hooks/: nothing of this book in the kernels (ipykernel_launcher drops its own folder)
        start_kernel(*serve(socket.socket(fileno=int(sys.argv[2])), parent=int(sys.argv[3])))
    else:
        if FORKING:
            die_with_parent(os.getppid())  # hooks/notebooks.py (if it ended already, this runs to its end)
        with tempfile.TemporaryDirectory() as ipython:
            os.makedirs(os.path.join(ipython, "profile_default"))
            with open(os.path.join(ipython, "profile_default", "ipython_kernel_config.py"), "w") as config:
                config.write(KERNEL_CONFIG)
            os.environ["IPYTHONDIR"] = ipython  # the kernels inherit it
            sys.exit(asyncio.run(main(list(zip(sys.argv[1::2], sys.argv[2::2])))))
