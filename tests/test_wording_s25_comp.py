"""Session 25 (reading 30 en-1, AR-14, RU-9, HE-17): compensation says how a voucher reaches
the customer and by when, so nobody phones a week later to ask where it is.

The organisation's practice is config (``[compensation] voucher_route``, ``voucher_within_days``),
the words are language data: every channel says the route, and once resolved the last day (the
restoration's date plus the days, with its weekday); a live incident says no date; without the
settings the wording is as before. Case letters say the same.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from crisiscomms import Bundle, parse_incident, render
from crisiscomms.cases import load_case
from crisiscomms.cases.letters import render_case_letter
from crisiscomms.config import default_templates_dir, load_config
from crisiscomms.errors import ConfigError

from .example_edits import example_data, seen, written
from .template_copy import TemplateCopy

LANGS = ("he", "en", "ar", "ru")
CHANNELS = ("ivr", "sms", "banner", "social", "email", "status_page", "talking_points",
            "management", "partners")
SHIPPED = 'voucher_route = "sms"\nvoucher_within_days = 7\n'
ROOT = Path(__file__).resolve().parent.parent
# The route, as each language writes it in the full sentence and in the short form (SMS).
ROUTE = {"he": "SMS", "en": "will text", "ar": "برسالة نصية", "ru": "SMS"}
# Restored on Saturday 21 November 2026 + 7 days: Saturday 28 November, in the full sentence
# (with its weekday) and in the short form.
# s26 (reading 33 en): the English sentence opens with the day ("By Saturday 28 November, we will
# text every affected customer …").
BY = {"he": "עד יום שבת, 28 בנובמבר", "en": "Saturday 28 November",
      "ar": "السبت 28 نوفمبر", "ru": "не позднее субботы, 28 ноября"}  # ar: s27 AR-1
# s26 RU-3: the Russian short form says the last day with "не позднее" ("до" left the day itself
# in doubt); reading 45 RU-1: the long forms say "не позднее субботы, 28 ноября" too.
BY_SHORT = {"he": "עד 28.11", "en": "By Saturday 28 Nov", "ar": "بحلول 28.11",
            "ru": "не позднее 28.11"}
BY_SAID = {"he": "עד יום שבת, עשרים ושמונה בנובמבר",
           "en": "By Saturday the twenty-eighth of November",
           # The Saturday-evening Arabic script says it in short, keeping the chat and the action.
           "ar": "بحلول السبت الثامن والعشرين من نوفمبر",  # s27 AR-1
           "ru": "не позднее субботы, двадцать восьмого ноября"}
# How it arrives without the settings (the wording before session 25).
OLD = {"he": "השובר יישלח אוטומטית, ללא צורך בפנייה.",  # s26: no "אליכם", reading 33
       "en": "It will arrive automatically; no need to ask.",
       "ar": "ستصلهم القسيمة تلقائيًا دون الحاجة إلى التواصل معنا.",
       "ru": "Он придёт автоматически; обращаться за ним не нужно."}  # ";": reading 45 RU-1


def _bundle(data: dict[str, Any], templates: Path | None = None) -> Bundle:
    return render(parse_incident(data, "test.yaml"), languages=LANGS, templates=templates)


@pytest.fixture(scope="module")
def shipped() -> Bundle:
    return _bundle(example_data("compensation"))


@pytest.fixture(scope="module")
def unset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The templates with neither setting (the config before session 25)."""
    return TemplateCopy.with_config(tmp_path_factory.mktemp("t") / "templates", SHIPPED,
                                    "").folder


def _config(tmp_path: Path, new: str) -> Path:
    return TemplateCopy.with_config(tmp_path / "templates", SHIPPED, new).folder


# --- config -------------------------------------------------------------------------------

def test_the_shipped_config_sends_vouchers_by_sms_within_a_week() -> None:
    policy = load_config(default_templates_dir()).compensation
    assert (policy.voucher_route, policy.voucher_within_days) == ("sms", 7)


