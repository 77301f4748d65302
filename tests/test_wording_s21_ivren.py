"""Session 21 (ivren21), the English phone line after readings 12 and 13: the out-of-hours line
closes its time range with a comma and offers the chat with a verb of its own (R13 #4); the
overnight script keeps its thanks (R12 he #3); the SSML lowers a workaround after its opener
as the text does (R12 he #6); the compensation still says no one need ask for it (R13 #6); one
next-update sentence at every wording (R12 he #5); "our" only before a thing we run (R12 he
#4); a time still ahead this evening is "tonight" (R13 #6 nit)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from crisiscomms import Incident, render
from crisiscomms.changes import changes
from crisiscomms.channels import CHANNELS
from crisiscomms.facts import _inline, _user_text, build_facts
from crisiscomms.loading import load_incident
from crisiscomms.render import _render_one, template_set
from crisiscomms.samples import changed_example, example_names, load_example

from .example_edits import seen

HARD = Path(__file__).parent / "data" / "hard"
LEVELS = CHANNELS["ivr"].short_wording + 1


def _ivr(incident: Incident, output: str = "text", previous: Incident | None = None) -> str:
    bundle = render(incident, previous=previous, languages=["en"], channels=["ivr"])
    return seen(bundle, "en", "ivr", output)


def _levels(incident: Incident, previous: Incident | None = None) -> list[Any]:
    ts = template_set()
    language = ts.language("en")
    moved = None if previous is None else changes(previous, incident)
    facts = build_facts(incident, ts.config, language, "en", moved)
    return [_render_one(ts, incident, "en", "ivr", {}, facts, language, {}, level=level)
            for level in range(LEVELS)]


def _every_script() -> list[tuple[str, Incident, Incident | None]]:
    found: list[tuple[str, Incident, Incident | None]] = [
        (name, load_example(name), None) for name in example_names()]
    found += [(path.name, load_incident(path), None) for path in sorted(HARD.glob("*.yaml"))]
    previous, current = changed_example()
    return [*found, ("changed", current, previous)]


def test_out_of_hours_the_time_range_is_closed_by_a_comma_and_the_chat_has_a_verb() -> None:
    # R13 #4: "…08:00 to 20:00 or reach us by chat on our website" ran "eight p.m. or reach us"
    # together.
    text = _ivr(load_example("overnight"))
    # s27 (reading 46 EN-8): with Friday's hours, "we know about it" trimmed for them.
    assert ("For anything else, call back Sunday to Thursday, 08:00 to 20:00, Friday until 13:00, "
            "or chat with us on our website.") in text, text
    assert "reach us by chat" not in text
    assert ("eight a.m. to eight p.m., Friday until one p.m., or chat with us on our website"
            in _ivr(load_example("overnight"), "ssml"))


def test_the_overnight_script_keeps_its_thanks() -> None:
    # R12 he #3 / R13 #6: it stopped at "Our next update is today at 23:30."
    incident = load_example("overnight")
    message = render(incident, languages=["en"], channels=["ivr"])["en", "ivr"]
    text = _ivr(incident)
    assert "Our next update is tonight at 23:30. Thank you for your patience." in text, text
    assert message.stats["seconds"] <= 45
    # The label still opens the workaround (whole since reading 28 EN-5's shorter closed-hours
    # line: "In the meantime,").
    assert "In the meantime, international calls can be made with internet calling apps." in text


def test_the_ssml_lowers_the_workaround_after_its_opener_as_the_text_does() -> None:
    # R12 he #6: the text said "In the meantime, international calls", the SSML "International".
    for name, incident, previous in _every_script():
        for message in _levels(incident, previous):
            for opener in ("meantime, ", "Meanwhile, "):
                for output in (message.text, message.ssml):
                    at = output.find(opener)
                    if at >= 0:
                        after = output[at + len(opener):]
                        assert not after.startswith(("International", "You", "To ")), (
                            name, output)
    ssml = _ivr(load_example("overnight"), "ssml")
    assert "In the meantime, international calls" in ssml, ssml


def test_a_name_after_the_opener_keeps_its_capital_in_speech_too() -> None:
    ts = template_set()
    en = ts.language("en")
    lowered = _inline(_user_text("International calls work.", False, en.speech), en,
                      ["Netivim"], [])
    assert lowered is not None and str(lowered) == "international calls work."
    assert lowered.spoken.startswith("international calls")  # type: ignore[union-attr]
    kept = _inline(_user_text("TV works in the app.", False, en.speech), en, ["Netivim"], [])
    assert kept is not None and str(kept).startswith("TV")


def test_the_compensation_still_says_no_one_need_ask_for_it() -> None:
    # R13 #6: he and ar say "ואין צורך לפנות אלינו" / "دون الحاجة إلى التواصل معنا"; en dropped it
    # where it kept the customer action.
    incident = load_example("compensation")
    text = _ivr(incident)
    # s25 (reading 30 en-1): beside the action out of hours, the short form says how and by when
    # the voucher arrives (what makes a customer call), without "no need to ask".
    # s26 (reading 33 en): it says "no need to ask" again, as a sentence to the caller.
    # s27b (reading 47 EN-2): as a whole sentence, "You do not need to ask.".
    assert ("By Saturday 28 November, we will text you a voucher worth 10% of your monthly bill, "
            "valid until 31 December 2026. You do not need to ask.") in text, text
    assert "If you still have no signal, restart your phone." in text
    assert "We are very sorry for such a long disruption." in text
    assert "By Saturday the twenty-eighth of November, we will text you" in _ivr(incident, "ssml")
    assert render(incident, languages=["en"], channels=["ivr"])["en", "ivr"].stats[
        "seconds"] <= 45


def test_one_next_update_sentence_at_every_wording() -> None:
    # R12 he #5: "We'll update you at 15:00." / "Our next update will be today at 11:00" /
    # "Our next update is today at 15:00."
    for name, incident, previous in _every_script():
        if incident.status.value == "resolved":
            continue
        for message in _levels(incident, previous):
            assert re.search("Our next update (here )?is ", message.text), (name, message.text)
            assert "update you" not in message.text and "will be today" not in message.text
    previous, current = changed_example()
    assert "Our next update is today at 15:00." in _ivr(current, previous=previous)


@pytest.mark.parametrize(("name", "opening"), [
    ("urlcode.yaml", "We are sorry: there is a problem paying bills in the app."),
    ("night.yaml", "We are sorry: there is a problem with our TV service."),
    ("callcentre.yaml", "We are sorry: there is a problem with our call centre.")])
def test_our_only_before_a_thing_we_run(name: str, opening: str) -> None:
    # R12 he #4: "a problem with our bill payment in the app".
    text = _ivr(load_incident(HARD / name))
    assert opening in text, text
    assert "our bill payment" not in text


def test_a_time_still_ahead_this_evening_is_tonight() -> None:
    # R13 #6 nit: at 22:40, "today at 23:30" sounds odd to a British ear.
    incident = load_example("overnight")
    assert "Our next update is tonight at 23:30." in _ivr(incident)
    assert "tonight at eleven thirty p.m." in _ivr(incident, "ssml")
    # The management update gives the date (s26, reading 44 HE-14: kept and forwarded), never
    # "tonight" for its own time.
    bundle = render(incident, languages=["en", "he"], channels=["management"])
    assert ("Updated on Tuesday 24 November at 22:40. Next update on Tuesday 24 November at"
            " 23:30.") in seen(bundle, "en", "management")
    # Before 20:00 the day stays "today"; Hebrew has its own hour (s23 reading 24 A3: from
    # 22:00, `[day] evening_from`, so 23:30 is "הלילה" too).
    assert "Our next update is today at 15:00." in _ivr(load_example("identified"))
    ts = template_set()
    he = build_facts(incident, ts.config, ts.language("he"), "he", None)
    assert str(he["next_update"]["day"]) == ts.language("he").day.tonight
    # A lasting channel still carries the date.
    late = incident.model_copy(update={"next_update_at": incident.updated_at
                                       + dt.timedelta(minutes=50)})
    facts = build_facts(late, ts.config, ts.language("en"), "en", None)
    assert str(facts["next_update"]["when"]) == "tonight at 23:30"
    assert "tonight" not in str(facts["next_update"]["dated"])


def test_every_english_script_fits_and_checks_clean() -> None:
    for name, incident, previous in _every_script():
        bundle = render(incident, previous=previous, languages=["en"], channels=["ivr"])
        assert bundle["en", "ivr"].stats["seconds"] <= 45, (name, bundle["en", "ivr"].stats)
        assert not [f for f in bundle.findings if f.severity == "error"], (name, bundle.findings)
