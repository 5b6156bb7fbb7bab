"""The `tracker` command (Typer). Settings are read here, at the edge, and passed down."""

from __future__ import annotations

import json
import logging
import os
import sys
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tracker.errors import ConfigError, InputError, TrackerError
from tracker.settings import Settings, load_settings

app = typer.Typer(
    help="tracker: which government told its citizens to leave which country, and when.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Database schema commands.", no_args_is_help=True)
sources_app = typer.Typer(help="Configured sources.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(sources_app, name="sources")

ConfigOption = Annotated[
    Path | None, typer.Option("--config", "-c", help="TOML config file (default: $TRACKER_CONFIG, else built-in).")
]


class TableFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _settings(config: Path | None) -> Settings:
    try:
        return load_settings(config)
    except ConfigError as exc:
        raise _fail(str(exc)) from exc


def _logging(verbose: bool = False, json_logs: bool = False) -> None:
    from tracker.logs import configure_logging

    configure_logging(logging.DEBUG if verbose else logging.INFO, json_logs=json_logs)


def _engine(settings: Settings, upgrade: bool = True):  # type: ignore[no-untyped-def]
    from db.engine import make_engine
    from db.migrate import upgrade as upgrade_db

    if upgrade:
        upgrade_db(settings.database_url)
    return make_engine(settings.database_url)


def _parse_day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(f"{option}: expected a date as YYYY-MM-DD, got {value!r}") from None


# --- daemon -------------------------------------------------------------------------------------------------


class Role(StrEnum):
    all = "all"
    api = "api"
    scheduler = "scheduler"
    worker = "worker"


@app.command()
def run(
    config: ConfigOption = None,
    host: Annotated[str | None, typer.Option(help="Listen address (default from [api]).")] = None,
    port: Annotated[int | None, typer.Option(help="Listen port (default from [api]).")] = None,
    role: Annotated[Role, typer.Option(help="all: embedded default; api; scheduler (leader-elected); worker.")] = (
        Role.all
    ),
    log_format: Annotated[str, typer.Option("--log-format", help="text or json")] = "text",
) -> None:
    """Run the daemon: scheduled jobs + API + web page in one process, or one role of it (upgrades the database)."""
    from tracker.daemon import serve as serve_app

    settings = _settings(config)
    _logging(json_logs=log_format == "json")
    if role is Role.worker:
        _run_worker(settings)
        return
    settings.inbox.mkdir(parents=True, exist_ok=True)
    engine = _engine(settings)
    _sync_sources(engine, settings)
    if role is Role.scheduler:
        _require_postgres(settings, "--role scheduler")
        from tracker.queue import apply_schema

        apply_schema(settings)
    serve_app(settings, engine, host or settings.api.host, port or settings.api.port, role.value)


def _require_postgres(settings: Settings, what: str) -> None:
    if not settings.database_url.startswith("postgresql"):
        raise _fail(f"{what} needs PostgreSQL: set TRACKER_DATABASE_URL=postgresql+psycopg://...")


def _run_worker(settings: Settings) -> None:
    from tracker.queue import QUEUES, apply_schema, build_app

    _require_postgres(settings, "a worker")
    from db.migrate import upgrade as upgrade_db

    upgrade_db(settings.database_url)
    apply_schema(settings)
    queue = build_app(settings, worker=True)
    # procrastinate installs its own SIGINT/SIGTERM handlers: the job in progress finishes, then it stops.
    queue.run_worker(
        queues=QUEUES,
        name=f"worker-{os.getpid()}",
        wait=True,
        update_heartbeat_interval=settings.queue.heartbeat_seconds,
        stalled_worker_timeout=settings.queue.stalled_after_seconds,
    )


@app.command()
def worker(
    config: ConfigOption = None,
    log_format: Annotated[str, typer.Option("--log-format", help="text or json")] = "text",
) -> None:
    """Run a queue worker (PostgreSQL): executes the fetch and processing tasks the scheduler defers."""
    settings = _settings(config)
    _logging(json_logs=log_format == "json")
    _run_worker(settings)


@app.command()
def serve(
    config: ConfigOption = None,
    host: Annotated[str | None, typer.Option(help="Listen address (default from [api]).")] = None,
    port: Annotated[int | None, typer.Option(help="Listen port (default from [api]).")] = None,
) -> None:
    """Serve the API and web page only (no scheduled jobs)."""
    from tracker.daemon import serve as serve_app

    settings = _settings(config)
    _logging()
    engine = _engine(settings)
    serve_app(settings, engine, host or settings.api.host, port or settings.api.port, "api")


# --- extraction without a database --------------------------------------------------------------------------


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files (.txt or .html).")],
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for undated files.")] = None,
    target: Annotated[str | None, typer.Option(help="Default target country (ISO alpha-2).")] = None,
    format: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.jsonl,
    explain: Annotated[bool, typer.Option(help="Show the rule, cues and rejected neighbours per mention.")] = False,
    config: ConfigOption = None,
) -> None:
    """Print the mentions found in article files; no database is touched."""
    from tracker.countries import gazetteer
    from tracker.dates import infer_anchor
    from tracker.extract import extract as run_extract
    from tracker.ingest import read_article
    from tracker.parse import parse_document

    settings = _settings(config)
    default_target = (target or settings.default_target).upper()
    if not gazetteer().is_known(default_target):
        raise _fail(f"--target: unknown country code {target!r}")
    published_day = _parse_day(published, "--published")
    failures = 0
    rows: list[dict[str, object]] = []
    for path in paths:
        try:
            document = parse_document(read_article(path, source="file", now=datetime.now(UTC)))
        except InputError as exc:
            typer.echo(f"error: {exc}", err=True)
            failures += 1
            continue
        if document.language != "en":
            typer.echo(f"skipped: {path}: language '{document.language}' (only English is extracted)", err=True)
            continue
        anchor = published_day or document.published or infer_anchor(document.text, date.today())
        for m in run_extract(document, anchor, default_target):
            row: dict[str, object] = {
                "file": str(path),
                "issuer": m.issuer,
                "country": m.issuer,
                "target": m.target,
                "event_type": m.event_type.value,
                "status": m.status.value,
                "date": m.date.isoformat(),
                "date_precision": m.date_precision.value,
                "evidence": m.evidence,
                "confidence": m.confidence,
            }
            if explain:
                row["explain"] = list(m.explain)
            rows.append(row)
    if format is ExtractFormat.jsonl:
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
    else:
        for row in rows:
            typer.echo(
                f"{row['date']}  {row['date_precision']:<12} {row['issuer']:<3} {row['event_type']:<18} "
                f"{row['target']:<3} {row['status']:<9} {row['evidence']}"
            )
            for line in row.get("explain", []):  # type: ignore[attr-defined]
                typer.echo(f"      {line}")
    if failures:
        raise typer.Exit(1)


