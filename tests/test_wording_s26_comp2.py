"""Reading 44 (s26), compensation and apologies: Russian dates that leave the day itself in
doubt (RU-3); an apology for "inconvenience" in a critical incident (HE-3, AR-9)."""

from __future__ import annotations

from crisiscomms import load_incident, render
from crisiscomms.samples import load_example
from crisiscomms.text.bidi import strip_controls

CUSTOMER = ("ivr", "email", "banner", "sms", "status_page", "social")


def _text(bundle: object, lang: str, channel: str) -> str:
    return strip_controls(bundle[lang, channel].text)  # type: ignore[index]


def test_ru_compensation_says_through_and_no_later_than() -> None:
    """RU-3: «до 31 декабря 2026 года включительно» (reading 35 RU-2: «по» needs the accusative,
    which speech does not say); the SMS
    «действует по 31.12.2026. Пришлём его в SMS не позднее 28.11.», in three segments."""
    bundle = render(load_example("compensation"), languages=["ru"])
    for channel in ("ivr", "email", "status_page", "talking_points", "management", "partners"):
        said = _text(bundle, "ru", channel)
        assert "до 31 декабря 2026 года включительно" in said, channel
        # Reading 45 RU-1: the long forms say "не позднее субботы, 28 ноября" too
        # (tests/test_wording_s26_ru3.py); the shorter customer action keeps the IVR's chat.
        # Said as written: the genitive "до тридцать первого декабря" is right after "до".
        assert "по 31 декабря" not in said, channel
    for channel in ("sms", "social", "banner"):
        said = _text(bundle, "ru", channel)
        assert "действует по 31.12.2026. Пришлём его в SMS не позднее 28.11." in said, channel
    assert bundle["ru", "sms"].stats["segments"] <= 3
    ssml = bundle["ru", "ivr"].ssml or ""
    assert "до тридцать первого декабря" in ssml and "по тридцать первого" not in ssml
    assert len(_text(bundle, "ru", "banner")) <= 300


def test_a_critical_incident_apologises_for_the_harm_not_an_inconvenience() -> None:
    """HE-3, AR-9: the critical investigating example (a whole region without internet and TV)
    apologises for the harm to the service from its first minute."""
    bundle = render(load_example("investigating"), languages=["he", "en", "ar", "ru"])
    words = {"he": ("הפגיעה בשירות", "אי הנוחות"), "en": ("the disruption", "inconvenience"),
             "ar": ("انقطاع الخدمة", "الإزعاج"), "ru": ("этот сбой", "неудобства")}
    for lang, (harm, belittling) in words.items():
        for channel in ("email", "status_page", "banner", "social"):
            said = _text(bundle, lang, channel)
            assert harm in said, (lang, channel)
            assert belittling not in said, (lang, channel)


def test_a_major_incident_keeps_the_inconvenience() -> None:
    bundle = render(load_example("identified"), languages=["he", "en"], channels=["email"])
    assert "אי הנוחות" in _text(bundle, "he", "email")
    assert "the inconvenience" in _text(bundle, "en", "email")


def test_one_to_one_channels_say_you_public_ones_every_affected_customer() -> None:
    """EN-5, AR-6: the email reply, the IVR and the rep's quote speak to one customer ("we will
    text you a voucher worth 10% of your monthly bill"); the banner, status page and social keep
    "every affected customer … their"."""
    bundle = render(load_example("compensation"), languages=["en", "ar"])
    you = ("By Saturday 28 November, we will text you a voucher worth 10% of your monthly bill,"
           " valid until 31 December 2026. You do not need to ask.")
    assert you in _text(bundle, "en", "email")
    assert f'"{you}"' in _text(bundle, "en", "talking_points")
    for channel in ("banner", "status_page", "social"):
        said = _text(bundle, "en", channel)
        assert "every affected customer" in said and "of their monthly bill" in said, channel
    ar_you = ("ستحصلون، كسائر الزبائن المتضررين، على قسيمة شراء بقيمة 10% من فاتورتكم الشهرية،"
              " سارية حتى 31 ديسمبر 2026، وستصلكم برسالة نصية بحلول يوم السبت 28 نوفمبر دون"
              " الحاجة إلى التواصل معنا.")
    for channel in ("email", "talking_points"):
        said = _text(bundle, "ar", channel)
        assert ar_you in said, channel
        assert "ستصلهم" not in said, channel
    assert not [f for f in bundle.findings if f.severity == "error"]


def test_the_voucher_ivr_says_you() -> None:
    bundle = render(load_incident("tests/data/hard/voucher.yaml"), languages=["en"],
                    channels=["ivr"])
    ssml = strip_controls(bundle["en", "ivr"].ssml or "")
    assert ("By Sunday the twenty-seventh of December, we will text you a voucher worth fifteen"
            " percent of your monthly bill, valid until the thirty-first of January twenty"
            " twenty-seven. You do not need to ask.") in ssml
    assert bundle["en", "ivr"].stats["seconds"] <= 45


def test_a_resolved_long_outage_gets_the_stronger_apology() -> None:
    """EN-4: the compensation example (35 h 40 min, resolved) apologises as long35 does, in the
    past tense, in the email and on the status page, in every language."""
    bundle = render(load_example("compensation"), languages=["he", "en", "ar", "ru"],
                    channels=["email", "status_page"])
    strong = {"en": "We are very sorry for the disruption to your service, which went on far too"
                    " long, and thank you for your patience.",
              "he": "אנו מתנצלים מכל הלב על הפגיעה בשירות לאורך זמן רב כל כך",
              "ar": "نعتذر بشدة عن انقطاع الخدمة",
              "ru": "Приносим искренние извинения за длительный сбой"}
    for lang, words in strong.items():
        for channel in ("email", "status_page"):
            assert words in _text(bundle, lang, channel), (lang, channel)


def test_a_resolved_short_outage_keeps_the_routine_apology() -> None:
    bundle = render(load_example("resolved"), languages=["en"], channels=["email"])
    assert "We apologise for the inconvenience and thank you" in _text(bundle, "en", "email")
