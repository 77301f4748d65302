"""Print-ready case letters (issue 13 step 4): ``case letter --format pdf`` through WeasyPrint,
read back with poppler (``pdftotext`` for the text layer, ``pdftoppm`` for the page images).

Nothing here is skipped: CI installs WeasyPrint (extra ``pdf`` in ``test``), Pango, the fonts
and poppler-utils (.ci/run); where one is missing these tests fail and say which. One page
image is kept in tests/artefacts/ (gitignored) for a reader to look at.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from PIL import Image

from crisiscomms.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "cases"
ARTEFACTS = Path(__file__).resolve().parent / "artefacts"
FINAL_NOW = "2026-11-26T12:30:00+02:00"
INCIDENT = str(EXAMPLES.parent / "compensation.yaml")
BIDI_CONTROLS = dict.fromkeys(c for c in range(0x2000, 0x2070)
                              if unicodedata.category(chr(c)) == "Cf")


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path is not None, f"{name} is missing: apt-get install poppler-utils (see .ci/run)"
    return path


def _letter_pdf(case: Path, out: Path, *extra: str) -> bytes:
    err = io.StringIO()
    code = main(["case", "letter", str(case), "--kind", "final", "--now", FINAL_NOW,
                 "--incident-file", INCIDENT, "--format", "pdf", "--out", str(out), *extra],
                out=io.StringIO(), err=err)
    assert code == 0, err.getvalue()
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    return data


def _text(pdf: Path) -> str:
    """The PDF's text layer in reading order, with the direction marks poppler adds removed."""
    done = subprocess.run([_tool("pdftotext"), "-enc", "UTF-8", str(pdf), "-"],
                          capture_output=True, check=True)
    return done.stdout.decode("utf-8").translate(BIDI_CONTROLS)


def _pages(pdf: Path, folder: Path) -> list[Path]:
    subprocess.run([_tool("pdftoppm"), "-r", "60", "-png", str(pdf), str(folder / "page")],
                   capture_output=True, check=True)
    return sorted(folder.glob("page*.png"))


def _ink(png: Path, top: float, bottom: float) -> tuple[int, int]:
    """The leftmost and rightmost dark column of the text in a horizontal band of a page
    (fractions of its height): where the text of that band sits. Rules (rows dark across more
    than half the page) are not text and are left out."""
    with Image.open(png) as image:
        gray = image.convert("L")
    width, height = gray.size
    lefts, rights = [], []
    for y in range(int(height * top), int(height * bottom)):
        row = gray.crop((0, y, width, y + 1)).point(lambda v: 255 if v < 128 else 0)
        box = row.getbbox()
        if box is None or row.histogram()[255] > width // 2:
            continue
        lefts.append(box[0])
        rights.append(box[2])
    assert lefts, f"nothing printed between {top:.0%} and {bottom:.0%} of {png}"
    return min(lefts), max(rights)


def _english_case(tmp_path: Path) -> Path:
    source = (EXAMPLES / "justified-voucher.yaml").read_text(encoding="utf-8")
    path = tmp_path / "justified-voucher-en.yaml"
    path.write_text(source.replace("language: he", "language: en"), encoding="utf-8")
    return path


def test_hebrew_letter_prints_right_to_left(tmp_path: Path) -> None:
    pdf = tmp_path / "CASE-1031.pdf"
    _letter_pdf(EXAMPLES / "justified-voucher.yaml", pdf)
    text = _text(pdf)
    # The reference, the percent, the amount, the voucher's date with its year, the signature.
    # (pdftotext's own reordering moves the spaces around numbers inside Hebrew lines, so a
    # mixed run is checked word by word; the page image shows it whole.)
    for expected in ("CASE-1031", "10%", "240", "בפברואר", "2027", "מיכל אברהם",
                     "04-8609120", "נתיבים תקשורת"):
        assert expected in text, expected
    # Hebrew words come out of the text layer in reading order, letter by letter (shaped
    # glyphs mapped back to the right characters, final forms included).
    for phrase in ("התלונה נמצאה מוצדקת", "אנו מתנצלים על הטרחה", "השתלשלות הטיפול"):
        assert phrase in text, phrase
    pages = _pages(pdf, tmp_path)
    assert len(pages) == 1, "the final letter of the sample case fits on one A4 page"
    with Image.open(pages[0]) as image:
        width, height = image.size
    assert abs(height / width - 297 / 210) < 0.01, "A4"
    # Right to left: the letterhead hugs the right margin, and so does the addressee (לכבוד).
    left, right = _ink(pages[0], 0.0, 0.1)
    assert right > width * 0.8 and left > width * 0.3, (left, right, width)
    left, right = _ink(pages[0], 0.12, 0.17)
    assert right > width * 0.8 and left > width * 0.3, (left, right, width)
    ARTEFACTS.mkdir(exist_ok=True)
    shutil.copyfile(pages[0], ARTEFACTS / "case-final-he.png")


def test_english_letter_prints_left_to_right(tmp_path: Path) -> None:
    pdf = tmp_path / "CASE-1031-en.pdf"
    _letter_pdf(_english_case(tmp_path), pdf)
    text = " ".join(_text(pdf).split())
    for expected in ("CASE-1031", "10%", "₪240", "28 February 2027", "Michal Avraham",
                     "Netivim Communications"):
        assert expected in text, expected
    pages = _pages(pdf, tmp_path)
    width = Image.open(pages[0]).size[0]
    left, right = _ink(pages[0], 0.0, 0.1)
    assert left < width * 0.2 and right < width * 0.7, (left, right, width)


def test_fonts_are_embedded(tmp_path: Path) -> None:
    pdf = tmp_path / "letter.pdf"
    _letter_pdf(EXAMPLES / "justified-voucher.yaml", pdf)
    done = subprocess.run([_tool("pdffonts"), str(pdf)], capture_output=True, check=True,
                          text=True)
    rows = done.stdout.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows), done.stdout


def test_pdf_needs_out(tmp_path: Path) -> None:
    err = io.StringIO()
    code = main(["case", "letter", str(EXAMPLES / "justified-voucher.yaml"), "--kind", "final",
                 "--now", FINAL_NOW, "--format", "pdf"], out=io.StringIO(), err=err)
    assert code == 3 and "--out" in err.getvalue()


def test_without_weasyprint_the_command_says_how_to_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint -> ImportError
    out = tmp_path / "letter.pdf"
    err = io.StringIO()
    code = main(["case", "letter", str(EXAMPLES / "justified-voucher.yaml"), "--kind", "final",
                 "--now", FINAL_NOW, "--format", "pdf", "--out", str(out)],
                out=io.StringIO(), err=err)
    assert code == 3 and "crisiscomms[pdf]" in err.getvalue()
    assert not out.exists()