# --- ingestion and processing -------------------------------------------------------------------------------


def _sync_sources(engine, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    from db import repo
    from db.engine import session_scope

    with session_scope(engine) as session:
        repo.sync_sources(session, configured=[(s.name, s.kind, s.url, s.enabled) for s in settings.sources])


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders (.txt, .html).")],
    config: ConfigOption = None,
) -> None:
    """Store article files and process them into mentions, events and changes. Re-ingesting changes nothing."""
    from jobs.inbox import ingest_paths

    settings = _settings(config)
    engine = _engine(settings)
    report = ingest_paths(engine, settings, paths)
    for problem in report.problems:
        typer.echo(f"error: {problem}", err=True)
    for error in report.processing.errors:
        typer.echo(f"error: {error}", err=True)
    typer.echo(report.summary())
    if report.failed:
        raise typer.Exit(1)


@app.command()
def process(config: ConfigOption = None) -> None:
    """Process stored raw documents that have not been parsed yet."""
    from jobs.process import process_pending

    settings = _settings(config)
    report = process_pending(_engine(settings), settings)
    typer.echo(report.summary())
    if report.failed:
        raise typer.Exit(1)


@app.command()
def reprocess(
    since: Annotated[str | None, typer.Option(help="Only documents fetched on or after YYYY-MM-DD.")] = None,
    config: ConfigOption = None,
) -> None:
    """Re-run parse -> extract -> reconcile on every stored document (no network)."""
    from jobs.process import reprocess as run_reprocess

    settings = _settings(config)
    day = _parse_day(since, "--since")
    since_dt = datetime(day.year, day.month, day.day, tzinfo=UTC) if day else None
    report = run_reprocess(_engine(settings), settings, since=since_dt)
    typer.echo(report.summary())
    if report.failed:
        raise typer.Exit(1)


