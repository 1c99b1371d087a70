"""Run by hooks/notebooks.py in a process of its own: execute notebooks, all at once, each in a fresh
kernel in an empty folder, as a reader's Jupyter would.

argv: SOURCE TARGET pairs; each executed notebook is written to TARGET (only if every cell ran).
A cell that raises: the program it comes from and the kernel's traceback on stderr, exit status 1.
"""

import asyncio
import os
import re
import sys
import tempfile

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def coalesced(outputs: list) -> list:
    merged = []
    for out in outputs:
        last = merged[-1] if merged else None
        if out.output_type == "stream" and last and last.output_type == "stream" and last.name == out.name:
            last.text += out.text
        else:
            merged.append(out)
    return merged


async def execute(source: str, target: str) -> str:
    notebook = nbformat.read(source, as_version=4)
    with tempfile.TemporaryDirectory() as folder:
        client = NotebookClient(
            notebook, timeout=600, kernel_name="python3", record_timing=False, resources={"metadata": {"path": folder}}
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


async def main(pairs: list[tuple[str, str]]) -> int:
    errors = [e for e in await asyncio.gather(*(execute(s, t) for s, t in pairs)) if e]
    print("\n".join(errors), file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(list(zip(sys.argv[1::2], sys.argv[2::2])))))
