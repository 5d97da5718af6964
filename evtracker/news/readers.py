"""Readers: turn an article's raw bytes (text, HTML, feed entry) into a ParsedArticle."""

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Block:
    """A span of the body that is not running text (a heading or a photo caption)."""

    kind: str  # "heading" | "caption"
    start: int
    end: int


@dataclass
class ParsedArticle:
    title: str
    body: str
    published_at: datetime | None = None  # timezone-aware when known
    author: str = ""
    outlet: str = ""
    url: str = ""
    blocks: list[Block] = field(default_factory=list)
