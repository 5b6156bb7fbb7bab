"""Daily digests through a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from db.models import Change, DigestOutbox
from jobs.digest import deliver, local_day, plan, resend, run_digests
from jobs.inbox import ingest_paths
from tests.conftest import FIXTURES, free_port
from tracker.settings import Settings, Subscriber, load_settings

ARTICLES = FIXTURES / "articles"


class Inbox:
    """An aiosmtpd handler that keeps every message it accepts."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        data = envelope.content  # type: ignore[attr-defined]
        self.messages.append(email.message_from_bytes(data, policy=email.policy.default))  # type: ignore[arg-type]
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_port() -> int:
    return free_port()  # aiosmtpd's Controller cannot take port 0


@pytest.fixture
def mailbox(smtp_port: int) -> Iterator[Inbox]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


def configured(settings: Settings, smtp_port: int, **digest: object) -> Settings:
    return load_settings(
        data_dir=settings.data_dir,
        database_url=settings.database_url,
        sources=[],
        smtp={"host": "127.0.0.1", "port": smtp_port, "sender": "tracker@example.org"},
        digest={"base_url": "https://tracker.example.org", **digest},
        subscribers=[
            {"email": "analyst@example.org", "name": "Zoë Müller", "targets": ["UA"]},
            {"email": "desk@example.net", "name": "Lebanon desk", "targets": ["LB"], "event_types": ["leave_advisory"]},
        ],
    )


def rows(engine: Engine) -> list[DigestOutbox]:
    with Session(engine) as session:
        return list(session.exec(select(DigestOutbox).order_by(DigestOutbox.id)).all())  # type: ignore[arg-type]


NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_content_and_structure(engine: Engine, settings: Settings, smtp_port: int, mailbox: Inbox) -> None:
    config = configured(settings, smtp_port)
    ingest_paths(engine, config, [ARTICLES])
    report = run_digests(engine, config, datetime.now(UTC).replace(hour=12))  # after the 07:00 send time
    assert report.sent == 2 and not report.errors
    by_recipient = {m["To"].addresses[0].addr_spec: m for m in mailbox.messages}
    ua = by_recipient["analyst@example.org"]
    assert ua["To"].addresses[0].display_name == "Zoë Müller"  # non-ASCII name survives as an encoded header
    assert ua["Subject"].startswith("UA: ") and "embassy relocation" in ua["Subject"]
    assert ua.get_content_type() == "multipart/alternative"
    text = ua.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = ua.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "Embassy drawdowns, relocations and closures" in text and "United States" in text
    assert "https://tracker.example.org/events/" in text and 'href="https://tracker.example.org/events/' in html
    assert "Lebanon" not in text  # another subscriber's country
    assert 'bgcolor="#1d4ed8"' in html  # the bar chart renders without images or scripts
    assert ua["Message-ID"].startswith("<digest-") and ua["Date"]
    lb = by_recipient["desk@example.net"]
    assert lb["Subject"].startswith("LB: ") and "leave advis" in lb["Subject"]
    assert "Embassy" not in lb.get_body(("plain",)).get_content()  # type: ignore[union-attr]


def test_once_per_day_across_restarts_and_crashes(
    engine: Engine, settings: Settings, smtp_port: int, mailbox: Inbox
) -> None:
    config = configured(settings, smtp_port)
    ingest_paths(engine, config, [ARTICLES])
    plan(engine, config, NOW, force=True)  # intent recorded ... and the process dies before sending
    assert {r.status for r in rows(engine)} == {"pending"}
    with Session(engine) as session:  # ... or dies in the SMTP transaction, leaving one row 'sending'
        first = session.exec(select(DigestOutbox)).first()
        assert first is not None
        first.status = "sending"
        session.add(first)
        session.commit()
    assert run_digests(engine, config, NOW).sent == 2  # the restarted daemon finishes the job
    assert run_digests(engine, config, NOW + timedelta(hours=3)).sent == 0  # later the same day: nothing
    assert plan(engine, config, NOW, force=True).planned == 0  # `tracker digest` again: nothing
    assert len(mailbox.messages) == 2
    assert len({m["Message-ID"] for m in mailbox.messages}) == 2


def test_smtp_refusing_then_recovering(engine: Engine, settings: Settings, smtp_port: int) -> None:
    config = configured(settings, smtp_port)
    ingest_paths(engine, config, [ARTICLES])
    down = run_digests(engine, config, NOW)  # nothing listens on the port yet
    assert down.sent == 0 and len(down.errors) == 2 and "ConnectionRefusedError" in down.errors[0]
    assert {r.status for r in rows(engine)} == {"failed"} and all(r.next_attempt_at for r in rows(engine))
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        assert deliver(engine, config, NOW + timedelta(seconds=10)).sent == 0  # backoff not over yet
        assert deliver(engine, config, NOW + timedelta(minutes=5)).sent == 2
    finally:
        controller.stop()
    assert len(inbox.messages) == 2 and {r.status for r in rows(engine)} == {"sent"}
    assert all(r.attempts == 2 for r in rows(engine))


