"""The SSRF guard: a URL whose host resolves to a private, loopback, link-local or otherwise non-public address
is refused unless the configuration allows that host explicitly (`[fetch] allow_private_hosts`)."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

from tracker.errors import SourceError


class BlockedAddress(SourceError):
    """The URL points into a private network and is not allowed."""


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    return not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved or ip.is_unspecified
    )


async def check_url(url: str, allowed_hosts: frozenset[str]) -> None:
    """Raise BlockedAddress (or SourceError for a bad URL) unless every address of the host is public or allowed."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise SourceError(f"{url}: only http and https URLs are fetched")
    host = (parts.hostname or "").lower()
    if not host:
        raise SourceError(f"{url}: no host")
    if host in allowed_hosts:
        return
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, parts.port or 443, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise SourceError(f"{url}: cannot resolve {host} ({exc.strerror})") from exc
    for info in infos:
        address = str(info[4][0])
        if address in allowed_hosts:
            continue
        if not _is_public(address):
            raise BlockedAddress(
                f"{url}: {host} resolves to non-public address {address}; add it to [fetch] allow_private_hosts "
                "to allow it"
            )
