"""Session 20, case letters and the Russian email (issue 11 "Sendable as it stands", reading 8
ar L3, ru L5 and L8): the progress letter names a party once and in the right number, the
Arabic voucher is "used", the Russian "since we were last in touch", one polite form of address
in the Russian email, and the example cases greet Arabic and Russian readers by name."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from crisiscomms import render
from crisiscomms.cases import Case, load_case
from crisiscomms.cases.letters import name_findings, render_case_letter
from crisiscomms.messages import Message
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls

from .template_copy import TemplateCopy
from .test_cases_golden import _dates

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "cases"
INCIDENTS = Path(__file__).resolve().parent.parent / "examples"
STEMS = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))
LANGS = ["he", "en", "ar", "ru"]


@pytest.fixture(scope="module")
def four(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built-in templates with Arabic and Russian among the organisation's languages."""
    return TemplateCopy.four_languages(tmp_path_factory.mktemp("s20letters") / "templates").folder


def _seen(letter: Message) -> tuple[str, str]:
    return strip_controls(letter.text), re.sub(r"<[^>]+>", "", strip_controls(letter.html or ""))


def _letter(case: Case, lang: str, kind: str, templates: Path,
            now: dt.datetime | None = None) -> Message:
    incident = load_example("compensation") if case.incident == "INC-2012" else None
    return render_case_letter(case.model_copy(update={"language": lang}), kind,
                              now=now or _dates(case)[kind], incident=incident,
                              templates=templates)


# --- 1. a party the timeline names is not named again; the line agrees in number -----------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("stem", STEMS)
def test_progress_letter_names_each_party_once(four: Path, stem: str, lang: str) -> None:
    case = load_case(EXAMPLES / f"{stem}.yaml")
    parties = [e.party[lang] for e in case.events if e.party is not None]
    assert parties
    for seen in _seen(_letter(case, lang, "progress", four)):
        subject = case.subject[lang]
        for party in parties:
            # Once in the letter, besides where the subject (the customer's words) has it.
            assert seen.count(party) == 1 + seen.count(subject) * subject.count(party), seen


def _earlier_parties(count: int) -> tuple[Case, dt.datetime]:
    """The billing case, its parties contacted before it was acknowledged: the progress
    letter's timeline (since that one contact) is empty, so the letter names the parties."""
    case = load_case(EXAMPLES / "not-justified.yaml")
    ack, billing = case.events[0], case.events[1]
    billing = billing.model_copy(update={"at": ack.at - dt.timedelta(minutes=30)})
    other = billing.model_copy(update={
        "at": ack.at - dt.timedelta(minutes=15),
        "party": {"he": "מחלקת המכירות", "en": "our sales team", "ar": "قسم المبيعات لدينا",
                  "ru": "наш отдел продаж"}, "note": None})
    events = [billing, *([other] if count > 1 else []), ack]
    return (case.model_copy(update={"events": events, "resolution": None}),
            ack.at + dt.timedelta(minutes=30))


@pytest.mark.parametrize(("lang", "one", "many"), [
    ("ar", "الجهة التي أشركناها حتى الآن: قسم الفواتير لدينا.",
     "الجهات التي أشركناها حتى الآن: قسم الفواتير لدينا و"),
    ("he", "הגורם המעורב בטיפול עד כה: מחלקת הגבייה.",
     "הגורמים המעורבים בטיפול עד כה: מחלקת הגבייה ו"),
    ("en", "So far we have involved our billing department.",
     "So far we have involved our billing department and our sales team."),
    ("ru", "К рассмотрению мы привлекли наш отдел расчётов.",
     "К рассмотрению мы привлекли наш отдел расчётов и наш отдел продаж."),
])
def test_parties_the_timeline_does_not_name_agree_in_number(
        four: Path, lang: str, one: str, many: str) -> None:
    for count, expected in ((1, one), (2, many)):
        case, now = _earlier_parties(count)
        for seen in _seen(_letter(case, lang, "progress", four, now)):
            assert expected in seen, seen


