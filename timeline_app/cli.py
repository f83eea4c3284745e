"""Command line: open the window, or work headless with `extract` and `export`."""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import date
from pathlib import Path

from timeline_app import __version__

logger = logging.getLogger(__name__)

_COMMANDS = {"extract", "export", "gui"}
IMAGE_SUFFIXES = (".png", ".svg")


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


def _size(value: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in value.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size in the form WIDTHxHEIGHT: {value!r}") from None
    if not (100 <= w <= 20000 and 100 <= h <= 20000):
        raise argparse.ArgumentTypeError(f"size out of range (100..20000 pixels a side): {value!r}")
    return w, h


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="article files or folders")
    p.add_argument("--merge", action="store_true",
                   help="one event for the same happening reported by several articles, listing every source")
    p.add_argument("--reference-date", type=_date, metavar="YYYY-MM-DD",
                   help="publication date to resolve relative times against (default: found in each file)")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="timeline-app", description="Turn news articles into a timeline.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = p.add_subparsers(dest="command")
    ex = sub.add_parser("extract", help="print the extracted timeline (no window)")
    _common(ex)
    ex.add_argument("--format", choices=["json", "csv", "timelinejs", "ics"],
                    help="json (the default), csv, timelinejs (TimelineJS3 JSON) or ics (iCalendar); "
                         "without it, the suffix of -o decides")
    ex.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    im = sub.add_parser("export", help="write the timeline picture (no window)")
    _common(im)
    im.add_argument("-o", "--output", required=True, type=Path, metavar="FILE", help="PNG or SVG file to write")
    im.add_argument("--size", type=_size, default=(1600, 900), metavar="WxH", help="image size (default 1600x900)")
    gui = sub.add_parser("gui", help="open the window (the default)")
    gui.add_argument("files", nargs="*", metavar="FILE")
    gui.add_argument("--reference-date", type=_date, metavar="YYYY-MM-DD")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # the window is the default command: "timeline-app -v a.txt" means "timeline-app -v gui a.txt"
    first = next((i for i, a in enumerate(argv) if not a.startswith("-")), len(argv))
    if not {"-h", "--help", "--version"} & set(argv[:first]) and (first == len(argv) or argv[first] not in _COMMANDS):
        argv.insert(first, "gui")
    args = _parser().parse_args(argv)
    if args.command == "export" and args.output.suffix.lower() not in IMAGE_SUFFIXES:
        print(f"timeline-app: cannot write {args.output}: choose a file name ending in .png or .svg", file=sys.stderr)
        return 2
    _setup_logging(args.verbose, to_file=args.command == "gui")
    if args.command == "gui":
        from timeline_app.ui.app import run

        return run([Path(f) for f in args.files], args.reference_date)
    timeline, failures = _extract(args.files, args.reference_date, args.merge)
    if args.command == "extract":
        from timeline_app.export import ExportError, write

        try:
            text = write(timeline, args.output, args.format)
        except (ExportError, OSError) as exc:
            print(f"timeline-app: cannot write {args.output or 'the export'}: {exc}", file=sys.stderr)
            return 1
        if not args.output:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        from timeline_app.ui.render import export_image

        try:
            export_image(timeline, args.output, args.size)
        except OSError as exc:
            print(f"timeline-app: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return 1
    return 1 if failures else 0


def _setup_logging(verbose: bool, to_file: bool) -> None:
    """Warnings to stderr; for the window, also everything from INFO up to a rotating log file."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if not to_file:
        return
    from logging.handlers import RotatingFileHandler

    from timeline_app.core.paths import log_dir

    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(folder / "timeline-app.log", maxBytes=1_000_000, backupCount=3,
                                      encoding="utf-8")
    except OSError as exc:
        logger.warning("no log file: %s", exc)
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.DEBUG if verbose else logging.INFO)
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(min(root.level, handler.level))
    for console in root.handlers:
        if console is not handler:
            console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    logger.info("timeline-app %s started", __version__)


def _extract(files: list[str], reference: date | None, merge: bool = False):
    from timeline_app.core.pipeline import build_timeline, process_files

    results, failures = [], 0
    for step in process_files(files, reference):
        if step.error:
            failures += 1
            print(f"timeline-app: {step.error}", file=sys.stderr)
        else:
            results.append(step.result)
    return build_timeline(results, merge), failures