def test_a_change_after_the_cut_off_is_in_the_next_digest(
    engine: Engine, settings: Settings, smtp_port: int, mailbox: Inbox
) -> None:
    config = configured(settings, smtp_port)
    ingest_paths(engine, config, [ARTICLES / "lebanon_leave.txt"])
    run_digests(engine, config, NOW)
    ingest_paths(engine, config, [ARTICLES / "ukraine_embassy.html"])  # arrives after the first cut-off
    run_digests(engine, config, NOW + timedelta(days=1))
    ua = [r for r in rows(engine) if r.email == "analyst@example.org"]
    assert [r.digest_date for r in ua] == [date(2026, 3, 2), date(2026, 3, 3)]
    assert ua[0].status == "skipped"  # nothing for UA on day one, and empty digests are not sent
    assert ua[1].status == "sent" and ua[1].first_change_id == ua[0].last_change_id + 1
    with Session(engine) as session:
        ua_changes = [c.id for c in session.exec(select(Change).where(Change.target == "UA")).all()]
    assert ua_changes and all(ua[1].first_change_id <= i <= ua[1].last_change_id for i in ua_changes)


def test_resend_and_send_empty(engine: Engine, settings: Settings, smtp_port: int, mailbox: Inbox) -> None:
    config = configured(settings, smtp_port, send_empty=True)
    assert run_digests(engine, config, NOW).sent == 2  # quiet day, but send_empty
    assert "Nothing changed" in mailbox.messages[0].get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert resend(engine, config, date(2026, 3, 2)).sent == 2
    assert len(mailbox.messages) == 4


def test_local_time_decides_when_a_digest_is_due(settings: Settings) -> None:
    config = load_settings(data_dir=settings.data_dir, sources=[], digest={"time": "07:00", "timezone": "UTC"})
    tokyo = Subscriber(email="t@example.org", targets=["UA"], timezone="Asia/Tokyo")
    assert local_day(tokyo, config, datetime(2026, 3, 1, 21, 30, tzinfo=UTC)) == (date(2026, 3, 2), False)
    assert local_day(tokyo, config, datetime(2026, 3, 1, 22, 5, tzinfo=UTC)) == (date(2026, 3, 2), True)
    early = Subscriber(email="e@example.org", time="05:30")
    assert local_day(early, config, datetime(2026, 3, 1, 5, 31, tzinfo=UTC)) == (date(2026, 3, 1), True)


def test_no_header_injection_from_data(engine: Engine, settings: Settings, smtp_port: int, mailbox: Inbox) -> None:
    config = configured(settings, smtp_port)
    ingest_paths(engine, config, [ARTICLES])
    with Session(engine) as session:
        change = session.exec(select(Change).where(Change.target == "UA")).first()
        assert change is not None
        change.summary = "evil\r\nBcc: victim@example.com\r\n\r\nbody"
        change.kind = "revised"
        session.add(change)
        session.commit()
    run_digests(engine, config, NOW)
    for message in mailbox.messages:
        assert message["Bcc"] is None and "victim" not in str(message["To"])
    with pytest.raises(ValueError):
        Subscriber(email="a@example.org\nBcc: b@example.org")


def test_cli_dry_run_and_health(engine: Engine, settings: Settings, smtp_port: int, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from tracker.api import create_app
    from tracker.cli import app

    config_file = tmp_path / "tracker.toml"
    config_file.write_text(
        f'database_url = "{settings.database_url}"\ndata_dir = "{tmp_path / "d"}"\nsources = []\n'
        f'[smtp]\nhost = "127.0.0.1"\nport = {smtp_port}\n'
        '[[subscribers]]\nemail = "analyst@example.org"\ntargets = ["LB"]\n',
        encoding="utf-8",
    )
    ingest_paths(engine, configured(settings, smtp_port), [ARTICLES])
    runner = CliRunner()
    dry = runner.invoke(app, ["digest", "--dry-run", "--config", str(config_file)])
    assert dry.exit_code == 0, dry.output
    assert "To: analyst@example.org" in dry.stdout and "Subject: LB: " in dry.stdout and "Japan" in dry.stdout
    assert rows(engine) == []  # a dry run records nothing
    assert runner.invoke(app, ["digest", "--to", "nobody@example.org", "--config", str(config_file)]).exit_code == 2
    failed = runner.invoke(app, ["digest", "--config", str(config_file)])  # no SMTP server: recorded, exit 1
    assert failed.exit_code == 1 and "ConnectionRefusedError" in failed.stdout
    health = TestClient(create_app(configured(settings, smtp_port), engine)).get("/api/v1/health").json()
    assert health["digests"]["by_status"] == {"failed": 1} and "Connection" in health["digests"]["last_error"]
