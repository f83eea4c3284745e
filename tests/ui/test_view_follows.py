"""While files load the view follows the growing timeline; once the user moves it, it stays where they put it."""

from __future__ import annotations

from datetime import date

from conftest import shown
from PySide6.QtWidgets import QApplication


def _timeline(*days: date):
    from timeline_app.core.model import Document, Event, Timeline, Timex

    docs, events = [], []
    for i, day in enumerate(days):
        docs.append(Document(f"d{i}", f"/tmp/d{i}.txt", f"Article {i}", "A sentence.", day, "user"))
        t = Timex(0, 1, "x", "DATE", day.isoformat(), day, day)
        events.append(Event(f"e{i}", f"d{i}", "A sentence.", 0, 11, t, ("Russia",), "Russia", f"event {i}"))
    return Timeline(tuple(docs), tuple(events))


def _days_in_view(view):
    from timeline_app.ui.timeline_layout import to_date

    (x0, x1), _ = view.plot.getViewBox().viewRange()
    origin = view.layout_.origin
    return to_date(x0, origin), to_date(x1, origin)


def test_the_view_follows_a_growing_timeline_until_the_user_moves_it(qtbot):
    from timeline_app.ui.timeline_view import TimelineView

    view = shown(qtbot, TimelineView(), (900, 500))
    view.show_timeline(_timeline(date(1940, 1, 1), date(1950, 1, 1)))
    view.show_timeline(_timeline(date(1940, 1, 1), date(1950, 1, 1), date(1997, 4, 1)))  # a later file arrives
    QApplication.processEvents()
    first, last = _days_in_view(view)
    assert first.year <= 1940 and last.year >= 1997, "the view grew with the timeline"

    from timeline_app.ui.timeline_layout import days

    origin = view.layout_.origin  # zoom in on 1950 as the wheel would, announced as the user's own move
    view.plot.setXRange(days(date(1949, 6, 1), origin), days(date(1950, 6, 1), origin), padding=0)
    view.plot.getViewBox().sigRangeChangedManually.emit([True, False])
    moved = _days_in_view(view)
    view.show_timeline(_timeline(date(1940, 1, 1), date(1950, 1, 1), date(1997, 4, 1), date(2005, 1, 1)))
    assert _days_in_view(view) == moved, "the user's view is kept"

    view.fit()
    view.show_timeline(_timeline(date(1940, 1, 1), date(1997, 4, 1), date(2010, 1, 1)))
    assert _days_in_view(view)[1].year >= 2010, "after F the view follows again"


def _news_and_history(published: date, news_days: int, history: tuple[date, ...]):
    from timeline_app.core.model import Document, Event, Timeline, Timex

    doc = Document("d", "/tmp/d.txt", "News", "A sentence.", published, "user")
    days = [date(published.year, published.month, 1 + i) for i in range(news_days)] + list(history)
    events = []
    for i, day in enumerate(days):
        t = Timex(0, 1, "x", "DATE", day.isoformat(), day, day)
        events.append(Event(f"e{i}", "d", "A sentence.", 0, 11, t, ("Russia",), "Russia", f"event {i}"))
    return Timeline((doc,), tuple(events))


def test_news_opens_on_its_weeks_and_f_shows_the_history_it_recalls(qtbot):
    from timeline_app.ui.timeline_view import TimelineView

    view = shown(qtbot, TimelineView(), (900, 500))
    view.show_timeline(_news_and_history(date(1997, 4, 5), 5, (date(1917, 1, 1), date(1960, 1, 1))))
    first, last = _days_in_view(view)
    assert first.year == 1997 and last.year == 1997, "the weeks the articles report on"
    view.fit()
    assert _days_in_view(view)[0].year <= 1917, "F shows every event"


def test_a_history_opens_on_all_of_it(qtbot):
    from timeline_app.ui.timeline_view import TimelineView

    view = shown(qtbot, TimelineView(), (900, 500))
    war = tuple(date(y, 6, 1) for y in range(1939, 1946))
    view.show_timeline(_news_and_history(date(2010, 5, 1), 1, war))
    first, last = _days_in_view(view)
    assert first.year <= 1939 and last.year >= 2010
