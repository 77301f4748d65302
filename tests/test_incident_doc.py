"""docs/incident.md is generated from the model: a stale page fails here."""

from __future__ import annotations

from pathlib import Path

from crisiscomms.incident_doc import incident_markdown
from crisiscomms.model import Incident


def test_docs_incident_md_is_up_to_date() -> None:
    page = Path(__file__).resolve().parent.parent / "docs" / "incident.md"
    assert page.read_text(encoding="utf-8") == incident_markdown(), (
        "docs/incident.md is stale: run `python -m crisiscomms.incident_doc > docs/incident.md`")


def test_every_field_is_documented_with_a_description() -> None:
    page = incident_markdown()
    for name, field in Incident.model_fields.items():
        assert f"| `{name}` |" in page
        assert field.description, name
