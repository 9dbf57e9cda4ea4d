"""bench/gumbo-parse.c, the floor bench/run measures, and bench/run's helpers for it: built and
run on a few pages, so the benchmark cannot rot between the times someone runs it."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import subprocess
import sys

import pytest

from conftest import REPO


def load_bench_run():
    name = "herald_bench_run"
    if name in sys.modules:
        return sys.modules[name]
    loader = importlib.machinery.SourceFileLoader(name, str(REPO / "bench" / "run"))
    spec = importlib.util.spec_from_loader(name, loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gumbo_parse(tmp_path_factory):
    return load_bench_run().build_gumbo_parse(str(tmp_path_factory.mktemp("bench")))


def run(binary, paths, threads=2):
    return subprocess.run([binary, str(threads)], input="".join(f"{p}\n" for p in paths),
                          capture_output=True, text=True, timeout=60)


def test_counts_the_elements_gumbo_made_in_every_page(gumbo_parse, tmp_path):
    site = tmp_path / "public"
    (site / "a").mkdir(parents=True)
    # html, head, body and p (4); html, head, title, body, ul, li, li (7): the missing tags are implied.
    (site / "index.html").write_text("<p>One")
    (site / "a" / "index.html").write_text("<!DOCTYPE html><title>T</title><ul><li>x<li>y</ul>")
    (site / "a" / "notes.txt").write_text("<p>not a page</p>")
    listing = load_bench_run().page_list(str(site), str(tmp_path / "pages.txt"))
    paths = (tmp_path / "pages.txt").read_text().split()
    assert listing == str(tmp_path / "pages.txt")
    assert sorted(paths) == sorted([str(site / "index.html"), str(site / "a" / "index.html")])
    for threads in (1, 2, 5):
        result = run(gumbo_parse, paths, threads)
        assert result.returncode == 0, result.stderr
        size = sum((site / p).stat().st_size for p in ("index.html", "a/index.html"))
        assert result.stdout.strip() == f"2 files, {size} bytes, 11 elements, 0 unreadable"


def test_a_page_it_cannot_read_fails_the_run(gumbo_parse, tmp_path):
    (tmp_path / "ok.html").write_text("<p>x</p>")
    result = run(gumbo_parse, [str(tmp_path / "ok.html"), str(tmp_path / "gone.html")])
    assert result.returncode == 1
    assert result.stdout.strip().endswith("4 elements, 1 unreadable")


def test_a_bad_thread_count_is_refused(gumbo_parse):
    for threads in (0, 65):
        result = run(gumbo_parse, [], threads)
        assert result.returncode == 2
        assert "threads must be 1 to 64" in result.stderr


def test_it_is_built_again_only_when_the_source_is_newer(tmp_path):
    bench = load_bench_run()
    first = bench.build_gumbo_parse(str(tmp_path))
    built = (tmp_path / "gumbo-parse").stat().st_mtime_ns
    assert bench.build_gumbo_parse(str(tmp_path)) == first
    assert (tmp_path / "gumbo-parse").stat().st_mtime_ns == built
