"""Daily digests through an outbox: record the intent, send, mark sent (issue 6).

Planning writes one outbox row per (subscriber, local day) with the rendered message and the change-id range it
covers, under a unique constraint: a subscriber never gets two digests for one day, however often planning runs.
Delivery sends rows that are pending, left 'sending' by a crash, or failed with their backoff elapsed. A crash
before sending leaves the row pending; a crash during the SMTP transaction means the server never accepted the
message; both are sent on the next run. Each message carries a Message-ID derived from its row, so in the one
window that remains (the server accepted, we died before marking), the resend is the same message to mail clients.
The next digest starts after the last change the previous one covered: nothing is lost at a cut-off.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from zoneinfo import ZoneInfo

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from db import repo
from db.engine import session_scope
from db.models import Change, DigestOutbox
from db.types import utcnow
from tracker.digest import DayBar, Digest, compose, wanted
from tracker.records import EMBASSY_TYPES
from tracker.settings import Settings, SmtpSettings, Subscriber
from tracker.views import source_health

log = logging.getLogger("tracker.digest")
BAR_DAYS = 14


@dataclass
class DigestReport:
    planned: int = 0
    skipped: int = 0
    sent: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.errors)

    def summary(self) -> str:
        text = f"{self.planned} planned, {self.skipped} empty, {self.sent} sent"
        return text + (f", {len(self.errors)} errors: " + "; ".join(self.errors[:3]) if self.errors else "")


def subscribers_of(engine: Engine, settings: Settings) -> list[Subscriber]:
    """The configuration's subscribers and those added through the API (an address once, configuration first)."""
    with session_scope(engine) as session:
        added = repo.api_subscribers(session)
    found = {s.email.lower(): s for s in settings.subscribers}
    for subscriber in added:
        found.setdefault(subscriber.email.lower(), subscriber)
    return list(found.values())


def local_day(subscriber: Subscriber, settings: Settings, now: datetime) -> tuple[date, bool]:
    """The subscriber's local date now, and whether their send time has come."""
    zone = ZoneInfo(subscriber.timezone or settings.digest.timezone)
    local = now.astimezone(zone)
    hour, minute = (int(x) for x in (subscriber.time or settings.digest.time).split(":"))
    return local.date(), local.time() >= time(hour, minute)


def _bars(changes: list[Change], today: date) -> list[DayBar]:
    leave: Counter[date] = Counter()
    embassy: Counter[date] = Counter()
    for change in changes:
        if change.kind != "new":
            continue
        day = change.created_at.date()
        if change.event_type == "leave_advisory":
            leave[day] += 1
        elif change.event_type in EMBASSY_TYPES:
            embassy[day] += 1
    days = [today - timedelta(days=n) for n in range(BAR_DAYS - 1, -1, -1)]
    return [DayBar(d, leave[d], embassy[d]) for d in days] if (leave or embassy) else []


def _problem(health: dict[str, object]) -> str:
    since = health["seconds_since_success"]
    text = f"{health['name']}: " + (f"no success for {int(str(since)) // 3600} h" if since else "never succeeded")
    return text + (f"; last error: {health['last_error']}" if health["last_error"] else "")


def render_for(
    engine: Engine, settings: Settings, subscriber: Subscriber, day: date, now: datetime
) -> tuple[Digest, int, int, int]:
    """(digest, first change id, last change id, number covered) for a subscriber's digest of `day`."""
    with session_scope(engine) as session:
        previous = repo.previous_digest(session, email=subscriber.email, before=day)
        # The first digest covers the last day; later ones start where the previous one ended.
        start = previous.last_change_id if previous else repo.last_change_before(session, when=now - timedelta(1))
        cut = repo.last_change_id(session)
        covered = [c for c in repo.changes_between(session, after=start, upto=cut) if wanted(c, subscriber)]
        events = repo.events_by_id(session, ids=[c.event_id for c in covered if c.event_id])
        recent = [
            c
            for c in repo.changes_between(
                session, after=repo.last_change_before(session, when=now - timedelta(BAR_DAYS)), upto=cut
            )
            if wanted(c, subscriber)
        ]
        health = source_health(session, settings.sources, now)
    problems = [_problem(h) for h in health if h["stale"]]
    digest = compose(subscriber, day, covered, events, problems, _bars(recent, day), settings.digest.base_url)
    return digest, start, cut, len(covered)


def plan(
    engine: Engine,
    settings: Settings,
    now: datetime,
    *,
    force: bool = False,
    day: date | None = None,
    only: str | None = None,
) -> DigestReport:
    """Record today's digest for every due subscriber (all of them with `force`; one with `only`); at most one per
    day each."""
    report = DigestReport()
    for subscriber in subscribers_of(engine, settings):
        if only is not None and subscriber.email.lower() != only.lower():
            continue
        today, due = local_day(subscriber, settings, now)
        target_day = day or today
        if not (due or force):
            continue
        with session_scope(engine) as session:
            if repo.outbox_row(session, email=subscriber.email, day=target_day) is not None:
                continue
        digest, start, cut, count = render_for(engine, settings, subscriber, target_day, now)
        empty = count == 0 and not settings.digest.send_empty
        row = DigestOutbox(
            email=subscriber.email,
            digest_date=target_day,
            status="skipped" if empty else "pending",
            first_change_id=start + 1,
            last_change_id=cut,
            change_count=count,
            subject=digest.subject,
            body_text=digest.text,
            body_html=digest.html,
        )
        try:
            with session_scope(engine) as session:
                session.add(row)
                session.flush()
                row.message_id = f"<digest-{row.id}-{target_day.isoformat()}@{_domain(settings.smtp.sender)}>"
                session.add(row)
        except IntegrityError:
            continue  # another planner recorded this day first: one digest per subscriber per day
        if empty:
            report.skipped += 1
        else:
            report.planned += 1
    return report


