"""Social post, status page and email as a senior service manager reads them (issue 11,
session 20, reading 11): the changed estimate with its day word like the next update, the
workaround's label kept when the workaround opens with a capital, and every working contact
channel in the call-centre post.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crisiscomms import parse_incident, render
from crisiscomms.loading import load_incident
from crisiscomms.samples import changed_example, load_example
from crisiscomms.text.weighted import weighted_length

from .example_edits import seen

LANGS = ("he", "en", "ar", "ru")
_HARD = Path(__file__).parent / "data" / "hard"


@pytest.mark.parametrize(("lang", "said"), [
    ("he", "צפי: היום בשעה 17:00 (ולא 15:30). העדכון הבא: היום בשעה 15:00."),
    ("en", "New estimate: today at 17:00 (was 15:30). Next update today at 15:00."),
    ("ru", "Новый срок: сегодня в 17:00 (был 15:30). Следующее сообщение: сегодня в 15:00."),
])
def test_changed_estimate_has_its_day_word(lang: str, said: str) -> None:
    # R11 he #7: "צפי: 17:00 (ולא 15:30). העדכון הבא: היום בשעה 15:00", the next update with
    # its day word and the new estimate without one.
    previous, current = changed_example()
    b = render(current, previous=previous, languages=LANGS, channels=("social",))
    text = seen(b, lang, "social")
    assert said in text, text
    assert weighted_length(b[lang, "social"].text) <= 280


def test_changed_estimate_day_word_only_where_it_fits() -> None:
    # Arabic has no room for it after the late-update apology: the post keeps its short
    # estimate and stays within 280.
    previous, current = changed_example()
    b = render(current, previous=previous, languages=LANGS, channels=("social",))
    for lang in LANGS:
        assert weighted_length(b[lang, "social"].text) <= 280, lang


@pytest.mark.parametrize(("lang", "label", "line"), [
    ("en", "In the meantime:", "international calls can be made with internet calling apps"),
    ("ru", "А пока:", "международные звонки можно совершать через интернет-мессенджеры"),
    ("he", "בינתיים:", "ניתן להתקשר"),
])
def test_workaround_with_capital_keeps_its_label(lang: str, label: str, line: str) -> None:
    # R11 he #9: "- International calls can be made with internet calling apps." had no bold
    # "In the meantime:" on the status page, and the email no "In the meantime:".
    b = render(load_example("overnight"), languages=LANGS, channels=("status_page", "email"))
    page = seen(b, lang, "status_page")
    html = seen(b, lang, "status_page", "html")
    email = seen(b, lang, "email")
    email_html = seen(b, lang, "email", "html")
    if lang == "he":
        assert f"**{label}**" in page and label in email
        return
    assert f"- **{label}** {line}" in page, page
    assert f"<li><strong>{label}</strong> {line}" in html, html
    assert f"{label} {line}" in email, email
    assert f"<li><strong>{label}</strong> {line}" in email_html, email_html


def test_workaround_opening_with_a_name_keeps_its_capital() -> None:
    data = load_example("overnight").model_dump(mode="json", exclude_none=True)
    data["workaround"]["en"] = "Netivim Talk makes international calls over the internet."
    data["impact"]["en"] = "Calls abroad fail; Netivim Talk still works."
    b = render(parse_incident(data), languages=LANGS, channels=("status_page", "email"))
    # A sentence never starts after a colon (R10): a name's capital stands alone.
    assert "- Netivim Talk makes" in seen(b, "en", "status_page")
    assert "\nNetivim Talk makes" in seen(b, "en", "email")
    assert "In the meantime: Netivim" not in seen(b, "en", "email")


@pytest.mark.parametrize(("lang", "said"), [
    ("ar", "نعتذر عن الإزعاج. يمكنكم التواصل معنا عبر الدردشة في موقعنا أو بزيارة مراكز الخدمة."),
    # The whole apology since the services go by their short names (s23_short).
    ("ru", "Приносим извинения за неудобства. Мы на связи в чате на нашем сайте и в сервисных "
           "центрах."),
])
def test_callcentre_social_names_every_working_channel(lang: str, said: str) -> None:
    # R11 ar nit / ru nit: the post named only the chat, though the SMS and IVR also name the
    # service centres and the post had room (Russian once its apology is said briefly).
    b = render(load_incident(_HARD.parent / "callcentre-s24-arru.yaml"), languages=(lang,),
               channels=("social",))
    text = seen(b, lang, "social")
    assert said in text, text
    assert "сегодня в 12:00" in text or "اليوم الساعة 12:00" in text
    assert weighted_length(b[lang, "social"].text) <= 280


def test_brief_apology_only_for_the_contact_channels() -> None:
    # The identified example names no down contact channel: the apology stays whole.
    b = render(load_example("identified"), languages=("ru",), channels=("social",))
    assert "Приносим извинения за" in seen(b, "ru", "social")
