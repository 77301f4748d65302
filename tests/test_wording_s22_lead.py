"""Reading 18's wording defects fixed by the lead."""

from __future__ import annotations

from crisiscomms import render
from crisiscomms.samples import example_names, load_example


def test_english_partner_notice_claims_no_exceptional_load_now() -> None:
    """The request to resellers is a rule for times of heavy load, as the Hebrew says it
    ("בשעות של עומס חריג"); "Under this exceptional load" claimed one for a 40-minute fault too
    (reading 18 #1)."""
    texts = [render(load_example(name), languages=["en"], channels=["partners"])
             ["en", "partners"].text for name in example_names()]
    asking = [t for t in texts if "every individual escalation" in t]
    assert len(asking) >= 4
    for text in asking:
        assert "this exceptional load" not in text
        assert "At times of exceptional load, every individual escalation" in text
