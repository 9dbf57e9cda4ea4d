"""bench/gumbo-parse.c, the floor bench/run measures, and bench/run's helpers for it: built and
run on a few pages, so the benchmark cannot rot between the times someone runs it."""

from __future__ import annotations

import subprocess

import pytest

from conftest import REPO, load_file


def load_bench_run():
    return load_file(REPO / "bench" / "run", "herald_bench_run")


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
    listing = tmp_path / "pages.txt"
    assert load_bench_run().page_list(str(site), str(listing)) == 2
    paths = listing.read_text().split()
    assert sorted(paths) == sorted([str(site / "index.html"), str(site / "a" / "index.html")])
    size = sum((site / p).stat().st_size for p in ("index.html", "a/index.html"))
    for threads in (1, 2, 5):
        result = run(gumbo_parse, paths, threads)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"2 files, {size} bytes, 11 elements, 0 unreadable"
    # Named rather than piped, as bench/run does, the list is read whole by every run: a run
    # measured again parses the same pages.
    for _ in range(2):
        named = subprocess.run([gumbo_parse, "2", str(listing)], capture_output=True, text=True, timeout=60)
        assert named.stdout.strip() == f"2 files, {size} bytes, 11 elements, 0 unreadable"


def test_a_page_it_cannot_read_fails_the_run(gumbo_parse, tmp_path):
    (tmp_path / "ok.html").write_text("<p>x</p>")
    result = run(gumbo_parse, [str(tmp_path / "ok.html"), str(tmp_path / "gone.html")])
    assert result.returncode == 1
    assert result.stdout.strip().endswith("4 elements, 1 unreadable")


def test_a_bad_thread_count_or_list_is_refused(gumbo_parse, tmp_path):
    for threads in (0, 65):
        result = run(gumbo_parse, [], threads)
        assert result.returncode == 2
        assert "threads must be 1 to 64" in result.stderr
    missing = subprocess.run([gumbo_parse, "1", str(tmp_path / "no-list.txt")], capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2 and "cannot open" in missing.stderr


class Finished:
    def __init__(self, output):
        self.output = output


def test_a_floor_over_fewer_pages_than_listed_stops_the_benchmark():
    bench = load_bench_run()
    bench.check_parsed(Finished("3 files, 10 bytes, 12 elements, 0 unreadable\n"), 3)
    for output, listed in (("0 files, 0 bytes, 0 elements, 0 unreadable", 3), ("", 3),
                           ("0 files, 0 bytes, 0 elements, 0 unreadable", 0)):
        with pytest.raises(SystemExit, match="gumbo-parse parsed"):
            bench.check_parsed(Finished(output), listed)


def test_it_is_built_again_only_when_the_source_is_newer(tmp_path):
    bench = load_bench_run()
    first = bench.build_gumbo_parse(str(tmp_path))
    built = (tmp_path / "gumbo-parse").stat().st_mtime_ns
    assert bench.build_gumbo_parse(str(tmp_path)) == first
    assert (tmp_path / "gumbo-parse").stat().st_mtime_ns == built
