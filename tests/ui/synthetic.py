"""Hand-made timelines for UI tests: built from the model, independent of the extractors' output."""

from __future__ import annotations

from datetime import date, datetime

from timeline_app.core.model import Actor, Document, Event, Mention, Timeline, Timex

TEXT = ("Russia said on September 25 that its forces were shelled. "
        "Last week the SDF accused Russia of an air strike. "
        "The United States called for calm earlier this month. "
        "On September 23 at 14:30 a convoy was hit near Deir al-Zor.")


def _sentence(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    end = text.index(".", start) + 1
    while start > 0 and text[start - 1] != " ":
        start -= 1
    return start, end


def document(doc_id: str = "doc-a", title: str = "Russia, U.S. Allies Exchange Blame Over Deaths In Syria",
             ref: date = date(2017, 9, 26), text: str = TEXT) -> Document:
    return Document(doc_id, f"/tmp/{doc_id}.txt", title, text, ref, "user")


def timexes(text: str = TEXT) -> list[Timex]:
    out = []
    for phrase, value, lo, hi, anchor in [
        ("September 25", "2017-09-25", date(2017, 9, 25), date(2017, 9, 25), "reference"),
        ("Last week", "2017-W38", date(2017, 9, 18), date(2017, 9, 24), "reference"),
        ("earlier this month", "2017-09", date(2017, 9, 1), date(2017, 9, 25), "reference"),
        ("September 23 at 14:30", "2017-09-23T14:30", datetime(2017, 9, 23, 14, 30), datetime(2017, 9, 23, 14, 30),
         "reference"),
    ]:
        start = text.index(phrase)
        out.append(Timex(start, start + len(phrase), phrase, "DATE", value, lo, hi, anchor))
    return out


def mentions(text: str = TEXT) -> list[Mention]:
    out = []
    for name, actor in [("Russia", "Russia"), ("SDF", "SDF"), ("United States", "United States")]:
        start = 0
        while (i := text.find(name, start)) >= 0:
            out.append(Mention(i, i + len(name), actor))
            start = i + 1
    return sorted(out, key=lambda m: m.start)


def events(doc: Document) -> list[Event]:
    lanes = ["Russia", "SDF", "United States", "Russia"]
    out = []
    for n, (t, lane) in enumerate(zip(timexes(doc.text), lanes, strict=True)):
        s, e = _sentence(doc.text, t.text)
        sentence = doc.text[s:e]
        out.append(Event(f"{doc.id}:{n}", doc.id, sentence, s, e, t, (lane,), lane, sentence[:40]))
    return out


def timeline(n_docs: int = 1) -> Timeline:
    docs = [document(f"doc-{i}", f"Article number {i} about Syria", date(2017, 9, 26 - i)) for i in range(n_docs)]
    if n_docs == 1:
        docs = [document()]
    evs = [e for d in docs for e in events(d)]
    actors = (Actor("Russia", "country"), Actor("SDF", "group"), Actor("United States", "country"))
    return Timeline(tuple(docs), tuple(evs), actors, {d.id: tuple(mentions(d.text)) for d in docs})
