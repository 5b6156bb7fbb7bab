"""tracker: which government told its citizens to leave which country, and when."""

__version__ = "0.1.0"
