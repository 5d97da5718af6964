"""Matching machinery shared by the extractor: case folding, trie-shaped alternations, and cue
words found once per sentence so that most large patterns never run.

Python's regex engine is fastest when a pattern opens with a literal or a small set of
literals (it then skips straight to where they occur) and slowest when it must try a large,
case-insensitive alternation at every character. The classes here lean on the first case.
"""

import functools
import re


def fold(text):
    """`text` in lower case with every character kept in its place. "İ" is the one character
    whose lower case is two characters long: it becomes "i", so offsets never drift."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text.replace("İ", "i").lower()
    return lowered


def trie_regex(words, piece=re.escape):
    """A regex matching any of `words`, shaped as a trie so the engine branches per character
    instead of trying every word at every position; where several words match at one place,
    the longest wins. `piece` turns one character into regex source."""
    trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node):
        terminal = "" in node
        branches = [piece(char) + build(node[char]) for char in sorted(key for key in node if key)]
        if not branches:
            return ""
        if len(branches) == 1 and not terminal:
            return branches[0]
        group = "(?:" + "|".join(branches) + ")"
        return group + "?" if terminal else group

    return build(trie)


def alternation(names):
    """A regex matching any of `names` as written, the longest first, any whitespace inside."""
    ordered = sorted(set(names), key=lambda name: (-len(name), name))
    return "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in ordered)


def is_word_char(char):
    """What `\\w` matches in a str pattern."""
    return char.isalnum() or char == "_"


def at_word_start(regex, text, extra=""):
    """Matches of `regex` in `text` that no word character (nor one of `extra`) precedes.
    Checking what precedes in Python lets `regex` open with its literals, which the engine
    finds far faster than a pattern opening with a look-behind."""
    at = 0
    while (match := regex.search(text, at)) is not None:
        start = match.start()
        before = text[start - 1] if start else " "
        if is_word_char(before) or before in extra:
            at = start + 1
            continue
        yield match
        at = match.end()


class WordStarts:
    """A pattern found only where no word character (nor one of `extra`) precedes it. The
    search opens with the character before the match, from a class the engine skips to
    quickly, instead of a look-behind tried at every character."""

    def __init__(self, source, extra=""):
        self._at_start = re.compile(f"(?:{source})")
        self._after = re.compile(rf"[^\w{re.escape(extra)}]((?:{source}))")

    def spans(self, text):
        """(start, end, matched text) of the matches, in order, none overlapping."""
        first = self._at_start.match(text)
        found = [(0, first.end(), first.group())] if first else []
        for match in self._after.finditer(text, first.end() if first else 0):
            found.append((match.start(1), match.end(), match.group(1)))
        return found


_MEMOS = []  # what per_article functions remember, emptied by new_article()
_MEMO_SIZE = 4096  # entries: an article's sentences many times over
_MISSING = object()


def per_article(function):
    """`function` (pure, of hashable arguments) remembering its results until the next
    article: several fact finders ask the same questions of one sentence."""
    memo = {}
    _MEMOS.append(memo)

    @functools.wraps(function)
    def remembered(*args):
        found = memo.get(args, _MISSING)
        if found is _MISSING:
            if len(memo) >= _MEMO_SIZE:
                memo.clear()
            found = memo[args] = function(*args)
        return found

    return remembered


def new_article():
    """Forget what was remembered of earlier articles (sentences rarely recur)."""
    for memo in _MEMOS:
        memo.clear()


def _cue_piece(char):
    return r"\s+" if char == " " else re.escape(char)


class _Cues:
    """The cue words of every gated pattern, found in one scan of a text: where each starts a
    word and which patterns it opens. A cue is lower case; a space in it stands for any
    whitespace."""

    def __init__(self):
        self._opens = {}  # cue -> bit mask of the patterns that registered it
        self._count = 0
        self._regex = None
        self._opened_by = {}  # a matched cue -> the patterns it and the cues it starts with open
        self._scanned = {}  # text -> (hits, mask), for the article being read
        _MEMOS.append(self._scanned)

    def register(self, cues):
        """A new bit for a pattern opened by any of `cues` starting a word."""
        bit = 1 << self._count
        self._count += 1
        for cue in cues:
            if cue != " ".join(cue.lower().split()) or not is_word_char(cue[0]):
                raise ValueError(f"a cue is lower-case words starting with a letter: {cue!r}")
            self._opens[cue] = self._opens.get(cue, 0) | bit
        self._regex = None
        self._scanned.clear()
        return bit

    def _compile(self):
        cues = self._opens
        for cue in cues:
            for at in range(1, len(cue)):
                # A word starting inside a matched cue is never scanned: no cue may start there.
                if is_word_char(cue[at - 1]) or not is_word_char(cue[at]):
                    continue
                rest = cue[at:]
                if any(rest.startswith(other) or other.startswith(rest) for other in cues):
                    raise ValueError(f"cue {cue!r} hides a cue starting at {cue[at:]!r}")
        # The scan reports the longest cue at a place; the cues it starts with stand there too.
        self._opened_by = {
            cue: _union(bits for other, bits in cues.items() if cue.startswith(other))
            for cue in cues
        }
        self._regex = WordStarts(trie_regex(cues, _cue_piece))

    def scan(self, text):
        """(hits, mask): (offset, patterns opened) for each cue starting a word of `text`, and
        the union of the patterns opened."""
        found = self._scanned.get(text)
        if found is not None:
            return found
        if self._regex is None:
            self._compile()
        opened_by = self._opened_by
        hits = []
        mask = 0
        for start, _, cue in self._regex.spans(fold(text)):
            bits = opened_by.get(cue) or opened_by[" ".join(cue.split())]
            hits.append((start, bits))
            mask |= bits
        if len(self._scanned) >= _MEMO_SIZE:
            self._scanned.clear()
        found = self._scanned[text] = (hits, mask)
        return found


def _union(masks):
    total = 0
    for mask in masks:
        total |= mask
    return total


CUES = _Cues()


class Gated:
    """A pattern that runs only on text where one of its cues starts a word; every match of
    the pattern holds one. Most sentences hold none."""

    def __init__(self, pattern, cues, flags=re.IGNORECASE):
        self.regex = re.compile(pattern, flags)
        self.pattern = self.regex.pattern
        self.bit = CUES.register(cues)

    def present(self, text):
        """Whether one of the cues starts a word of `text`: a match is possible."""
        return bool(CUES.scan(text)[1] & self.bit)

    def search(self, text):
        return self.regex.search(text) if CUES.scan(text)[1] & self.bit else None

    def finditer(self, text):
        return self.regex.finditer(text) if CUES.scan(text)[1] & self.bit else iter(())

    def match(self, text, pos=0):
        # Trying one place is cheap: no gate needed.
        return self.regex.match(text, pos)


class Anchored(Gated):
    """A pattern every match of which starts where one of its `starts` starts a word: it is
    tried at those places only, instead of at every character. With `cues`, it is tried only
    when one of those starts a word too (every match holding one)."""

    def __init__(self, pattern, starts, flags=re.IGNORECASE, cues=None):
        super().__init__(pattern, cues or starts, flags)
        self.start_bit = CUES.register(starts) if cues else self.bit

    def finditer(self, text):
        hits, mask = CUES.scan(text)
        if not mask & self.bit:
            return
        bit = self.start_bit
        done = 0
        for start, bits in hits:
            if bits & bit and start >= done:
                match = self.regex.match(text, start)
                if match:
                    done = max(match.end(), start + 1)
                    yield match

    def search(self, text):
        return next(self.finditer(text), None)
