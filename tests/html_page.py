"""Helpers for the report.html tests: sources with XSS payloads, and a parser that reads
back what the page shows."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

#: Each payload sets window.__xss (and would alert) if it ever ran.
PAYLOADS = (
    "<script>window.__xss=1;alert(1)</script>",
    '<img src=x onerror="window.__xss=2;alert(2)">',
    "</script><script>window.__xss=3</script><!--",
)


def xss_sources(folder: Path) -> list[Path]:
    """Two related sources whose text, title and file name carry script payloads."""
    shared = (
        "The ministry said 42 people were evacuated from the flooded town of Riverton on Monday. "
        f"Officials quoted the notice {PAYLOADS[0]} in full. "
    )
    a = (
        f"Floods hit Riverton {PAYLOADS[1]}\n\n"
        + shared
        + f"Rescue teams worked through the night to reach the villages. {PAYLOADS[2]} They said so.\n\n"
        "Read more\n\nThe river rose by two metres in a day , , and roads were closed.\n"
    )
    b = (
        "Riverton evacuated after floods\n\n"
        + shared
        + "Emergency crews reached the last villages by morning, the mayor said.\n\n"
        'The mayor said "" the damage would take months to repair.\n'
    )
    pa = folder / 'src_<b>&"x.txt'
    pb = folder / "other.txt"
    pa.write_text(a, encoding="utf-8")
    pb.write_text(b, encoding="utf-8")
    return [pa, pb]


def divergent_sources(folder: Path) -> list[Path]:
    """Two reports of one attack that differ in a number (Twelve / Twenty) and a name
    (Iran, only in b); runs of spaces and CRLF make raw and cleaned offsets differ."""
    a = folder / "a.txt"
    b = folder / "b.txt"
    a.write_bytes(
        b"Attack on the border post\r\n\r\n"
        b"Twelve   soldiers were killed in the attack on the border post on Monday night.\r\n\r\n"
        b"The  army said the post would reopen next week.\r\n"
    )
    b.write_bytes(
        b"Attack on the border post\r\n\r\n"
        b"Twenty soldiers were killed in the attack on the border post on Monday night, "
        b"Iran   said.\r\n\r\n"
        b"The army said the post would reopen next week.\r\n"
    )
    return [a, b]


class PageReader(HTMLParser):
    """Collects, per document column, the text shown; per segment and per flag id, the
    characters they cover; per divergence id, the ``(doc, offset)`` of each character its
    marks cover; every tag and attribute seen; and the scripts."""

    VOID = {"meta", "link", "input", "br", "img", "rect", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.docs: dict[str, str] = {}
        self.segments: dict[str, str] = {}
        self.flags: dict[str, str] = {}
        self.divs: dict[str, set[tuple[str, int]]] = {}
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self._doc: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if tag == "section" and "data-doc" in a:
            self._doc = a["data-doc"]
        if tag == "script":
            self.scripts.append((a, ""))
        if tag not in self.VOID:
            self.stack.append((tag, a))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        while self.stack:
            t, a = self.stack.pop()
            if t == "section" and "data-doc" in a:
                self._doc = None
            if t == tag:
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
            return
        in_text = any(t == "div" and a.get("class") == "text" for t, a in self.stack)
        if not (in_text and self._doc is not None):
            return
        pos = len(self.docs.get(self._doc, ""))
        self.docs[self._doc] = self.docs.get(self._doc, "") + data
        for t, a in self.stack:
            if "data-seg" in a and t == "span":
                self.segments[a["data-seg"]] = self.segments.get(a["data-seg"], "") + data
            if t == "mark":
                for fid in a.get("data-flags", "").split():
                    self.flags[fid] = self.flags.get(fid, "") + data
                for did in a.get("data-divs", "").split():
                    self.divs.setdefault(did, set()).update((self._doc, pos + i) for i in range(len(data)))


def read_page(page: str) -> PageReader:
    reader = PageReader()
    reader.feed(page)
    reader.close()
    return reader
