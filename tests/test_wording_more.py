"""Wording left after the first review of issue 11: the email address in speech, no
"inconvenience" after a long outage, the auto-reply when email itself is down, English
durations and copy."""

from __future__ import annotations

from typing import Any

from crisiscomms import Bundle, parse_incident, render
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls


def _incident(name: str = "identified", **changes: Any) -> Any:
    data = load_example(name).model_dump(mode="json", exclude_none=True)
    data.update(changes)
    return parse_incident(data)


def _seen(bundle: Bundle, lang: str, channel: str, output: str = "text") -> str:
    return strip_controls(getattr(bundle[lang, channel], output) or "")


def _only_email_works() -> Any:
    services = [{"id": "call-centre", "name": {"he": "מוקד השירות הטלפוני",
                                               "en": "our phone line"}},
                {"id": "chat", "name": {"he": "הצ'אט באתר", "en": "the chat on our website"}}]
    return _incident(services=services)


def test_the_ivr_says_the_email_channel_once_and_never_the_address() -> None:
    bundle = render(_only_email_works(), channels=["ivr"])
    he_ssml, en_ssml = _seen(bundle, "he", "ivr", "ssml"), _seen(bundle, "en", "ivr", "ssml")
    assert "אפשר לפנות אלינו בדואר האלקטרוני." in he_ssml
    assert "במייל בדואר" not in he_ssml
    assert "You can reach us by email." in en_ssml
    assert "By email" not in en_ssml and "at by email" not in en_ssml
    for ssml in (he_ssml, en_ssml):
        assert "@" not in ssml and "netivim.example" not in ssml
    # The script's text says it the same way, through the bidi isolate around the address.
    assert "אפשר לפנות אלינו בדואר האלקטרוני." in _seen(bundle, "he", "ivr")
    assert "You can reach us by email." in _seen(bundle, "en", "ivr")
    # Written channels still give the address.
    written = render(_only_email_works(), channels=["email"])
    assert "by email at service@netivim.example" in _seen(written, "en", "email")
    assert "במייל service@netivim.example" in _seen(written, "he", "email")
