"""Which company pairs of an article are reported talks: a learned step after the rules.

The rule extractor's talks are one source of candidates; every pair of companies named in one
sentence, in two adjacent sentences or together in the headline is another. Each candidate is
described by many weak cues (the words between and around the names, the cue-word families
of `language.py`, distance, the headline, how often each party is named, what the rules said
and why) and a logistic model keeps it or drops it; a second one gives the status of a pair
the rules did not find. `bench/train_talks.py` fits both on `tests/data/realset` and writes
their weights to `talks_model.json`: at run time a score is a sparse dot product.

Not called by extract() (stage 5, 2026-11-30): cross-validated by writer on the development
part it lifted talks F1 from 0.830 (the rules) to 0.838, but on the validation batch
(tests/data/fresh) it found 2 more pairs and 4 more spurious ones, F1 0.667 either way. To try
a better model, call `result.talks = decide_talks(context, result)` once the Extraction is
built, and keep it only if it beats the rules there too.
"""

import functools
import json
import math
import re
from pathlib import Path

from evtracker.news.extraction import language as lang
from evtracker.news.extraction.facts import TalkFact

MODEL_FILE = Path(__file__).with_name("talks_model.json")
# Sentences naming more companies are lists (of investors, of rivals): their first few only.
_MOST_PER_SENTENCE = 8
_LONGEST_SENTENCE = 1500
_MOST_BETWEEN = 15  # words between two names read as "between" cues
_WORD = re.compile(r"[a-z][a-z'-]*")
_CUE_FAMILIES = {
    "talk": lang.TALK,
    "agree": lang.AGREE,
    "confirm": lang.CONFIRM,
    "deny": lang.DENY,
    "end": lang.END,
    "hedge": lang.HEDGE,
    "rumour": lang.RUMOURED,
    "familiar": lang.FAMILIAR,
    "sources": lang.SOURCES,
    "invest": lang.INVEST,
    "stake": lang.STAKE_WORDS,
    "venture": lang.JOINT_VENTURE,
    "approval": lang.APPROVAL,
    "owned": lang.OWNED,
    "speech": lang.SPEECH,
    "two": lang.TWO_PARTIES,
}


@functools.cache
def load_model(path=MODEL_FILE):
    """The weights bench/train_talks.py wrote, read once."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _stem(word):
    """A crude lemma: "talks", "talked" and "talking" all read as "talk"."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _stems(text):
    return [_stem(word) for word in _WORD.findall(text.lower())]


def _bucket(value, edges):
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


class Candidate:
    """A pair of companies that might be in talks, with where the article names them together."""

    def __init__(self, pair):
        self.pair = pair  # (first named, second named)
        self.rule = None  # the rule extractor's TalkFact for the pair, if any
        self.same = []  # (sentence position, mention of one, mention of the other)
        self.adjacent = []  # sentence positions of the first of two adjacent sentences
        self.title = False
        self.features = {}


class _Article:
    """What every candidate of one article reads: sentences' companies, words and cues."""

    def __init__(self, context):
        self.context = context
        self.named = {}  # sentence position -> [(company, mention)] in text order, one each
        for position, sentence in enumerate(context.sentences):
            if not sentence.running or len(sentence.text) > _LONGEST_SENTENCE:
                continue
            seen = {}
            for mention in context.named_in(sentence.start, sentence.end):
                if mention.kind != "regulator" and mention.company not in seen:
                    seen[mention.company] = mention
            if seen:
                self.named[position] = list(seen.items())[:_MOST_PER_SENTENCE]
        counts = {}
        for mention in context.mentions:
            if mention.kind != "regulator":
                counts[mention.company] = counts.get(mention.company, 0) + 1
        ranked = sorted(counts, key=lambda name: -counts[name])
        self.rank = {name: at + 1 for at, name in enumerate(ranked)}
        self.companies = len(counts)
        self._cues = {}

    def cues(self, position):
        if position not in self._cues:
            text = self.context.sentences[position].text
            self._cues[position] = [
                name for name, pattern in _CUE_FAMILIES.items() if pattern.search(text)
            ]
        return self._cues[position]


