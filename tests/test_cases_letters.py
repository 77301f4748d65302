"""Case letters and commands (issue 13 steps 3-4)."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from crisiscomms.cases import load_case
from crisiscomms.cases.letters import render_case_letter
from crisiscomms.cli import main
from crisiscomms.errors import CaseError
from crisiscomms.samples import load_example

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "cases"
NOW = dt.datetime.fromisoformat("2026-11-30T10:00:00+02:00")


def test_final_letter_recounts_everything() -> None:
    case = load_case(EXAMPLES / "justified-voucher.yaml")
    letter = render_case_letter(case, "final", now=NOW, incident=load_example("compensation"))
    for expected in ("CASE-1031", "10%", "240 ₪", "28 בפברואר 2027", "הפסקה בשירותי הסלולר",
                     "21 בנובמבר 2026", "09:35", "אנו מתנצלים", "04-8609120"):
        assert expected in letter.text, expected
    assert letter.html is not None and 'dir="rtl"' in letter.html
    assert "<bdi>10%</bdi>" in letter.html
    email = letter.as_email_message(to="avi.mizrahi@example.com")
    assert email["Content-Language"] == "he"


def test_unjustified_final_letter_does_not_apologise_for_a_wrong() -> None:
    letter = render_case_letter(load_case(EXAMPLES / "not-justified.yaml"), "final", now=NOW)
    assert "לא נמצאה מוצדקת" in letter.text and "עוגמת הנפש" not in letter.text


def test_english_letters() -> None:
    case = load_case(EXAMPLES / "email-over-holiday.yaml")
    ack = render_case_letter(case, "acknowledgement",
                             now=dt.datetime.fromisoformat("2026-09-22T09:05:00+03:00"))
    assert "20 September 2026 at 17:15" in ack.text and "Yossi Ben David" in ack.text
    final = render_case_letter(case, "final", now=NOW)
    assert "partly justified" in final.text and "\u2066" not in final.text


def test_progress_letter_names_parties_and_next_update() -> None:
    case = load_case(EXAMPLES / "fax-before-weekend.yaml")
    letter = render_case_letter(case, "progress", now=NOW)
    assert "חברת ההובלה" in letter.text and "3 בדצמבר 2026" in letter.text


def test_final_letter_needs_a_resolution() -> None:
    with pytest.raises(CaseError):
        render_case_letter(load_case(EXAMPLES / "fax-before-weekend.yaml"), "final", now=NOW)


def test_language_without_templates(tmp_path: Path) -> None:
    source = (EXAMPLES / "fax-before-weekend.yaml").read_text(encoding="utf-8")
    path = tmp_path / "fr.yaml"
    path.write_text(source.replace("language: he", "language: fr").replace(
        'he: "הנתב', 'fr: "x"\n  he: "הנתב').replace(
        '{he: "מיכל אברהם"', '{fr: "Michal", he: "מיכל אברהם"}, x: {he: "y"').replace(
        ', x: {he: "y", en: "Michal Avraham"}', ''), encoding="utf-8")
    err = io.StringIO()
    code = main(["case", "letter", str(path), "--kind", "acknowledgement", "--now",
                 "2026-11-29T10:00:00+02:00"], out=io.StringIO(), err=err)
    assert code == 3 and str(path) in err.getvalue()


def test_cli_due_report_check() -> None:
    out = io.StringIO()
    assert main(["cases", "due", str(EXAMPLES), "--now", "2026-11-30T10:00:00+02:00",
                 "--format", "json"], out=out) == 0
    rows = json.loads(out.getvalue())["cases"]
    assert [r["case_id"] for r in rows] == ["CASE-1042"]
    assert main(["cases", "due", str(EXAMPLES), "--now", "2026-12-04T10:00:00+02:00"],
                out=io.StringIO()) == 1
    out = io.StringIO()
    assert main(["cases", "report", str(EXAMPLES), "--from", "2026-11-22", "--to",
                 "2026-11-28", "--format", "json"], out=out) == 0
    report = json.loads(out.getvalue())
    assert (report["received"], report["closed"], report["share_justified"]) == (3, 2, 0.5)
    out = io.StringIO()
    main(["cases", "report", str(EXAMPLES), "--from", "2026-11-22", "--to", "2026-11-28",
          "--format", "html"], out=out)
    assert "<svg" in out.getvalue() and "http://" not in out.getvalue().replace(
        'xmlns="http://www.w3.org/2000/svg"', "")
    assert main(["case", "check", str(EXAMPLES / "fax-before-weekend.yaml"), "--now",
                 "2026-12-04T10:00:00+02:00"], out=io.StringIO()) == 1


def test_bad_case_is_exit_3(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("id: C-1\nlanguage: he\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["case", "check", str(path), "--now", "2026-11-30T10:00:00+02:00"],
                out=out, err=err) == 3
    assert str(path) in err.getvalue() and out.getvalue() == ""


def test_promised_update_is_on_the_hour_before_the_deadline() -> None:
    # The fax case's next update is due 3 December 2026 at 15:45 on the business clock; the
    # letter promises 15:00 of that day, never a later time.
    case = load_case(EXAMPLES / "fax-before-weekend.yaml")
    letter = render_case_letter(case, "progress", now=NOW)
    assert "3 בדצמבר 2026, בשעה \u206615:00\u2069" in letter.text, letter.text
    assert "15:45" not in letter.text


@pytest.mark.parametrize("lang", ["he", "en"])
def test_final_letter_follows_a_call_only_when_there_was_one(lang: str) -> None:
    case = load_case(EXAMPLES / "not-justified.yaml").model_copy(update={"language": lang})
    phoned = render_case_letter(case, "final", now=NOW)
    events = [e.model_copy(update={"via": "email"}) if e.kind == "resolved" else e
              for e in case.events]
    wrote = render_case_letter(case.model_copy(update={"events": events}), "final", now=NOW)
    call = {"he": "בהמשך לשיחתנו", "en": "Following our call"}[lang]
    assert call in phoned.text and call not in wrote.text
    assert ("ברצוני לסכם בכתב" if lang == "he" else "I am writing to set out") in wrote.text
