"""Build hook: the footer of every page says which Python, numpy and torch the book was verified with."""

import platform
from importlib.metadata import version


def on_config(config):
    stamp = (
        f"Verified with Python {platform.python_version()}, "
        f"numpy {version('numpy')}, torch {version('torch').split('+')[0]}"
    )
    config.copyright = f"{stamp} · Code MIT, text CC BY 4.0"
    return config
