"""The page in a real headless Chromium (Debian's): it loads, the chart renders with data, a screenshot is kept.

The screenshot is written to test-artifacts/timeline.png for people to look at.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import FIXTURES, REPO, free_port
from tests.test_daemon import wait_for

pytestmark = pytest.mark.slow
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        if found := shutil.which(name):
            return found
    if os.environ.get("CI"):
        pytest.fail("CI must run the browser test: install Debian's chromium (see .ci/run)")
    pytest.skip("chromium not installed (apt-get install chromium)")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env.update(TRACKER_DATA_DIR=str(tmp_path / "data"), TRACKER_SOURCES="[]")
    articles = [str(FIXTURES / "articles"), str(FIXTURES.parent / "eval" / "articles")]
    subprocess.run([sys.executable, "-m", "tracker", "ingest", *articles], env=env, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "tracker", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: httpx.get(f"{base}/api/v1/health", timeout=2).status_code == 200, "the server")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_page_renders_the_chart_in_chromium(served: str, tmp_path: Path) -> None:
    browser = chromium()
    profile = ["--user-data-dir=" + str(tmp_path / "profile")]
    url = f"{served}/?target=UA"
    dom = subprocess.run(
        [browser, *CHROMIUM_FLAGS, *profile, "--dump-dom", url], capture_output=True, text=True, timeout=120
    )
    assert dom.returncode == 0, dom.stderr[-2000:]
    rendered = dom.stdout
    days = re.search(r'<svg class="timeline"[^>]*data-days="(\d+)"', rendered)
    assert days and int(days.group(1)) > 3
    assert rendered.count('class="point leave"') == int(days.group(1))
    assert "Who did what, and when" in rendered

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "timeline.png"
    shot.unlink(missing_ok=True)
    result = subprocess.run(
        [browser, *CHROMIUM_FLAGS, *profile, "--window-size=1200,1400", f"--screenshot={shot}", url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a blank page compresses to far less
