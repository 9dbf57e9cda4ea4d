"""scripts/check-links on a good built site and on copies broken in each way it must catch."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SCRIPTS, load_script

check_links = load_script("check-links")


@pytest.fixture
def site(tmp_path, site_fixture) -> Path:
    copy = tmp_path / "public"
    shutil.copytree(site_fixture, copy)
    return copy


def add_to_main(page: Path, html: str) -> None:
    text = page.read_text()
    page.write_text(text.replace("</main>", html + "\n</main>", 1))


def line_of(page: Path, needle: str) -> int:
    return next(i for i, line in enumerate(page.read_text().splitlines(), 1) if needle in line)


def test_good_site_has_no_broken_references(site_fixture):
    problems, counts = check_links.check(site_fixture)
    assert problems == []
    assert counts["pages"] == 6 and counts["stylesheets"] == 1
    assert counts["internal"] == counts["references"] > 50
    assert counts["fragments"] >= 6  # skip links and /about/#contact


@pytest.mark.parametrize("html, expected", [
    ('<a href="/no-such-page/">x</a>', "<a href> '/no-such-page/' is broken: no no-such-page/index.html"),
    ('<a href="../no-such-page/">x</a>', "<a href> '../no-such-page/' is broken: no no-such-page/index.html"),
    ('<a href="/about">x</a>', "<a href> '/about' is broken: is a folder: write /about/ with a trailing slash"),
    ('<a href="/about/#nowhere">x</a>', "<a href> '/about/#nowhere' is broken: no id 'nowhere' in about/index.html"),
    ('<a href="#nowhere">x</a>', "<a href> '#nowhere' is broken: no id 'nowhere' in news/index.html"),
    ('<img src="/assets/missing.png" alt="x">', "<img src> '/assets/missing.png' is broken: no file assets/missing.png"),
    ('<img src="/assets/logo.a1b2c3d4e5.svg" srcset="/assets/logo.a1b2c3d4e5.svg 1x, /assets/big.svg 2x" alt="x">',
     "<img srcset> '/assets/big.svg' is broken: no file assets/big.svg"),
    ('<video src="/media/film.mp4" poster="/media/poster.jpg"></video>',
     "<video src> '/media/film.mp4' is broken: no file media/film.mp4"),
    # a URL cannot climb above the site's root: browsers resolve this to /etc/passwd
    ('<a href="/../../etc/passwd">x</a>', "<a href> '/../../etc/passwd' is broken: no file etc/passwd"),
    ('<a href="">x</a>', "<a href> is empty"),
    ('<form action="/search/"><label>Search <input name="q"></label></form>',
     "<form action> '/search/' is broken: no search/index.html"),
    ('<div style="background: url(/assets/bg.png)">x</div>', "style url() '/assets/bg.png' is broken: no file assets/bg.png"),
])
def test_each_kind_of_broken_reference_is_reported_at_its_line(site, html, expected):
    page = site / "news" / "index.html"
    add_to_main(page, html)
    problems, _ = check_links.check(site)
    line = line_of(page, html)
    assert f"news/index.html:{line}: {expected}" in problems
    if "poster" in html:
        assert f"news/index.html:{line}: <video poster> '/media/poster.jpg' is broken: no file media/poster.jpg" in problems
        assert len(problems) == 2
    else:
        assert len(problems) == 1, problems


def test_missing_stylesheet_script_and_redirect_target_are_reported(site):
    (site / "assets" / "site.3f9a1c2b4d.css").rename(site / "assets" / "site.css")
    (site / "assets" / "site.9c8b7a6d5e.js").unlink()
    shutil.rmtree(site / "about")
    problems, counts = check_links.check(site)
    # every page links the stylesheet and the script; the redirect page points at /about/
    assert sum("'/assets/site.3f9a1c2b4d.css' is broken" in p for p in problems) == 4
    assert sum("'/assets/site.9c8b7a6d5e.js' is broken" in p for p in problems) == 4
    assert "old-about/index.html:6: <meta refresh> '/about/' is broken: no about/index.html" in problems
    assert counts["pages"] == 5


def test_symbolic_link_out_of_the_site_is_reported(site, tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("not part of the site")
    (site / "secret.txt").symlink_to(outside)
    add_to_main(site / "index.html", '<a href="/secret.txt">Secret</a>')
    problems, _ = check_links.check(site)
    assert len(problems) == 1 and "'/secret.txt' is broken: points outside the site" in problems[0]


def test_css_url_to_a_missing_font_is_reported_at_its_line(site):
    css = site / "assets" / "site.3f9a1c2b4d.css"
    css.write_text(css.read_text() + '\n/* url(commented-out.woff2) */\n@font-face { font-family: x; src: url("fonts/missing.0123456789.woff2") format("woff2"); }\n'
                   "@font-face { font-family: y; src: url(logo.a1b2c3d4e5.svg); }\n")
    problems, _ = check_links.check(site)
    line = line_of(css, "fonts/missing")
    assert problems == [f"assets/site.3f9a1c2b4d.css:{line}: CSS url() 'fonts/missing.0123456789.woff2' is broken: "
                        "no file assets/fonts/missing.0123456789.woff2"]


def test_external_top_and_encoded_references_are_fine(site):
    (site / "documents" / "annual report 2023.pdf").write_bytes(b"%PDF-1.4\n")
    add_to_main(site / "index.html", "\n".join([
        '<a href="https://www.gov.uk/">GOV.UK</a>', '<a href="mailto:x@example.org">Email</a>',
        '<a href="tel:+441234567890">Phone</a>', '<a href="//cdn.example.org/x.js">CDN</a>',
        '<a href="#top">Top</a>', '<a href="#">Top</a>', '<a href="/documents/annual%20report%202023.pdf">Report</a>',
        '<a href="/?utm=1#main-content">Home</a>', '<img src="data:image/png;base64,AAAA" alt="">',
    ]))
    problems, counts = check_links.check(site)
    assert problems == []
    assert counts["external"] == 5


def test_base_url_makes_same_origin_absolute_links_internal(site):
    add_to_main(site / "index.html", '<a href="https://www.example.gov.uk/about/">About</a>\n'
                                      '<a href="https://www.example.gov.uk/gone/">Gone</a>\n'
                                      '<a href="https://other.example.org/gone/">Other</a>')
    assert check_links.check(site)[0] == []
    problems, counts = check_links.check(site, base_url="https://www.example.gov.uk")
    assert len(problems) == 1 and "'https://www.example.gov.uk/gone/' is broken: no gone/index.html" in problems[0]
    assert counts["external"] == 1


def test_command_line_prints_the_count_and_fails_on_a_broken_link(site):
    command = [sys.executable, str(SCRIPTS / "check-links"), str(site)]
    good = subprocess.run(command, capture_output=True, text=True)
    assert good.returncode == 0
    assert good.stdout.startswith("check-links: 6 pages and 1 stylesheets,") and good.stdout.rstrip().endswith(": 0 broken")
    add_to_main(site / "about" / "index.html", '<a href="/nowhere/">Nowhere</a>')
    bad = subprocess.run(command, capture_output=True, text=True)
    assert bad.returncode == 1
    assert "about/index.html:" in bad.stdout and bad.stdout.rstrip().endswith(": 1 broken")
    missing = subprocess.run([sys.executable, str(SCRIPTS / "check-links"), str(site / "nope")], capture_output=True, text=True)
    assert missing.returncode == 2
