"""A language's one-sentence voucher wording (``[compensation] sent``/``sent_short``) is spoken
word by word like every other wording: its own words ("SMS") are read as the language says them,
and the spaces between its slots stay (session 26; the English tables brought the sentence, a
Hebrew copy spoke "SMS" raw and ran "worthten percentof" together before this)."""

from __future__ import annotations

from pathlib import Path

from crisiscomms import render
from crisiscomms.facts import Atom, with_words
from crisiscomms.samples import load_example
from crisiscomms.text.speech import speech_words

from .template_copy import TemplateCopy

SENT = "{by}, כל הלקוחות שנפגעו יקבלו ב-SMS שובר בגובה {percent} {base}{expiry}, ללא צורך בפנייה."


def test_words_between_slots_are_spoken_and_spaced() -> None:
    said = with_words("{by}, ב-SMS {what}", (("by", Atom("עד 28.11", "עד")),
                                             ("what", Atom("10%", "עשרה אחוזים"))),
                      speech_words("he"))
    assert str(said) == "עד 28.11, ב-SMS 10%"
    spoken = "".join(piece.spoken for _, piece in said.parts if isinstance(piece, Atom))
    assert "SMS" not in spoken
    assert "אס אם אס עשרה אחוזים" in spoken, spoken


def test_a_hebrew_sent_table_is_spoken_in_hebrew(tmp_path: Path) -> None:
    copy = TemplateCopy.of_defaults(tmp_path / "t")
    lang = copy.folder / "he" / "language.toml"
    text = lang.read_text(encoding="utf-8")
    text = text.replace("[compensation]\n", '[compensation]\nby_lead = "עד יום {weekday}, {date}"\n'
                        'by_lead_short = "עד {date}"\n', 1)
    text += f'\n[compensation.sent]\nvoucher_sms = "{SENT}"\n'
    lang.write_text(text, encoding="utf-8")
    ivr = render(load_example("compensation"), languages=["he"], channels=["ivr"],
                 templates=copy.folder)["he", "ivr"]
    assert "ללא צורך בפנייה" in ivr.text
    assert ivr.ssml is not None
    assert "SMS" not in ivr.ssml
    # "ב-SMS" is said "בהודעת אס אם אס": glued, "באס" reads "bas" (reading 53 HE-1).
    spoken = ivr.ssml.replace(" ", " ")
    assert "ב-אס אם אס" not in spoken and "בהודעת אס אם אס" in spoken, ivr.ssml