@pytest.mark.parametrize(("new", "field"), [
    ('voucher_route = "post"\n', "voucher_route"),
    ('voucher_route = "SMS"\n', "voucher_route"),
    ("voucher_within_days = 0\n", "voucher_within_days"),
    ("voucher_within_days = 91\n", "voucher_within_days"),
    ('voucher_within_days = "7"\n', "voucher_within_days"),
    ("voucher_within_days = 7.5\n", "voucher_within_days"),
])
def test_a_bad_value_is_refused_naming_the_field(tmp_path: Path, new: str, field: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(_config(tmp_path, new))
    assert f"compensation.{field}" in str(caught.value), caught.value


@pytest.mark.parametrize("field", ['voucher_route = "sms"', "voucher_within_days = 7"])
def test_route_and_days_need_automatic_delivery(tmp_path: Path, field: str) -> None:
    folder = TemplateCopy.with_config(tmp_path / "templates", 'delivery = "automatic"\n'
                                      f"long_outage_hours = 12\n{SHIPPED}",
                                      'delivery = "on_request"\n'
                                      f"long_outage_hours = 12\n{field}\n").folder
    with pytest.raises(ConfigError) as caught:
        load_config(folder)
    assert field.split()[0] in str(caught.value) and "automatic" in str(caught.value)


# --- every channel says the route and the last day ----------------------------------------

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("channel", CHANNELS)
def test_every_channel_says_the_route_and_the_last_day(shipped: Bundle, lang: str,
                                                       channel: str) -> None:
    text = written(shipped, lang, channel)
    assert ROUTE[lang] in text, text
    assert BY[lang] in text or BY_SHORT[lang] in text, text
    assert not [f for f in shipped.findings if f.severity == "error"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_ivr_says_the_last_day_as_a_date(shipped: Bundle, lang: str) -> None:
    said = seen(shipped, lang, "ivr", "ssml")
    assert BY_SAID[lang] in said, said
    assert "SMS" not in said, said  # "אס אם אס", "эс-эм-эс" ([speech.say])


@pytest.mark.parametrize("lang", LANGS)
def test_the_sms_keeps_percent_base_and_expiry_with_year(shipped: Bundle, lang: str) -> None:
    sms = seen(shipped, lang, "sms")
    assert "10" in sms and "2026" in sms and BY_SHORT[lang] in sms, sms


# --- the wording the readers asked for ----------------------------------------------------

def test_the_readers_wording(shipped: Bundle) -> None:
    # en-1: whose bill; "of your monthly bill" said to the reader in the SMS.
    assert "a voucher worth 10% of their monthly bill" in seen(shipped, "en", "status_page")
    assert "a voucher worth 10% of your monthly bill" in seen(shipped, "en", "sms")
    # (on the status page after its label's colon: "Compensation: by Saturday …")
    assert ("by Saturday 28 November, we will text every affected customer a voucher worth 10% of "
            "their monthly bill, valid until 31 December 2026; no need to ask.") in seen(
        shipped, "en", "status_page")
    # s26 EN-5: the email answers one customer and says it to them.
    assert ("By Saturday 28 November, we will text you a voucher worth 10% of your monthly bill, "
            "valid until 31 December 2026. You do not need to ask.") in seen(
        shipped, "en", "email")
    # RU-9: a voucher worth 10 % of the bill, not a 10 % discount coupon; s26 RU-3: "на 10 %"
    # says it without "на сумму".
    assert "сертификат на 10 % от ежемесячного счёта" in seen(shipped, "ru", "sms")
    assert "сертификат на 10 %" in seen(shipped, "ru", "email")
    assert "на сумму" not in seen(shipped, "ru", "email")
    # AR-14: "قسيمة شراء" in the SMS as everywhere else.
    assert "قسيمة شراء بقيمة 10%" in seen(shipped, "ar", "sms")
    # HE-17: "שובר זיכוי" in the SMS as everywhere else, and it still apologises.
    sms = seen(shipped, "he", "sms")
    assert "פיצוי: שובר זיכוי 10% מהחשבון החודשי, בתוקף עד 31.12.2026, יישלח ב-SMS עד 28.11." in sms
    assert sms.endswith("מתנצלים."), sms


def test_the_english_banner_keeps_the_whole_sentence(shipped: Bundle) -> None:
    banner = seen(shipped, "en", "banner")
    assert "we will text every affected customer a voucher" in banner, banner
    # s26: the shorter sentence leaves room for the whole apology.
    assert "We are very sorry for such a long disruption." in banner


def test_the_english_sms_still_apologises_after_a_long_outage(shipped: Bundle) -> None:
    assert "We are very sorry for such a long disruption." in seen(shipped, "en", "sms")


# --- live, unset, other kinds -------------------------------------------------------------

def test_a_live_incident_says_the_route_but_no_date() -> None:
    # While live only the management update carries the compensation.
    data = example_data("compensation", status="identified", resolved_at=None,
                        next_update_at="2026-11-21T19:30:00+02:00")
    bundle = _bundle(data)
    assert "We will text it to them; they need not ask for it." in seen(
        bundle, "en", "management")
    assert "השובר יישלח ללקוחות ב-SMS, ואין צורך" in seen(bundle, "he", "management")
    assert "ستصل القسيمة إلى الزبائن برسالة نصية، ولا حاجة" in seen(bundle, "ar", "management")
    assert "Сертификат придёт клиентам в SMS; обращаться за ним не нужно." in seen(
        bundle, "ru", "management")
    for lang in LANGS:
        assert "28" not in written(bundle, lang, "management")


@pytest.mark.parametrize("lang", LANGS)
def test_without_the_settings_the_old_wording_stays(unset: Path, lang: str) -> None:
    bundle = _bundle(example_data("compensation"), unset)
    for channel in ("email", "status_page"):
        text = written(bundle, lang, channel)
        assert OLD[lang] in text, text
        assert BY[lang] not in text and ROUTE[lang] not in text


def test_the_date_is_the_restoration_plus_the_days_with_the_year_when_it_changes(
        tmp_path: Path) -> None:
    folder = _config(tmp_path, 'voucher_route = "email"\nvoucher_within_days = 14\n')
    data = example_data("compensation", resolved_at="2026-12-20T15:30:00+02:00",
                        updated_at="2026-12-20T16:00:00+02:00")
    data["updates"][-1]["at"] = "2026-12-20T15:30:00+02:00"
    bundle = _bundle(data, folder)
    assert "by Sunday 3 January 2027, we will email every affected customer a voucher" in seen(
        bundle, "en", "status_page")
    # s26 EN-5: the email says it to the one customer it answers.
    assert "By Sunday 3 January 2027, we will email you a voucher" in seen(bundle, "en", "email")
    assert "השובר יישלח בדואר האלקטרוני עד יום ראשון, 3 בינואר 2027," in seen(
        bundle, "he", "email")
    assert "By Sunday 3 Jan 2027, we will email you a voucher" in seen(bundle, "en", "sms")


@pytest.mark.parametrize("kind", ["credit", "refund"])
def test_a_credit_or_refund_takes_no_route_or_date(kind: str) -> None:
    data = example_data("compensation")
    data["compensation"] = {**data["compensation"], "kind": kind}
    bundle = _bundle(data)
    for lang in LANGS:
        text = written(bundle, lang, "email")
        assert BY[lang] not in text and ROUTE[lang] not in text, text


# --- case letters ---------------------------------------------------------------------------

LETTER = {"he": "השובר יישלח אליך ב-SMS עד יום חמישי, 3 בדצמבר,",
          "en": "We will text it to you by Thursday 3 December, so there is no need to ask",
          "ar": "ستصلك القسيمة برسالة نصية بحلول يوم الخميس 3 ديسمبر،",
          "ru": "Сертификат придёт Вам в SMS не позднее четверга, 3 декабря;"}


@pytest.fixture(scope="module")
def four(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return TemplateCopy.four_languages(tmp_path_factory.mktemp("t4") / "templates").folder


@pytest.mark.parametrize("lang", LANGS)
def test_the_final_letter_says_the_route_and_the_last_day(four: Path, lang: str) -> None:
    case = load_case(ROOT / "examples" / "cases" / "justified-voucher.yaml")
    letter = render_case_letter(case.model_copy(update={"language": lang}), "final",
                                now=dt.datetime(2026, 11, 26, 13, 0, tzinfo=dt.UTC),
                                templates=four)
    text = letter.text.replace("\u2066", "").replace("\u2069", "").replace("\u2067", "")
    assert LETTER[lang] in text, text
