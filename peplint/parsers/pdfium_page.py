"""Where PDF pages are read with PDFium: every character with its box, font and fill
colour, and every path object (rectangles, lines, curves) with its bounds, fill and
stroke, in one pass per page.

PDFium (through pypdfium2: permissive licences, binary wheels, the engine Chrome
fuzzes continuously) is far cheaper per page than pdfminer's interpreter. The page is
offered in the shape of a pdfplumber page (`chars`, `rects`, `lines`, `curves`,
`images`, `extract_words`, `find_tables`, and `without_shapes` for pdfplumber's
`filter`), so the reader's geometry logic
(headings, checkboxes, tables, label/value lines) runs unchanged on either engine, and
pdfplumber's own table finder and word grouping are reused on PDFium's objects.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any, Final

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.container import Container
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


def _plain(function: Any, restype: Any, *argtypes: Any) -> Callable[..., Any]:
    """`function` of PDFium's bindings with untyped pointers: it takes and returns plain
    ints, so the per-character calls need no casts (a typed pointer would)."""
    address = ctypes.cast(function, ctypes.c_void_p).value or 0
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


_VOID, _INT = ctypes.c_void_p, ctypes.c_int
_TEXT_OBJECT_OF = _plain(pdfium_c.FPDFText_GetTextObject, _VOID, _VOID, _INT)
_ORIGIN_OF = _plain(pdfium_c.FPDFText_GetCharOrigin, _INT, _VOID, _INT, _VOID, _VOID)
_IS_GENERATED = _plain(pdfium_c.FPDFText_IsGenerated, _INT, _VOID, _INT)
_UNICODE_OF = _plain(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint, _VOID, _INT)
SKIPPED_CODES = frozenset((0, 0x0A, 0x0D, 0xFFFE))
SKIPPED_TEXT = frozenset(map(chr, SKIPPED_CODES - {0xFFFE}))  # 0xFFFE: asked for (below)
SOFT_HYPHEN = chr(SOFT_HYPHEN_CODE)
SPECIAL_TEXT = SKIPPED_TEXT | {"\ufffe", SOFT_HYPHEN}  # a character the loop looks at twice
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


def read_rows(textpage: Any, height: float) -> list[Row]:
    """Every character of the page in content order, as rows (style, text, x0, top,
    bottom, x1); `char_dicts` gives them in pdfplumber's shape.

    Spaces PDFium infers between words are kept as spaces (they separate words); the
    line breaks it infers are dropped. The box is pdfminer's: it starts at the glyph's
    origin (where the page places it, not where its ink begins: a "J" or "j" reaches
    left of its origin, and PDFium's box is the ink's when the font declares no ascent
    or descent) and ends at the next glyph's origin (its advance), it is the font size
    tall, standing on the font's descent below the baseline, so both engines place
    words alike. Font, size, weight, colour and descent are read once per text object.

    One pass: a character is recorded when the next kept character (or the page's end)
    tells where it ends.
    """
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return []
    page = ctypes.cast(raw, ctypes.c_void_p).value
    text = _page_text(raw, count)
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    at_x, at_y = ctypes.addressof(origin_x), ctypes.addressof(origin_y)
    ends = _Ends(raw)
    styles: dict[int, _Style] = {}
    styler = _Styles(raw)
    rows: list[Row] = []
    append = rows.append
    last_key = -1  # no text object has this key: the first character reads its style
    style, descent, size = _UNREAD, 0.0, 0.0
    # The pending character (awaiting its end; none while p_style is None): index, text
    # object (0 for a generated space), origin, box top and bottom, text and style.
    p_index = p_key = 0
    p_x = p_y = p_top = p_bottom = p_size = 0.0
    p_text = ""
    p_style: _Style | None = None
    # Where the page text does not map one to one, every character is asked for.
    for index, char in enumerate(text or "\ufffe" * count):
        if char in SPECIAL_TEXT:
            if char in SKIPPED_TEXT:
                continue
            if char == "\ufffe":  # the page text's stand-in for a soft hyphen: ask for the code
                code = _UNICODE_OF(page, index)
                if code in SKIPPED_CODES:
                    continue
                char = chr(code)
            if char == SOFT_HYPHEN:
                char = "-"
        key = _TEXT_OBJECT_OF(page, index) or 0
        if key != last_key:
            known = styles.get(key)
            if known is None:
                known = styles[key] = styler.of(index, key)
            style, descent, size = known, known.descent, known.size
            last_key = key
        # PDFium generates only spaces and line breaks; a generated space has no object.
        placed_key = 0 if char == " " and _IS_GENERATED(page, index) == 1 else key
        _ORIGIN_OF(page, index, at_x, at_y)
        x, y = origin_x.value, origin_y.value
        if p_style is not None:
            if p_key and p_key == placed_key and y == p_y and p_x < x <= p_x + 4 * p_size:
                right = x
            else:
                right = ends.loose_right(p_index, p_x)
            append((p_style, p_text, p_x, p_top, p_bottom, right))
        bottom = height - (y + descent)
        p_index, p_key, p_x, p_y, p_style, p_size = index, placed_key, x, y, style, size
        p_top, p_bottom, p_text = bottom - size, bottom, char
    if p_style is not None:
        append((p_style, p_text, p_x, p_top, p_bottom, ends.loose_right(p_index, p_x)))
    return rows


def char_dicts(rows: list[Row]) -> list[Obj]:
    """The characters `rows` as pdfplumber-shaped dicts."""
    return [
        {
            "object_type": "char",
            "height": look.size,
            "upright": True,
            "fontname": look.font,
            "size": look.size,
            "weight": look.weight,
            "non_stroking_color": look.colour,
            "text": glyph,
            "x0": x0,
            "top": top,
            "doctop": top,
            "bottom": bottom,
            "x1": x1,
            "width": x1 - x0,
        }
        for look, glyph, x0, top, bottom, x1 in rows
    ]


class _Ends:
    """Where a character ends when the next one does not say (the last of its text
    object or of its line): the right of PDFium's loose box, never left of its origin."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.rect = pdfium_c.FS_RECTF()
        self.at_rect = ctypes.byref(self.rect)

    def loose_right(self, index: int, x: float) -> float:
        """The right edge for character `index`, whose origin is at `x`."""
        if pdfium_c.FPDFText_GetLooseCharBox(self.raw, index, self.at_rect):
            return max(self.rect.right, x)
        return x


@dataclass(frozen=True, eq=False)  # one object per look (_Styles), hashed by identity
class _Style:
    font: str
    size: float
    weight: int
    colour: tuple[float, float, float] | None
    descent: float


_UNREAD = _Style(font="", size=0.0, weight=0, colour=None, descent=0.0)  # before the first

# A character as read: its style, text, x0, top, bottom and x1 (pdfplumber's page space).
Row = tuple[_Style, str, float, float, float, float]
ROW_TEXT: Final = 1
ROW_X0: Final = 2
ROW_TOP: Final = 3
ROW_BOTTOM: Final = 4
ROW_X1: Final = 5
# The character attributes a word can carry (`extra_attrs`), as read from a row's style.
STYLE_ATTRIBUTES: dict[str, Callable[[_Style], Any]] = {
    "fontname": lambda look: look.font,
    "size": lambda look: look.size,
    "height": lambda look: look.size,
    "weight": lambda look: look.weight,
    "non_stroking_color": lambda look: look.colour,
}


_FONT_SIZE_OF = _plain(pdfium_c.FPDFText_GetFontSize, ctypes.c_double, _VOID, _INT)
_MATRIX_OF = _plain(pdfium_c.FPDFText_GetMatrix, _INT, _VOID, _INT, _VOID)
_FONT_OF = _plain(pdfium_c.FPDFTextObj_GetFont, _VOID, _VOID)
_DESCENT_OF = _plain(pdfium_c.FPDFFont_GetDescent, _INT, _VOID, ctypes.c_float, _VOID)
_RENDER_MODE_OF = _plain(pdfium_c.FPDFTextObj_GetTextRenderMode, _INT, _VOID)
# Text drawn filled and stroked is how producers fake bold for a font with no bold face.
FAUX_BOLD_MODES = (
    pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE,
    pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE_CLIP,
)
_FILL_OF = _plain(pdfium_c.FPDFPageObj_GetFillColor, _INT, _VOID, _VOID, _VOID, _VOID, _VOID)


class _Styles:
    """Style per text object, with what is per font (name, weight, descent) read once,
    and one style per distinct look."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.page = ctypes.cast(raw, ctypes.c_void_p).value
        self.fonts: dict[tuple[int, float], tuple[str, int, float]] = {}
        self.looks: dict[tuple[int, float, Any, bool], _Style] = {}
        self.name = ctypes.create_string_buffer(FONT_NAME_BYTES)
        self.flags = ctypes.c_int()
        self.matrix = pdfium_c.FS_MATRIX()
        self.at_matrix = ctypes.addressof(self.matrix)
        self.rgba = (ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint())
        self.at_rgba = tuple(ctypes.addressof(v) for v in self.rgba)

    def _scale(self, index: int) -> float:
        """How much the character's matrix (text matrix and page transform) scales its
        font size: the size pdfminer reports is the size as drawn, in points."""
        if not _MATRIX_OF(self.page, index, self.at_matrix):
            return 1.0
        matrix = self.matrix
        return float((matrix.c**2 + matrix.d**2) ** 0.5) or 1.0

    def of(self, index: int, handle: int) -> _Style:
        """The style of the text object `handle` (0: none) whose character `index` is."""
        size = round(float(_FONT_SIZE_OF(self.page, index)) * self._scale(index), 2)
        if handle:
            font = _FONT_OF(handle) or 0
            colour = None
            if _FILL_OF(handle, *self.at_rgba):
                r, g, b, _ = self.rgba
                colour = (r.value / 255, g.value / 255, b.value / 255)
            faux_bold = _RENDER_MODE_OF(handle) in FAUX_BOLD_MODES
        else:
            font, colour, faux_bold = 0, None, False
        look = (font, size, colour, faux_bold)
        known = self.looks.get(look)
        if known is None:
            font_name, weight, descent = self._font(index, font, size)
            if faux_bold:  # named as the pdfplumber engine names it (pdf_open._Emboldened)
                font_name = f"{font_name}+FauxBold"
            known = self.looks[look] = _Style(
                font=font_name, size=size, weight=weight, colour=colour, descent=descent
            )
        return known

    def _font(self, index: int, font: int, size: float) -> tuple[str, int, float]:
        key = (font, size)
        known = self.fonts.get(key)
        if known is None:
            pdfium_c.FPDFText_GetFontInfo(
                self.raw, index, self.name, FONT_NAME_BYTES, ctypes.byref(self.flags)
            )
            descent = ctypes.c_float()
            if not (font and _DESCENT_OF(font, size, ctypes.addressof(descent))):
                descent.value = -0.2 * size
            weight = int(pdfium_c.FPDFText_GetFontWeight(self.raw, index))
            known = self.fonts[key] = (
                self.name.value.decode("latin-1"),
                weight,
                float(descent.value),
            )
        return known


_SEGMENT_COUNT = _plain(pdfium_c.FPDFPath_CountSegments, _INT, _VOID)
_SEGMENT_OF = _plain(pdfium_c.FPDFPath_GetPathSegment, _VOID, _VOID, _INT)
_SEGMENT_TYPE = _plain(pdfium_c.FPDFPathSegment_GetType, _INT, _VOID)
_SEGMENT_POINT = _plain(pdfium_c.FPDFPathSegment_GetPoint, _INT, _VOID, _VOID, _VOID)
_OBJECT_MATRIX = _plain(pdfium_c.FPDFPageObj_GetMatrix, _INT, _VOID, _VOID)
_DRAW_MODE = _plain(pdfium_c.FPDFPath_GetDrawMode, _INT, _VOID, _VOID, _VOID)
_PAGE_OBJECT = _plain(pdfium_c.FPDFPage_GetObject, _VOID, _VOID, _INT)
_FORM_OBJECT = _plain(pdfium_c.FPDFFormObj_GetObject, _VOID, _VOID, ctypes.c_ulong)
_FORM_COUNT = _plain(pdfium_c.FPDFFormObj_CountObjects, _INT, _VOID)
_OBJECT_TYPE = _plain(pdfium_c.FPDFPageObj_GetType, _INT, _VOID)
_STROKE_OF = _plain(pdfium_c.FPDFPageObj_GetStrokeColor, _INT, _VOID, _VOID, _VOID, _VOID, _VOID)


def _object_matrix(handle: int) -> Matrix | None:
    own = pdfium_c.FS_MATRIX()
    if not _OBJECT_MATRIX(handle, ctypes.addressof(own)):
        return None
    return (own.a, own.b, own.c, own.d, own.e, own.f)


class _Paths:
    """Reads path objects into pdfplumber-shaped dicts, with one set of out-parameters
    reused for every PDFium call of the page."""

    def __init__(self, height: float) -> None:
        self.height = height
        self.x, self.y = ctypes.c_float(), ctypes.c_float()
        self.at_xy = (ctypes.addressof(self.x), ctypes.addressof(self.y))
        self.fill_mode, self.stroke = ctypes.c_int(), ctypes.c_int()
        self.at_modes = (ctypes.addressof(self.fill_mode), ctypes.addressof(self.stroke))
        self.rgba = (ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint())
        self.at_rgba = tuple(ctypes.addressof(v) for v in self.rgba)

    def points(self, handle: int, matrix: Matrix) -> tuple[list[tuple[float, float]], bool]:
        """The path's points (page space, PDF's upward y) and whether it has a curve."""
        points: list[tuple[float, float]] = []
        curved = False
        x, y = self.x, self.y
        at_x, at_y = self.at_xy
        a, b, c, d, e, f = matrix
        for i in range(_SEGMENT_COUNT(handle)):
            segment = _SEGMENT_OF(handle, i)
            if _SEGMENT_TYPE(segment) == pdfium_c.FPDF_SEGMENT_BEZIERTO:
                curved = True
            if _SEGMENT_POINT(segment, at_x, at_y):
                px, py = x.value, y.value
                points.append((a * px + c * py + e, b * px + d * py + f))
        return points, curved

    def colour(self, getter: Callable[..., int], handle: int) -> tuple[float, float, float] | None:
        """The fill or stroke colour (`getter`) as RGB fractions, None when unset."""
        if not getter(handle, *self.at_rgba):
            return None
        r, g, b, _ = self.rgba
        return (r.value / 255, g.value / 255, b.value / 255)

    def read(self, handle: int, matrix: Matrix) -> Obj | None:
        """The path object `handle` drawn under `matrix`, or None when it has no points."""
        own = _object_matrix(handle)
        if own is not None:
            matrix = _compose(own, matrix)
        points, curved = self.points(handle, matrix)
        if not points:
            return None
        _DRAW_MODE(handle, *self.at_modes)
        height = self.height
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
            "fill": self.fill_mode.value != 0,
            "stroke": bool(self.stroke.value),
            "non_stroking_color": self.colour(_FILL_OF, handle),
            "stroking_color": self.colour(_STROKE_OF, handle),
            "pts": pts,
        }
        if curved:
            return {**base, "object_type": "curve"}
        distinct = {(round(px, 2), round(py, 2)) for px, py in pts}
        if len(distinct) == 2:
            return {**base, "object_type": "line"}
        if len(distinct) == 4:  # a rectangle: its four corners, and nothing else
            sides = (round(x0, 2), round(x1, 2))
            ends = (round(top, 2), round(bottom, 2))
            if all(px in sides and py in ends for px, py in distinct):
                return {**base, "object_type": "rect"}
        return {**base, "object_type": "curve"}


def read_objects(page: Any, height: float) -> tuple[list[Obj], int]:
    """The page's path objects (page coordinates, nested forms flattened) and its image count."""
    found: list[Obj] = []
    images = 0
    paths = _Paths(height)

    def visit(
        parent: int, count: int, get: Callable[[int, int], int], matrix: Matrix, depth: int
    ) -> None:
        nonlocal images
        for i in range(count):
            handle = get(parent, i)
            kind = _OBJECT_TYPE(handle)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                obj = paths.read(handle, matrix)
                if obj is not None:
                    found.append(obj)
            elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                images += 1
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
                own = _object_matrix(handle)
                inner = matrix if own is None else _compose(own, matrix)
                visit(handle, _FORM_COUNT(handle), _FORM_OBJECT, inner, depth + 1)

    raw = ctypes.cast(page.raw, ctypes.c_void_p).value or 0
    visit(raw, pdfium_c.FPDFPage_CountObjects(page.raw), _PAGE_OBJECT, IDENTITY, 0)
    return found, images


