"""Bulk messages (CONTRACT section 10): recipients files checked row by row, personal slots
checked when templates compile, and each joined message equal to what the ordinary render path
gives that recipient."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from crisiscomms.bulk import Tally, personalise
from crisiscomms.bulk.personalise import Personaliser, boundary, idempotency_key
from crisiscomms.bulk.recipients import (
    Recipient,
    RecipientsError,
    Rejected,
    check_rows,
    read_recipients,
    read_rows,
)
from crisiscomms.config import default_templates_dir
from crisiscomms.errors import TemplateError
from crisiscomms.model import Incident
from crisiscomms.samples import load_example

LANGS = ("he", "en")

CSV = """id,channel,address,language,name,services,reference
c1,sms,+972501234567,he,דנה,,
c2,sms,0501234567,he,,,
c3,email,not-an-address,en,,,
c4,fax,+972501234567,en,,,
c1,sms,+972501234568,en,,,
,sms,+972501234569,en,,,
c5,email,dana@example.com,fr,Dana Levi,,REF-77
c6,sms,+972501234570,en,Tom,tv|landline,
c7,sms,+972501234571,en,Tom,app|tv,
"""
"""Rows 2-10: two good, a bad phone, a bad email, an unknown channel, a duplicate id, a
missing id, a fallback language, one untouched by the outage, one touched."""


@pytest.fixture(scope="module")
def incident() -> Incident:
    return load_example("identified")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bad_rows_are_rejected_with_their_line_and_reason(tmp_path: Path) -> None:
    rows = list(read_recipients(_write(tmp_path, "r.csv", CSV), languages=LANGS))
    rejected = [(r.line, r.reason) for r in rows if isinstance(r, Rejected)]
    assert rejected == [(3, "bad_phone"), (4, "bad_email"), (5, "unknown_channel"),
                        (6, "duplicate_id"), (7, "missing_id")]
    good = {r.id: r for r in rows if isinstance(r, Recipient)}
    assert good["c5"].language == "he" and good["c5"].fell_back  # fr: the first language
    assert good["c5"].values == {"name": "Dana Levi", "reference": "REF-77"}
    assert good["c6"].services == frozenset({"tv", "landline"})


def test_csv_lines_count_physical_lines(tmp_path: Path) -> None:
    text = 'id,channel,address,name\nc1,sms,+972501234567,"two\nlines"\nc2,sms,bad,x\n'
    rows = list(read_recipients(_write(tmp_path, "r.csv", text), languages=LANGS))
    assert [(r.line, getattr(r, "reason", "ok")) for r in rows] == [
        (2, "ok"), (4, "bad_phone")]


def test_jsonl_lines_and_bad_json(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "a", "channel": "sms", "address": "+972501234567"}), "",
             "{not json", json.dumps(["a list"]),
             json.dumps({"id": "b", "channel": "email", "address": "b@example.com"})]
    rows = list(read_recipients(_write(tmp_path, "r.jsonl", "\n".join(lines) + "\n"),
                                languages=LANGS))
    assert [(r.line, getattr(r, "reason", "ok")) for r in rows] == [
        (1, "ok"), (3, "bad_row"), (4, "bad_row"), (5, "ok")]


@pytest.mark.parametrize("name, text", [
    ("missing.csv", None), ("r.txt", "id\n"), ("r.csv", ""), ("r.csv", "name\nDana\n")],
    ids=["no file", "unknown suffix", "empty", "no id column"])
def test_unreadable_files(tmp_path: Path, name: str, text: str | None) -> None:
    path = tmp_path / name if text is None else _write(tmp_path, name, text)
    with pytest.raises(RecipientsError):
        list(read_rows(path))


def test_not_utf8_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(b"id,channel,address\nc1,sms,\xff\n")
    with pytest.raises(RecipientsError, match="UTF-8"):
        list(read_rows(path))


def test_bidi_controls_in_a_name_are_refused() -> None:
    [row] = check_rows([(2, {"id": "a", "channel": "sms", "address": "+972501234567",
                             "name": "Dana\u202e"})], languages=LANGS)
    assert isinstance(row, Rejected) and row.reason == "bad_value"


def _every_row_accounted(incident: Incident, rows: Any, count: int) -> Tally:
    tally = Tally()
    rejects: list[Rejected] = []
    out = list(personalise(incident, rows, tally=tally, rejects=rejects.append))
    assert len(out) + tally.skipped + len(rejects) == count
    assert tally.rows == count and tally.rejected == len(rejects)
    return tally


def test_output_skipped_and_rejected_sum_to_the_input(tmp_path: Path,
                                                      incident: Incident) -> None:
    tally = _every_row_accounted(incident, read_rows(_write(tmp_path, "r.csv", CSV)), 9)
    assert (tally.skipped, tally.rejected, tally.fell_back) == (1, 5, 1)
    assert sum(tally.sent.values()) == 3


def test_parquet_rows_are_accounted(tmp_path: Path, incident: Incident) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    rows = list(check_rows(read_rows(_write(tmp_path, "r.csv", CSV)), languages=LANGS))
    assert rows
    import csv
    import io

    records = list(csv.DictReader(io.StringIO(CSV)))
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "r.parquet")
    parquet = list(read_rows(tmp_path / "r.parquet", batch_size=3))
    assert [line for line, _ in parquet] == list(range(1, 10))
    _every_row_accounted(incident, read_rows(tmp_path / "r.parquet", batch_size=3), 9)


NAMES = ["Dana", "דנה", "Zoë Łukasz", "O'Brien & <Sons>", "José", "€uro {curly}",
         "𝒜strid", "A" * 120, None]
"""Latin, Hebrew, non-GSM Latin, HTML specials, GSM extension characters, a surrogate pair,
a name that pushes the SMS over a segment, and none."""


@pytest.mark.parametrize("example", ["identified", "resolved", "compensation"])
@pytest.mark.parametrize("lang", LANGS)
def test_joined_messages_equal_the_render_path(example: str, lang: str) -> None:
    run = Personaliser(load_example(example))
    for number, name in enumerate(NAMES):
        for channel, address in (("sms", "+972501234567"), ("email", "dana@example.com")):
            row = {"id": f"r{number}", "channel": channel, "address": address,
                   "language": lang, "reference": "REF-12"}
            if name:
                row["name"] = name
            [recipient] = check_rows([(number, row)], languages=LANGS)
            assert isinstance(recipient, Recipient)
            joined = run.one(recipient)
            direct = run.render_for(lang, channel, recipient.values)
            assert (joined.subject, joined.text, joined.html) == (
                direct.subject, direct.text, direct.html), (name, channel)
            if channel == "sms":
                assert (joined.encoding, joined.segments) == (
                    direct.stats["encoding"], direct.stats["segments"]), name
            else:
                email = direct.as_email_message(to=address)
                email.set_boundary(boundary(joined.key))
                # Byte for byte: the frame built once, the address and bodies spliced in.
                assert run.email_bytes(joined) == email.as_bytes(), name


def test_the_greeting_and_reference_reach_the_message(incident: Incident) -> None:
    rows = [{"id": "a", "channel": "email", "address": "a@example.com", "language": "en",
             "name": "Dana", "reference": "REF-12"},
            {"id": "b", "channel": "email", "address": "b@example.com", "language": "en"}]
    named, plain = personalise(incident, rows)
    assert named.text.startswith("Dear Dana,") and "REF-12" in named.text
    assert named.html is not None and "Dear Dana," in named.html
    assert plain.text.startswith("Dear customer,") and "REF-12" not in plain.text


def test_variants_render_once(incident: Incident) -> None:
    run = Personaliser(incident)
    rows = [{"id": str(i), "channel": "sms", "address": "+972501234567", "language": "en",
             "name": f"N{i:02d}"} for i in range(50)]  # one length: one wording level
    counts = []
    for row in check_rows(enumerate(rows, 1), languages=LANGS):
        assert isinstance(row, Recipient)
        run.one(row)
        counts.append(len(run._variants))
    # The first recipient renders the wordings it tries (the full one may be over with a
    # name in it); every later one reuses them.
    assert counts[0] >= 1 and set(counts) == {counts[0]}


def test_idempotency_key(incident: Incident) -> None:
    [m] = personalise(incident, [{"id": "c1", "channel": "sms", "address": "+972501234567"}])
    assert m.key == idempotency_key(incident, "c1", "sms")
    later = incident.model_copy(update={"updated_at": incident.updated_at.replace(minute=11)})
    assert idempotency_key(later, "c1", "sms") != m.key
    assert idempotency_key(incident, "c1", "email") != m.key


@pytest.mark.parametrize("template", [
    "{{ recipient.name|upper }}",
    "{% if recipient.name == 'Dana' %}x{% endif %}",
    "{% for c in recipient.name %}{{ c }}{% endfor %}",
    "{% set n = recipient.name %}{{ n }}",
    "{{ recipient }}",
    "{{ f.title ~ recipient.name }}",
], ids=["filter", "compare", "loop", "set", "whole recipient", "concatenated"])
def test_a_slot_inside_logic_is_refused_naming_the_template(tmp_path: Path,
                                                            incident: Incident,
                                                            template: str) -> None:
    folder = tmp_path / "t"
    shutil.copytree(default_templates_dir(), folder)
    path = folder / "en" / "sms.txt"
    path.write_text("\n" + template + "\n" + path.read_text(encoding="utf-8"),
                    encoding="utf-8")
    rows = [{"id": "a", "channel": "sms", "address": "+972501234567", "language": "en",
             "name": "Dana"}]
    with pytest.raises(TemplateError) as caught:
        list(personalise(incident, rows, templates=folder))
    assert caught.value.file is not None and caught.value.file.endswith("en/sms.txt")
    assert caught.value.line == 2


def test_a_slot_opening_a_hebrew_line_is_refused(tmp_path: Path, incident: Incident) -> None:
    folder = tmp_path / "t"
    shutil.copytree(default_templates_dir(), folder)
    path = folder / "he" / "sms.txt"
    path.write_text("{% if recipient and recipient.name %}{{ recipient.name }}, {% endif %}"
                    + path.read_text(encoding="utf-8"), encoding="utf-8")
    rows = [{"id": "a", "channel": "sms", "address": "+972501234567", "language": "he",
             "name": "Dana"}]
    with pytest.raises(TemplateError, match="opens a line"):
        list(personalise(incident, rows, templates=folder))


def test_a_latin_name_in_hebrew_is_isolated(incident: Incident) -> None:
    rows = [{"id": "a", "channel": "email", "address": "a@example.com", "language": "he",
             "name": "Dana"},
            {"id": "b", "channel": "sms", "address": "+972501234567", "language": "he",
             "name": "Dana"}]
    email, sms = personalise(incident, rows)
    assert email.html is not None and "<bdi>Dana</bdi>" in email.html
    assert "\u2066Dana\u2069" in email.text  # email: isolates
    assert "שלום Dana," in sms.text  # SMS: marks, none where they change nothing
