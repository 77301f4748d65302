"""What changed since the last statement is said (issue 12, CONTRACT section 8): the sentences
of the language files, every customer channel and the talking points stating a moved estimate
with the new and the old time, the apology for a late update, and the `change-stated` and
`late-update-apology` rules that guard them (and can fail)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crisiscomms import Bundle, Incident, render
from crisiscomms.changes import changes
from crisiscomms.errors import ConfigError
from crisiscomms.facts import build_facts, plain
from crisiscomms.lint.run import lint
from crisiscomms.model import Status
from crisiscomms.render import template_set
from crisiscomms.samples import changed_example
from crisiscomms.text.bidi import strip_controls

from .template_copy import TemplateCopy

STATED = ("ivr", "email", "banner", "sms", "status_page", "social", "talking_points")
APOLOGISING = ("ivr", "email", "status_page")


@pytest.fixture(scope="module")
def changed() -> Bundle:
    previous, current = changed_example()
    return render(current, previous=previous)


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> TemplateCopy:
    return TemplateCopy.of_defaults(tmp_path_factory.mktemp("changes") / "templates")


def _sentences(previous: Incident, current: Incident, lang: str) -> dict[str, dict[str, str]]:
    ts = template_set(None)
    facts = plain(build_facts(current, ts.config, ts.language(lang), lang,
                              changes(previous, current)))
    return {c["kind"]: {form: c[form] for form in ("sentence", "short", "dated", "also")}
            for c in facts["changes"]}


def test_a_moved_estimate_is_one_sentence_with_the_new_and_the_old_time() -> None:
    he = _sentences(*changed_example(), "he")["eta_later"]
    assert he["sentence"] == ("הצפי עודכן: השירות צפוי לחזור לפעול היום בשעה 17:00, "
                              "ולא בשעה 15:30 כפי שמסרנו.")
    assert he["short"] == "צפי: 17:00 (ולא 15:30)."
    # A page that stays up gives the new estimate its weekday and date; the old one, the
    # same day, by its time alone.
    assert he["dated"].startswith("הצפי עודכן: השירות צפוי לחזור לפעול ביום ראשון, 22 בנובמבר")
    assert "ולא בשעה 15:30" in he["dated"]
    en = _sentences(*changed_example(), "en")["eta_later"]
    assert en["sentence"] == ("We now expect service back today at 17:00, "
                              "not at 15:30 as we said.")  # s21: said, not a label read aloud


def test_an_estimate_moved_to_another_day_names_the_old_day() -> None:
    previous, current = changed_example()
    assert current.eta is not None
    later = current.model_copy(update={"eta": current.eta + dt.timedelta(days=1)})
    he = _sentences(previous, later, "he")["eta_later"]["sentence"]
    assert "מחר בשעה 17:00, ולא היום בשעה 15:30" in he


def test_a_fix_that_did_not_hold_and_a_withdrawn_estimate_are_said() -> None:
    previous, current = changed_example()
    previous = previous.model_copy(update={"status": Status.MONITORING})
    current = current.model_copy(update={"eta": None})
    said = _sentences(previous, current, "he")
    assert said["status_back"]["sentence"] == "התיקון שעליו עדכנו לא החזיק מעמד, והתקלה שוב בטיפול."
    assert "15:30" in said["eta_withdrawn"]["sentence"]


@pytest.mark.parametrize("lang", ["he", "en"])
@pytest.mark.parametrize("channel", STATED)
def test_every_customer_channel_states_the_new_and_the_old_time(changed: Bundle, lang: str,
                                                                channel: str) -> None:
    text = strip_controls(changed[lang, channel].text)
    assert "17:00" in text and "15:30" in text, text


@pytest.mark.parametrize("lang", ["he", "en"])
@pytest.mark.parametrize("channel", APOLOGISING)
def test_a_late_update_is_apologised_for(changed: Bundle, lang: str, channel: str) -> None:
    late = _sentences(*changed_example(), lang)["update_late"]
    # The phone line says it inside the apology it makes anyway (one apology, session 18).
    said = late["also"] if channel == "ivr" else late["sentence"]
    assert said in strip_controls(changed[lang, channel].text)


def test_the_shortest_sms_still_says_the_moved_estimate(changed: Bundle) -> None:
    sms = changed["he", "sms"]
    assert sms.stats["segments"] <= 2
    assert "צפי: 17:00 (ולא 15:30)." in strip_controls(sms.text)


def test_the_built_in_templates_pass_both_rules(changed: Bundle) -> None:
    found = {f.rule for f in changed.findings}
    assert not found & {"change-stated", "late-update-apology"}, found


SMS_WITHOUT_CHANGE = ("{{ f.title }} ({{ f.services }}) – {{ f.status_short }}. צפי: "
                      "{{ f.eta.short }}. העדכון הבא: {{ f.next_update.short }}.")


def test_a_template_that_drops_the_change_is_an_error(copy: TemplateCopy) -> None:
    with copy.changed("he/sms.txt", SMS_WITHOUT_CHANGE):
        previous, current = changed_example()
        bundle = render(current, previous=previous, channels=["sms"], templates=copy.folder)
        (finding,) = [f for f in bundle.findings if f.rule == "change-stated"]
        assert (finding.severity, finding.language, finding.channel) == ("error", "he", "sms")
        assert "eta_later" in finding.message
        # Lint renders a statement after another, so CI catches it too.
        assert "change-stated" in {f.rule for f in lint(copy.folder)}


def test_incident_text_cannot_stand_in_for_the_change(copy: TemplateCopy) -> None:
    previous, current = changed_example()
    wording = {"he": "צפי מעודכן: 17:00 (במקום 15:30).", "en": "New estimate: 17:00 (was 15:30)."}
    current = current.model_copy(update={"impact": wording})
    template = "{{ f.impact }} " + SMS_WITHOUT_CHANGE
    with copy.changed("he/sms.txt", template):
        bundle = render(current, previous=previous, channels=["sms"], templates=copy.folder)
        assert "change-stated" in {f.rule for f in bundle.findings}


def test_a_missing_apology_is_a_warning_and_never_blocks(copy: TemplateCopy) -> None:
    page = Path(copy.folder / "he" / "status_page.md").read_text(encoding="utf-8")
    without = page.replace("{% for c in f.changes if c.dated %}", "{% for c in f.changes "
                           "if c.dated and c.kind != 'update_late' %}")
    assert without != page
    with copy.changed("he/status_page.md", without):
        previous, current = changed_example()
        bundle = render(current, previous=previous, channels=["status_page"],
                        templates=copy.folder)
        (finding,) = [f for f in bundle.findings if f.rule == "late-update-apology"]
        assert finding.severity == "warning"


def test_no_previous_no_change_wording(changed: Bundle) -> None:
    _, current = changed_example()
    alone = render(current, channels=["sms", "ivr"])
    assert "15:30" not in strip_controls(alone["he", "sms"].text)
    assert "15:30" in strip_controls(changed["he", "sms"].text)


def test_an_unknown_slot_in_a_change_sentence_is_refused(tmp_path: Path) -> None:
    copy = TemplateCopy.of_defaults(tmp_path / "templates")
    toml = copy.folder / "en" / "language.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace('eta_known = "We now have an estimate: we expect service back '
                                 '{new}."', 'eta_known = "Back {when}."'), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        render(changed_example()[1], templates=copy.folder)
    assert caught.value.file is not None and caught.value.file.endswith("en/language.toml")
    assert "unknown slot {when}" in str(caught.value)


def test_a_late_update_is_a_warning_naming_the_field(changed: Bundle) -> None:
    (finding,) = [f for f in changed.findings if f.rule == "update-cadence"]
    assert (finding.severity, finding.field) == ("warning", "updated_at")
    assert "20" in finding.message and "13:50" in finding.message
    previous, current = changed_example()
    on_time = previous.model_copy(update={"next_update_at": current.updated_at})
    assert "update-cadence" not in {f.rule for f in render(current, previous=on_time).findings}


@pytest.mark.parametrize("lang", ["he", "en", "ar", "ru"])
def test_a_late_resolution_apologises_too(lang: str) -> None:
    _, current = changed_example()
    assert current.next_update_at is not None
    resolved = current.model_copy(update={
        "status": Status.RESOLVED, "updated_at": current.next_update_at + dt.timedelta(hours=2),
        "resolved_at": current.next_update_at + dt.timedelta(hours=1), "next_update_at": None,
        "eta": None})
    bundle = render(resolved, previous=current, languages=[lang], channels=list(APOLOGISING))
    assert "late-update-apology" not in {f.rule for f in bundle.findings}
    late = _sentences(current, resolved, lang)["update_late"]
    for channel in APOLOGISING:
        assert late["sentence"] in strip_controls(bundle[lang, channel].text), channel


@pytest.mark.parametrize("lang", ["he", "en"])
def test_the_email_says_a_moved_estimate_once(changed: Bundle, lang: str) -> None:
    # The paragraph of what changed gives the new and the old time; the facts below it do not
    # repeat the estimate, and required-fact counts that paragraph as stating it.
    text = strip_controls(changed[lang, "email"].text)
    assert text.count("17:00") == 1 and "15:30" in text
    assert "required-fact" not in {f.rule for f in changed.findings}
