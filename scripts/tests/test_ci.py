"""The workflow file and .ci/run: valid, in step with each other, and failing when a step fails."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
import yaml

from conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "site.yml"
CI_RUN = REPO / ".ci" / "run"


def ci_steps() -> list[str]:
    listed = subprocess.run(["bash", str(CI_RUN), "--list"], capture_output=True, text=True, check=True)
    return listed.stdout.split()


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text())


def test_workflow_is_valid_yaml_with_the_expected_triggers(workflow):
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read"}
    assert set(workflow["jobs"]) == {"build", "deploy"}
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), step


def test_build_job_runs_every_ci_step_in_the_same_order(workflow):
    runs = [step["run"] for step in workflow["jobs"]["build"]["steps"] if "run" in step]
    assert all(run.startswith(".ci/run ") for run in runs), runs
    assert [run.split()[1] for run in runs] == ci_steps()


def test_build_job_uploads_the_site_with_its_manifest(workflow):
    uploads = [s for s in workflow["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")]
    site = next(s for s in uploads if s["with"]["name"] == "public")
    assert site["with"]["path"] == "public/"
    assert site["with"]["include-hidden-files"] is True  # .herald-manifest.json is a dotfile
    assert site["if"] == "always()"


def test_deploy_runs_only_on_main_after_the_build_and_uses_the_deploy_script(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert "github.event_name == 'push'" in deploy["if"] and "refs/heads/main" in deploy["if"]
    assert deploy["concurrency"]["cancel-in-progress"] is False
    download = next(s for s in deploy["steps"] if s.get("uses", "").startswith("actions/download-artifact@"))
    assert download["with"] == {"name": "public", "path": "public/"}
    final = deploy["steps"][-1]
    assert final["run"].startswith("python scripts/deploy")
    assert final["env"]["AWS_ACCESS_KEY_ID"] == "${{ secrets.AWS_ACCESS_KEY_ID }}"
    assert final["env"]["AWS_SECRET_ACCESS_KEY"] == "${{ secrets.AWS_SECRET_ACCESS_KEY }}"
    assert "HERALD_CLOUDFRONT_DISTRIBUTION" in final["env"] and "HERALD_DEPLOY_BUCKET" in final["env"]


@pytest.mark.parametrize("script", [".ci/run", "scripts/setup"])
def test_shell_scripts_parse_and_are_executable(script):
    path = REPO / script
    assert os.access(path, os.X_OK)
    assert subprocess.run(["bash", "-n", str(path)]).returncode == 0
    assert path.read_text().splitlines()[0] == "#!/usr/bin/env bash"
    assert "set -euo pipefail" in path.read_text()


@pytest.mark.parametrize("script", ["axe-check", "check-links", "deploy", "html-validate"])
def test_python_scripts_are_executable_and_compile(script):
    path = REPO / "scripts" / script
    assert os.access(path, os.X_OK)
    compile(path.read_text(), str(path), "exec")


# --- .ci/run with a stand-in swift and herald -----------------------------------------------------------

@pytest.fixture
def fake_repo(tmp_path) -> Path:
    """A copy of .ci/run in a repository whose `swift` and `herald` are scripts the test controls."""
    repo = tmp_path / "repo"
    (repo / ".ci").mkdir(parents=True)
    shutil.copy(CI_RUN, repo / ".ci" / "run")
    (repo / "scripts").symlink_to(REPO / "scripts")
    (repo / "herald.yml").write_text("title: Test\nbase_url: https://www.example.gov.uk\n")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "swift").write_text(textwrap.dedent(f"""\
        #!/usr/bin/env bash
        if [ "$1 $2" = "build --show-bin-path" ]; then echo "{bin_dir}"; exit 0; fi
        echo "swift $*"; exit "${{FAKE_SWIFT_STATUS:-0}}"
        """))
    (bin_dir / "herald").write_text(textwrap.dedent("""\
        #!/usr/bin/env bash
        echo "herald $*" >> "$FAKE_LOG"
        case "$1" in
          build) mkdir -p public/about && echo '<!DOCTYPE html><html lang="en"><title>t</title>' > public/index.html
                 cp public/index.html public/about/index.html; exit "${FAKE_BUILD_STATUS:-0}" ;;
          check) if [ "$4" = "--html" ]; then cat "$FAKE_JSON"; else echo "::warning file=content/a.md,line=1::Sentence is long"; fi
                 exit "${FAKE_CHECK_STATUS:-0}" ;;
        esac
        """))
    for tool in ("swift", "herald"):
        (bin_dir / tool).chmod(0o755)
    return repo


def run_ci(repo: Path, *steps: str, **env: str) -> subprocess.CompletedProcess:
    bin_dir = repo.parent / "bin"
    environment = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "FAKE_LOG": str(repo.parent / "log"),
                   "CI": "true", **env}
    return subprocess.run([str(repo / ".ci" / "run"), *steps], capture_output=True, text=True, env=environment,
                          stdin=subprocess.DEVNULL, timeout=120)


def test_ci_run_passes_steps_that_pass_and_prints_counts(fake_repo):
    result = run_ci(fake_repo, "swift-build", "swift-test", "annotate", "site", "check-links")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "site: public/ holds 2 pages and 2 files" in result.stdout
    assert "::warning file=content/a.md,line=1::Sentence is long" in result.stdout
    assert "check-links: 2 pages and 0 stylesheets" in result.stdout
    assert result.stdout.rstrip().endswith("steps: 5 passed, 0 failed")
    log = (fake_repo.parent / "log").read_text().splitlines()
    assert log == ["herald check --format github", "herald build --strict"]


@pytest.mark.parametrize("step, env", [
    ("swift-build", {"FAKE_SWIFT_STATUS": "1"}),
    ("swift-test", {"FAKE_SWIFT_STATUS": "1"}),
    ("annotate", {"FAKE_CHECK_STATUS": "1"}),
    # herald fails after writing public/: the step must fail, not go on to count the pages
    ("site", {"FAKE_BUILD_STATUS": "1"}),
])
def test_ci_run_stops_at_a_failing_step(fake_repo, step, env):
    result = run_ci(fake_repo, step, "fuzz", **env)
    assert result.returncode == 1
    assert f"ci: step {step} failed" in result.stdout
    assert result.stdout.rstrip().endswith("steps: 0 passed, 1 failed")
    assert "==> fuzz" not in result.stdout
    assert "holds" not in result.stdout


def test_ci_run_fails_the_agreement_step_without_fixture_pages(fake_repo):
    result = run_ci(fake_repo, "axe-fixtures")
    assert result.returncode == 1
    assert "no fixture pages" in result.stderr


@pytest.mark.parametrize("herald_finds_it, status", [(True, 0), (False, 1)])
def test_ci_run_agreement_step_runs_herald_then_axe_on_the_fixtures(fake_repo, herald_finds_it, status):
    fail = fake_repo / "Tests" / "AccessibilityTests" / "Fixtures" / "fail"
    fail.mkdir(parents=True)
    (fail / "img-alt-missing.html").write_text(
        '<!DOCTYPE html><html lang="en-GB"><head><title>Image</title></head>'
        '<body><main><h1>Image</h1><img src="x.jpg"></main></body></html>')
    findings = [{"rule": "img-alt", "file": "Tests/AccessibilityTests/Fixtures/fail/img-alt-missing.html",
                 "line": 1, "severity": "error", "axe_rule": "image-alt"}] if herald_finds_it else []
    report = fake_repo.parent / "herald.json"
    report.write_text(json.dumps({"findings": findings}))
    result = run_ci(fake_repo, "axe-fixtures", FAKE_JSON=str(report), FAKE_CHECK_STATUS="1")
    assert result.returncode == status, result.stdout + result.stderr
    assert "axe-fixtures: herald check --format json over 1 fixture pages (exit 1)" in result.stdout
    log = (fake_repo.parent / "log").read_text().splitlines()
    assert log == ["herald check --format json --html Tests/AccessibilityTests/Fixtures/fail/img-alt-missing.html"]
    verdict = "agree" if herald_finds_it else "MISSED BY HERALD"
    assert any(line.split()[:3] == ["fail/img-alt-missing.html", "image-alt", "1"] and line.endswith(verdict)
               for line in result.stdout.splitlines())


def test_ci_run_agreement_step_fails_when_herald_cannot_run(fake_repo):
    fail = fake_repo / "Tests" / "AccessibilityTests" / "Fixtures" / "fail"
    fail.mkdir(parents=True)
    (fail / "a.html").write_text("<!DOCTYPE html><title>a</title>")
    (fake_repo.parent / "herald.json").write_text("[]")
    result = run_ci(fake_repo, "axe-fixtures", FAKE_JSON=str(fake_repo.parent / "herald.json"), FAKE_CHECK_STATUS="2")
    assert result.returncode == 1 and "herald check --html exited 2" in result.stderr


def test_ci_run_rejects_unknown_steps(fake_repo):
    result = run_ci(fake_repo, "deploy-everything")
    assert result.returncode == 2 and "unknown step" in result.stderr


def test_setup_is_idempotent_once_everything_is_there():
    """Run after scripts/setup (as .ci/run does): a second run finds everything and installs nothing."""
    result = subprocess.run([str(REPO / "scripts" / "setup")], capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, timeout=300, env={**os.environ, "CI": "true"})
    assert result.returncode == 0, result.stderr
    assert "installing" not in result.stdout and "unpacking" not in result.stdout and "creating" not in result.stdout
    assert "setup: apt: all" in result.stdout and "pip: selenium" in result.stdout
    assert "axe-core: 4." in result.stdout and "pagefind: pagefind 1." in result.stdout


def test_setup_rejects_unknown_options():
    result = subprocess.run([str(REPO / "scripts" / "setup"), "--everything"], capture_output=True, text=True,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 2 and "unknown option" in result.stderr
