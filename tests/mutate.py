"""`make mutate`: how many wrong numbers the text checks catch, page by page.

Each page runs once through the doc-test harness. Then every number its text shows (prose, math,
tables, captions, inline code; not the structural ones, not the code and outputs, which are compared
whole) is changed by one in its last digit, up and down (a count in words, to the next word), one change at a time, and the page's text is
checked again against the same outputs and claims (tests/text_numbers.py), without running the code
again. A change the check does not notice survives; the survivors are listed with page:line.

``python -m tests.mutate [PAGE ...] [--min PERCENT]`` exits non-zero when a page catches less.
"""

import argparse
import os
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from tests import text_numbers
from tests.docs_harness import Block, DocsHarness

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("MKL_CBWR", "COMPATIBLE")  # the pages print what the tests see (conftest.py says why)


def mutants(digits: str) -> list[str]:
    """digits with its last digit one up and one down; a number in words, the next and the previous word."""
    if digits.isalpha():
        i = text_numbers.WORDS.index(digits.lower())
        words = text_numbers.WORDS[i + 1 : i + 2] + text_numbers.WORDS[max(i - 1, 0) : i]
        return [w.capitalize() if digits[0].isupper() else w for w in words]
    return mutants_of_digits(digits)


def mutants_of_digits(digits: str) -> list[str]:
    """digits with its last digit (of the mantissa) one up and one down: 0.01 -> 0.02, 0.00; 1e-07 -> 2e-07, 0e-07."""
    mantissa, e, exponent = digits.partition("e" if "e" in digits else "E")
    unit = Decimal(1).scaleb(Decimal(mantissa).as_tuple().exponent)
    changed = [Decimal(mantissa) + unit, Decimal(mantissa) - unit]
    return [f"{m:f}".replace("-", "−") + e + exponent for m in changed]


def run_page(harness: DocsHarness, path: Path):
    """(document, blocks, claims) of a page whose blocks and claims ran."""
    document = harness.sybil.parse(path)
    for example in document:
        try:
            example.evaluate()
        except (Exception, pytest.skip.Exception):  # a failing page is pytest's to report
            pass
    blocks = [region.parsed for _, region in document.regions if isinstance(region.parsed, Block)]
    return document, blocks, document.__dict__.get("claims", [])


def score(harness: DocsHarness, path: Path) -> tuple[int, list[str], list[str]]:
    """(mutants, survivors as page:line: old -> new, failures of the page as it stands)."""
    document, blocks, claims = run_page(harness, path)
    page = str(path.relative_to(harness.root))
    report = text_numbers.check_page(document.text, page, blocks, claims, harness.root)
    total, survivors = 0, []
    for number, _kind in report.numbers:
        digits = number.text.lstrip("-")
        for new in mutants(digits):
            total += 1
            text = document.text[: number.pos] + new + document.text[number.pos + len(digits) :]
            if len(text_numbers.check_page(text, page, blocks, claims, harness.root).failures) <= len(report.failures):
                survivors.append(f"{page}:{number.line}: {number.text} -> {new} ({number.kind})")
    return total, survivors, report.failures


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", type=Path)
    parser.add_argument("--min", type=float, default=95.0, help="the share a page must catch, in percent")
    parser.add_argument("--quiet", action="store_true", help="no list of survivors")
    args = parser.parse_args(argv)
    harness = DocsHarness(ROOT)
    status = 0
    print(f"{'page':<28}{'mutants':>8}{'caught':>8}{'share':>8}")
    for path in [p.resolve() for p in args.pages] or harness.pages():
        total, survivors, failures = score(harness, path)
        share = 100.0 * (total - len(survivors)) / total if total else 100.0
        low = share < args.min or failures
        status |= bool(low)
        shown = f"{share:>7.1f}%" if total else "     n/a"  # a page whose text shows no number
        print(f"{path.name:<28}{total:>8}{total - len(survivors):>8}{shown}" + ("  < min" if low else ""))
        for line in failures:
            print(f"  fails as it stands: {line}")
        if not args.quiet:
            for line in survivors:
                print(f"  survives: {line}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
