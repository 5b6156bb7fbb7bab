"""docker-compose.yml must be valid even though no Docker engine runs here (`docker-compose config -q`)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def compose() -> str:
    found = shutil.which("docker-compose")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("CI must validate the compose file: install docker-compose (see .ci/run)")
        pytest.skip("docker-compose not installed (apt-get install docker-compose)")
    return found


def run(env_file: Path | None, cwd: Path) -> subprocess.CompletedProcess[str]:
    args = [compose(), "-f", str(REPO / "docker-compose.yml")]
    if env_file is not None:
        args += ["--env-file", str(env_file)]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("POSTGRES_", "TRACKER_"))}
    return subprocess.run([*args, "config", "-q"], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def test_compose_file_is_valid_with_the_example_env(tmp_path: Path) -> None:
    result = run(REPO / ".env.example", tmp_path)
    assert result.returncode == 0, result.stderr


def test_missing_secrets_fail_fast(tmp_path: Path) -> None:
    empty = tmp_path / "empty.env"
    empty.write_text("")
    result = run(empty, tmp_path)
    assert result.returncode != 0
    assert "is required" in result.stderr