@app.command()
def prune(
    before: Annotated[str, typer.Option(help="Prune raw documents fetched before this day, YYYY-MM-DD.")],
    config: ConfigOption = None,
) -> None:
    """Delete old raw documents and their evidence; events left without evidence are retracted."""
    from jobs.prune import prune as run_prune

    settings = _settings(config)
    day = _parse_day(before, "--before")
    assert day is not None
    report = run_prune(_engine(settings), before=datetime(day.year, day.month, day.day, tzinfo=UTC))
    typer.echo(report.summary())


# --- reading the table --------------------------------------------------------------------------------------


@app.command()
def table(
    target: Annotated[str | None, typer.Option(help="Only this target country.")] = None,
    issuer: Annotated[str | None, typer.Option(help="Only this issuing country.")] = None,
    format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
    config: ConfigOption = None,
) -> None:
    """Print the per-country, per-date advisory table."""
    from db.engine import session_scope
    from tracker.table import to_csv, to_json, to_text
    from tracker.views import EventFilter, advisory_rows

    settings = _settings(config)
    with session_scope(_engine(settings)) as session:
        rows = advisory_rows(
            session, EventFilter(target=target.upper() if target else None, issuer=issuer.upper() if issuer else None)
        )
    renderers = {TableFormat.table: to_text, TableFormat.csv: to_csv, TableFormat.json: to_json}
    typer.echo(renderers[format](rows).rstrip("\n"))


@app.command()
def changes(
    after: Annotated[int, typer.Option(help="Only changes with an id greater than this.")] = 0,
    format: Annotated[str, typer.Option("--format", "-f", help="table or jsonl")] = "table",
    config: ConfigOption = None,
) -> None:
    """Print the append-only change log."""
    from db import repo
    from db.engine import session_scope
    from tracker.views import change_dict

    settings = _settings(config)
    with session_scope(_engine(settings)) as session:
        rows = [change_dict(c) for c in repo.list_changes(session, after=after, limit=100_000)]
    for row in rows:
        if format == "jsonl":
            typer.echo(json.dumps(row, ensure_ascii=False))
        else:
            typer.echo(f"{row['id']:>6}  {row['created_at']}  {row['kind']:<9} {row['summary']}")


@app.command(name="eval")
def evaluate(
    labels: Annotated[Path, typer.Argument(help="A labels .jsonl file (see tests/eval/README.md).")],
    target: Annotated[str | None, typer.Option(help="Default target for articles whose label has none.")] = None,
    quiet: Annotated[bool, typer.Option(help="Figures only, no list of misses.")] = False,
) -> None:
    """Score the extractor on labelled articles: precision, recall, F1 per type, date accuracy, misses."""
    from tracker.evaluate import evaluate_labels, format_report

    try:
        report = evaluate_labels(labels, default_target=(target or "UA").upper())
    except TrackerError as exc:
        raise _fail(str(exc)) from exc
    typer.echo(format_report(report, show_errors=not quiet))


# --- database and sources -----------------------------------------------------------------------------------


@db_app.command("upgrade")
def db_upgrade(config: ConfigOption = None) -> None:
    """Apply all migrations to the configured database."""
    from db.migrate import current, upgrade

    settings = _settings(config)
    upgrade(settings.database_url)
    typer.echo(f"database at revision {current(settings.database_url)}")
    if settings.database_url.startswith("postgresql"):
        from tracker.queue import apply_schema

        typer.echo("task queue schema " + ("created" if apply_schema(settings) else "present"))


@sources_app.command("list")
def sources_list(config: ConfigOption = None) -> None:
    """List the configured sources (unknown kinds are an error)."""
    from tracker.sources import kind_of

    settings = _settings(config)
    if not settings.sources:
        typer.echo("no sources configured")
    failures = 0
    for source in settings.sources:
        try:
            kind_of(source)
        except KeyError as exc:
            typer.echo(f"error: {exc.args[0]}", err=True)
            failures += 1
        state = "enabled" if source.enabled else "disabled"
        typer.echo(f"{source.name:<24} {source.kind:<16} every {source.interval:<5} {state:<8} {source.url}")
    if failures:
        raise typer.Exit(2)