# --- 2. Arabic voucher, 3. Russian "since we were last in touch" ---------------------------


def test_arabic_voucher_is_used_not_benefited_from(four: Path) -> None:
    case = load_case(EXAMPLES / "justified-voucher.yaml")
    for seen in _seen(_letter(case, "ar", "final", four)):
        assert "ويمكنك استخدام القسيمة في جميع فروع نتيفيم" in seen
        assert "الاستفادة من التعويض" not in seen


def test_russian_progress_since_we_were_last_in_touch(four: Path) -> None:
    case, now = _earlier_parties(1)
    for seen in _seen(_letter(case, "ru", "progress", four, now)):
        assert "С тех пор как мы в последний раз связывались с Вами, проверка продолжается." \
            in seen
    for seen in _seen(_letter(load_case(EXAMPLES / "not-justified.yaml"), "ru", "progress",
                              four)):
        assert "Что мы сделали с тех пор, как подтвердили получение Вашей жалобы:" in seen
        assert "контакта" not in seen


# --- 4. one form of address in the Russian email --------------------------------------------

LOWER = re.compile(r"(?<![\w])(?:вы|вас|вам|вами|ваш[а-яё]*)(?![\w])")


@pytest.mark.parametrize("name", sorted(p.stem for p in INCIDENTS.glob("*.yaml")))
def test_russian_email_writes_the_polite_form_with_a_capital(name: str) -> None:
    message = render(load_example(name), languages=["ru"], channels=["email"])["ru", "email"]
    for seen in (message.text, re.sub(r"<[^>]+>", "", message.html or "")):
        seen = strip_controls(seen)
        assert not LOWER.search(seen), LOWER.findall(seen)
        assert re.search(r"\bВ(?:ы|ас|ам|аш)", seen)


def test_russian_email_keeps_words_that_only_start_like_the_pronoun() -> None:
    incident = load_example("investigating")
    action = "Выключите и включите роутер: вы увидите, что выход в сеть восстановлен."
    incident = incident.model_copy(update={"customer_action": {
        **incident.customer_action.root, "ru": action}})  # type: ignore[union-attr]
    text = render(incident, languages=["ru"], channels=["email"])["ru", "email"].text
    assert "Выключите и включите роутер: Вы увидите, что выход в сеть восстановлен." \
        in strip_controls(text)


# --- 5. the example cases greet Arabic and Russian readers by name ---------------------------

SCRIPT = {"ar": re.compile(r"^[\u0600-\u06FF\s]+$"), "ru": re.compile(r"^[А-Яа-яЁё\s-]+$")}


@pytest.mark.parametrize("lang", ["ar", "ru"])
@pytest.mark.parametrize("stem", STEMS)
def test_cases_greet_by_name_in_the_letters_script(four: Path, stem: str, lang: str) -> None:
    case = load_case(EXAMPLES / f"{stem}.yaml")
    assert [f for f in name_findings(case, templates=four) if f.language == lang] == []
    name = case.customer.name_in(lang)
    assert name is not None and SCRIPT[lang].match(name), name
    mr = case.customer.title is not None and case.customer.title.value == "mr"
    greeting = {"ar": f"حضرة {'السيد' if mr else 'السيدة'} {name} المحترم",
                "ru": f"{'Уважаемый' if mr else 'Уважаемая'} {name}!"}[lang]
    for seen in _seen(_letter(case, lang, "acknowledgement", four)):
        assert greeting in seen, seen
        assert not re.search(r"[A-Za-z]{3,} [A-Z][a-z]+", seen.split("\n\n")[0])


def test_russian_fax_case_address_in_cyrillic(four: Path) -> None:
    case = load_case(EXAMPLES / "fax-before-weekend.yaml")
    for seen in _seen(_letter(case, "ru", "acknowledgement", four)):
        assert "ул. ха-Невиим, 12, Хайфа" in seen
        assert "HaNevi" not in seen
