"""The daemon's schedule: one job per source on its own pool, with jitter, no overlap, missed runs merged."""

from __future__ import annotations

from pathlib import Path

from db import repo
from db.engine import make_engine, session_scope
from db.migrate import upgrade
from tracker.daemon import build_scheduler
from tracker.settings import SourceConfig, load_settings


def test_each_source_is_its_own_non_overlapping_job(tmp_path: Path) -> None:
    settings = load_settings(
        data_dir=tmp_path,
        sources=[
            SourceConfig(name="feed", kind="rss", url="https://example.org/rss", interval="15m"),
            SourceConfig(name="uk", kind="gb_fcdo", interval="2h"),
            SourceConfig(name="off", kind="rss", url="https://example.org/x", enabled=False),
        ],
    )
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    scheduler = build_scheduler(engine, settings)
    scheduler.start(paused=True)  # applies the job defaults without running anything
    jobs = {job.id: job for job in scheduler.get_jobs()}
    assert set(jobs) == {"inbox", "process", "digest", "sources", "fetch:feed", "fetch:uk"}
    feed = jobs["fetch:feed"]
    assert feed.executor == "fetch" and jobs["inbox"].executor == "default" and jobs["digest"].executor == "mail"
    assert feed.trigger.interval.total_seconds() == 900 and feed.trigger.jitter == 90
    assert jobs["fetch:uk"].trigger.interval.total_seconds() == 7200
    for job in jobs.values():
        assert job.max_instances == 1 and job.coalesce is True
    # A source added through the API gets its job at the next refresh; a removed one loses it.
    with session_scope(engine) as session:
        repo.add_api_source(
            session, name="added", kind="rss", url="https://example.org/new", interval="5m", query="", target=""
        )
    refresh = scheduler.get_job("sources")
    refresh.func(*refresh.args)
    assert scheduler.get_job("fetch:added").trigger.interval.total_seconds() == 300
    with session_scope(engine) as session:
        repo.delete_api_source(session, name="added")
    refresh.func(*refresh.args)
    assert scheduler.get_job("fetch:added") is None
    scheduler.shutdown(wait=False)
    engine.dispose()