@sources_app.command("check")
def sources_check(
    config: ConfigOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json")] = "table",
) -> None:
    """Show each source's health: last success, last error, consecutive failures, staleness (exit 1 if stale)."""
    from db.engine import session_scope
    from jobs.fetch import sources_of
    from tracker.views import source_health

    settings = _settings(config)
    engine = _engine(settings)
    with session_scope(engine) as session:
        rows = source_health(session, sources_of(engine, settings), datetime.now(UTC))
    if format == "json":
        typer.echo(json.dumps(rows, indent=2))
    else:
        for row in rows:
            state = "STALE" if row["stale"] else "ok"
            typer.echo(
                f"{row['name']:<24} {state:<5} last success {row['last_success_at'] or 'never':<25} "
                f"failures {row['consecutive_failures']:<3} {row['last_error'] or ''}"
            )
    if any(row["stale"] for row in rows):
        raise typer.Exit(1)


@app.command()
def fetch(
    source: Annotated[str | None, typer.Option(help="Only this source (its name).")] = None,
    config: ConfigOption = None,
) -> None:
    """Run one fetch cycle now (all enabled sources, or one) and process what it stored."""
    from jobs.fetch import fetch_cycle, sources_of
    from jobs.process import process_pending
    from tracker.sources import kind_of

    settings = _settings(config)
    _logging()
    engine = _engine(settings)
    _sync_sources(engine, settings)
    known = sources_of(engine, settings)
    names = {s.name for s in known}
    if source is not None and source not in names:
        raise _fail(f"--source: no source named {source!r} (known: {', '.join(sorted(names)) or 'none'})")
    for configured in known:
        try:
            kind_of(configured)
        except KeyError as exc:
            raise _fail(exc.args[0]) from None
    report = fetch_cycle(engine, settings, source)
    for line in report.sources:
        typer.echo(line.summary())
    processed = process_pending(engine, settings)
    typer.echo(f"processed: {processed.summary()}")
    if report.failed or processed.failed:
        raise typer.Exit(1)


@app.command()
def digest(
    date_: Annotated[str | None, typer.Option("--date", help="The digest day YYYY-MM-DD (default: today).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the digests; send and record nothing.")] = False,
    to: Annotated[str | None, typer.Option("--to", help="Only the subscriber with this address.")] = None,
    resend: Annotated[bool, typer.Option("--resend", help="Send the day's digests again, deliberately.")] = False,
    config: ConfigOption = None,
) -> None:
    """Send today's digests now (each subscriber at most once per day), or print them with --dry-run."""
    from jobs.digest import render_for, run_digests, subscribers_of
    from jobs.digest import resend as resend_day

    settings = _settings(config)
    day = _parse_day(date_, "--date")
    engine = _engine(settings)
    subscribers = subscribers_of(engine, settings)
    if to is not None:
        subscribers = [s for s in subscribers if s.email.lower() == to.strip().lower()]
        if not subscribers:
            raise _fail(f"--to: no subscriber {to!r}")
    if not subscribers:
        raise _fail("no subscribers ([[subscribers]] in the config, or POST /api/v1/subscribers)")
    only = subscribers[0].email if to is not None else None
    now = datetime.now(UTC)
    if dry_run:
        for subscriber in subscribers:
            rendered, first, last, count = render_for(engine, settings, subscriber, day or now.date(), now)
            typer.echo(
                f"To: {subscriber.email}\nSubject: {rendered.subject}\n"
                f"({count} changes, ids {first + 1}-{last})\n\n{rendered.text}"
            )
        return
    if resend:
        if day is None:
            raise _fail("--resend needs --date: the day whose digests to send again")
        report = resend_day(engine, settings, day, only=only)
    else:
        report = run_digests(engine, settings, now, force=True, day=day, only=only)
    typer.echo(report.summary())
    if report.failed:
        raise typer.Exit(1)


def main() -> None:
    try:
        app()
    except TrackerError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(2)


__all__ = ["app", "main"]