def candidates(context, extraction):
    """Every pair the rules found or the article names close together, described by features;
    `extraction` is the rule extractor's result for the article."""
    talks = extraction.talks
    article = _Article(context)
    found = {}

    def candidate(first, second):
        key = frozenset((first, second))
        if key not in found:
            found[key] = Candidate((first, second))
        return found[key]

    for talk in talks:
        if talk.parties[0] != talk.parties[1]:
            candidate(*talk.parties).rule = talk
    positions = sorted(article.named)
    for position in positions:
        named = article.named[position]
        for at, (first, one) in enumerate(named):
            for second, other in named[at + 1 :]:
                candidate(first, second).same.append((position, one, other))
        following = article.named.get(position + 1, ())
        for first, _ in named:
            for second, _ in following:
                if first != second:
                    candidate(first, second).adjacent.append(position)
    title = context.title_companies
    for at, first in enumerate(title):
        for second in title[at + 1 :]:
            candidate(first, second).title = True
    invested = {}
    for fact in extraction.investments:
        if fact.target and fact.target != fact.investor:
            key = frozenset((fact.investor, fact.target))
            invested.setdefault(key, set()).add(fact.kind)
    in_rule_talks = {name for talk in talks for name in talk.parties}
    rule_talks = f"rule talks:{_bucket(len(talks), (0, 1, 2, 4))}"
    result = list(found.values())
    for item in result:
        features = _features(article, item)
        for kind in invested.get(frozenset(item.pair), ()):
            features[f"investment:{kind}"] = 1.0
        # Pairs the rules found elsewhere in the article: a third party of a deal, or noise.
        features[rule_talks] = 1.0
        features[f"parties in rule talks:{sum(n in in_rule_talks for n in item.pair)}"] = 1.0
        # Each cue also weighed apart for rule talks and for new pairs: what makes a rule's
        # talk doubtful is not what makes a new pair likely.
        side = "rule|" if item.rule else "new|"
        features.update({side + name: value for name, value in list(features.items())})
        item.features = features
    return result


def _why_words(why):
    """A rule's reason without the names in it: "said by Honda" reads as "said by"."""
    words = []
    for reason in why:
        head = reason.split(":")[0]
        words.append(" ".join(word for word in head.split() if word.islower())[:40])
    return words


def _features(article, item):
    context = article.context
    first, second = item.pair
    features = {}
    rule = item.rule
    if rule:
        features["rule"] = 1.0
        features[f"rule:{rule.status}"] = 1.0
        for word in _why_words(rule.why):
            features[f"why:{word}"] = 1.0
    else:
        features["norule"] = 1.0
    features[f"same:{_bucket(len(item.same), (0, 1, 2, 3))}"] = 1.0
    features[f"adjacent:{_bucket(len(item.adjacent), (0, 1, 2))}"] = 1.0
    in_title = sum(name in context.title_companies for name in item.pair)
    features[f"title:{in_title}{'pair' if item.title else ''}"] = 1.0
    ranks = sorted(article.rank.get(name, 99) for name in item.pair)
    features[f"ranks:{_bucket(ranks[0], (1, 2, 4))}-{_bucket(ranks[1], (2, 3, 5))}"] = 1.0
    features[f"companies:{_bucket(article.companies, (2, 3, 5, 8))}"] = 1.0
    if context.lead in item.pair:
        features["lead"] = 1.0
    index = context.index
    kinds = sorted(index.kind_of(name) for name in item.pair)
    features[f"kinds:{kinds[0]}+{kinds[1]}"] = 1.0
    if index.parent_of(first) == second or index.parent_of(second) == first:
        features["parent"] = 1.0
    elif index.parent_of(first) and index.parent_of(first) == index.parent_of(second):
        features["siblings"] = 1.0
    if first.split()[0].lower() == second.split()[0].lower():
        features["shared first word"] = 1.0
    if item.same:
        _same_sentence_features(article, item, features)
    elif item.adjacent:
        for cue in article.cues(item.adjacent[0]) + article.cues(item.adjacent[0] + 1):
            features[f"adjacent cue:{cue}"] = 1.0
    return features


