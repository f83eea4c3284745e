"""Find the actors a text names and decide who acts in a clause."""

from timeline_app.core.actors.gazetteer import catalog, find_mentions
from timeline_app.core.actors.roles import principal_actor

__all__ = ["catalog", "find_mentions", "principal_actor"]
