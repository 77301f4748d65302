"""Session 18, case letters (issue 11 "Sendable as it stands"): the greeting by title and
surname, every date saying what it is, the voucher saying how it arrives, the English outage
title never pasted mid-sentence, Arabic "الرقم المرجعي", Russian lower case after the
chronology's dash."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from crisiscomms.cases import Case, load_case
from crisiscomms.cases.letters import render_case_letter
from crisiscomms.cases.model import Customer, Title
from crisiscomms.messages import Message
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls

from .template_copy import TemplateCopy
from .test_cases_golden import _dates

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "cases"


@pytest.fixture(scope="module")
def four(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built-in templates with Arabic and Russian among the organisation's languages."""
    return TemplateCopy.with_config(tmp_path_factory.mktemp("s18letters") / "templates",
                                    'languages = ["he", "en"]',
                                    'languages = ["he", "en", "ar", "ru"]').folder


def _letter(stem: str, lang: str, kind: str, templates: Path | None = None,
            **customer: object) -> Message:
    case = load_case(EXAMPLES / f"{stem}.yaml")
    if customer:
        case = case.model_copy(update={"customer": case.customer.model_copy(update=customer)})
    now = _dates(case)[kind]
    incident = load_example("compensation") if case.incident == "INC-2012" else None
    return render_case_letter(case.model_copy(update={"language": lang}), kind, now=now,
                              incident=incident, templates=templates)


def _seen(letter: Message) -> tuple[str, str]:
    return strip_controls(letter.text), re.sub(r"<[^>]+>", "", strip_controls(letter.html or ""))


# --- 1. "Dear Mr Marcus" ------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["acknowledgement", "progress", "final"])
def test_english_letter_greets_by_title_and_surname(kind: str) -> None:
    for seen in _seen(_letter("email-over-holiday", "en", kind)):
        assert "Dear Mr Marcus," in seen
        assert "Dear Daniel Marcus" not in seen
        # The address block keeps the full name.
        assert "Daniel Marcus\n" in seen


def test_without_a_title_the_greeting_uses_the_full_name() -> None:
    text, html = _seen(_letter("email-over-holiday", "en", "final", title=None))
    assert "Dear Daniel Marcus," in text and "Dear Daniel Marcus," in html


def test_a_given_surname_wins_over_the_last_word() -> None:
    text, _ = _seen(_letter("email-over-holiday", "en", "final", name="Yael Ben David",
                            title=Title.MS, surname="Ben David"))
    assert "Dear Ms Ben David," in text
    customer = Customer.model_validate({"name": "Yael Ben David", "title": "dr",
                                        "email": "y@example.com"})
    assert customer.family_name == "David"


def test_title_is_validated() -> None:
    with pytest.raises(ValidationError, match="title"):
        Customer.model_validate({"name": "Daniel Marcus", "title": "sir",
                                 "email": "d@example.com"})


def test_hebrew_letter_keeps_its_own_greeting_with_a_title() -> None:
    text, _ = _seen(_letter("email-over-holiday", "he", "final"))
    assert "שלום רב," in text and "Mr" not in text


# --- 2. Every date says what it is --------------------------------------------------------


@pytest.mark.parametrize(("lang", "label"), [("en", "Date: 26 November 2026"),
                                             ("he", "תאריך: 26 בנובמבר 2026"),
                                             ("ar", "التاريخ: 26 نوفمبر 2026"),
                                             ("ru", "Дата: 26 ноября 2026 г.")])
def test_the_letters_own_date_is_labelled(four: Path, lang: str, label: str) -> None:
    for seen in _seen(_letter("justified-voucher", lang, "final", four)):
        assert label in seen


@pytest.mark.parametrize(("lang", "received"), [
    ("en", "your complaint, which we received on 22 November 2026"),
    ("he", "בפנייתך, שהתקבלה אצלנו ב-22 בנובמבר 2026"),
    ("ar", "شكواك التي تلقيناها في 22 نوفمبر 2026"),
    ("ru", "22 ноября 2026 г. мы получили Вашу жалобу, и, как обещали, сообщаем"),
])
def test_progress_letter_says_the_complaint_date_is_when_it_was_received(
        four: Path, lang: str, received: str) -> None:
    for seen in _seen(_letter("justified-voucher", lang, "progress", four)):
        assert received in seen


@pytest.mark.parametrize(("lang", "purchase"), [
    ("ar", "من قيمة مشترياتك بتاريخ 19 نوفمبر 2026 ("),
    ("ru", "от суммы Вашей покупки от 19 ноября 2026 г. ("),
])
def test_purchase_date_is_named_as_such(four: Path, lang: str, purchase: str) -> None:
    text, _ = _seen(_letter("justified-voucher", lang, "final", four))
    assert purchase in text


def test_english_outage_dates_say_when_it_began_and_ended() -> None:
    for seen in _seen(_letter("justified-voucher", "en", "final")):
        assert ("It began on 20 November 2026 at 06:10, and service was fully restored on "
                "21 November 2026 at 17:50.") in seen


# --- 3. The voucher says how it arrives ---------------------------------------------------