class PdfiumPage(Container):
    """One PDF page read by PDFium, offered in the shape of a pdfplumber page.

    Its characters are kept as rows; their pdfplumber-shaped dicts are built only when
    asked for (`chars`, `objects`): the reader groups words from the rows."""

    def __init__(
        self,
        number: int,
        width: float,
        height: float,
        rows: list[Row],
        shapes: dict[str, list[Obj]],
        images: int,
    ) -> None:
        self.page_number = number
        self.width = width
        self.height = height
        self.bbox = (0.0, 0.0, width, height)
        self._rows = rows
        self._shapes = shapes  # "rect", "line", "curve"
        self._chars: list[Obj] | None = None
        self._image_count = images

    @property
    def chars(self) -> list[Obj]:
        """The characters as pdfplumber-shaped dicts (built on first use)."""
        if self._chars is None:
            self._chars = char_dicts(self._rows)
        return self._chars

    @property
    def char_count(self) -> int:
        """How many characters the page has, without building their dicts."""
        return len(self._rows)

    @property
    def rects(self) -> list[Obj]:
        """The page's rectangles."""
        return self._shapes["rect"]

    @property
    def lines(self) -> list[Obj]:
        """The page's straight lines."""
        return self._shapes["line"]

    @property
    def curves(self) -> list[Obj]:
        """The page's other paths."""
        return self._shapes["curve"]

    @property
    def objects(self) -> dict[str, list[Obj]]:
        """Objects by type: "char", "rect", "line", "curve"."""
        return {"char": self.chars, **self._shapes}

    @property
    def images(self) -> list[Obj]:
        """One placeholder per image (the reader only counts them)."""
        return [{"object_type": "image"}] * self._image_count

    def extract_words(self, **settings: Any) -> list[Obj]:
        """Words grouped from the characters exactly as pdfplumber groups them (its
        default left-to-right settings take a faster path of the same algorithm)."""
        options = {k: v for k, v in settings.items() if k not in FAST_WORD_SETTINGS}
        extra_attrs = tuple(settings.get("extra_attrs") or ())
        if (
            options
            or settings.get("keep_blank_chars")
            or not set(extra_attrs) <= set(STYLE_ATTRIBUTES)
        ):
            extractor = WordExtractor(**settings)
            return list(extractor.extract_words(self.chars))
        return group_words(
            self._rows,
            float(settings.get("x_tolerance", 3)),
            float(settings.get("y_tolerance", 3)),
            extra_attrs,
        )

    def find_tables(self, table_settings: dict[str, Any] | None = None) -> list[Any]:
        """Tables found by pdfplumber's table finder on PDFium's lines and rectangles."""
        from peplint.parsers.pdfium_tables import CellFinder

        return list(CellFinder(self, table_settings or {}).tables)

    def close(self) -> None:
        """Nothing to release: PDFium's page is closed as soon as it has been read."""

    def without_chars(self, drop: Callable[[float, float, float, float], bool]) -> PdfiumPage:
        """The same page without the characters `drop` takes, asked (x0, top, bottom, x1)."""
        rows = [row for row in self._rows if not drop(row[2], row[3], row[4], row[5])]
        if len(rows) == len(self._rows):
            return self
        return PdfiumPage(
            self.page_number, self.width, self.height, rows, self._shapes, self._image_count
        )

    def without_shapes(self, keep: Callable[[Obj], bool]) -> PdfiumPage:
        """The same page with all its characters and only the shapes `keep` accepts."""
        shapes = {kind: [o for o in objs if keep(o)] for kind, objs in self._shapes.items()}
        page = PdfiumPage(
            self.page_number, self.width, self.height, self._rows, shapes, self._image_count
        )
        page._chars = self._chars
        return page


