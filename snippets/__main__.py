"""python -m snippets            list every program with its one-line description
python -m snippets NAME       run one program (as python snippets/NAME.py would)"""

import ast
import runpy
import sys
from pathlib import Path

HERE = Path(__file__).parent


def programs() -> dict[str, str]:
    """Program name -> first line of its docstring, read without running anything."""
    found = {}
    for path in sorted(HERE.glob("*.py")):
        if not path.name.startswith("_"):
            doc = ast.get_docstring(ast.parse(path.read_text())) or ""
            found[path.stem] = doc.strip().splitlines()[0] if doc.strip() else ""
    return found


def listing() -> str:
    found = programs()
    width = max(map(len, found))
    return "\n".join(f"  {name:<{width}}  {line}" for name, line in found.items())


def main(argv: list[str]) -> int:
    if not argv:
        print(f"The book's programs (run one with: python -m snippets NAME):\n{listing()}")
        return 0
    name = argv[0].removesuffix(".py")
    if name not in programs():
        print(f"unknown snippet {argv[0]!r}; the programs are:\n{listing()}", file=sys.stderr)
        return 2
    sys.argv = [str(HERE / f"{name}.py"), *argv[1:]]
    runpy.run_path(sys.argv[0], run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
