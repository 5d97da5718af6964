"""An article's body cut into paragraphs and pieces, evidence sentences marked.

The template escapes every piece; nothing here produces HTML.
"""

import re
from dataclasses import dataclass, field

PARAGRAPH = re.compile(r"[^\n]+")


@dataclass
class Mark:
    """One highlighted span and the evidence rows (facts) that rest on it."""

    start: int
    end: int
    evidence: list = field(default_factory=list)

    @property
    def anchor(self):
        return f"evidence-{self.evidence[0].pk}"


@dataclass
class Piece:
    text: str
    mark: Mark | None = None
    # The piece where its mark starts carries the anchors, the one where it ends the
    # links to the facts (a mark may span paragraphs).
    starts_mark: bool = False
    ends_mark: bool = False


@dataclass
class Paragraph:
    kind: str  # "text", "heading" or "caption"
    pieces: list


def locate(body, evidence):
    """(start, end) of the evidence sentence in the body, or None when it cannot be found."""
    start, end = evidence.start, evidence.end
    if 0 <= start < end <= len(body) and body[start:end] == evidence.sentence:
        return start, end
    # Offsets that are off (the body was edited): fall back to the sentence itself.
    found = body.find(evidence.sentence) if evidence.sentence else -1
    if found >= 0:
        return found, found + len(evidence.sentence)
    return None


def marks_for(body, evidence_rows):
    """Non-overlapping marks, in body order; the same sentence for several facts is one mark."""
    by_span = {}
    for evidence in evidence_rows:
        span = locate(body, evidence)
        if span:
            by_span.setdefault(span, Mark(*span)).evidence.append(evidence)
    marks, covered_to = [], 0
    for span in sorted(by_span):
        mark = by_span[span]
        if mark.start < covered_to:
            # Overlapping sentences: the later one starts where the earlier ends.
            mark.start = covered_to
        if mark.start < mark.end:
            marks.append(mark)
            covered_to = mark.end
    return marks


def _kind_at(structure, start, end):
    for span in structure or ():
        try:
            if span["start"] <= start and end <= span["end"]:
                return span.get("kind", "text")
        except (KeyError, TypeError):
            continue
    return "text"


def paragraphs(body, evidence_rows, structure=()):
    """The body as paragraphs of pieces, each piece plain or inside one mark."""
    marks = marks_for(body, evidence_rows)
    result = []
    for line in PARAGRAPH.finditer(body):
        start, end = line.span()
        if not line.group().strip():
            continue
        pieces, position = [], start
        for mark in marks:
            if mark.end <= start or mark.start >= end:
                continue
            piece_start, piece_end = max(mark.start, start), min(mark.end, end)
            if piece_start > position:
                pieces.append(Piece(body[position:piece_start]))
            pieces.append(
                Piece(
                    body[piece_start:piece_end],
                    mark,
                    starts_mark=piece_start == mark.start,
                    ends_mark=piece_end == mark.end,
                )
            )
            position = piece_end
        if position < end:
            pieces.append(Piece(body[position:end]))
        kind = _kind_at(structure, start, end)
        result.append(Paragraph(kind if kind in ("heading", "caption") else "text", pieces))
    return result
