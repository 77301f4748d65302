"""A case letter as a print-ready PDF (issue 13 step 4): the letter's own HTML (the words of
``templates/<lang>/case_<kind>.html``) under the organisation's letterhead, on A4, laid out by
WeasyPrint (Pango and HarfBuzz shape Hebrew and run the Unicode bidi algorithm).

Behaviour only: the letterhead holds the organisation's name, phone and website from the
config, no word of ours; the date, the reference, the body and the signature are the letter's.
WeasyPrint comes with the ``pdf`` extra (``pip install 'crisiscomms[pdf]'``) and needs Pango
and a Hebrew-capable font on the system (``.ci/run`` installs them). Nothing is fetched: a
letter that names an image or a stylesheet by URL gets an error, not a request.
"""

from __future__ import annotations

import re
from html import escape
from importlib import resources
from typing import Any

from ..config import Config
from ..errors import CrisisError
from ..messages import Message

__all__ = ["INSTALL_HINT", "PdfUnavailable", "letter_document", "letter_pdf"]

INSTALL_HINT = ("crisiscomms: --format pdf needs WeasyPrint: pip install 'crisiscomms[pdf]' "
                "(and Pango with a Hebrew-capable font on the system; see README)")

_BODY = re.compile(r"<body[^>]*>\n?(.*)\n?</body>", re.S)


class PdfUnavailable(CrisisError):
    """WeasyPrint (the ``pdf`` extra) or the system libraries it loads are missing."""


def _style() -> str:
    return resources.files(__package__).joinpath("letter.css").read_text(encoding="utf-8")


def letter_document(letter: Message, config: Config) -> str:
    """The whole HTML document that is printed: letterhead, then the letter's body.

    >>> from crisiscomms.cases.model import EXAMPLE, Case
    >>> from crisiscomms.cases.letters import render_case_letter
    >>> from crisiscomms.render import template_set
    >>> import datetime as dt
    >>> now = dt.datetime.fromisoformat("2026-11-26T17:00:00+02:00")
    >>> letter = render_case_letter(Case.model_validate(EXAMPLE), "acknowledgement", now=now)
    >>> doc = letter_document(letter, template_set().config)
    >>> '<html lang="he" dir="rtl">' in doc, 'class="letterhead"' in doc
    (True, True)
    """
    if letter.html is None:
        raise ValueError("the letter has no HTML to print")
    found = _BODY.search(letter.html)
    body = found.group(1) if found else letter.html
    org = config.organisation
    lang, direction = letter.language, letter.direction
    name = org.name.get(lang) or next(iter(org.name.values()))
    website = str(org.website).rstrip("/")
    shown = re.sub(r"^https?://", "", website)
    title = escape(letter.subject or "")
    return (f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction}">\n<head>\n'
            f'<meta charset="utf-8">\n<title>{title}</title>\n'
            f"<style>\n{_style()}</style>\n</head>\n"
            f'<body dir="{direction}">\n'
            f'<header class="letterhead">\n<div class="org">{escape(name)}</div>\n'
            f'<div class="contact"><bdi dir="ltr">{escape(org.phone)}</bdi>'
            f'<span class="sep"> · </span><bdi dir="ltr">{escape(shown)}</bdi></div>\n'
            f"</header>\n"
            f'<main class="letter">\n{body}\n</main>\n</body>\n</html>\n')


def _refuse(url: str, *args: Any, **kwargs: Any) -> Any:
    raise ValueError(f"a printed letter fetches nothing: {url}")


def letter_pdf(letter: Message, config: Config) -> bytes:
    """The letter as PDF bytes (A4, the language's direction, fonts embedded).

    Raises :class:`PdfUnavailable` when WeasyPrint or its system libraries are missing.
    """
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: Pango is not on the system
        raise PdfUnavailable(f"{INSTALL_HINT} ({error})") from None
    document = letter_document(letter, config)
    pdf: bytes = HTML(string=document, url_fetcher=_refuse).write_pdf()
    return pdf