FAST_WORD_SETTINGS = frozenset({"x_tolerance", "y_tolerance", "extra_attrs", "keep_blank_chars"})
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}


def group_words(
    rows: list[Row], x_tolerance: float, y_tolerance: float, extra_attrs: tuple[str, ...]
) -> list[Obj]:
    """pdfplumber's word grouping for upright left-to-right text, without its generality,
    on characters as rows: runs of characters sharing `extra_attrs` (each one of
    STYLE_ATTRIBUTES), clustered into lines by `top` (a chain within `y_tolerance`),
    sorted by x, split at spaces and at gaps over `x_tolerance`."""
    getters = [STYLE_ATTRIBUTES[name] for name in extra_attrs]
    words: list[Obj] = []
    for run in _runs(rows, getters):
        for line in _lines_of(run, y_tolerance):
            _split_words(line, x_tolerance, y_tolerance, extra_attrs, getters, words)
    return words


def _runs(rows: list[Row], getters: list[Callable[[_Style], Any]]) -> Iterator[list[Row]]:
    """The maximal runs of consecutive characters with equal values of the attributes
    `getters` read from their styles."""
    if not getters:
        if rows:
            yield rows
        return
    # One key per distinct value: equal values (by ==, as pdfplumber compares them; a
    # NaN equals itself) become the same key object, so runs are runs of equal keys.
    distinct: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    key_of: dict[_Style, tuple[Any, ...]] = {}
    for look in set(map(_STYLE, rows)):
        key = tuple(getter(look) for getter in getters)
        key_of[look] = distinct.setdefault(key, key)
    start = 0
    for _, same in groupby(map(key_of.__getitem__, map(_STYLE, rows))):
        end = start + sum(1 for _ in same)
        yield rows[start:end]
        start = end


