"""One typed settings object, read at the edge and passed down (DESIGN §5, §8).

Precedence, highest first: environment variables (`TRACKER_` prefix, `__` for nesting), the TOML file named by
`--config` or `TRACKER_CONFIG`, then the defaults, which are the embedded setup (SQLite under `data_dir`, watch UA).
Nothing here reads the environment at import time: `load_settings` does, when the CLI or a test calls it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from tracker.errors import ConfigError
from tracker.records import EventType

_INTERVAL = re.compile(r"^\s*(\d+)\s*([smhd]?)\s*$")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> int:
    """'30m' -> 1800 seconds; a bare number is seconds."""
    match = _INTERVAL.match(text)
    if not match:
        raise ValueError(f"bad interval {text!r}: use a number with s, m, h or d, e.g. '30m'")
    return int(match.group(1)) * _UNIT_SECONDS[match.group(2)]


class Watch(BaseModel):
    target: str = "UA"

    @field_validator("target")
    @classmethod
    def _upper(cls, value: str) -> str:
        return value.strip().upper()


class SourceConfig(BaseModel):
    name: str
    kind: str
    url: str = ""
    interval: str = "30m"
    enabled: bool = True
    query: str = ""
    target: str = ""

    @field_validator("interval")
    @classmethod
    def _interval(cls, value: str) -> str:
        parse_interval(value)
        return value

    @property
    def interval_seconds(self) -> int:
        return parse_interval(self.interval)


def default_sources() -> list[SourceConfig]:
    """The built-in sources: the official advisories of five governments and two news searches for the watches.

    News searches build their query from the watch targets; official sources fetch one page per target where the
    source is per country. `sources = []` in the config (or TRACKER_SOURCES='[]') turns them all off.
    """
    return [
        SourceConfig(name="uk-fcdo", kind="gb_fcdo", interval="1h"),
        SourceConfig(name="canada-travel", kind="ca_travel", interval="1h"),
        SourceConfig(
            name="us-state-dept", kind="us_state", interval="1h", url="https://travel.state.gov/_res/rss/TAsTWs.xml"
        ),
        SourceConfig(
            name="germany-aa", kind="de_aa", interval="1h", url="https://www.auswaertiges-amt.de/opendata/travelwarning"
        ),
        SourceConfig(name="australia-smartraveller", kind="au_smartraveller", interval="2h"),
        SourceConfig(name="gdelt-news", kind="gdelt_doc", interval="30m"),
        SourceConfig(name="google-news", kind="google_news", interval="30m"),
    ]


class FetchSettings(BaseModel):
    """Polite, bounded HTTP fetching (issue 4). Delays and timeouts are seconds."""

    user_agent: str = "tracker/0.1 (+https://example.org/contact)"
    allow_private_hosts: list[str] = Field(default_factory=list)
    timeout: float = 20.0
    max_body_bytes: int = 5_000_000
    concurrency: int = 16
    per_host_concurrency: int = 2
    per_host_delay: float = 1.0
    retries: int = 3
    backoff_base: float = 1.0
    max_retry_after: float = 120.0
    max_redirects: int = 5
    respect_robots: bool = True
    max_articles_per_source: int = 50


class ApiSettings(BaseModel):
    """Listen address and access control. Writes always need the token; reads only when `protect_reads`."""

    host: str = "127.0.0.1"
    port: int = 8000
    token: str = ""  # bearer token for write endpoints (no token configured: writes are refused)
    protect_reads: bool = False  # require the token on read endpoints, the page and /metrics too
    max_body_bytes: int = 65_536  # request bodies larger than this are refused with 413
    cors_origins: list[str] = Field(default_factory=list)  # CORS is off unless origins are listed
    response_cache: bool = True  # keep read answers in memory until the data version changes


class SmtpSettings(BaseModel):
    host: str = "localhost"
    port: int = 25
    security: Literal["none", "starttls", "ssl"] = "none"
    username: str = ""
    password: str = ""
    sender: str = "tracker@example.org"


_ADDRESS = re.compile(r"^[^@\s<>(),;:\"\[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _time_of_day(value: str) -> str:
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", value.strip())
    if not match:
        raise ValueError(f"bad time {value!r}: use HH:MM, e.g. '07:00'")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def _timezone(value: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {value!r}: use an IANA name such as 'Europe/Berlin'") from exc
    return value


def check_address(value: str) -> str:
    """A plain addr-spec, nothing that could smuggle a header or a second recipient."""
    value = value.strip()
    if _CONTROL.search(value) or not _ADDRESS.match(value):
        raise ValueError(f"invalid e-mail address {value!r}")
    return value


def check_display_name(value: str) -> str:
    if _CONTROL.search(value):
        raise ValueError("a name may not contain line breaks or control characters")
    return value.strip()


class DigestSettings(BaseModel):
    """When digests go out, and what they link to."""

    time: str = "07:00"
    timezone: str = "UTC"
    base_url: str = "http://127.0.0.1:8000"  # where the web page is reachable, for links in the mail
    send_empty: bool = False  # send a "nothing changed" digest on quiet days
    max_attempts: int = 8  # SMTP attempts per digest before it is marked failed for good

    @field_validator("time")
    @classmethod
    def _at(cls, value: str) -> str:
        return _time_of_day(value)

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        return _timezone(value)


class Subscriber(BaseModel):
    email: str
    name: str = ""
    targets: list[str] = Field(default_factory=list)
    issuers: list[str] = Field(default_factory=list)  # only these governments (empty: all)
    event_types: list[str] = Field(default_factory=list)  # only these event types (empty: all)
    timezone: str = ""  # the subscriber's own; empty: [digest] timezone
    time: str = ""  # the subscriber's own send time; empty: [digest] time

    @field_validator("email")
    @classmethod
    def _address(cls, value: str) -> str:
        return check_address(value)

    @field_validator("name")
    @classmethod
    def _display(cls, value: str) -> str:
        return check_display_name(value)

    @field_validator("targets", "issuers")
    @classmethod
    def _codes(cls, values: list[str]) -> list[str]:
        return [v.strip().upper() for v in values]

    @field_validator("event_types")
    @classmethod
    def _types(cls, values: list[str]) -> list[str]:
        bad = [v for v in values if v not in {t.value for t in EventType}]
        if bad:
            raise ValueError(f"unknown event types {bad}: use " + ", ".join(t.value for t in EventType))
        return values

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        return _timezone(value) if value else value

    @field_validator("time")
    @classmethod
    def _at(cls, value: str) -> str:
        return _time_of_day(value) if value else value


class QueueSettings(BaseModel):
    """The task queue (PostgreSQL only): how often workers signal life, and when a silent worker's job is retried."""

    heartbeat_seconds: float = 10.0
    stalled_after_seconds: float = 30.0


