"""Session 27c, English after reading 48 (/tmp/fr48en; a native British-English reader).

EN-1: the compensation IVR, which plays on Saturday evening, said "call back Sunday to Thursday,
      eight a.m. to eight p.m., or chat …" without Friday (the week's other hours, dropped to fit
      45 s), which, heard alone, suggests the line is closed on Friday. Friday does not fit, so
      where the week's hours would be said without the week's other hours the line's next opening
      is said alone, the chat kept: "For anything else, call back on Sunday from eight a.m., or
      chat with us on our website." (as the Hebrew says «המוקד הטלפוני ייפתח ביום ראשון ב-08:00»).
      A resolved statement is replaced by no update and plays after midnight, so it names the day,
      never "tomorrow".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crisiscomms import load_incident, render
from crisiscomms.model import Incident
from crisiscomms.render import Bundle
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls

ROOT = Path(__file__).resolve().parent.parent
HARD = ROOT / "tests" / "data" / "hard"
EXAMPLES = ("identified", "investigating", "monitoring", "overnight", "resolved", "compensation")


def _bundle(incident: Incident) -> Bundle:
    bundle = render(incident, languages=["en"], channels=["ivr"])
    assert not [x for x in bundle.findings if x.severity == "error"], bundle.findings
    return bundle


def _text(bundle: Bundle) -> str:
    return " ".join(strip_controls(bundle["en", "ivr"].text or "").split())


def _ssml(bundle: Bundle) -> str:
    return " ".join((bundle["en", "ivr"].ssml or "").split())


def test_compensation_ivr_says_the_next_opening_by_its_day_within_budget() -> None:
    # The resolved date kept (issue 11 point 6) and the customer action: the week's hours
    # without Friday give way to the next opening by its day (reading 48 EN-1, 49).
    bundle = _bundle(load_example("compensation"))
    text, ssml = _text(bundle), _ssml(bundle)
    assert "For anything else, call back on Sunday from 08:00, or chat with us on our website." \
        in text, text
    assert "For anything else, call back on Sunday from eight a.m., or chat with us on our " \
        "website." in ssml, ssml
    # Never the run of days without Friday, never "tomorrow" (heard after midnight).
    assert "Sunday to Thursday" not in text and "tomorrow" not in text, text
    assert "resolved on Saturday 21 November at 17:50." in text, text
    assert "You do not need to ask." in text, text
    assert "If you still have no signal, restart your phone." in text, text
    assert float(bundle["en", "ivr"].stats["seconds"]) <= 45


def _incidents() -> list[tuple[str, Incident]]:
    found = [(name, load_example(name)) for name in EXAMPLES]
    found += [(path.stem, load_incident(path)) for path in sorted(HARD.glob("*.yaml"))
              if not path.stem.endswith("-arru")]
    return found


@pytest.mark.parametrize(("name", "incident"), _incidents(),
                         ids=lambda x: x if isinstance(x, str) else "")
def test_an_english_ivr_that_names_sunday_to_thursday_names_friday(
        name: str, incident: Incident) -> None:
    text = _text(_bundle(incident))
    if "Sunday to Thursday" in text:
        assert "Friday" in text, (name, text)


def test_a_resolved_recording_names_the_next_opening_by_its_day_never_tomorrow() -> None:
    # A resolved recording is not replaced by a next update: heard after midnight, "call back
    # tomorrow from 08:00" would be wrong. The wording that says the next opening alone.
    from .test_wording_s26_ivr import _wordings

    said = [text for text, _ in _wordings(load_example("compensation"), "en")
            if "call back on " in text]
    assert said and all("call back on Sunday from 08:00" in t for t in said), said
    assert not any("tomorrow" in t for t, _ in _wordings(load_example("compensation"), "en"))
