"""URL canonicalisation: one spelling per article, so syndicated links and tracking variants are fetched once."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Parameters that identify a campaign or a click, never the content.
TRACKING_PREFIXES = ("utm_", "at_", "mc_", "pk_", "hsa_")
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "yclid",
        "igshid",
        "ocid",
        "cmpid",
        "cmp",
        "ref",
        "ref_src",
        "ref_url",
        "smid",
        "smtyp",
        "s_cid",
        "ns_campaign",
        "ns_mchannel",
        "ns_source",
        "ns_linkname",
        "ito",
        "taid",
        "guccounter",
        "guce_referrer",
        "guce_referrer_sig",
        "_ga",
        "mkt_tok",
        "share",
        "amp",
        "outputtype",
        "rss",
        "feed",
    }
)
DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters, sorted query."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in TRACKING_PARAMS and not key.lower().startswith(TRACKING_PREFIXES)
    ]
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()
