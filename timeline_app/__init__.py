"""Turn news articles into a timeline of who did what, when."""

__version__ = "0.1.0"
