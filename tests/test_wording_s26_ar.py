"""Reading 26 A2 (and reading 25's nit): the Arabic IVR of the shipped identified example said
"الخلل" three times in two sentences ("ويؤثر الخلل أيضًا على الحساب الشخصي في الموقع. الخلل قيد
الإصلاح."); the sentence on the other services takes its subject from the one before."""

from __future__ import annotations

from crisiscomms import render
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls


def test_the_other_services_sentence_does_not_repeat_the_fault() -> None:
    bundle = render(load_example("identified"), languages=["ar"], channels=["ivr"])
    for output in ("text", "ssml"):
        said = strip_controls(getattr(bundle["ar", "ivr"], output) or "")
        assert "ويؤثر أيضًا على الحساب الشخصي في الموقع" in said, output
        opening = said[said.index("يوجد حاليًا"):said.index("نتوقع")]
        assert opening.count("خلل") <= 2, (output, opening)
