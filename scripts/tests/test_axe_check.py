"""scripts/axe-check: real axe-core in headless Chromium over the sample site and fixture pages.

Needs what scripts/setup installs (chromium, chromium-driver, Selenium, axe.min.js): run it first.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SCRIPTS, load_script

axe_check = load_script("axe-check")


def run(*arguments: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPTS / "axe-check"), "--quiet", *arguments], cwd=cwd,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          env={**os.environ, "HERALD_NO_REEXEC": "1"}, timeout=300)


def test_the_tools_scripts_setup_installs_are_there():
    assert axe_check.AXE_JS.is_file(), "run scripts/setup: it unpacks axe.min.js"
    assert os.access(axe_check.CHROMIUM, os.X_OK) and os.access(axe_check.CHROMEDRIVER, os.X_OK)
    import selenium  # noqa: F401


def test_accessible_site_passes_at_both_widths_in_both_schemes(site_fixture, tmp_path):
    report = tmp_path / "axe.json"
    completed = run(str(site_fixture), "--json", str(report))
    assert completed.returncode == 0, completed.stdout + completed.stderr
    summary = completed.stdout.strip().splitlines()[-1]
    assert summary.startswith("axe-check: axe-core 4.")
    assert "over 6 pages at widths 320/1280 px in light/dark schemes (24 runs" in summary
    assert ": 0 violations" in summary and "0 pages not checked" in summary
    results = json.loads(report.read_text())
    assert {r["page"] for r in results} == {"index.html", "404.html", "about/index.html", "news/index.html",
                                            "news/new-website/index.html", "old-about/index.html"}
    assert all(r["runs"] == 4 and r["violations"] == [] and r["error"] is None for r in results)


@pytest.fixture
def broken_site(site_fixture, tmp_path) -> Path:
    site = tmp_path / "public"
    shutil.copytree(site_fixture, site)
    page = site / "news" / "new-website" / "index.html"
    page.write_text(page.read_text().replace(
        "<p>We have", '<img src="/assets/logo.a1b2c3d4e5.svg" width="40" height="40">\n<h3>Skipped</h3>\n<p>We have'))
    about = site / "about" / "index.html"
    about.write_text(about.read_text().replace(
        "<p>Phone", '<p class="dim">Dim in the dark.</p>\n<div class="wide">Wide</div>\n<p>Phone'))
    css = site / "assets" / "site.3f9a1c2b4d.css"
    css.write_text(css.read_text() + "\n.wide { width: 600px; }\n.dim { color: #222; }\n"
                   "@media (prefers-color-scheme: dark) { .dim { color: #333; } }\n")
    redirect = site / "old-about" / "index.html"
    redirect.write_text(redirect.read_text().replace('<html lang="en-GB">', "<html>"))
    return site


def test_violations_are_found_in_the_conditions_that_cause_them(broken_site, tmp_path):
    report = tmp_path / "axe.json"
    completed = run(str(broken_site), "--json", str(report))
    assert completed.returncode == 1
    found = {(r["page"], v["rule"]): sorted(v["conditions"]) for r in json.loads(report.read_text()) for v in r["violations"]}
    everywhere = ["1280 dark", "1280 light", "320 dark", "320 light"]
    assert found == {
        ("news/new-website/index.html", "image-alt"): everywhere,
        ("news/new-website/index.html", "heading-order"): everywhere,
        ("about/index.html", "color-contrast"): ["1280 dark", "320 dark"],  # dark scheme only
        ("about/index.html", "reflow"): ["320 dark", "320 light"],  # narrow only
        # the redirect page is checked itself, not the page it sends readers to
        ("old-about/index.html", "html-has-lang"): everywhere,
    }
    summary = completed.stdout.strip().splitlines()[-1]
    assert ": 5 violations (color-contrast 1, heading-order 1, html-has-lang 1, image-alt 1, reflow 1)" in summary
    assert "about/index.html (/about/): 2 violations" in completed.stdout


def test_options_narrow_what_runs(broken_site):
    completed = run(str(broken_site), "--widths", "1280", "--schemes", "light", "--no-best-practice", "--no-reflow")
    assert completed.returncode == 1
    summary = completed.stdout.strip().splitlines()[-1]
    # heading-order is best practice, the contrast failure is dark only, reflow is off
    assert "(6 runs, tags wcag2a wcag2aa wcag21a wcag21aa wcag22aa)" in summary
    assert ": 2 violations (html-has-lang 1, image-alt 1)" in summary


def test_usage_errors_exit_2(tmp_path):
    assert run(str(tmp_path / "missing")).returncode == 2
    assert run(str(tmp_path)).returncode == 2  # no pages
    (tmp_path / "index.html").write_text("<!DOCTYPE html><title>x</title>")
    assert run(str(tmp_path), "--schemes", "sepia").returncode == 2


# --- agreement mode --------------------------------------------------------------------------------

FIXTURE_PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>{title}</title></head>
<body>
<main>
<h1>Report a crime</h1>
{body}
</main>
</body>
</html>
"""