# Session 25 (reading 30 en-1): the shipped config sends the voucher by SMS within 7 days of
# the resolution (Thursday 26 November), so the letter says the route and the last day.
@pytest.mark.parametrize(("lang", "delivery"), [
    ("en", "We will text it to you by Thursday 3 December, so there is no need to ask for it."),
    ("he", "השובר יישלח אליך ב-SMS עד יום חמישי, 3 בדצמבר, ואין צורך לפנות אלינו כדי לקבל אותו."),
    ("ar", "ستصلك القسيمة برسالة نصية بحلول يوم الخميس 3 ديسمبر، ولا حاجة إلى التواصل معنا من "
           "أجل ذلك."),
    # Reading 45 RU-1: "не позднее …;", as the short forms say it.
    ("ru", "Сертификат придёт Вам в SMS не позднее четверга, 3 декабря; обращаться к нам для "
           "этого не нужно."),
])
def test_voucher_letter_says_how_the_voucher_arrives(four: Path, lang: str,
                                                     delivery: str) -> None:
    for seen in _seen(_letter("justified-voucher", lang, "final", four)):
        assert delivery in seen


def test_voucher_on_request_says_how_to_ask(tmp_path: Path) -> None:
    # The voucher's route and last day apply to automatic delivery only (session 25).
    folder = TemplateCopy.with_config(
        tmp_path / "templates", 'delivery = "automatic"\nlong_outage_hours = 12\n'
        'voucher_route = "sms"\nvoucher_within_days = 7\n',
        'delivery = "on_request"\nlong_outage_hours = 12\n').folder
    text_en, _ = _seen(_letter("justified-voucher", "en", "final", folder))
    assert "To receive it, please call me on my direct line." in text_en
    text_he, _ = _seen(_letter("justified-voucher", "he", "final", folder))
    assert "כדי לקבל את השובר, יש לפנות אליי בטלפון הישיר." in text_he


# --- 4. The English outage title is quoted, never pasted mid-sentence ---------------------


def test_english_final_letter_quotes_the_outage_title() -> None:
    title = load_example("compensation").title["en"]
    for seen in _seen(_letter("justified-voucher", "en", "final")):
        assert f"as ‘{title}’." in seen
        assert f"Outage: {title}" not in seen
        # No capital letter after a colon or mid-sentence outside the quote.
        assert not re.search(rf"[a-z,:] {re.escape(title)}", seen)


# --- 5. Arabic: الرقم المرجعي --------------------------------------------------------------


@pytest.mark.parametrize("kind", ["acknowledgement", "progress", "final"])
def test_arabic_letters_say_the_reference_number(four: Path, kind: str) -> None:
    letter = _letter("justified-voucher", "ar", kind, four)
    for seen in (strip_controls(letter.subject or ""), *_seen(letter)):
        assert "رقم الحادث" not in seen and "رقم المرجع " not in seen
    assert "الرقم المرجعي" in (letter.subject or "")


# --- 6. Russian: lower case after the dash, the full signature ----------------------------


@pytest.mark.parametrize("kind", ["acknowledgement", "progress", "final"])
def test_russian_letters_lower_case_and_signature(four: Path, kind: str) -> None:
    for seen in _seen(_letter("justified-voucher", "ru", kind, four)):
        # After a colon or a dash a Russian sentence goes on in lower case; a quoted subject
        # keeps its capital inside «».
        assert not re.search(r"(?<!\d)(:|—) [А-ЯЁ]", seen.replace("№", "")), seen
        assert "Служба поддержки клиентов, Нетивим" in seen
        assert "Новости:" not in seen
        assert "г.." not in seen
    text, _ = _seen(_letter("justified-voucher", "ru", kind, four))
    if kind == "final":
        assert "22 ноября 2026 г. в 09:20 — мы получили Вашу жалобу по телефону" in text
    if kind == "acknowledgement":
        assert "22 ноября 2026 г. в 09:20 мы получили Вашу жалобу по телефону и уже" in text


def test_case_file_title_round_trips() -> None:
    case = load_case(EXAMPLES / "email-over-holiday.yaml")
    assert case.customer.title is not None and case.customer.title.value == "mr"
    again = Case.model_validate(case.model_dump(mode="json"))
    assert again.customer.title == case.customer.title


@pytest.mark.parametrize("name", ["investigating", "compensation"])
def test_russian_status_page_puts_whole_sentences_after_no_colon(four: Path, name: str) -> None:
    from crisiscomms import render

    bundle = render(load_example(name), languages=["ru"], channels=["status_page"],
                    templates=four)
    message = bundle["ru", "status_page"]
    for output in (message.text, re.sub(r"<[^>]+>", "", message.html or "")):
        seen = strip_controls(output).replace("*", "")
        assert not re.search(r"(Компенсация|Ожидаемый срок): [А-ЯЁ]", seen), seen
    if name == "investigating":
        assert "Срок восстановления пока неизвестен. Мы опубликуем его здесь" in message.text
    else:
        assert "Компенсация.** Все пострадавшие клиенты" in message.text


def test_progress_letter_keeps_the_parties_and_the_next_update_apart() -> None:
    # The timeline names the one party (session 20: not named again), so its last line.
    text, _ = _seen(_letter("email-over-holiday", "en", "progress"))
    assert "three evenings.\n\nYou will hear from us again" in text


@pytest.mark.parametrize("lang", ["he", "en", "ar", "ru"])
def test_a_purchase_with_no_shop_is_said_without_one(four: Path, lang: str) -> None:
    case = load_case(EXAMPLES / "justified-voucher.yaml")
    assert case.purchase is not None and case.purchase.where is not None
    bare = case.model_copy(update={
        "language": lang, "purchase": case.purchase.model_copy(update={"where": None})})
    letter = render_case_letter(bare, "final", now=_dates(case)["final"],
                                incident=load_example("compensation"), templates=four)
    for seen in _seen(letter):
        assert not re.search(r"[,،]\s*\)", seen), seen
