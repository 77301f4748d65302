"""Session 19, reading 7: the Hebrew IVR says the preposition before each service (D4), the
English management notice says every length in one style, as the talking points do (D9), and
the url-spoken finding carries the language of the field it names (D10).
"""

from __future__ import annotations

import re

import pytest

from crisiscomms import Bundle, parse_incident, render

from .example_edits import example_data as example
from .example_edits import seen


def _callcentre(title: str = "תקלה במוקד שירות הלקוחות", services: int = 2) -> Bundle:
    names = [{"he": "המוקד הטלפוני", "en": "our phone line"},
             {"he": "פניות בדואר האלקטרוני", "en": "email support"},
             {"he": "הצ'אט באתר", "en": "chat on our website"}][:services]
    return render(parse_incident(example(
        "identified", title={"he": title, "en": "Customer service problem"},
        services=[{"id": f"s{i}", "name": name} for i, name in enumerate(names)])),
        languages=["he"], channels=["ivr"])


@pytest.mark.parametrize("output", ["text", "ssml"])
def test_he_ivr_repeats_the_preposition_before_each_service(output: str) -> None:
    said = re.sub(r"<[^>]+>", "", seen(_callcentre(), "he", "ivr", output))
    assert "משפיעה על המוקד הטלפוני ועל פניות בדואר האלקטרוני" in said
    three = re.sub(r"<[^>]+>", "", seen(_callcentre("תקלה בשירות", 3), "he", "ivr", output))
    assert "משפיעה על המוקד הטלפוני, על פניות בדואר האלקטרוני ועל הצ'אט באתר" in three


def test_he_ivr_repeats_it_after_also_and_keeps_the_services_placed() -> None:
    bundle = _callcentre("תקלה במוקד הטלפוני", 3)
    text = seen(bundle, "he", "ivr")
    assert "משפיעה גם על פניות בדואר האלקטרוני ועל הצ'אט באתר" in text
    placed = bundle["he", "ivr"].placed
    assert {"service_said_list[1]", "service_said_list[2]"} <= placed
    assert not [f for f in bundle.findings if f.severity == "error"]


def _oldest_line(text: str, label: str) -> str:
    return next(line for line in text.splitlines() if label in line)


def test_en_management_says_every_length_in_figures_as_the_talking_points_do() -> None:
    from crisiscomms.samples import load_example

    bundle = render(load_example("identified"), languages=["en"],
                    channels=["management", "talking_points"])
    management = seen(bundle, "en", "management")
    assert "has lasted 1 hour and 5 minutes so far" in management
    assert "1 hour and 3 minutes ago" in _oldest_line(management, "Oldest")
    assert "an hour" not in management
    points = seen(bundle, "en", "talking_points")
    assert "(1 hour and 3 minutes ago)" in _oldest_line(points, "Open contacts")


def test_en_resolved_talking_points_and_management_say_the_length_alike() -> None:
    from crisiscomms.samples import load_example

    bundle = render(load_example("resolved"), languages=["en"],
                    channels=["management", "talking_points"])
    for channel in ("management", "talking_points"):
        assert "after 1 hour." in seen(bundle, "en", channel)


def test_url_spoken_finding_carries_the_language_of_the_field_it_names() -> None:
    address = "https://netivim.example/pay"
    bundle = render(parse_incident(example(
        "identified", workaround={"he": f"ניתן לשלם באתר {address}",
                                  "en": f"You can pay at {address}"})),
        languages=["he", "en"], channels=["ivr"])
    found = {f.field: f for f in bundle.findings if f.rule == "url-spoken"}
    assert found["workaround.en"].language == "en"
    assert "holds the web address" in found["workaround.en"].message
    assert found["workaround.he"].language == "he"
