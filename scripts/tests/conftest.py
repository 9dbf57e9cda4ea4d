"""Shared helpers for the tests of scripts/: loading a script without a .py suffix as a module."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent
REPO = SCRIPTS.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def load_script(name: str):
    """Imports scripts/NAME (a Python script without a suffix) as a module."""
    return load_file(SCRIPTS / name, "herald_script_" + name.replace("-", "_"))


def load_file(path: Path, module_name: str):
    """Imports the Python file at `path`, suffix or not, as `module_name` (once)."""
    if module_name in sys.modules:
        return sys.modules[module_name]
    loader = importlib.machinery.SourceFileLoader(module_name, str(path))
    spec = importlib.util.spec_from_loader(module_name, loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def site_fixture() -> Path:
    """A small, valid, accessible built site (hand-written, in the shape Herald publishes)."""
    return FIXTURES / "site"
