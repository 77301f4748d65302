"""s27 lexicon: names a voice says wrong from their spelling are said from a lexicon in data
(reading 46 EN-10, EN-11): the organisation's names in crisiscomms.toml
([organisation.pronounce]), place names in [speech.lexicon] of language.toml. IPA
``<phoneme>`` for Azure and Google, a ``<sub alias>`` respelling for espeak-ng (the plain
dialect), checked here against espeak-ng's own phonemes."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from crisiscomms import Bundle, render
from crisiscomms.config import default_templates_dir, load_config
from crisiscomms.errors import ConfigError, CrisisError
from crisiscomms.loading import load_incident
from crisiscomms.samples import load_example
from crisiscomms.text.speech import (
    LEXICON_MAX_ENTRIES,
    Pronunciation,
    apply_lexicon,
    estimate_seconds,
    parse_lexicon,
    speak_text,
    speech_words,
    wrap_ssml,
)

HARD = Path(__file__).parent / "data" / "hard"
NETIVIM = '<sub alias="netteeveem">Netivim</sub>'
SHARON = '<sub alias="sharrón">Sharon</sub>'
SHFELA = '<sub alias="schfelá">Shfela</sub>'


def templates(tmp_path: Path, edit: dict[str, tuple[str, str]] | None = None) -> Path:
    """A copy of the built-in templates, each file in ``edit`` with one text replaced."""
    folder = tmp_path / "templates"
    shutil.copytree(default_templates_dir(), folder)
    for name, (old, new) in (edit or {}).items():
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def without_lexicons(tmp_path: Path) -> Path:
    return templates(tmp_path, {
        "crisiscomms.toml": ('Netivim = { ipa = "nɛtɪˈviːm", alias = "netteeveem" }', ""),
        "en/language.toml": ('Sharon = { ipa = "ʃæˈɹɒn", alias = "sharrón" }\n'
                             'Shfela = { ipa = "ʃfɛˈlɑː", alias = "schfelá" }', ""),
    })


def dialect(tmp_path: Path, name: str) -> Path:
    return templates(tmp_path, {"crisiscomms.toml": ('ssml_dialect = "ssml"',
                                                     f'ssml_dialect = "{name}"')})


def longtitle(folder: Path | None = None) -> Bundle:
    return render(load_incident(HARD / "longtitle.yaml"), languages=["he", "en"],
                  channels=["ivr"], templates=folder)


def ssml(bundle: Bundle, lang: str) -> str:
    document = bundle[lang, "ivr"].ssml
    assert document is not None
    ET.fromstring(document.encode())  # well-formed in every dialect
    return document


def espeak(document: str, voice: str = "en-gb") -> str:
    binary = shutil.which("espeak-ng")
    if binary is None:  # .ci/run installs it; the real engine is the point of these checks
        pytest.fail("espeak-ng is not installed (Debian/Ubuntu: apt-get install espeak-ng)",
                    pytrace=False)
    done = subprocess.run([binary, "-v", voice, "-q", "-m", "-x", document],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


# --- the shipped lexicons in the rendered IVR -----------------------------------------------


def test_plain_ssml_says_the_names_from_their_respellings() -> None:
    document = ssml(longtitle(), "en")
    assert f"<p>This is {NETIVIM}.</p>" in document, document
    assert f"across the {SHARON} and the {SHFELA}." in document, document
    assert "<phoneme" not in document  # espeak-ng ignores IPA: the plain dialect never uses it


def test_espeak_stresses_the_names_as_they_are_said() -> None:
    # EN-10: "ne-ti-VEEM", not n'EtIvI2m; EN-11: "sha-RON", not the woman's name S'ar@n, and
    # "shfe-LA", not S-H (,Es'eItS) then "fela".
    phonemes = espeak(ssml(longtitle(), "en"))
    assert "n,Eti:v'i:m" in phonemes, phonemes
    assert "Sar'0n" in phonemes, phonemes
    assert "SfEl'A:" in phonemes, phonemes
    for wrong in ("n'EtIvI2m", "S'ar@n", ",Es'eItS", "Sf'El@"):
        assert wrong not in phonemes, (wrong, phonemes)


def test_without_the_lexicons_espeak_says_them_wrong(tmp_path: Path) -> None:
    # What the lexicons fix: the same script, their entries taken out.
    phonemes = espeak(ssml(longtitle(without_lexicons(tmp_path)), "en"))
    assert "n'EtIvI2m" in phonemes and "S'ar@n" in phonemes and ",Es'eItS" in phonemes


@pytest.mark.parametrize("name", ["azure", "google"])
def test_azure_and_google_get_ipa_phonemes(tmp_path: Path, name: str) -> None:
    document = ssml(longtitle(dialect(tmp_path, name)), "en")
    assert '<phoneme alphabet="ipa" ph="nɛtɪˈviːm">Netivim</phoneme>' in document, document
    assert ('across the <phoneme alphabet="ipa" ph="ʃæˈɹɒn">Sharon</phoneme> and the '
            '<phoneme alphabet="ipa" ph="ʃfɛˈlɑː">Shfela</phoneme>.') in document, document
    assert "<sub" not in document


def test_the_written_script_and_the_estimate_are_unchanged(tmp_path: Path) -> None:
    shipped, bare = longtitle(), longtitle(without_lexicons(tmp_path))
    text = shipped["en", "ivr"].text
    assert text.startswith("This is Netivim.") and "across the Sharon and the Shfela." in text
    assert text == bare["en", "ivr"].text
    # An alias is one word for one word: the budget's estimate does not move.
    assert shipped["en", "ivr"].stats["seconds"] == bare["en", "ivr"].stats["seconds"]
    assert ssml(shipped, "en") != ssml(bare, "en")


@pytest.mark.parametrize("example", ["investigating", "resolved"])
def test_hebrew_arabic_russian_ssml_are_untouched(tmp_path: Path, example: str) -> None:
    # No entry for them: their documents are what they were without any lexicon.
    incident = load_example(example)
    langs = ["he", "en", "ar", "ru"]
    shipped = render(incident, languages=langs, channels=["ivr"])
    bare = render(incident, languages=langs, channels=["ivr"],
                  templates=without_lexicons(tmp_path))
    for lang in ("he", "ar", "ru"):
        assert ssml(shipped, lang) == ssml(bare, lang), lang
    assert "<sub alias=\"netteeveem\">" in ssml(shipped, "en")


def test_an_entry_for_russian_changes_the_russian_ssml_only(tmp_path: Path) -> None:
    folder = templates(tmp_path, {"crisiscomms.toml": (
        "[organisation.pronounce.en]", '[organisation.pronounce.ru]\n"Нетивим" = { alias = '
        '"Нетиви\u0301м" }\n\n[organisation.pronounce.en]')})
    incident = load_example("investigating")
    bundle = render(incident, languages=["he", "ru"], channels=["ivr"], templates=folder)
    shipped = render(incident, languages=["he", "ru"], channels=["ivr"])
    assert '<sub alias="Нетиви\u0301м">Нетивим</sub>' in ssml(bundle, "ru")
    assert ssml(bundle, "he") == ssml(shipped, "he")
    assert bundle["ru", "ivr"].text == shipped["ru", "ivr"].text


# --- where a word is changed ----------------------------------------------------------------

WORDS = replace(speech_words("en"), lexicon={
    "Netivim": Pronunciation("nɛtɪˈviːm", "netteeveem"),
    "Sharon": Pronunciation("ʃæˈɹɒn", "sharrón"),
    "Kfar Saba": Pronunciation("", "kfar sabba"),
    "wifi": Pronunciation("", "why fy", any_case=True),
})


@pytest.mark.parametrize(("fragment", "expected"), [
    # Whole words only, as written.
    ("Sharonville and sharon", "Sharonville and sharon"),
    ("Ramat-Sharon, HaSharon", "Ramat-Sharon, HaSharon"),
    # Never inside an address.
    ("netivim.example, Netivim.example, www.Netivim.com/Sharon, @Netivim",
     "netivim.example, Netivim.example, www.Netivim.com/Sharon, @Netivim"),
    # Never inside an element that says its words already, or in another language.
    ('<sub alias="x">Sharon</sub> <lang xml:lang="en-US">Sharon</lang> '
     '<voice xml:lang="he-IL">Sharon</voice> <say-as interpret-as="name">Sharon</say-as>',
     '<sub alias="x">Sharon</sub> <lang xml:lang="en-US">Sharon</lang> '
     '<voice xml:lang="he-IL">Sharon</voice> <say-as interpret-as="name">Sharon</say-as>'),
    # After an element closes, and around a break, words are found again.
    ('<sub alias="x">A</sub> Sharon<break time="300ms"/>Sharon.',
     f'<sub alias="x">A</sub> {SHARON}<break time="300ms"/>{SHARON}.'),
    # A possessive is said after the alias, not as a letter.
    ("Netivim's team", "<sub alias=\"netteeveem's\">Netivim's</sub> team"),
    # Names of more than one word, the longest first; an any_case entry in any case.
    ("in Kfar Saba. WiFi, WIFI", 'in <sub alias="kfar sabba">Kfar Saba</sub>. '
     '<sub alias="why fy">WiFi</sub>, <sub alias="why fy">WIFI</sub>'),
])
def test_only_whole_words_outside_other_elements(fragment: str, expected: str) -> None:
    assert apply_lexicon(fragment, WORDS) == expected


def test_each_dialect_takes_its_form() -> None:
    assert apply_lexicon("Netivim", WORDS, "azure") == (
        '<phoneme alphabet="ipa" ph="nɛtɪˈviːm">Netivim</phoneme>')
    # An entry without IPA is said from its alias where IPA is read too.
    assert apply_lexicon("Kfar Saba", WORDS, "google") == '<sub alias="kfar sabba">Kfar Saba</sub>'
    only_ipa = replace(WORDS, lexicon={"Netivim": Pronunciation("nɛtɪˈviːm")})
    assert apply_lexicon("Netivim", only_ipa, "ssml") == "Netivim"
    document = wrap_ssml(speak_text("Netivim's call at 14:30", WORDS), WORDS, dialect="azure")
    # The possessive inside, its sound added to the IPA (z after a voiced sound).
    assert "<phoneme alphabet=\"ipa\" ph=\"nɛtɪˈviːmz\">Netivim's</phoneme> call" in document
    assert estimate_seconds(document) == estimate_seconds(wrap_ssml(
        speak_text("Netivim's call at 14:30", "en"), "en", dialect="azure"))
    # Without the phones the possessive needs, it stays outside the element.
    bare = replace(WORDS, ipa_phones=frozenset())
    assert apply_lexicon("Netivim's", bare, "google") == (
        '<phoneme alphabet="ipa" ph="nɛtɪˈviːm">Netivim</phoneme>\'s')


def test_hebrew_with_an_entry_of_its_own() -> None:
    hebrew = replace(speech_words("he"), lexicon={"נתיבים": Pronunciation("", "נְתִיבִים"),
                                                  "Apple": Pronunciation("", "אפל")})
    fragment = speak_text("נתיבים: תקלה בשירות Apple TV", hebrew)
    # The Latin brand is wrapped in its language already: the Hebrew entry does not reach it.
    assert apply_lexicon(fragment, hebrew) == (
        '<sub alias="נְתִיבִים">נתיבים</sub>: תקלה בשירות '
        '<lang xml:lang="en-US">Apple TV</lang>')
    assert apply_lexicon(fragment, "he") == fragment  # the shipped Hebrew has none


# --- hostile or mistaken entries --------------------------------------------------------------


@pytest.mark.parametrize(("table", "message"), [
    ({"Net<ivim": {"alias": "x"}}, "speech.lexicon.Net<ivim: expected a word as written"),
    ({" Netivim": {"alias": "x"}}, "expected a word as written"),
    ({"N" * 65: {"alias": "x"}}, "at most 64 characters"),
    ({"Netivim": "netteeveem"}, "speech.lexicon.Netivim: expected a table"),
    ({"Netivim": {}}, "speech.lexicon.Netivim: expected ipa, alias or both"),
    ({"Netivim": {"alias": "x", "say": "y"}}, "speech.lexicon.Netivim: unknown key 'say'"),
    ({"Netivim": {"alias": '<break time="9s"/>'}}, "speech.lexicon.Netivim.alias: expected"),
    ({"Netivim": {"alias": "a" * 101}}, "speech.lexicon.Netivim.alias: at most 100"),
    ({"Netivim": {"ipa": 'neti"/><audio src="x'}}, "speech.lexicon.Netivim.ipa: '\"' is not"),
    ({"Netivim": {"ipa": "neti'vim"}}, "is not IPA (stress is ˈ"),
    ({"Sharon": {"ipa": "ʃaˈʁon"}}, "speech.lexicon.Sharon.ipa: 'a' (at 2) is not one of"),
    ({"Netivim": {"ipa": "nɛtɪˈviːm", "any_case": "yes"}}, "any_case: expected true or false"),
])
def test_bad_entries_are_refused_naming_the_entry(table: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError) as raised:
        parse_lexicon(table, "speech.lexicon", speech_words("en").ipa_phones)
    assert message in str(raised.value), raised.value


def test_a_lexicon_has_a_bounded_size() -> None:
    table = {f"Word{'x' * (i % 7)}{chr(97 + i % 26)}{i}": {"alias": "x"}
             for i in range(LEXICON_MAX_ENTRIES + 1)}
    with pytest.raises(ValueError, match=f"at most {LEXICON_MAX_ENTRIES}"):
        parse_lexicon(table, "speech.lexicon")


def test_a_bad_place_name_names_the_language_file(tmp_path: Path) -> None:
    folder = templates(tmp_path, {"en/language.toml": ('ipa = "ʃæˈɹɒn"', 'ipa = "ʃaˈʁon"')})
    with pytest.raises(CrisisError) as raised:
        longtitle(folder)
    assert "en/language.toml" in str(raised.value)
    assert "speech.lexicon.Sharon.ipa" in str(raised.value)


def test_a_bad_organisation_entry_names_the_config_file(tmp_path: Path) -> None:
    folder = templates(tmp_path, {"crisiscomms.toml": ('alias = "netteeveem"',
                                                       'alias = "nett<eeveem"')})
    with pytest.raises(ConfigError) as raised:
        load_config(folder)
    assert "crisiscomms.toml" in str(raised.value)
    assert "Netivim.alias" in str(raised.value), raised.value


def test_an_organisation_phone_the_voice_lacks_names_the_config_file(tmp_path: Path) -> None:
    # The IPA is checked against the language's phones when the two meet: the render.
    folder = templates(tmp_path, {"crisiscomms.toml": ('ipa = "nɛtɪˈviːm"', 'ipa = "netiˈvim"')})
    with pytest.raises(ConfigError) as raised:
        longtitle(folder)
    assert "crisiscomms.toml" in str(raised.value)
    assert "organisation.pronounce.en.Netivim.ipa" in str(raised.value), raised.value