class JobSettings(BaseModel):
    """How often the built-in jobs run in the daemon."""

    inbox_interval: str = "30s"
    process_interval: str = "60s"

    @property
    def inbox_seconds(self) -> int:
        return parse_interval(self.inbox_interval)

    @property
    def process_seconds(self) -> int:
        return parse_interval(self.process_interval)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="TRACKER_", env_nested_delimiter="__", extra="forbid", validate_default=True
    )

    data_dir: Path = Path("./tracker-data")
    database_url: str = ""
    inbox_dir: Path | None = None
    watches: list[Watch] = Field(default_factory=lambda: [Watch()])
    sources: list[SourceConfig] = Field(default_factory=default_sources)
    fetch: FetchSettings = Field(default_factory=FetchSettings)
    api: ApiSettings = Field(default_factory=ApiSettings)
    smtp: SmtpSettings = Field(default_factory=SmtpSettings)
    digest: DigestSettings = Field(default_factory=DigestSettings)
    jobs: JobSettings = Field(default_factory=JobSettings)
    queue: QueueSettings = Field(default_factory=QueueSettings)
    subscribers: list[Subscriber] = Field(default_factory=list)

    @model_validator(mode="after")
    def _derive_paths(self) -> Settings:
        if not self.database_url:
            self.database_url = f"sqlite:///{self.data_dir / 'tracker.db'}"
        if self.inbox_dir is None:
            self.inbox_dir = self.data_dir / "inbox"
        return self

    @property
    def default_target(self) -> str:
        return self.watches[0].target if self.watches else "UA"

    @property
    def inbox(self) -> Path:
        assert self.inbox_dir is not None  # set by _derive_paths
        return self.inbox_dir

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The TOML file sits below the environment: env vars override the file (DESIGN §5).
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))


def load_settings(config: Path | None = None, **overrides: Any) -> Settings:
    """Build the settings from defaults, the TOML file and the environment; raise ConfigError if invalid."""
    path = config or (Path(os.environ["TRACKER_CONFIG"]) if os.environ.get("TRACKER_CONFIG") else None)
    if path is not None and not path.is_file():
        raise ConfigError(f"config file not found: {path}")

    # pydantic-settings reads the TOML path from the class config, so each load gets a subclass naming its file.
    class FileSettings(Settings):
        model_config = SettingsConfigDict(toml_file=path)

    try:
        return FileSettings(**overrides)
    except ValueError as exc:
        raise ConfigError(f"invalid configuration{f' in {path}' if path else ''}: {exc}") from exc
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from exc