@pytest.fixture
def fixtures(tmp_path) -> Path:
    root = tmp_path / "Fixtures"
    (root / "fail").mkdir(parents=True)
    (root / "pass").mkdir()
    (root / "fail" / "image-no-alt.html").write_text(FIXTURE_PAGE.format(title="Image", body='<img src="photo.jpg">'))
    (root / "fail" / "heading-skip.html").write_text(FIXTURE_PAGE.format(title="Heading", body="<h3>Online</h3>"))
    (root / "fail" / "empty-link.html").write_text(FIXTURE_PAGE.format(title="Link", body='<p><a href="/x/"></a></p>'))
    (root / "pass" / "fine.html").write_text(FIXTURE_PAGE.format(title="Fine", body="<p>Call 999.</p>"))
    return root


def finding(rule: str, file: str, line: int, axe: str | None, severity: str = "error") -> dict:
    return {"rule": rule, "criteria": ["1.1.1"], "severity": severity, "file": file, "line": line, "column": 1,
            "message": "m", "axe_rule": axe}


def test_agreement_when_herald_reports_everything_axe_finds(fixtures):
    report = fixtures / "herald.json"
    report.write_text(json.dumps({"findings": [
        finding("img-alt", "fail/image-no-alt.html", 7, "image-alt"),
        finding("heading-skip", "fail/heading-skip.html", 7, "heading-order"),
        finding("link-empty", "fail/empty-link.html", 7, "link-name"),
        finding("alt-quality", "fail/image-no-alt.html", 7, None, "warning"),
    ]}))
    completed = run("--fixtures", "fail", "--fixtures", "pass", "--herald-json", "herald.json", cwd=fixtures)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    lines = completed.stdout.splitlines()
    assert lines[0].split() == ["fixture", "page", "axe", "rule", "axe", "elements", "Herald", "findings", "verdict"]
    assert any(line.split() == ["fail/image-no-alt.html", "image-alt", "1", "img-alt:7", "agree"] for line in lines)
    assert any(line.split() == ["pass/fine.html", "-", "0", "-", "both", "clean"] for line in lines)
    assert "3 of 3 axe violations also reported by Herald, 0 missed" in lines[-1]
    assert "over 4 fixture pages" in lines[-1] and "(4 Herald findings read)" in lines[-1]


def test_disagreement_fails_and_names_what_herald_missed(fixtures):
    report = fixtures / "herald.json"
    report.write_text(json.dumps([
        finding("img-alt", str(fixtures / "fail" / "image-no-alt.html"), 7, "image-alt"),  # absolute path
        finding("heading-skip", "fail/heading-skip.html", 7, "heading-order"),
        finding("contrast", "fail/heading-skip.html", 6, "color-contrast", "review"),  # Herald alone
    ]))
    completed = run("--fixtures", str(fixtures / "fail"), "--herald-json", str(report), "--herald-base", str(fixtures))
    assert completed.returncode == 1
    rows = [line.split() for line in completed.stdout.splitlines()]
    assert ["fail/empty-link.html", "link-name", "1", "-", "MISSED", "BY", "HERALD"] in rows
    assert ["fail/heading-skip.html", "color-contrast", "0", "contrast", "Herald", "only"] in rows
    assert "2 of 3 axe violations also reported by Herald, 1 missed, 1 reported by Herald alone" in completed.stdout


def test_no_fixture_pages_is_a_failure_not_a_pass(tmp_path):
    (tmp_path / "fail").mkdir()
    (tmp_path / "report.json").write_text("[]")
    completed = run("--fixtures", str(tmp_path / "fail"), "--herald-json", str(tmp_path / "report.json"))
    assert completed.returncode == 1 and "no fixture pages" in completed.stdout


def test_unreadable_herald_report_is_a_usage_error(fixtures):
    (fixtures / "bad.json").write_text("{nope")
    assert run("--fixtures", str(fixtures / "fail"), "--herald-json", str(fixtures / "bad.json")).returncode == 2


@pytest.mark.parametrize("report", [
    # a flat list in snake_case
    [{"rule": "img-alt", "file": "a.html", "line": 3, "severity": "error", "axe_rule": "image-alt"}],
    # wrapped, camelCase
    {"findings": [{"ruleId": "img-alt", "path": "a.html", "line": 3, "level": "error", "axeRule": "image-alt"}]},
    # the rule and location as nested objects, as Swift's Codable would write a Diagnostic
    {"diagnostics": [{"severity": "error", "message": "m", "rule": {"id": "img-alt", "criteria": ["1.1.1"],
                                                                      "axeRule": "image-alt"},
                      "location": {"file": "a.html", "line": 3, "column": 5}}]},
    # grouped per file, axe rules as a list
    {"files": [{"file": "a.html", "findings": [{"rule": "img-alt", "line": 3, "axe_rules": ["image-alt"]}]}]},
])
def test_herald_report_is_read_whatever_its_shape(report):
    findings, axe_rules = axe_check.read_herald_report(report)
    assert [(f.rule, f.file, f.line, f.axe_rules) for f in findings] == [("img-alt", "a.html", 3, {"image-alt"})]
    assert axe_rules == {"image-alt"}


def test_a_rule_catalogue_in_the_report_adds_covered_rules_but_no_findings():
    findings, axe_rules = axe_check.read_herald_report(
        {"rules": [{"id": "img-alt", "axe_rule": "image-alt"}, {"id": "tables", "axe_rule": "th-has-data-cells"}],
         "findings": [], "silenced": []})
    assert findings == [] and axe_rules == {"image-alt", "th-has-data-cells"}
