"""Where PDF pages are read with PDFium: every character with its box, font and fill
colour, and every path object (rectangles, lines, curves) with its bounds, fill and
stroke, in one pass per page.

PDFium (through pypdfium2: permissive licences, binary wheels, the engine Chrome
fuzzes continuously) is far cheaper per page than pdfminer's interpreter. The page is
offered in the shape of a pdfplumber page (`chars`, `rects`, `lines`, `curves`,
`images`, `extract_words`, `find_tables`, `filter`), so the reader's geometry logic
(headings, checkboxes, tables, label/value lines) runs unchanged on either engine, and
pdfplumber's own table finder and word grouping are reused on PDFium's objects.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from operator import itemgetter
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.container import Container
from pdfplumber.table import TableFinder
from pdfplumber.utils.text import WordExtractor

from peplint import errors
from peplint.safety.limits import Limits

Obj = dict[str, Any]
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
SOFT_HYPHEN_CODE = 0x02  # PDFium's code for a hyphen at a line break
MAX_FORM_DEPTH = 12  # nested form XObjects deeper than this are not drawn into the page
FONT_NAME_BYTES = 128


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    )


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def _colour(getter: Callable[..., int], handle: Any) -> tuple[float, float, float] | None:
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not getter(handle, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):
        return None
    return (r.value / 255, g.value / 255, b.value / 255)


def _returning_address(function: Any, *argtypes: Any) -> Callable[..., int | None]:
    """`function` of PDFium's bindings, returning its pointer as a plain int (a handle
    compared per character; a typed pointer would need a cast each time)."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(ctypes.c_void_p, *argtypes)(address)


_TEXT_OBJECT_OF = _returning_address(
    pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p, ctypes.c_int
)
SKIPPED_CODES = frozenset((0, 0x0A, 0x0D, 0xFFFE))
_SURROGATE = re.compile("[\ud800-\udfff]")