_STYLE = itemgetter(0)
_TOP = itemgetter(ROW_TOP)
_X0 = itemgetter(ROW_X0)
_X1 = itemgetter(ROW_X1)
_BOTTOM = itemgetter(ROW_BOTTOM)
_TEXT = itemgetter(ROW_TEXT)


def _lines_of(run: list[Row], tolerance: float) -> list[list[Row]]:
    tops = sorted(set(map(_TOP, run)))
    if len(tops) == 1:  # the common case: the run stands on one baseline
        return [sorted(run, key=_X0)]
    cluster: dict[float, int] = {}
    index, last = 0, tops[0]
    for top in tops:
        if top > last + tolerance:
            index += 1
        cluster[top] = index
        last = top
    lines: list[list[Row]] = [[] for _ in range(index + 1)]
    for row in run:
        lines[cluster[row[ROW_TOP]]].append(row)
    return [sorted(line, key=_X0) for line in lines if line]


def _split_words(
    line: list[Row],
    x_tol: float,
    y_tol: float,
    extra_attrs: tuple[str, ...],
    getters: list[Callable[[_Style], Any]],
    out: list[Obj],
) -> None:
    current: list[Row] = []
    prev_x0 = prev_x1 = prev_top = 0.0  # of the previous character of `current`
    for row in line:
        _, text, x0, top, _, x1 = row
        if text.isspace():
            if current:
                out.append(_merge(current, extra_attrs, getters))
                current = []
            continue
        if current and (x0 < prev_x0 or x0 > prev_x1 + x_tol or abs(top - prev_top) > y_tol):
            out.append(_merge(current, extra_attrs, getters))
            current = []
        current.append(row)
        prev_x0, prev_x1, prev_top = x0, x1, top
    if current:
        out.append(_merge(current, extra_attrs, getters))


