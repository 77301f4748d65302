"""Session 20 (reading 10 ar/ru M1, L4, L5): the progress letter's heading names the contact
its list starts after, never "our last contact" that the list itself ends with; every letter
in every language leaves a blank line after the greeting; the Russian letters write one dash,
the spaced em dash."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from crisiscomms.cases import Case, load_case
from crisiscomms.cases.letters import render_case_letter
from crisiscomms.cases.model import EventKind
from crisiscomms.messages import Message
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls

from .template_copy import TemplateCopy
from .test_cases_golden import _dates

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "cases"
STEMS = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))
LANGS = ["he", "en", "ar", "ru"]


@pytest.fixture(scope="module")
def four(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built-in templates with Arabic and Russian among the organisation's languages."""
    return TemplateCopy.four_languages(tmp_path_factory.mktemp("s20c") / "templates").folder


def _letter(case: Case, lang: str, kind: str, templates: Path,
            now: dt.datetime | None = None) -> Message:
    incident = load_example("compensation") if case.incident == "INC-2012" else None
    return render_case_letter(case.model_copy(update={"language": lang}), kind,
                              now=now or _dates(case)[kind], incident=incident,
                              templates=templates)


def _seen(letter: Message) -> tuple[str, str]:
    return strip_controls(letter.text), re.sub(r"<[^>]+>", "", strip_controls(letter.html or ""))


# --- M1: the heading does not call the call it lists "our last contact" ---------------------

LAST_CONTACT = {"he": "מאז פנינו אליך לאחרונה:", "en": "since we were last in touch:",
                "ar": "منذ تواصلنا الأخير معك:",
                "ru": "с тех пор, как в последний раз связывались с Вами:"}
SINCE_ACK = {"he": "הפעולות שביצענו מאז אישרנו את קבלת פנייתך:",
             "en": "What we have done since we confirmed receipt of your complaint:",
             "ar": "ما قمنا به منذ أن أكدنا استلام شكواك:",
             "ru": "Что мы сделали с тех пор, как подтвердили получение Вашей жалобы:"}
SINCE_DATE = {"he": "הפעולות שביצענו מאז פנינו אליך ב-23 בנובמבר 2026:",
              "en": "What we have done since we were in touch on 23 November 2026:",
              "ar": "ما قمنا به منذ تواصلنا معك في 23 نوفمبر 2026:",
              "ru": "Что мы сделали с тех пор, как связались с Вами 23 ноября 2026 г.:"}
SO_FAR = {"he": "הפעולות שביצענו עד כה:", "en": "What we have done so far:",
          "ar": "ما قمنا به حتى الآن:", "ru": "Что мы уже сделали:"}


@pytest.mark.parametrize("lang", LANGS)
def test_progress_heading_names_the_acknowledgement_when_the_list_ends_with_a_call(
        four: Path, lang: str) -> None:
    # The 23 Nov phone update is the last event and the letter lists it.
    case = load_case(EXAMPLES / "justified-voucher.yaml")
    last = [e for e in case.events if e.at <= _dates(case)["progress"]][-1]
    assert last.kind is EventKind.PROGRESS_UPDATE
    for seen in _seen(_letter(case, lang, "progress", four)):
        assert SINCE_ACK[lang] in seen, seen
        assert LAST_CONTACT[lang] not in seen


def _two_updates() -> tuple[Case, dt.datetime]:
    """The voucher case with a second phone update three days after the first: the letter
    following it lists what came after the first update, that second call included."""
    case = load_case(EXAMPLES / "justified-voucher.yaml")
    update = next(e for e in case.events if e.kind is EventKind.PROGRESS_UPDATE)
    second = update.model_copy(update={"at": update.at + dt.timedelta(days=2), "note": None})
    events = [e for e in case.events if e.kind is not EventKind.RESOLVED] + [second]
    return case.model_copy(update={"events": events, "resolution": None}), second.at


def _no_contact() -> tuple[Case, dt.datetime]:
    """The voucher case before anyone told the customer anything: only the party contacted."""
    case = load_case(EXAMPLES / "justified-voucher.yaml")
    events = [e for e in case.events if e.kind is EventKind.CONTACTED_PARTY]
    return (case.model_copy(update={"events": events, "resolution": None}),
            events[-1].at + dt.timedelta(minutes=30))


@pytest.mark.parametrize("lang", LANGS)
def test_progress_heading_dates_an_earlier_update_and_says_so_far_without_a_contact(
        four: Path, lang: str) -> None:
    for (case, now), heading in ((_two_updates(), SINCE_DATE), (_no_contact(), SO_FAR)):
        for seen in _seen(_letter(case, lang, "progress", four, now)):
            assert heading[lang] in seen, seen
            assert LAST_CONTACT[lang] not in seen and SINCE_ACK[lang] not in seen


# --- L4: a blank line after the greeting, in every letter and language ----------------------

GREETING = {"he": re.compile(r"^שלום רב,$"), "en": re.compile(r"^Dear .+,$"),
            # The Arabic greeting is two lines; the blank line follows the second.
            "ar": re.compile(r"^تحية طيبة وبعد،$"),
            "ru": re.compile(r"^(?:Уважаем.+|Здравствуйте.*)!$")}


def _variants(case: Case) -> list[Case]:
    """The case as it is, without the customer's title, and without their name: each greets
    in its own form ("Уважаемый…!", "Здравствуйте, …!", "Здравствуйте!")."""
    customer = case.customer
    return [case, case.model_copy(update={"customer": customer.model_copy(update={"title": None})}),
            case.model_copy(update={"customer": customer.model_copy(
                update={"title": None, "name": None})})]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("stem", STEMS)
def test_every_letter_leaves_a_blank_line_after_the_greeting(
        four: Path, stem: str, lang: str) -> None:
    case = load_case(EXAMPLES / f"{stem}.yaml")
    for variant in _variants(case):
        for kind in _dates(case):
            lines = strip_controls(_letter(variant, lang, kind, four, _dates(case)[kind])
                                   .text).split("\n")
            at = [i for i, line in enumerate(lines) if GREETING[lang].match(line)]
            assert len(at) == 1, (kind, lines[:16])
            assert lines[at[0] + 1] == "", (kind, lines[at[0]:at[0] + 2])
            assert lines[at[0] - 1] == "" or lang == "ar", (kind, lines[at[0] - 1:at[0] + 1])


# --- L5: one dash in the Russian letters -------------------------------------------------


@pytest.mark.parametrize("stem", STEMS)
def test_russian_letters_write_the_spaced_em_dash_only(four: Path, stem: str) -> None:
    case = load_case(EXAMPLES / f"{stem}.yaml")
    for kind in _dates(case):
        letter = _letter(case, "ru", kind, four)
        for seen in (*_seen(letter), letter.subject or ""):
            assert "\u2013" not in seen and " - " not in seen, seen
            assert all(m.group() == " — " for m in re.finditer(r".—.", seen)), seen
            assert "—" in seen or kind == "acknowledgement"