def _page_text(raw: Any, count: int) -> str | None:
    """The page's characters' code points in one call, or None when they do not map one
    to one onto the character indices (then each is asked for). PDFium's soft hyphen
    (code 2) reads as U+FFFE here."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(raw, 0, count, buffer)
    if written != count + 1:
        return None
    text = ctypes.string_at(buffer, 2 * count).decode("utf-16-le", errors="surrogatepass")
    if len(text) != count or (not text.isascii() and _SURROGATE.search(text)):
        return None
    return text


def read_chars(textpage: Any, height: float) -> list[Obj]:
    """Every character of the page in content order, as pdfplumber-shaped dicts.

    Spaces PDFium infers between words are kept as spaces (they separate words); the
    line breaks it infers are dropped. The box is pdfminer's: it starts at the glyph's
    origin (where the page places it, not where its ink begins: a "J" or "j" reaches
    left of its origin, and PDFium's box is the ink's when the font declares no ascent
    or descent) and ends at the next glyph's origin (its advance), it is the font size
    tall, standing on the font's descent below the baseline, so both engines place
    words alike. Font, size, weight, colour and descent are read once per text object.
    """
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return []
    handle_int = ctypes.cast(raw, ctypes.c_void_p).value
    text = _page_text(raw, count)
    unicode_of = pdfium_c.FPDFText_GetUnicode
    is_generated = pdfium_c.FPDFText_IsGenerated
    origin_of = pdfium_c.FPDFText_GetCharOrigin
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    at_x, at_y = ctypes.byref(origin_x), ctypes.byref(origin_y)
    styles: dict[int, _Style] = {}
    styler = _Styles()
    kept: list[tuple[int, int, bool, int, _Style, float, float]] = []
    last_key, style = -1, None
    for index in range(count):
        code = ord(text[index]) if text is not None else 0xFFFE
        if code == 0xFFFE:  # the page text's stand-in for a soft hyphen: ask for the code
            code = unicode_of(raw, index)
        if code in SKIPPED_CODES:
            continue
        generated = code == 0x20 and is_generated(raw, index) == 1  # PDFium makes only spaces and breaks
        key = _TEXT_OBJECT_OF(handle_int, index) or 0
        if key != last_key or style is None:
            style = styles.get(key)
            if style is None:
                handle = pdfium_c.FPDFText_GetTextObject(raw, index) if key else None
                style = styles[key] = styler.of(raw, index, handle)
            last_key = key
        origin_of(raw, index, at_x, at_y)
        kept.append((index, code, generated, key, style, origin_x.value, origin_y.value))
    return _boxes(raw, kept, height)


def _boxes(
    raw: Any, kept: list[tuple[int, int, bool, int, _Style, float, float]], height: float
) -> list[Obj]:
    """The characters' dicts. A character ends where the next one of its text object
    starts on the same baseline (its advance, as pdfminer measures it), not where its
    glyph's box happens to end; only the others' boxes are asked of PDFium."""
    rect = pdfium_c.FS_RECTF()
    at_rect = ctypes.byref(rect)
    chars: list[Obj] = []
    last = len(kept) - 1
    for i, (index, code, generated, key, style, x, y) in enumerate(kept):
        right = None
        if i < last and not generated:
            _, _, next_generated, next_key, _, next_x, next_y = kept[i + 1]
            if (
                not next_generated
                and key == next_key
                and next_y == y
                and x < next_x <= x + 4 * style.size
            ):
                right = next_x
        if right is None:
            right = rect.right if pdfium_c.FPDFText_GetLooseCharBox(raw, index, at_rect) else x
            right = max(right, x)
        bottom = height - (y + style.descent)
        top = bottom - style.size
        chars.append(
            {
                "object_type": "char",
                "text": "-" if code == SOFT_HYPHEN_CODE else chr(code),
                "x0": x,
                "x1": right,
                "top": top,
                "bottom": bottom,
                "doctop": top,
                "width": right - x,
                "height": style.size,
                "upright": True,
                "fontname": style.font,
                "size": style.size,
                "weight": style.weight,
                "non_stroking_color": style.colour,
            }
        )
    return chars


@dataclass(frozen=True)
class _Style:
    font: str
    size: float
    weight: int
    colour: tuple[float, float, float] | None
    descent: float


class _Styles:
    """Style per text object, with what is per font (name, weight, descent) read once."""

    def __init__(self) -> None:
        self.fonts: dict[tuple[int, float], tuple[str, int, float]] = {}
        self.name = ctypes.create_string_buffer(FONT_NAME_BYTES)
        self.flags = ctypes.c_int()
        self.rgba = (ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint())

    def _scale(self, raw: Any, index: int) -> float:
        """How much the character's matrix (text matrix and page transform) scales its
        font size: the size pdfminer reports is the size as drawn, in points."""
        matrix = pdfium_c.FS_MATRIX()
        if not pdfium_c.FPDFText_GetMatrix(raw, index, ctypes.byref(matrix)):
            return 1.0
        return float((matrix.c**2 + matrix.d**2) ** 0.5) or 1.0

    def of(self, raw: Any, index: int, handle: Any) -> _Style:
        size = round(float(pdfium_c.FPDFText_GetFontSize(raw, index)) * self._scale(raw, index), 2)
        font = pdfium_c.FPDFTextObj_GetFont(handle) if handle else None
        key = (ctypes.cast(font, ctypes.c_void_p).value or 0 if font else 0, size)
        known = self.fonts.get(key)
        if known is None:
            pdfium_c.FPDFText_GetFontInfo(
                raw, index, self.name, FONT_NAME_BYTES, ctypes.byref(self.flags)
            )
            descent = ctypes.c_float()
            if not (
                font
                and pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(size), ctypes.byref(descent))
            ):
                descent.value = -0.2 * size
            weight = int(pdfium_c.FPDFText_GetFontWeight(raw, index))
            known = self.fonts[key] = (
                self.name.value.decode("latin-1"),
                weight,
                float(descent.value),
            )
        r, g, b, a = self.rgba
        colour = None
        if pdfium_c.FPDFPageObj_GetFillColor(
            handle, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)
        ):
            colour = (r.value / 255, g.value / 255, b.value / 255)
        return _Style(font=known[0], size=size, weight=known[1], colour=colour, descent=known[2])


def _path_points(handle: Any, matrix: Matrix) -> tuple[list[tuple[float, float]], bool]:
    points: list[tuple[float, float]] = []
    curved = False
    x, y = ctypes.c_float(), ctypes.c_float()
    for i in range(pdfium_c.FPDFPath_CountSegments(handle)):
        segment = pdfium_c.FPDFPath_GetPathSegment(handle, i)
        if pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            curved = True
        if pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
            points.append(_apply(matrix, x.value, y.value))
    return points, curved


def _path_object(handle: Any, matrix: Matrix, height: float) -> Obj | None:
    own = pdfium_c.FS_MATRIX()
    if pdfium_c.FPDFPageObj_GetMatrix(handle, ctypes.byref(own)):
        matrix = _compose((own.a, own.b, own.c, own.d, own.e, own.f), matrix)
    points, curved = _path_points(handle, matrix)
    if not points:
        return None
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDFPath_GetDrawMode(handle, ctypes.byref(fill_mode), ctypes.byref(stroke))
    xs = [p[0] for p in points]
    ys = [height - p[1] for p in points]
    x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
    pts = list(zip(xs, ys, strict=True))
    base: Obj = {
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "y0": height - bottom,
        "y1": height - top,
        "width": x1 - x0,
        "height": bottom - top,
        "fill": fill_mode.value != 0,
        "stroke": bool(stroke.value),
        "non_stroking_color": _colour(pdfium_c.FPDFPageObj_GetFillColor, handle),
        "stroking_color": _colour(pdfium_c.FPDFPageObj_GetStrokeColor, handle),
        "pts": pts,
    }
    distinct = {(round(px, 2), round(py, 2)) for px, py in pts}
    if not curved and len(distinct) == 2:
        return {**base, "object_type": "line"}
    if (
        not curved
        and len(distinct) == 4
        and all(
            (round(px, 2) in (round(x0, 2), round(x1, 2)))
            and (round(py, 2) in (round(top, 2), round(bottom, 2)))
            for px, py in distinct
        )
    ):
        return {**base, "object_type": "rect"}
    return {**base, "object_type": "curve"}


def read_objects(page: Any, height: float) -> tuple[list[Obj], int]:
    """The page's path objects (page coordinates, nested forms flattened) and its image count."""
    found: list[Obj] = []
    images = 0

    def visit(
        parent: Any, count: int, get: Callable[[Any, int], Any], matrix: Matrix, depth: int
    ) -> None:
        nonlocal images
        for i in range(count):
            handle = get(parent, i)
            kind = pdfium_c.FPDFPageObj_GetType(handle)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                obj = _path_object(handle, matrix, height)
                if obj is not None:
                    found.append(obj)
            elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                images += 1
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
                own = pdfium_c.FS_MATRIX()
                inner = matrix
                if pdfium_c.FPDFPageObj_GetMatrix(handle, ctypes.byref(own)):
                    inner = _compose((own.a, own.b, own.c, own.d, own.e, own.f), matrix)
                visit(
                    handle,
                    pdfium_c.FPDFFormObj_CountObjects(handle),
                    pdfium_c.FPDFFormObj_GetObject,
                    inner,
                    depth + 1,
                )

    visit(
        page.raw, pdfium_c.FPDFPage_CountObjects(page.raw), pdfium_c.FPDFPage_GetObject, IDENTITY, 0
    )
    return found, images


