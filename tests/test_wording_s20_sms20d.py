"""Session 20, helper sms20d: in the Hebrew SMS the no-need line and every working channel outrank
the sender unless the text asks for a keyword (reading 11 he #2), a "no need" customer action
joins the no-need line (#6), the compensation SMS apologises in full (#10), and the Arabic and
Russian compensation SMS apologise before they give the link (reading 11 ar L1, ru L2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crisiscomms import render
from crisiscomms.loading import load_incident
from crisiscomms.render import template_set
from crisiscomms.samples import example_path
from crisiscomms.text.bidi import strip_controls

HARD = Path(__file__).parent / "data" / "hard"


def _sms(path: Path, lang: str = "he") -> tuple[str, int]:
    message = render(load_incident(path), languages=[lang], channels=["sms"])[lang, "sms"]
    units = int(message.stats["units"])
    budget = template_set(None).config.channel("sms").budget("max_segments", lang)
    assert budget is not None
    assert int(message.stats["segments"]) <= budget
    return strip_controls(message.text), units


def test_a_channel_down_sms_says_no_need_and_a_working_channel_before_the_sender() -> None:
    # s21 (R14 #1): every working channel outranks the no-need line, whose scoped form
    # ("אין צורך לפנות בעניין זה.", 26 units) does not fit beside them under this long title;
    # the fill brings the sender back instead.
    text, _ = _sms(HARD / "phonechat.yaml")
    # R15 #1 (fin21a): the channels are scoped to any other matter before the sender comes back.
    # Reading 46 HE-4: the channels as a bare list, with the apology.
    assert text.endswith("נעדכן ב-11:00. בינתיים: מייל service@netivim.example "
                         "או מרכזי השירות. מתנצלים.")
    assert "אין צורך לפנות שוב" not in text


def test_a_keyword_sms_keeps_the_sender() -> None:
    text, _ = _sms(example_path("identified"))
    # Reading 46 HE-3: a major outage's keyword text gives its sender to the apology (the
    # handset shows the sender ID).
    assert not text.startswith("נתיבים: ") and text.endswith("מתנצלים.")
    assert "שלחו 'חשבונית' ל-2040" in text


def test_a_no_need_action_joins_the_no_need_line_in_hebrew() -> None:
    text, _ = _sms(example_path("monitoring"))
    # Session 25 (reading 30 en-5): the action keeps its reason; s26: after the joined clause.
    # s27b (reading 47 HE-3): the apology follows it, in the room of the sender.
    assert text.endswith("העדכון הבא: 12:30. אין צורך לשלם או לפנות שוב: התשלום יופיע עד סוף יום "
                         "א׳. מתנצלים.")
    assert "אין צורך לשלם שוב" not in text


def test_a_no_need_action_joins_the_no_need_line_in_english(tmp_path: Path) -> None:
    source = example_path("monitoring").read_text(encoding="utf-8")
    long_action = ('en: "No need to pay again: the payment will appear in your account by the end'
                   ' of Sunday, and we will confirm it then by text message to the number on'
                   ' your account."')
    changed = (source.replace('en: "Please do not pay again: your payment will show by the end '
                              'of Sunday 22 November."', long_action)
               .replace('en: "Please do not pay again: payments will show by Sunday night"\n',
                        'en: "No need to pay again"\n'))
    assert changed.count("No need to pay again") == 2
    path = tmp_path / "monitoring.yaml"
    path.write_text(changed, encoding="utf-8")
    text, _ = _sms(path, "en")
    assert "No need to pay again or contact us." in text
    assert "No need to contact us again" not in text


def test_the_compensation_sms_apologises_for_the_whole_disruption() -> None:
    text, units = _sms(example_path("compensation"))
    # s21 (R12 he #7): one compensation form everywhere, "פיצוי אוטומטי: שובר ...".
    # s25 (reading 30 HE-17): the route and the last day; the apology in brief, "מתנצלים.".
    assert text.endswith("פיצוי: שובר זיכוי 10% מהחשבון החודשי, בתוקף עד 31.12.2026, יישלח "
                         "ב-SMS עד 28.11. מתנצלים.")
    assert units == 133


def test_the_usual_compensation_form_stays_where_it_fits() -> None:
    text, _ = _sms(HARD / "voucher.yaml")
    # s25 (reading 30 HE-17): "שובר זיכוי" as everywhere else, then the route and last day.
    assert "פיצוי: שובר זיכוי 15% מהחשבון החודשי, בתוקף עד 31.1.2027, יישלח ב-SMS עד 27.12." in text


@pytest.mark.parametrize(("lang", "said"), [
    # s21 (R12 ar L1): the short time form keeps the status link.
    # s25 (reading 30): the voucher's route and last day outrank the link; the Arabic apology
    # takes the sender's room.
    # s27 (reading 46 AR-1): one sentence, and the stronger apology, for which the title takes
    # the time into its own sentence.
    ("ar", "الساعة 17:50. ستصلكم تلقائيًا برسالة نصية بحلول 28.11 قسيمة شراء بقيمة 10% من "
           "الفاتورة الشهرية، سارية حتى 31.12.2026. نعتذر بشدة عن طول الانقطاع."),
    # s26 RU-3: "по" and "не позднее" for the days.
    ("ru", "действует по 31.12.2026. Пришлём его в SMS не позднее 28.11. Приносим извинения."),
])
def test_the_arabic_and_russian_compensation_sms_apologise_before_the_link(
        lang: str, said: str) -> None:
    text, _ = _sms(example_path("compensation"), lang)
    assert text.endswith(said)