def _merge(
    rows: list[Row], extra_attrs: tuple[str, ...], getters: list[Callable[[_Style], Any]]
) -> Obj:
    first = rows[0]
    first_top = first[ROW_TOP]
    if len(rows) == 1:
        _, text, x0, top, bottom, x1 = first
        text = LIGATURES.get(text, text)
    else:
        x0 = min(map(_X0, rows))
        x1 = max(map(_X1, rows))
        top = min(map(_TOP, rows))
        bottom = max(map(_BOTTOM, rows))
        text = "".join(map(_TEXT, rows))
        if not text.isascii():
            text = "".join([LIGATURES.get(row[ROW_TEXT], row[ROW_TEXT]) for row in rows])
    word: Obj = {
        "text": text,
        "x0": x0,
        "x1": x1,
        "top": top,
        # pdfplumber's sum, kept as it is computed (a character's doctop is its top)
        "doctop": top + first_top - first_top,
        "bottom": bottom,
        "upright": True,
        "height": bottom - top,
        "width": x1 - x0,
        "direction": "ltr",
    }
    for name, getter in zip(extra_attrs, getters, strict=True):
        word[name] = getter(first[0])
    return word


def read_page(page: Any, number: int) -> PdfiumPage:
    """Characters and path objects of one PDFium page, in one pass."""
    width, height = float(page.get_width()), float(page.get_height())
    textpage = page.get_textpage()
    try:
        rows = read_rows(textpage, height)
    finally:
        textpage.close()
    paths, images = read_objects(page, height)
    shapes: dict[str, list[Obj]] = {"rect": [], "line": [], "curve": []}
    for obj in paths:
        shapes[obj["object_type"]].append(obj)
    return PdfiumPage(number, width, height, rows, shapes, images)


@dataclass
class PdfiumDocument:
    """An open document: its page count and its pages, read one at a time."""

    page_count: int
    pages: Iterator[PdfiumPage]
    damaged_streams: bool = False  # a Flate stream PDFium read only in part (pdf_streams)


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
    past the limit, or a page with too many objects, is refused (`too-large`); a stream
    that cannot be inflated whole marks the document's streams damaged."""
    from peplint.parsers.pdf_streams import check_streams

    limits = limits or Limits()
    damaged_streams = check_streams(path, int(limits.max_stream_mb * 1024 * 1024))
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

        yield PdfiumDocument(len(document), pages(), damaged_streams)
    finally:
        document.close()
