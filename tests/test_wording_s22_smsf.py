"""Session 22, helper sms22f: reading 21 M1 and L4 (ar/ru SMS, the shortest wordings).

With a contact channel among the services of an outage customers would contact us about, the ar/ru
wordings from 8 kept an unscoped channel: "…Следующее сообщение: 09:10. Мы на связи в чате на
сайте." and "يمكنكم التواصل معنا عبر الدردشة في موقعنا." invited contact about the outage itself.
As he/en (sms22e), they are scoped ("По другим вопросам — …", "لأي أمر آخر: …") unless every
affected service is a contact channel itself; the link stays where it fits. L4: ru level 11 with
the sender shows the title after the colon in its inner form (lower case), as levels up to 10 do.
"""

from __future__ import annotations

from crisiscomms.config import default_templates_dir

from .test_wording_s22_smse import ROOT, _sms

INV = ROOT / "examples" / "investigating.yaml"
IDE = ROOT / "examples" / "identified.yaml"
LINK = "status.netivim.example"


def test_ru_level_11_says_the_action_and_keeps_the_link() -> None:
    text, short, units = _sms(INV, "call-centre", "ru")
    assert short == 11 and units <= 201
    # Session 25 (reading 30 en-5, HE-1): at 11 the short action comes before the contact line.
    assert text.endswith("Следующее сообщение: 09:10. Перезагружать роутер не нужно. " + LINK)
    assert "Мы на связи" not in text


def test_ru_identified_chat_scopes_the_phone_and_keeps_the_link() -> None:
    text, _, units = _sms(IDE, "chat", "ru")
    assert units <= 201
    # The account by its short name (s23_short) leaves room for the whole next-update label.
    assert text.endswith("Следующее сообщение: 15:00. По другим вопросам звоните *2040. " + LINK)
    assert "Мы на связи" not in text


def test_ar_level_11_says_the_action_and_scopes_the_chat() -> None:
    text, short, units = _sms(INV, "call-centre", "ar")
    assert short == 11 and units <= 201
    # Session 25 (reading 30 en-5, HE-1): at 11 the short action comes before the contact line.
    assert text.endswith("09:10. لا حاجة إلى إعادة تشغيل الراوتر. لأي أمر آخر: الدردشة في موقعنا.")
    assert "يمكنكم التواصل" not in text


def test_ar_identified_chat_scopes_the_phone() -> None:
    text, _, units = _sms(IDE, "chat", "ar")
    assert units <= 201
    # s23 ruar23 (reading 22 N3): the phone with a verb.
    # s28 reading 53 AR-2: the label gives the apology its room.
    assert text.endswith("التحديث القادم: 15:00. لأي أمر آخر اتصلوا بنا على *2040."
                         " نعتذر عن الإزعاج.")
    assert "يمكنكم التواصل" not in text


def test_ru_level_11_sender_takes_the_inner_title() -> None:
    """L4 (latent: no example reaches 11 with room for the sender): the sender at 11 is followed
    by the inner title, as up to 10, never "{{ f.org.short_name }}: {{ f.title }}"."""
    source = (default_templates_dir() / "ru" / "sms.txt").read_text(encoding="utf-8")
    level_11 = source.split("{# At 11 ", 1)[1]
    assert "{% elif fill.sender %}{{ f.title_inner }}{% else %}{{ f.title }}{% endif %}" in level_11