class PdfiumPage(Container):
    """One PDF page read by PDFium, offered in the shape of a pdfplumber page."""

    def __init__(
        self, number: int, width: float, height: float, objects: dict[str, list[Obj]], images: int
    ) -> None:
        self.page_number = number
        self.width = width
        self.height = height
        self.bbox = (0.0, 0.0, width, height)
        self._page_objects = objects
        self._image_count = images

    @property
    def objects(self) -> dict[str, list[Obj]]:
        """Objects by type: "char", "rect", "line", "curve"."""
        return self._page_objects

    @property
    def images(self) -> list[Obj]:
        """One placeholder per image (the reader only counts them)."""
        return [{"object_type": "image"}] * self._image_count

    def extract_words(self, **settings: Any) -> list[Obj]:
        """Words grouped from the characters exactly as pdfplumber groups them (its
        default left-to-right settings take a faster path of the same algorithm)."""
        options = {k: v for k, v in settings.items() if k not in FAST_WORD_SETTINGS}
        if options or settings.get("keep_blank_chars"):
            extractor = WordExtractor(**settings)
            return list(extractor.extract_words(self.chars))
        return group_words(
            self.chars,
            float(settings.get("x_tolerance", 3)),
            float(settings.get("y_tolerance", 3)),
            tuple(settings.get("extra_attrs") or ()),
        )

    def find_tables(self, table_settings: dict[str, Any] | None = None) -> list[Any]:
        """Tables found by pdfplumber's table finder on PDFium's lines and rectangles."""
        return list(TableFinder(self, table_settings or {}).tables)  # type: ignore[arg-type]

    def close(self) -> None:
        """Nothing to release: PDFium's page is closed as soon as it has been read."""

    def filter(self, test: Callable[[Obj], bool]) -> PdfiumPage:
        """The same page without the objects `test` rejects."""
        kept = {kind: [o for o in objs if test(o)] for kind, objs in self._page_objects.items()}
        return PdfiumPage(self.page_number, self.width, self.height, kept, self._image_count)


