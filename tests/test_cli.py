from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import FIXTURES
from tracker.cli import app
from tracker.table import CSV_HEADER

runner = CliRunner()
CONTRACT = {
    "file",
    "issuer",
    "country",
    "target",
    "event_type",
    "status",
    "date",
    "date_precision",
    "evidence",
    "confidence",
}


def test_extract_jsonl_contract_on_a_seed(seeds: Path) -> None:
    result = runner.invoke(
        app, ["extract", "--format", "jsonl", "--published", "2022-02-12", str(seeds / "002_181a4c8ca4c09691.txt")]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(set(row) == CONTRACT for row in rows)
    assert all(row["country"] == row["issuer"] for row in rows)
    latvia = next(r for r in rows if r["issuer"] == "LV")
    assert (latvia["date"], latvia["date_precision"], latvia["target"]) == ("2022-02-11", "day", "UA")


def test_extract_acceptance_on_seed_004(seeds: Path) -> None:
    result = runner.invoke(app, ["extract", "--published", "2022-02-12", str(seeds / "004_f2464817efe0935d.txt")])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    leave = {r["issuer"] for r in rows if r["event_type"] == "leave_advisory"}
    drawdown = {r["issuer"] for r in rows if r["event_type"] == "embassy_drawdown"}
    assert leave == {"GB", "CA", "NO", "DK", "NZ", "US", "DE", "NL"}
    assert drawdown == {"RU", "US"}
    assert not {"SE", "PL", "RO", "CN"} & {r["issuer"] for r in rows}


def test_extract_explain_table_and_bad_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    article = FIXTURES / "articles" / "lebanon_leave.txt"
    german = FIXTURES / "articles" / "german_article.txt"
    result = runner.invoke(app, ["extract", "--format", "table", "--explain", str(empty), str(article), str(german)])
    assert result.exit_code == 1
    assert f"error: {empty}: empty" in result.stderr
    assert "skipped:" in result.stderr and "language 'de'" in result.stderr
    assert "JP  leave_advisory" in result.stdout and "rule: advise-citizens-to-leave" in result.stdout


def test_extract_rejects_unknown_target_and_bad_date() -> None:
    article = str(FIXTURES / "articles" / "lebanon_leave.txt")
    assert runner.invoke(app, ["extract", "--target", "XX", article]).exit_code == 2
    bad = runner.invoke(app, ["extract", "--published", "12/02/2022", article])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.stderr


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for key in ("TRACKER_DATA_DIR", "TRACKER_DATABASE_URL", "TRACKER_CONFIG"):
        monkeypatch.delenv(key, raising=False)
    path = tmp_path / "tracker.toml"
    path.write_text(f'data_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    return path


def test_ingest_table_and_changes(config: Path, tmp_path: Path) -> None:
    articles = tmp_path / "in"
    shutil.copytree(FIXTURES / "articles", articles)
    first = runner.invoke(app, ["ingest", str(articles), "--config", str(config)])
    assert first.exit_code == 0, first.output
    assert "4 stored" in first.stdout
    second = runner.invoke(app, ["ingest", str(articles), "--config", str(config)])
    assert "0 stored, 4 already known" in second.stdout and "0 changes" in second.stdout
    csv_out = runner.invoke(app, ["table", "--target", "LB", "--format", "csv", "--config", str(config)]).stdout
    lines = csv_out.splitlines()
    assert lines[0] == ",".join(CSV_HEADER)
    assert any(line.startswith("JP,Japan,LB,leave_advisory,in_effect,2024-09-26,day,") for line in lines)
    as_json = json.loads(runner.invoke(app, ["table", "--format", "json", "--config", str(config)]).stdout)
    assert {row["target"] for row in as_json} == {"LB", "UA"}
    changes = runner.invoke(app, ["changes", "--after", "1", "--format", "jsonl", "--config", str(config)]).stdout
    ids = [json.loads(line)["id"] for line in changes.splitlines()]
    assert ids and min(ids) == 2 and ids == sorted(ids)


def test_db_upgrade_and_bad_config(config: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["db", "upgrade", "--config", str(config)])
    assert result.exit_code == 0 and "revision 0006" in result.stdout
    missing = runner.invoke(app, ["table", "--config", str(tmp_path / "nope.toml")])
    assert missing.exit_code == 2 and "config file not found" in missing.stderr


def test_ingest_reports_problems_with_exit_1(config: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"\x00\x00binary")
    result = runner.invoke(app, ["ingest", str(bad), "--config", str(config)])
    assert result.exit_code == 1 and "binary" in result.stderr
