"""scripts/deploy against a real S3-compatible server: moto in server mode on loopback."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import SCRIPTS, load_script

boto3 = pytest.importorskip("boto3")
pytest.importorskip("moto.server", reason="moto[server] is installed by scripts/setup")

deploy = load_script("deploy")

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "public, max-age=0, must-revalidate"


# --- the server and the buckets ---------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def moto_endpoint():
    port = free_port()
    env = {**os.environ, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
    server = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=env)
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(endpoint + "/moto-api/", timeout=1).read()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("moto_server did not start")
                time.sleep(0.1)
        yield endpoint
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture(autouse=True)
def aws_environment(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    monkeypatch.delenv("AWS_SESSION_TOKEN", raising=False)


def make_client(endpoint: str, service: str = "s3"):
    from botocore.config import Config
    return boto3.session.Session(region_name="us-east-1").client(
        service, endpoint_url=endpoint, config=Config(s3={"addressing_style": "path"}))


_bucket_count = 0


@pytest.fixture
def bucket(moto_endpoint):
    global _bucket_count
    _bucket_count += 1
    name = f"herald-test-{os.getpid()}-{_bucket_count}"
    make_client(moto_endpoint).create_bucket(Bucket=name)
    return name


@pytest.fixture
def s3(moto_endpoint):
    return make_client(moto_endpoint)


class Recorder:
    """Every S3 write the client makes, in order: ("put", key) and ("delete", key)."""

    def __init__(self, client, fail_after_puts: int | None = None, fail_on_delete: bool = False):
        self.calls: list[tuple[str, str]] = []
        self.fail_after_puts = fail_after_puts
        self.fail_on_delete = fail_on_delete
        client.meta.events.register("provide-client-params.s3.PutObject", self._put)
        client.meta.events.register("provide-client-params.s3.DeleteObjects", self._delete)

    def _put(self, params, **_):
        if self.fail_after_puts is not None and len(self.puts) >= self.fail_after_puts:
            raise ConnectionError("simulated crash in the middle of a deploy")
        self.calls.append(("put", params["Key"]))

    def _delete(self, params, **_):
        if self.fail_on_delete:
            raise ConnectionError("simulated crash while deleting")
        for item in params["Delete"]["Objects"]:
            self.calls.append(("delete", item["Key"]))

    @property
    def puts(self) -> list[str]:
        return [key for kind, key in self.calls if kind == "put"]

    @property
    def file_puts(self) -> list[str]:
        return [key for key in self.puts if key != ".herald-manifest.json"]


# --- sites -------------------------------------------------------------------------------------------

def fingerprint(name: str, data: bytes) -> str:
    stem, ext = name.rsplit(".", 1)
    return f"assets/{stem}.{hashlib.sha256(data).hexdigest()[:10]}.{ext}"


def write_site(root: Path, files: dict[str, bytes]) -> dict[str, bytes]:
    """Writes a built site as Herald would, manifest included; removes anything else in `root`."""
    if root.exists():
        for path in sorted(root.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
    for path, data in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    manifest = {"version": 1, "files": {p: {"sha256": hashlib.sha256(d).hexdigest(), "size": len(d)}
                                        for p, d in sorted(files.items())}}
    (root / ".herald-manifest.json").write_text(json.dumps(manifest, indent=2))
    return files


def site_files(css: bytes = b"body { color: #0b0c0c; }\n", pages: dict[str, str] | None = None,
               extra: dict[str, bytes] | None = None) -> dict[str, bytes]:
    css_path = fingerprint("site.css", css)
    js = b"document.documentElement.classList.add('js-enabled');\n"
    js_path = fingerprint("site.js", js)
    pages = pages if pages is not None else {
        "index.html": "Home", "about/index.html": "About the commissioner", "news/index.html": "News",
        "news/new-website/index.html": "Our new website", "404.html": "Page not found"}
    files = {
        css_path: css,
        js_path: js,
        "assets/fonts/body.0123456789.woff2": b"wOF2 font bytes",
        "documents/annual-report.pdf": b"%PDF-1.4\n%%EOF\n",
        "decisions.csv": b"number,title\n2023-001,Youth fund\n",
        "news/feed.xml": b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'/>",
        "pagefind/pagefind.js": b"export const search = () => [];\n",
        "pagefind/index/en_0a1b2c3.pf_index": b"\x00\x01index",
        "sitemap.xml": b"<?xml version='1.0'?><urlset/>",
        "robots.txt": b"User-agent: *\n",
    }
    for path, title in pages.items():
        files[path] = (f'<!DOCTYPE html><html lang="en-GB"><head><title>{title}</title>'
                       f'<link rel="stylesheet" href="/{css_path}"><script type="module" src="/{js_path}"></script>'
                       f'</head><body><main><h1>{title}</h1></main></body></html>\n').encode()
    files.update(extra or {})
    return files


def run_deploy(s3_client, bucket: str, public: Path, **options):
    lines: list[str] = []
    result = deploy.deploy(s3_client, bucket, public, log=lines.append, **options)
    return result, lines


def live_keys(s3_client, bucket: str) -> set[str]:
    keys: set[str] = set()
    for page in s3_client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        keys.update(item["Key"] for item in page.get("Contents", []))
    return keys


def assert_live_matches(s3_client, bucket: str, files: dict[str, bytes], prefix: str = "") -> None:
    """The bucket holds exactly this site, byte for byte, with the right headers and manifest."""
    manifest_key = prefix + ".herald-manifest.json"
    assert live_keys(s3_client, bucket) == {prefix + p for p in files} | {manifest_key}
    for path, data in files.items():
        obj = s3_client.get_object(Bucket=bucket, Key=prefix + path)
        assert obj["Body"].read() == data, path
        assert obj["ContentType"] == deploy.content_type(path), path
        assert obj["CacheControl"] == (IMMUTABLE if path.startswith("assets/") else REVALIDATE), path
        assert obj["Metadata"]["sha256"] == hashlib.sha256(data).hexdigest()
    live = json.loads(s3_client.get_object(Bucket=bucket, Key=manifest_key)["Body"].read())
    assert live == {"version": 1, "files": {p: {"sha256": hashlib.sha256(d).hexdigest(), "size": len(d)}
                                            for p, d in files.items()}}


# --- headers and plans, without a server ---------------------------------------------------------------

@pytest.mark.parametrize("path, expected_type, expected_cache", [
    ("assets/site.3f9a1c2b4d.css", "text/css; charset=utf-8", IMMUTABLE),
    ("assets/fonts/body.0123456789.woff2", "font/woff2", IMMUTABLE),
    ("assets/app-0a1b2c3d.js", "text/javascript; charset=utf-8", IMMUTABLE),
    ("assets/site.css", "text/css; charset=utf-8", REVALIDATE),  # no hash: may change under the same name
    ("assets/logo.svg", "image/svg+xml", REVALIDATE),
    ("images/photo.3f9a1c2b4d.jpg", "image/jpeg", REVALIDATE),  # only assets/ is fingerprinted by Herald
    ("index.html", "text/html; charset=utf-8", REVALIDATE),
    ("about/index.html", "text/html; charset=utf-8", REVALIDATE),
    ("decisions.csv", "text/csv; charset=utf-8", REVALIDATE),
    ("decisions.json", "application/json", REVALIDATE),
    ("news/feed.xml", "application/xml", REVALIDATE),
    ("documents/report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", REVALIDATE),
    ("documents/report.odt", "application/vnd.oasis.opendocument.text", REVALIDATE),
    ("documents/report.PDF", "application/pdf", REVALIDATE),
    ("pagefind/fragment/en_abc.pf_fragment", "application/octet-stream", REVALIDATE),
    ("pagefind/pagefind.js", "text/javascript; charset=utf-8", REVALIDATE),
    ("unknown.weird", "application/octet-stream", REVALIDATE),
])
def test_content_type_and_cache_control(path, expected_type, expected_cache):
    assert deploy.content_type(path) == expected_type
    assert deploy.cache_control(path) == expected_cache


def test_plan_orders_assets_other_files_pages_and_lists_deletions():
    entry = lambda c: deploy.Entry(hashlib.sha256(c).hexdigest(), len(c))  # noqa: E731
    local = {"assets/site.0123456789.css": entry(b"a"), "feed.xml": entry(b"b"), "index.html": entry(b"c"),
             "about/index.html": entry(b"same")}
    live = deploy.LiveManifest(files={"assets/site.9876543210.css": entry(b"old"), "about/index.html": entry(b"same"),
                                      "index.html": entry(b"old")}, found=True)
    plan = deploy.make_plan(local, live)
    assert plan.assets == ["assets/site.0123456789.css"]
    assert plan.others == ["feed.xml"]
    assert plan.pages == ["index.html"]
    assert plan.deletions == ["assets/site.9876543210.css"]
    assert plan.unchanged == 1


# --- deploys against moto ---------------------------------------------------------------------------------

def test_first_deploy_uploads_everything_in_order(tmp_path, s3, bucket):
    files = write_site(tmp_path / "public", site_files())
    recorder = Recorder(s3)
    result, lines = run_deploy(s3, bucket, tmp_path / "public", jobs=1)

    assert_live_matches(s3, bucket, files)
    assert sorted(result.uploaded) == sorted(files)
    assert result.deleted == []
    puts = recorder.puts
    # journal, then assets, then other files, then pages, then the live manifest
    assert puts[0] == puts[-1] == ".herald-manifest.json"
    kinds = ["asset" if p.startswith("assets/") else "page" if p.endswith(".html") else "other" for p in puts[1:-1]]
    assert kinds == sorted(kinds, key=["asset", "other", "page"].index)
    assert kinds.count("asset") == 3 and kinds.count("page") == 5 and kinds.count("other") == 7
    assert any("absent (first deploy)" in line for line in lines)


def test_second_deploy_with_one_changed_page_uploads_only_it(tmp_path, s3, bucket):
    public = tmp_path / "public"
    files = write_site(public, site_files())
    run_deploy(s3, bucket, public)
    files["about/index.html"] = files["about/index.html"].replace(b"<h1>", b"<h1>Meet ")
    write_site(public, files)

    recorder = Recorder(s3)
    result, _ = run_deploy(s3, bucket, public)
    assert result.uploaded == ["about/index.html"]
    assert recorder.file_puts == ["about/index.html"]
    assert result.plan.unchanged == len(files) - 1
    assert_live_matches(s3, bucket, files)

    # and a third deploy of the same site changes nothing at all
    recorder = Recorder(s3)
    result, lines = run_deploy(s3, bucket, public)
    assert recorder.calls == [] and result.uploaded == []
    assert any("nothing to do" in line for line in lines)


def test_deleted_page_is_removed_after_the_new_manifest(tmp_path, s3, bucket):
    public = tmp_path / "public"
    files = write_site(public, site_files())
    run_deploy(s3, bucket, public)
    del files["news/new-website/index.html"]
    write_site(public, files)

    recorder = Recorder(s3)
    result, _ = run_deploy(s3, bucket, public)
    assert result.uploaded == [] and result.deleted == ["news/new-website/index.html"]
    assert recorder.calls == [("put", ".herald-manifest.json"), ("delete", "news/new-website/index.html"),
                              ("put", ".herald-manifest.json")]
    assert_live_matches(s3, bucket, files)


def test_new_stylesheet_goes_up_before_pages_and_the_old_one_is_deleted_last(tmp_path, s3, bucket):
    public = tmp_path / "public"
    old = write_site(public, site_files(css=b"body { color: #000; }\n"))
    run_deploy(s3, bucket, public)
    new = write_site(public, site_files(css=b"body { color: #0b0c0c; }\n"))
    old_css = next(p for p in old if p.startswith("assets/site.") and p.endswith(".css"))
    new_css = next(p for p in new if p.startswith("assets/site.") and p.endswith(".css"))

    recorder = Recorder(s3)
    run_deploy(s3, bucket, public, jobs=4)
    order = [key for _, key in recorder.calls]
    pages = [i for i, key in enumerate(order) if key.endswith(".html")]
    assert len(pages) == 5
    assert order.index(new_css) < min(pages)
    assert order.index(old_css) > max(pages)
    assert recorder.calls[order.index(old_css)][0] == "delete"
    assert_live_matches(s3, bucket, new)


# The update below writes: 1 journal, 2 new asset, 3 new document, 4-8 five pages, 9 the new live
# manifest, then deletes the old stylesheet and 404.html, then 10 the manifest without pending deletions.
@pytest.mark.parametrize("crash_after", [0, 1, 2, 3, 5, 8, 9])
def test_deploy_interrupted_midway_converges_on_retry(tmp_path, s3, bucket, moto_endpoint, crash_after):
    """Crash before the Nth+1 write of an update that adds, changes and removes files; then retry."""
    public = tmp_path / "public"
    write_site(public, site_files(css=b"body { color: #000; }\n"))
    run_deploy(s3, bucket, public)
    pages = {"index.html": "Home v2", "about/index.html": "About v2", "news/index.html": "News",
             "news/new-website/index.html": "Our new website", "contact/index.html": "Contact us"}
    files = write_site(public, site_files(css=b"body { color: #111; }\n", pages=pages,
                                          extra={"documents/new.pdf": b"%PDF-1.4 new\n"}))

    plan = deploy.make_plan(deploy.load_local(public), deploy.read_live(s3, bucket, ".herald-manifest.json"))
    assert (len(plan.assets), len(plan.others), len(plan.pages), len(plan.deletions)) == (1, 1, 5, 2)

    crashing = make_client(moto_endpoint)
    Recorder(crashing, fail_after_puts=crash_after)
    with pytest.raises(Exception, match="simulated crash"):
        run_deploy(crashing, bucket, public, jobs=1)
    # every file the live manifest lists is there, whatever happened: no page links to a missing asset
    live = json.loads(s3.get_object(Bucket=bucket, Key=".herald-manifest.json")["Body"].read())
    assert all(path in live_keys(s3, bucket) for path in live["files"])

    result, _ = run_deploy(make_client(moto_endpoint), bucket, public)
    assert "404.html" in result.deleted
    assert_live_matches(s3, bucket, files)


def test_deploy_interrupted_while_deleting_finishes_the_deletions_on_retry(tmp_path, s3, bucket, moto_endpoint):
    public = tmp_path / "public"
    files = write_site(public, site_files())
    run_deploy(s3, bucket, public)
    del files["404.html"], files["news/feed.xml"]
    write_site(public, files)

    crashing = make_client(moto_endpoint)
    Recorder(crashing, fail_on_delete=True)
    with pytest.raises(Exception, match="simulated crash"):
        run_deploy(crashing, bucket, public)
    live = json.loads(s3.get_object(Bucket=bucket, Key=".herald-manifest.json")["Body"].read())
    assert live["pending_deletions"] == ["404.html", "news/feed.xml"]

    recorder = Recorder(s3)
    result, _ = run_deploy(s3, bucket, public)
    assert result.uploaded == [] and result.deleted == ["404.html", "news/feed.xml"]
    assert recorder.file_puts == []
    assert_live_matches(s3, bucket, files)


def test_abandoned_deploy_is_cleaned_up_by_the_next_deploy_of_another_version(tmp_path, s3, bucket, moto_endpoint):
    """An interrupted deploy of B, then a deploy of A again: B's new files go, B's changed files revert."""
    public = tmp_path / "public"
    a = write_site(public, site_files())
    run_deploy(s3, bucket, public)
    b = dict(a)
    b["about/index.html"] = b"<!DOCTYPE html><title>B</title>\n"
    b["documents/b-only.pdf"] = b"%PDF b only\n"
    write_site(public, b)
    crashing = make_client(moto_endpoint)
    Recorder(crashing, fail_after_puts=3)  # journal + two files
    with pytest.raises(Exception, match="simulated crash"):
        run_deploy(crashing, bucket, public, jobs=1)
    assert "documents/b-only.pdf" in live_keys(s3, bucket)

    write_site(public, a)
    result, _ = run_deploy(s3, bucket, public)
    assert result.deleted == ["documents/b-only.pdf"]
    assert "about/index.html" in result.uploaded
    assert_live_matches(s3, bucket, a)


def test_killed_deploy_process_converges_on_retry(tmp_path, s3, bucket, moto_endpoint):
    """SIGKILL the real command while it uploads, then run it again."""
    public = tmp_path / "public"
    many = {f"reports/report-{i:03}/index.html": f"Report {i}" for i in range(400)}
    write_site(public, site_files(pages={"index.html": "Home"}))
    command = [sys.executable, str(SCRIPTS / "deploy"), "--bucket", bucket, "--public", str(public),
               "--endpoint-url", moto_endpoint, "--region", "us-east-1"]
    env = {**os.environ, "HERALD_NO_REEXEC": "1"}
    assert subprocess.run(command, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL).returncode == 0
    files = write_site(public, site_files(pages={"index.html": "Home v2", **many}))

    process = subprocess.Popen(command + ["--jobs", "1"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(live_keys(s3, bucket)) < 60 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL, "the deploy finished before it could be interrupted"
    live = json.loads(s3.get_object(Bucket=bucket, Key=".herald-manifest.json")["Body"].read())
    assert "in_flight" in live and len(live["files"]) < len(files)

    retry = subprocess.run(command, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert retry.returncode == 0, retry.stderr
    assert "left in flight" in retry.stdout
    assert_live_matches(s3, bucket, files)


def test_prefix_keeps_the_site_and_its_manifest_under_it(tmp_path, s3, bucket):
    public = tmp_path / "public"
    files = write_site(public, site_files())
    s3.put_object(Bucket=bucket, Key="elsewhere/keep.txt", Body=b"not ours")
    run_deploy(s3, bucket, public, prefix="site/")
    del files["404.html"]
    write_site(public, files)
    run_deploy(s3, bucket, public, prefix="site/")
    keys = live_keys(s3, bucket)
    assert "elsewhere/keep.txt" in keys
    keys.discard("elsewhere/keep.txt")
    s3.delete_object(Bucket=bucket, Key="elsewhere/keep.txt")
    assert_live_matches(s3, bucket, files, prefix="site/")


def test_cloudfront_invalidation_names_changed_pages_by_folder_url(tmp_path, s3, bucket, moto_endpoint):
    cloudfront = make_client(moto_endpoint, "cloudfront")
    distribution = cloudfront.create_distribution(DistributionConfig={
        "CallerReference": f"herald-{bucket}", "Comment": "test", "Enabled": True,
        "Origins": {"Quantity": 1, "Items": [{"Id": "site", "DomainName": f"{bucket}.s3.amazonaws.com",
                                              "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
        "DefaultCacheBehavior": {"TargetOriginId": "site", "ViewerProtocolPolicy": "redirect-to-https",
                                 "TrustedSigners": {"Enabled": False, "Quantity": 0}, "MinTTL": 0,
                                 "ForwardedValues": {"QueryString": False, "Cookies": {"Forward": "none"}}},
    })["Distribution"]["Id"]
    public = tmp_path / "public"
    files = write_site(public, site_files())
    run_deploy(s3, bucket, public)
    files["about/index.html"] += b"<!-- changed -->\n"
    del files["404.html"]
    write_site(public, files)

    result, lines = run_deploy(s3, bucket, public, cloudfront=cloudfront, distribution=distribution)
    assert result.invalidation
    invalidation = cloudfront.get_invalidation(DistributionId=distribution, Id=result.invalidation)["Invalidation"]
    assert sorted(invalidation["InvalidationBatch"]["Paths"]["Items"]) == ["/404.html", "/about/", "/about/index.html"]


@pytest.mark.parametrize("damage, message", [
    (lambda public: (public / ".herald-manifest.json").unlink(), "is missing"),
    (lambda public: (public / ".herald-manifest.json").write_text("{not json"), "is not JSON"),
    (lambda public: (public / ".herald-manifest.json").write_text('{"version": 2, "files": {}}'), "version 1"),
    (lambda public: (public / "robots.txt").write_bytes(b"User-agent: x\n"), "does not match its hash"),
    (lambda public: (public / "robots.txt").write_bytes(b"longer than it was\n"), "the manifest says"),
    (lambda public: (public / "stray.html").write_text("<p>stray</p>"), "not in its manifest"),
    (lambda public: (public / "index.html").unlink(), "not in"),
])
def test_a_site_that_does_not_match_its_manifest_is_refused(tmp_path, s3, bucket, damage, message):
    public = tmp_path / "public"
    write_site(public, site_files())
    damage(public)
    recorder = Recorder(s3)
    with pytest.raises(deploy.ManifestError, match=message):
        run_deploy(s3, bucket, public)
    assert recorder.calls == []


def test_manifest_paths_that_escape_the_site_are_refused():
    for path in ("../etc/passwd", "/index.html", "a//b.html", "a/./b.html", "a\\b.html"):
        with pytest.raises(deploy.ManifestError, match="plain relative path"):
            deploy.parse_manifest({"version": 1, "files": {path: {"sha256": "0" * 64, "size": 1}}}, "test")


def test_command_line_deploys_then_reports_nothing_to_do(tmp_path, s3, bucket, moto_endpoint):
    public = tmp_path / "public"
    files = write_site(public, site_files())
    command = [sys.executable, str(SCRIPTS / "deploy"), "--bucket", bucket, "--public", str(public),
               "--endpoint-url", moto_endpoint, "--region", "us-east-1", "--verbose"]
    env = {**os.environ, "HERALD_NO_REEXEC": "1"}
    first = subprocess.run(command, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert first.returncode == 0, first.stderr
    assert f"{len(files)} uploaded, 0 deleted" in first.stdout
    assert "uploaded assets/fonts/body.0123456789.woff2 (font/woff2; public, max-age=31536000, immutable)" in first.stdout
    dry = subprocess.run(command + ["--dry-run", "--full"], env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert dry.returncode == 0 and dry.stdout.count("would upload") == len(files)
    second = subprocess.run(command, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert second.returncode == 0 and "nothing to do" in second.stdout
    assert_live_matches(s3, bucket, files)

    (public / ".herald-manifest.json").unlink()
    missing = subprocess.run(command, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert missing.returncode == 2 and "herald build" in missing.stderr
    write_site(public, files)
    no_bucket = subprocess.run(command[:2] + ["--bucket", "no-such-bucket"] + command[4:], env=env,
                               capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert no_bucket.returncode == 1 and "run the same command again" in no_bucket.stderr
