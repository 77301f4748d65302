"""``crisiscomms personalise``: the three file kinds, the summary, exit codes 0 / 1 / 3, and
nothing written when the input cannot be read."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from crisiscomms.cli import main
from crisiscomms.config import default_templates_dir
from crisiscomms.samples import example_path

GOOD = """id,channel,address,language,name,services
c1,sms,+972501234567,he,דנה,
c2,email,dana@example.com,en,Dana,
c3,sms,+972501234568,en,,tv
"""
BAD = GOOD + "c4,sms,0501234567,he,,\nc1,email,x@example.com,en,,\n"


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["personalise", str(example_path("identified")), *args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _recipients(tmp_path: Path, text: str = GOOD) -> Path:
    path = tmp_path / "r.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_run_writes_jsonl_and_a_summary(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    code, summary, err = _run(str(_recipients(tmp_path)), "--out", str(out))
    assert (code, err) == (0, "")
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["recipient_id"] for r in rows] == ["c1", "c2"]
    assert rows[1]["text"].startswith("Dear Dana,")
    assert "he sms: 1" in summary and "en email: 1" in summary
    assert "skipped (no affected service): 1" in summary and "rejected: 0" in summary
    assert "SMS segments: " in summary and "cost" not in summary
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


def test_rejected_rows_exit_1_and_go_to_the_rejects_file(tmp_path: Path) -> None:
    out, rejects = tmp_path / "out.csv", tmp_path / "rejects.csv"
    code, summary, _ = _run(str(_recipients(tmp_path, BAD)), "--out", str(out),
                            "--rejects", str(rejects))
    assert code == 1
    with rejects.open(encoding="utf-8", newline="") as stream:
        refused = [(r["line"], r["reason"]) for r in csv.DictReader(stream)]
    assert refused == [("5", "bad_phone"), ("6", "duplicate_id")]
    with out.open(encoding="utf-8", newline="") as stream:
        assert len(list(csv.DictReader(stream))) == 2
    assert "rejected: 2" in summary


def test_parquet_in_and_out(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    records = list(csv.DictReader(io.StringIO(GOOD)))
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "r.parquet")
    out = tmp_path / "out.parquet"
    code, _, _ = _run(str(tmp_path / "r.parquet"), "--out", str(out))
    assert code == 0
    table = pq.read_table(out)
    assert table.column("recipient_id").to_pylist() == ["c1", "c2"]
    assert table.schema.field("segments").type == pa.int64()


@pytest.mark.parametrize("name, text", [("missing.csv", None),
                                        ("r.csv", "name,channel\nDana,sms\n"),
                                        ("r.xlsx", "id\n")],
                         ids=["no file", "no id column", "unknown kind"])
def test_unreadable_input_exits_3_and_writes_nothing(tmp_path: Path, name: str,
                                                     text: str | None) -> None:
    path = tmp_path / name
    if text is not None:
        path.write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = _run(str(path), "--out", str(out), "--rejects", str(tmp_path / "rej.csv"))
    assert code == 3 and str(path) in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ([name] if text is not None else [])


def test_cost_with_a_segment_price(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    shutil.copytree(default_templates_dir(), folder)
    config = folder / "crisiscomms.toml"
    config.write_text("sms_segment_price = 0.05\n" + config.read_text(encoding="utf-8"),
                      encoding="utf-8")
    code, summary, _ = _run(str(_recipients(tmp_path)), "--out", str(tmp_path / "o.jsonl"),
                            "--templates", str(folder))
    assert code == 0
    segments = int(summary.split("SMS segments: ")[1].split(";")[0])
    assert f"cost {segments * 0.05:.2f}" in summary
