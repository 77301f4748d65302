"""Session 20, helper sms20b: a service's short name for the SMS (R8 he #1) and the short
workaround in the statement-after-statement SMS."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crisiscomms import render
from crisiscomms.checks.required import required_facts
from crisiscomms.errors import IncidentError
from crisiscomms.facts import build_facts, plain
from crisiscomms.incident_doc import incident_markdown
from crisiscomms.loading import load_incident
from crisiscomms.render import template_set
from crisiscomms.samples import changed_example
from crisiscomms.text.bidi import strip_controls

HARD = Path(__file__).parent / "data" / "hard"
FORM = Path(__file__).parents[1] / "crisiscomms" / "preview" / "static" / "form.json"
BUDGET = 134  # two UCS-2 segments


def _sms(path: Path, lang: str = "he") -> tuple[str, int, set[str]]:
    bundle = render(load_incident(path), languages=[lang], channels=["sms"])
    message = bundle[lang, "sms"]
    return strip_controls(message.text), int(message.stats["units"]), {
        f.rule for f in bundle.findings}


def test_the_call_centre_sms_has_the_sender_and_every_working_channel() -> None:
    # s22 (reading 18 #2): the channels scoped ("בעניין אחר פנו …"), not "אין צורך לפנות בעניין
    # זה. פנו …", and the sender back in the room that frees.
    text, units, rules = _sms(HARD / "callcentre.yaml")
    # s28 (reading 48 HE-1): the lost-email request takes the room of the sender and of the second
    # working channel; the first stays, as where to send again now.
    assert text.startswith("תקלה במוקד שירות הלקוחות (טלפון ומייל) – בטיפול.")
    assert "מיילים מאז 09:30 לא נשמרו. פנו שוב בצ'אט באתר." in text
    assert units <= BUDGET
    assert "required-fact" not in rules


# s26: Arabic names email support "البريد الإلكتروني" in short ("البريد" alone is the post).
@pytest.mark.parametrize(("lang", "said"), [("ar", "(الهاتف والبريد الإلكتروني)"),
                                            ("ru", "(телефон и почта)")])
def test_the_short_names_are_the_bracket_in_arabic_and_russian(lang: str, said: str) -> None:
    # s25: tests/data/callcentre-s24*, the old-shaped call-centre incident (title naming
    # neither service; both in the bracket) these wordings were pinned against.
    text, _, rules = _sms(HARD.parent / "callcentre-s24-arru.yaml", lang)
    assert said in text
    assert "required-fact" not in rules


def test_a_short_name_states_its_service_for_the_required_facts_check() -> None:
    ts = template_set(None)
    facts = plain(build_facts(load_incident(HARD / "callcentre.yaml"), ts.config,
                              ts.language("he"), "he"))
    needed = {name: (paths, texts) for name, paths, texts in required_facts(facts, "sms")}
    paths, texts = needed["service_list[0]"]
    assert "service_short_list[0]" in paths
    assert "טלפון" in texts


@pytest.mark.parametrize(("short", "error"), [
    ("המוקד הטלפוני של החברה", "services[0].short.he: is 22 characters; at most 20"),
    ("", "services[0].short.he"),
])
def test_a_short_name_is_bounded_and_the_error_names_the_field(tmp_path: Path, short: str,
                                                                error: str) -> None:
    text = (HARD / "callcentre.yaml").read_text(encoding="utf-8").replace(
        'short: {he: "טלפון"', f'short: {{he: "{short}"')
    path = tmp_path / "inc.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(IncidentError) as caught:
        load_incident(path)
    assert error in str(caught.value)


def test_the_form_and_the_docs_have_the_short_name() -> None:
    form = json.loads(FORM.read_text(encoding="utf-8"))
    services = next(s for s in form["sections"] if s.get("path") == "services")
    assert "short" in {field["name"] for field in services["fields"]}
    assert "| `services[].short` | no | text per language" in incident_markdown()


def test_the_changed_sms_keeps_the_no_need_line_and_the_late_apology_under_the_sender() -> None:
    # s21 (R12 he #1): the previous SMS carried the workaround, so in the changed one the no-need
    # line and the late-update apology outrank it at the last level; the sender stays.
    previous, current = changed_example()
    bundle = render(current, previous=previous, languages=["he"], channels=["sms"])
    message = bundle["he", "sms"]
    text = strip_controls(message.text)
    assert text == ("נתיבים: תקלה בכניסה לאפליקציה ובאזור האישי – בטיפול. "
                    "סליחה על העיכוב בעדכון. צפי: 17:00 (ולא 15:30). "
                    "נעדכן ב-15:00. אין צורך לפנות.")
    assert int(message.stats["units"]) <= BUDGET
    # The previous statement carried the workaround: its drop here is a choice, not a finding.
    assert not [f for f in bundle.findings if f.rule == "sms-workaround-dropped"]