def _domain(address: str) -> str:
    return address.rsplit("@", 1)[-1] or "tracker.invalid"


def build_message(row: DigestOutbox, subscriber: Subscriber, smtp: SmtpSettings) -> EmailMessage:
    """The MIME message: plain text and HTML alternatives; every header value validated, nothing injectable."""
    message = EmailMessage()
    sender_user, sender_domain = smtp.sender.rsplit("@", 1)
    recipient_user, recipient_domain = subscriber.email.rsplit("@", 1)
    message["From"] = Address(display_name="tracker", username=sender_user, domain=sender_domain)
    message["To"] = Address(display_name=subscriber.name, username=recipient_user, domain=recipient_domain)
    message["Subject"] = " ".join(row.subject.split())  # no line breaks, whatever the data held
    message["Date"] = format_datetime(row.created_at)
    message["Message-ID"] = row.message_id
    message["X-Tracker-Digest"] = f"{row.digest_date.isoformat()}; changes {row.first_change_id}-{row.last_change_id}"
    message.set_content(row.body_text)
    message.add_alternative(row.body_html, subtype="html")
    return message


def send(message: EmailMessage, smtp: SmtpSettings, timeout: float = 30.0) -> None:
    """One SMTP transaction; raises on any failure (the caller records it and retries later)."""
    if smtp.security == "ssl":
        client: smtplib.SMTP = smtplib.SMTP_SSL(
            smtp.host, smtp.port, timeout=timeout, context=ssl.create_default_context()
        )
    else:
        client = smtplib.SMTP(smtp.host, smtp.port, timeout=timeout)
    with client:
        if smtp.security == "starttls":
            client.starttls(context=ssl.create_default_context())
        if smtp.username:
            client.login(smtp.username, smtp.password)
        client.send_message(message)


def _backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(3600, 60 * 2 ** (attempts - 1)))


def deliver(
    engine: Engine, settings: Settings, now: datetime | None = None, *, only: str | None = None
) -> DigestReport:
    """Send what the outbox holds (one subscriber's with `only`); SMTP failures are recorded with a backoff."""
    report = DigestReport()
    now = now or utcnow()
    subscribers = {s.email: s for s in subscribers_of(engine, settings)}
    with session_scope(engine) as session:
        ids = repo.deliverable_digests(session, now=now, max_attempts=settings.digest.max_attempts)
    for row_id in ids:
        with session_scope(engine) as session:
            row = session.get(DigestOutbox, row_id)
            assert row is not None
            if only is not None and row.email.lower() != only.lower():
                continue
            subscriber = subscribers.get(row.email)
            if subscriber is None:
                row.status, row.last_error = "failed", "subscriber no longer configured"
                row.attempts = settings.digest.max_attempts
                session.add(row)
                continue
            row.status, row.attempts = "sending", row.attempts + 1
            session.add(row)
            message = build_message(row, subscriber, settings.smtp)
            attempts = row.attempts
        try:
            send(message, settings.smtp)
        except (OSError, smtplib.SMTPException) as exc:
            error = f"{exc.__class__.__name__}: {exc}"
            log.warning("digest %s to %s failed (attempt %s): %s", row_id, subscriber.email, attempts, error)
            report.errors.append(f"{subscriber.email}: {error}")
            with session_scope(engine) as session:
                row = session.get(DigestOutbox, row_id)
                assert row is not None
                row.status, row.last_error = "failed", error[:2000]
                row.next_attempt_at = now + _backoff(attempts)
                session.add(row)
            continue
        with session_scope(engine) as session:
            row = session.get(DigestOutbox, row_id)
            assert row is not None
            row.status, row.sent_at, row.next_attempt_at = "sent", datetime.now(UTC), None
            session.add(row)
        report.sent += 1
    return report


def run_digests(
    engine: Engine,
    settings: Settings,
    now: datetime | None = None,
    *,
    force: bool = False,
    day: date | None = None,
    only: str | None = None,
) -> DigestReport:
    """Plan digests, then deliver everything deliverable: the scheduled job, and `tracker digest` with `force`."""
    now = now or utcnow()
    planned = plan(engine, settings, now, force=force, day=day, only=only)
    delivered = deliver(engine, settings, now, only=only)
    return DigestReport(planned.planned, planned.skipped, delivered.sent, planned.errors + delivered.errors)


def resend(engine: Engine, settings: Settings, day: date, *, only: str | None = None) -> DigestReport:
    """Deliberately send a past day's digests again (the same rendered message, a fresh attempt count)."""
    with session_scope(engine) as session:
        for subscriber in subscribers_of(engine, settings):
            if only is not None and subscriber.email.lower() != only.lower():
                continue
            row = repo.outbox_row(session, email=subscriber.email, day=day)
            if row is not None:
                row.status, row.attempts, row.next_attempt_at = "pending", 0, None
                session.add(row)
    return run_digests(engine, settings, force=True, day=day, only=only)