def _same_sentence_features(article, item, features):
    context = article.context
    body = context.body
    first_position = item.same[0][0]
    features[f"first sentence:{_bucket(first_position, (0, 1, 2, 5, 10))}"] = 1.0
    position, one, other = min(item.same, key=lambda s: abs(s[1].start - s[2].start))
    left, right = (one, other) if one.start < other.start else (other, one)
    between = body[left.end : right.start]
    words = _stems(between)
    features[f"gap:{_bucket(len(words), (0, 1, 3, 6, 10, 20))}"] = 1.0
    stripped = between.strip(" ,")
    if stripped in ("and", "&", "/", "-", "with", "'s", "’s"):
        features[f"joined by:{stripped.replace('’', "'")}"] = 1.0
    for word in words[:_MOST_BETWEEN]:
        features[f"between:{word}"] = 1.0
    for word in _stems(body[max(0, left.start - 60) : left.start])[-4:]:
        features[f"before:{word}"] = 1.0
    for word in _stems(body[right.end : right.end + 60])[:4]:
        features[f"after:{word}"] = 1.0
    named = len(article.named[position])
    features[f"named in sentence:{_bucket(named, (2, 3, 4))}"] = 1.0
    if context.attribution(position):
        features["attributed"] = 1.0
    hows = sorted((one.how, other.how))
    features[f"how:{hows[0]}+{hows[1]}"] = 1.0
    cues = set()
    for position, _, _ in item.same:
        cues.update(article.cues(position))
    for cue in cues:
        features[f"cue:{cue}"] = 1.0


def _score(weights, bias, features):
    return bias + sum(weights.get(name, 0.0) * value for name, value in features.items())


def keep_probability(model, features):
    """The kept-or-dropped model's probability that a candidate is a reported talk."""
    keep = model["keep"]
    return 1.0 / (1.0 + math.exp(-_score(keep["weights"], keep["bias"], features)))


def status_of(model, features):
    """The status model's choice for a pair the rules did not find."""
    status = model["status"]
    return max(
        status["classes"],
        key=lambda name: (_score(status["weights"][name], status["bias"][name], features), name),
    )


def status_features(features, talks):
    """A candidate's features plus the statuses the rules gave the article's other pairs."""
    found = dict(features)
    for talk in talks:
        found[f"article status:{talk.status}"] = 1.0
    return found


def decide_talks(context, extraction, model=None):
    """The article's talks the learned step keeps: rule facts it trusts and pairs it adds."""
    model = model or load_model()
    talks = extraction.talks
    kept = []
    for item in candidates(context, extraction):
        probability = keep_probability(model, item.features)
        # A rule's talk and a new pair have their own threshold: the rules are mostly right.
        if probability < model["keep"]["thresholds"][0 if item.rule else 1]:
            continue
        if item.rule:
            kept.append(item.rule)
            continue
        position = _evidence_position(context, item)
        if position is not None:
            status = status_of(model, status_features(item.features, talks))
            kept.append(_new_fact(context, item, position, status, probability))
    return kept


def _evidence_position(context, item):
    """The sentence a new pair is read from: the first naming both, else one of them."""
    if item.same:
        return item.same[0][0]
    if item.adjacent:
        return item.adjacent[0]
    for position, sentence in enumerate(context.sentences):
        if any(m.company in item.pair for m in context.named_in(sentence.start, sentence.end)):
            return position
    return None


def _new_fact(context, item, position, status, probability):
    sentence = context.sentences[position]
    return TalkFact(
        item.pair,
        status,
        context.attribution(position),
        "",
        sentence.text,
        sentence.start,
        sentence.end,
        context.date_of(sentence),
        why=(f"learned: pair kept with probability {probability:.2f}", f"status {status}"),
    )
