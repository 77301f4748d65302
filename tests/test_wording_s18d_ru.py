"""Session 18, the third reading's Russian copy: the signature with its capital, the queue
sentence with its object, a reference number rather than the tool word "инцидент"."""

from __future__ import annotations

import pytest

from crisiscomms import render
from crisiscomms.loading import parse_incident
from crisiscomms.samples import load_example

from .example_edits import seen


@pytest.mark.parametrize("output", ["text", "html"])
def test_russian_email_and_partner_notice_read_as_copy(output: str) -> None:
    # No special priority: the partner notice says requests go in the order received.
    data = load_example("identified").model_dump(mode="json", exclude_none=True)
    del data["internal"]["priority"]
    bundle = render(parse_incident(data), languages=["ru"], channels=["email", "partners"])
    email, partners = seen(bundle, "ru", "email", output), seen(bundle, "ru", "partners", output)
    assert "Служба поддержки клиентов" in email and "Служба поддержки клиентов" in partners
    assert "служба поддержки клиентов" not in email + partners
    assert "Справочный номер: INC-2041" in email and "инцидент" not in email.lower()
    assert "не продвигает клиента в очереди" in partners
