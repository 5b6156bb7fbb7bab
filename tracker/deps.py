"""FastAPI dependencies every router shares: a database session per request and the bearer-token rules (issue 7).

Writes always need `[api] token`; with no token configured they are refused, never open. Reads are public unless
`[api] protect_reads` is set.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from sqlmodel import Session

from tracker.settings import Settings

# Liveness stays open for load balancers and the container healthcheck; it shows counts, not content.
OPEN_PATHS = frozenset({"/api/v1/health"})


def _token_matches(request: Request, token: str) -> bool:
    supplied = request.headers.get("authorization", "")
    scheme, _, value = supplied.partition(" ")
    return scheme.lower() == "bearer" and bool(token) and hmac.compare_digest(value.strip(), token)


def _require_token(request: Request, token: str) -> None:
    if not _token_matches(request, token):
        raise HTTPException(
            status_code=401, detail="a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"}
        )


def require_write(request: Request) -> None:
    settings: Settings = request.app.state.settings
    if not settings.api.token:
        raise HTTPException(status_code=403, detail="writes are disabled: no [api] token is configured")
    _require_token(request, settings.api.token)


def require_read(request: Request) -> None:
    settings: Settings = request.app.state.settings
    if settings.api.protect_reads and request.url.path not in OPEN_PATHS:
        _require_token(request, settings.api.token)


def _session(request: Request) -> Iterator[Session]:
    with Session(request.app.state.engine) as session:
        yield session


# Module level, so FastAPI can resolve the annotation in modules that use postponed annotations.
SessionDep = Annotated[Session, Depends(_session)]
