"""The command line as a user runs it: extract, export errors, and the window without a display."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
SEED = ROOT / "seeds" / "russia-us-syria-2017-09-26.txt"


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "timeline_app", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, env=env, timeout=300)


def test_extract_prints_the_json_contract_and_resolves_the_sample():
    done = run("extract", SEED, "--reference-date", "2017-09-26")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    (doc,) = data["documents"]
    assert doc["reference_date"] == "2017-09-26" and doc["reference_source"] == "user"
    assert set(doc) >= {"id", "path", "title", "reference_date", "reference_source"}
    events = data["events"]
    for e in events:
        assert set(e) >= {"id", "document", "sentence", "sentence_start", "sentence_end", "time", "actors", "lane"}
        assert set(e["time"]) >= {"text", "start", "end", "type", "value", "earliest", "latest"}
        text = SEED.read_text(encoding="utf-8").strip()
        assert text[e["sentence_start"]:e["sentence_end"]] == e["sentence"]
    by_text = {}
    for e in events:
        by_text.setdefault(e["time"]["text"], []).append(e)
    expected = {"earlier this month": "2017-09", "September 25": "2017-09-25", "the weekend": "2017-W38-WE",
                "last week": "2017-W38", "this week": "2017-W39", "September 23": "2017-09-23"}
    real_lanes = {a["name"] for a in data["actors"]}
    for phrase, value in expected.items():
        assert by_text.get(phrase), phrase
        for e in by_text[phrase]:
            assert e["time"]["value"] == value
            assert e["lane"] in real_lanes and e["lane"] != "Unattributed"
    assert len(by_text["last week"]) == 3
    assert by_text["earlier this month"][0]["time"]["latest"] < "2017-09-26"
    assert {a["name"] for a in data["actors"]} >= {"Russia", "United States", "Syrian Democratic Forces"}


def test_without_a_reference_date_the_source_is_said(tmp_path):
    plain = tmp_path / "note.txt"
    plain.write_text("Russia denied the accusation last week.", encoding="utf-8")
    data = json.loads(run("extract", plain).stdout)
    assert data["documents"][0]["reference_source"] == "file-time"


def test_a_bad_file_is_named_and_the_others_still_come_out(tmp_path):
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02\x03 not text")
    done = run("extract", bad, SEED)
    assert done.returncode == 1
    assert "broken.txt" in done.stderr and "binary" in done.stderr
    assert len(json.loads(done.stdout)["documents"]) == 1


def test_the_window_without_a_display_says_what_to_do():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = run(SEED, env=env)
    assert done.returncode == 2
    assert "no display" in done.stderr and "extract" in done.stderr


def test_options_may_come_before_the_command():
    done = run("-v", "extract", SEED, "--reference-date", "2017-09-26")
    assert done.returncode == 0 and json.loads(done.stdout)["events"]


def test_export_refuses_a_picture_format_it_cannot_write_before_doing_any_work(tmp_path):
    done = run("export", SEED, "-o", tmp_path / "timeline.jpg")
    assert done.returncode == 2
    assert "timeline.jpg" in done.stderr and ".png" in done.stderr
    assert not (tmp_path / "timeline.jpg").exists()


def test_merge_joins_the_same_happening_reported_by_several_articles(tmp_path):
    copy = tmp_path / "same-story-2017-09-26.txt"
    copy.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    separate = json.loads(run("extract", SEED, copy, "--reference-date", "2017-09-26").stdout)["events"]
    merged = json.loads(run("extract", "--merge", SEED, copy, "--reference-date", "2017-09-26").stdout)["events"]
    assert len(merged) == len(separate) // 2
    assert all(len(e["sources"]) == 2 for e in merged)


def test_extract_reads_an_rtf_article_with_its_creation_date(tmp_path):
    title, *paragraphs = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    body = "\\par\n".join(paragraphs)  # the sample is plain ASCII without braces or backslashes
    article = tmp_path / "article.rtf"
    article.write_text("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}}\n"
                       f"{{\\info{{\\title {title}}}{{\\creatim\\yr2017\\mo9\\dy26\\hr10\\min45}}}}\n"
                       f"\\pard\\plain {body}\\par\n}}", encoding="ascii")
    done = run("extract", article)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    (doc,) = data["documents"]
    assert (doc["title"], doc["reference_date"], doc["reference_source"]) == (title, "2017-09-26", "metadata")
    values = {e["time"]["text"]: e["time"]["value"] for e in data["events"]}
    assert values["last week"] == "2017-W38" and values["September 25"] == "2017-09-25"