FAST_WORD_SETTINGS = frozenset({"x_tolerance", "y_tolerance", "extra_attrs", "keep_blank_chars"})
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}


def group_words(
    chars: list[Obj], x_tolerance: float, y_tolerance: float, extra_attrs: tuple[str, ...]
) -> list[Obj]:
    """pdfplumber's word grouping for upright left-to-right text, without its generality:
    runs of characters sharing `extra_attrs`, clustered into lines by `top` (a chain
    within `y_tolerance`), sorted by x, split at spaces and at gaps over `x_tolerance`."""
    words: list[Obj] = []
    keys = _run_keys(chars, extra_attrs)
    start = 0
    count = len(chars)
    while start < count:
        key = keys[start]
        end = start + 1
        while end < count and keys[end] == key:
            end += 1
        for line in _lines_of(chars[start:end], y_tolerance):
            _split_words(line, x_tolerance, y_tolerance, extra_attrs, words)
        start = end
    return words


def _run_keys(chars: list[Obj], extra_attrs: tuple[str, ...]) -> list[tuple[Any, ...]]:
    """Each character's values of `extra_attrs` (None where it has none)."""
    if not extra_attrs:
        return [()] * len(chars)
    getter = itemgetter(*extra_attrs)
    try:
        if len(extra_attrs) == 1:
            return [(getter(c),) for c in chars]
        return [getter(c) for c in chars]
    except KeyError:
        return [tuple(c.get(a) for a in extra_attrs) for c in chars]


def _lines_of(run: list[Obj], tolerance: float) -> list[list[Obj]]:
    tops = sorted({c["top"] for c in run})
    cluster: dict[float, int] = {}
    index, last = 0, tops[0]
    for top in tops:
        if top > last + tolerance:
            index += 1
        cluster[top] = index
        last = top
    lines: list[list[Obj]] = [[] for _ in range(index + 1)]
    for char in run:
        lines[cluster[char["top"]]].append(char)
    return [sorted(line, key=_x0) for line in lines if line]


def _x0(char: Obj) -> float:
    return float(char["x0"])


