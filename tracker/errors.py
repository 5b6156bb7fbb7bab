"""The exception tree. "Unchanged" and "nothing found" are return values, not exceptions.

TrackerError
 ├── ConfigError        settings or config file invalid
 ├── InputError         a file or body that cannot become a document (binary, empty, wrong encoding)
 └── SourceError        a source could not be fetched or parsed (issue 4 adds kinds)
"""


class TrackerError(Exception):
    """Base of every error tracker raises on purpose."""


class ConfigError(TrackerError):
    pass


class InputError(TrackerError):
    pass


class SourceError(TrackerError):
    pass
