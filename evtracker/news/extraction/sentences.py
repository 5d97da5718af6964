"""Split an article body into sentences with their character offsets."""

import re
from dataclasses import dataclass

# A period after these never ends a sentence ("Mr. Lei", "No. 2").
_NEVER_END = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "no",
    "nos",
    "vs",
    "v",
    "gen",
    "sen",
    "rep",
    "gov",
    "lt",
    "col",
    "capt",
    "approx",
    "e.g",
    "i.e",
    "cf",
    "fig",
    "vol",
    "est",
    "ca",
    "mt",
    "ft",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
}
# A period after these ends a sentence only when a usual sentence opener follows.
_MAY_END = {
    "co",
    "corp",
    "inc",
    "ltd",
    "bros",
    "u.s",
    "u.k",
    "u.n",
    "e.u",
    "n.v",
    "s.a",
    "s.p.a",
    "plc",
    "llc",
    "etc",
    "a.m",
    "p.m",
    "jr",
    "sr",
    "int'l",
    "intl",
    "mfg",
    "hldgs",
    "grp",
}
_OPENERS = {
    "the",
    "a",
    "an",
    "it",
    "its",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "they",
    "we",
    "i",
    "in",
    "on",
    "at",
    "but",
    "and",
    "however",
    "meanwhile",
    "shares",
    "according",
    "both",
    "last",
    "earlier",
    "separately",
    "also",
    "after",
    "before",
    "while",
    "as",
    "if",
    "for",
    "with",
    "by",
    "analysts",
    "there",
    "his",
    "her",
    "their",
    "our",
    "such",
    "neither",
    "under",
    "since",
    "then",
    "still",
    "yet",
    "so",
    "when",
    "other",
    "another",
    "one",
    "two",
}

# Written to open with a single character class, which the engine skips to directly.
_BOUNDARY = re.compile(r"[.!?][.!?]*[\"'”’)\]]*(?=\s)")
_NEXT_WORD = re.compile(r"\s+[\"'“‘(\[]*([\w$€£¥]+)")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # index of the line it sits on: neighbours share it
    running: bool  # False inside headings and captions


def _ends_here(line, match):
    """Whether the punctuation at `match` ends a sentence."""
    after = _NEXT_WORD.match(line, match.end())
    if not after:
        return False
    next_word = after.group(1)
    if next_word[0].islower():
        return False
    if match.group().rstrip("\"'”’)]") != ".":
        return True  # "!", "?", "..." end sentences
    token_start = max(line.rfind(" ", 0, match.start()), line.rfind("\t", 0, match.start())) + 1
    token = line[token_start : match.start()].lstrip("\"'“‘([").lower()
    if not token:
        return True
    if token in _NEVER_END or (len(token) == 1 and token.isalpha()):
        return False
    if token in _MAY_END or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
        return next_word.lower() in _OPENERS
    return True


def split_sentences(body, skip=()):
    """Sentences of `body` (one line is one paragraph); those overlapping `skip` spans are
    marked as not running text."""
    sentences = []
    offset = 0
    for paragraph, line in enumerate(body.split("\n")):
        cuts = [0]
        for match in _BOUNDARY.finditer(line):
            if _ends_here(line, match):
                cuts.append(match.end())
        cuts.append(len(line))
        for begin, finish in zip(cuts, cuts[1:], strict=False):
            piece = line[begin:finish]
            stripped = piece.strip()
            if not stripped:
                continue
            start = offset + begin + (len(piece) - len(piece.lstrip()))
            end = start + len(stripped)
            running = not any(block.start < end and start < block.end for block in skip)
            sentences.append(Sentence(start, end, stripped, paragraph, running))
        offset += len(line) + 1
    return sentences