def _split_words(
    line: list[Obj], x_tol: float, y_tol: float, extra_attrs: tuple[str, ...], out: list[Obj]
) -> None:
    current: list[Obj] = []
    for char in line:
        if char["text"].isspace():
            if current:
                out.append(_merge(current, extra_attrs))
            current = []
            continue
        if current:
            prev = current[-1]
            if (
                char["x0"] < prev["x0"]
                or char["x0"] > prev["x1"] + x_tol
                or abs(char["top"] - prev["top"]) > y_tol
            ):
                out.append(_merge(current, extra_attrs))
                current = []
        current.append(char)
    if current:
        out.append(_merge(current, extra_attrs))


def _merge(chars: list[Obj], extra_attrs: tuple[str, ...]) -> Obj:
    first = chars[0]
    if len(chars) == 1:
        x0, x1, top, bottom = first["x0"], first["x1"], first["top"], first["bottom"]
    else:
        x0 = min([c["x0"] for c in chars])
        x1 = max([c["x1"] for c in chars])
        top = min([c["top"] for c in chars])
        bottom = max([c["bottom"] for c in chars])
    word: Obj = {
        "text": "".join([LIGATURES.get(c["text"], str(c["text"])) for c in chars]),
        "x0": x0,
        "x1": x1,
        "top": top,
        "doctop": top + first["doctop"] - first["top"],
        "bottom": bottom,
        "upright": True,
        "height": bottom - top,
        "width": x1 - x0,
        "direction": "ltr",
    }
    for name in extra_attrs:
        word[name] = first.get(name)
    return word


def read_page(page: Any, number: int) -> PdfiumPage:
    """Characters and path objects of one PDFium page, in one pass."""
    width, height = float(page.get_width()), float(page.get_height())
    textpage = page.get_textpage()
    try:
        chars = read_chars(textpage, height)
    finally:
        textpage.close()
    paths, images = read_objects(page, height)
    objects: dict[str, list[Obj]] = {"char": chars, "rect": [], "line": [], "curve": []}
    for obj in paths:
        objects[obj["object_type"]].append(obj)
    return PdfiumPage(number, width, height, objects, images)


@dataclass
class PdfiumDocument:
    """An open document: its page count and its pages, read one at a time."""

    page_count: int
    pages: Iterator[PdfiumPage]


def _typed(exc: pdfium.PdfiumError) -> errors.InputError:
    if (
        "password" in str(exc).lower()
        or getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD
    ):
        return errors.encrypted("This PDF")
    if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_SECURITY:
        return errors.encrypted("This PDF")
    return errors.corrupt("not a readable PDF")


def _refuse_crowded(page: Any, number: int, cap: int) -> None:
    """A page drawing more objects than `cap` (two million overprinted letters) is a
    processing bomb, refused before its objects are walked."""
    if pdfium_c.FPDFPage_CountObjects(page.raw) > cap:
        raise errors.too_large(
            f"Page {number} of this PDF draws more than {cap:,} objects "
            "(a processing bomb); it was not read."
        )


@contextmanager
def open_pdfium(
    path: Path, password: str | None = None, limits: Limits | None = None
) -> Iterator[PdfiumDocument]:
    """Open `path` with PDFium; failures become typed `InputError`s. Pages are read
    when they are reached and each is released before the next. A stream that inflates
    past the limit, or a page with too many objects, is refused (`too-large`)."""
    from peplint.parsers.pdf_streams import refuse_stream_bombs

    limits = limits or Limits()
    refuse_stream_bombs(path, int(limits.max_stream_mb * 1024 * 1024))
    try:
        document = pdfium.PdfDocument(str(path), password=password or None)
    except pdfium.PdfiumError as exc:
        raise _typed(exc) from None
    try:

        def pages() -> Iterator[PdfiumPage]:
            for index in range(len(document)):
                try:
                    page = document[index]
                except pdfium.PdfiumError:
                    raise errors.corrupt(f"page {index + 1} could not be read") from None
                try:
                    _refuse_crowded(page, index + 1, limits.max_page_objects)
                    yield read_page(page, index + 1)
                finally:
                    page.close()

        yield PdfiumDocument(len(document), pages())
    finally:
        document.close()
