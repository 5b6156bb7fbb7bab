from __future__ import annotations

from pathlib import Path

import pytest

from tracker.errors import ConfigError
from tracker.settings import load_settings, parse_interval


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for key in list(os.environ):
        if key.startswith("TRACKER_"):
            monkeypatch.delenv(key)


def test_defaults_are_the_embedded_setup(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    settings = load_settings()
    assert settings.database_url == "sqlite:///tracker-data/tracker.db"
    assert settings.inbox == Path("tracker-data/inbox")
    assert settings.default_target == "UA"
    assert settings.api.port == 8000 and settings.smtp.security == "none"
    # Built-in sources: five official advisories and two news searches, watching UA.
    kinds = {s.kind for s in settings.sources}
    assert {"gb_fcdo", "ca_travel", "us_state", "de_aa", "au_smartraveller", "gdelt_doc", "google_news"} == kinds


def test_toml_file_then_environment_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = tmp_path / "tracker.toml"
    config.write_text(
        'data_dir = "/srv/tracker"\n[[watches]]\ntarget = "lb"\n[api]\nport = 8123\ntoken = "file"\n'
        '[[sources]]\nname = "feed"\nkind = "rss"\nurl = "https://example.org/rss"\ninterval = "15m"\n'
        '[[subscribers]]\nemail = "a@example.org"\ntargets = ["LB"]\n',
        encoding="utf-8",
    )
    settings = load_settings(config)
    assert settings.database_url == "sqlite:////srv/tracker/tracker.db"
    assert settings.default_target == "LB"
    assert settings.sources[0].interval_seconds == 900
    assert settings.subscribers[0].targets == ["LB"]
    monkeypatch.setenv("TRACKER_API__PORT", "9000")
    monkeypatch.setenv("TRACKER_DATABASE_URL", "postgresql+psycopg://u@h/db")
    overridden = load_settings(config)
    assert overridden.api.port == 9000 and overridden.api.token == "file"
    assert overridden.database_url == "postgresql+psycopg://u@h/db"


def test_tracker_config_env_names_the_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text("[digest]\ntime = '06:30'\n", encoding="utf-8")
    monkeypatch.setenv("TRACKER_CONFIG", str(config))
    assert load_settings().digest.time == "06:30"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[api]\nport = 'x'\n", "invalid configuration"),
        ("unknown_key = 1\n", "invalid configuration"),
        ("[[sources]]\nname='a'\nkind='rss'\ninterval='soon'\n", "bad interval"),
    ],
)
def test_invalid_config_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    config = tmp_path / "bad.toml"
    config.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_settings(config)


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "nope.toml")


def test_parse_interval() -> None:
    assert [parse_interval(v) for v in ("30", "45s", "30m", "2h", "1d")] == [30, 45, 1800, 7200, 86400]
    with pytest.raises(ValueError):
        parse_interval("fortnightly")
