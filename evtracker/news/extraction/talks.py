"""Talks: sentences saying two companies discuss, agree or stop working together."""

import bisect
import itertools
import re

from evtracker.news.extraction import language as lang
from evtracker.news.extraction.facts import Actor, TalkFact
from evtracker.news.extraction.money import APPROXIMATELY
from evtracker.news.extraction.patterns import per_article
from evtracker.news.extraction.regulators import COUNTRY, DEMONYM

# Words that end the phrase a trigger governs: a company after them is not its counterpart.
_CLAUSE_BREAK = re.compile(
    r"[;:—–]|\b(?:which|who|whose|while|but|although|though|whereas|because|since|after|"
    r"before|than|said|says|according|unlike|where|when|if|despite|rival|rivals|compete|that|"
    r"competes|competing|competitor|competitors|against|like|including\s+(?:its|their))\b",
    re.IGNORECASE,
)
# Between two companies of one list: commas, "and", "or" and a few describing words, among them
# a nationality ("and Taiwanese electronics giant Foxconn") or a country's possessive
# ("investors such as SoftBank and Singapore's Temasek"); not ", as rivals X and Y ..." or
# ", whose backers include X": those name others.
_LIST_JOIN = re.compile(
    r"^\s*(?:,\s*)?(?:(?:and|or|as\s+well\s+as|plus|&|along\s+with|together\s+with)\s+)?"
    r"(?:(?!(?:to|in|on|at|for|with|that|which|who|is|are|was|were|has|have|had|will|would|"
    r"said|says|after|before|from|by|than|about|over|while|but|of|alongside|joining|besides|"
    r"against|versus|unlike|like|via|through|under|into|within|behind|beyond|among|amid|"
    r"during|towards?|including|rather|as|whose|includes?|included)\b)"
    rf"(?:[a-z][\w-]*|{DEMONYM}|EV|South|European|Asian|UK|"
    rf"(?:{COUNTRY}|Europe)(?:'s|’s))\s+){{0,3}}$"
)
_JOINED = re.compile(r"\band\b|&|,|\bwith\b", re.IGNORECASE)
_TOPIC_AFTER = re.compile(
    r"\s*(?:,\s*)?(?:to\s+(?:discuss\s+|explore\s+)?|about\s+|on\s+|over\s+|regarding\s+|"
    r"for\s+)(?P<topic>[^,;.()]{3,100})",
    re.IGNORECASE,
)
_DEAL_NOUN = lang.Anchored(r"\b" + lang.DEAL_NOUN, lang.DEAL_STARTS)
_NOUN_WITH = lang.Anchored(
    r"\b"
    + lang.DEAL_NOUN
    + r"\s+(?:with|between|among|involving|(?:(?:set\s+up|formed|created)\s+)?by)\b|"
    # "the merger of X and Y": "of" before two joined names (not "a partner of X and Y").
    r"\b(?:mergers?|tie-?ups?|alliances?|combination|union|integration|joint[\s-]+ventures?|"
    r"partnerships?)\s+of\b(?=[^,;.]{0,80}?\s(?:and|&)\s)",
    (*lang.DEAL_STARTS, "combination", "union", "integration"),
)
_RUMOUR = lang.Anchored(
    r"\breportedly\b|\brumou?r|\b(?:people|persons?|sources?)\s+(?:said|say|says|added|told)\b|"
    # the unnamed sources again: "said the person", "cautioned the people", "according to one
    # of the people"
    r"\b(?:said|says|added|cautioned|noted)\s+(?:one\s+of\s+)?the\s+(?:people|persons?|sources?)\b|"
    r"\baccording\s+to\s+(?:one|two|some|several|both)\s+of\s+the\s+(?:people|persons|sources)\b|"
    r"\breports?\s+(?:(?:in|on|from|last|earlier|this)\s+(?:[\w,]+\s+){0,3}?)?(?:had\s+|has\s+)?"
    r"(?:says|said|say|claims?|claimed|suggests?|suggested)\b|"
    r"\b(?:said|reported|understood|believed)\s+to\s+(?:be|have)\b",
    (
        "reportedly",
        "rumo",
        "people",
        "person",
        "source",
        "report",
        "said",
        "reported",
        "understood",
        "believed",
        "says",
        "added",
        "cautioned",
        "noted",
        "according",
    ),
)
# What others claim, not what a party says: "pushed back against claims that X will buy Y".
# What a report tells: "amid reports that the talks had collapsed".
_REPORTS_THAT = re.compile(r"\b(?:reports?|rumou?rs?|speculation)\s+that\b", re.IGNORECASE)
# A sentence told as a report's: "According to the report, the companies have ...".
_PER_REPORT = re.compile(
    r"\baccording\s+to\s+(?:the|a|that|this|an\s+earlier|media)\s+reports?\b", re.IGNORECASE
)
_CLAIMED = re.compile(
    r"\b(?:claim(?:s|ed)?|rumou?rs?|speculation|alleg\w*|reports?\s+that|story)\b", re.IGNORECASE
)
_PERMITTED = re.compile(
    r"\b(?:permission|approval|clearance|go-ahead|green\s+light|nod|allowed|permitted|cleared|"
    r"approved|authori[sz]ed|appl(?:ied|ies|ying)|application)\s+"
    r"(?:(?:of|from|by|with)\s+(?:[\w'’-]+\s+){1,4}?)?to\s+$",
    re.IGNORECASE,
)
# "agreed to look into a partnership", "agreed to take part in the talks": talks, not a deal.
_AGREED_TO_TALK = re.compile(
    r"\s+(?:\w+\s+){0,3}?to\s+(?:look\s+into|explore|study|consider|discuss|examine|"
    # "to begin merger talks", not "to begin production"
    r"(?:begin|start|hold|open|launch|commence|enter(?:\s+into)?|continue)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:talks|negotiations|discussions|consultations)|"
    r"take\s+part|join\s+(?:the\s+)?talks|negotiate|evaluate|assess)\b",
    re.IGNORECASE,
)
_AGREE_WORD = re.compile(r"\bagree[ds]?\b", re.IGNORECASE)
# "signed a memorandum to explore whether they could build cars together": a pact to study
# a deal, not the deal (not "signed a pact to build cars together").
_SIGNED_TO_STUDY = re.compile(
    r"\s+(?:[\w,]+\s+){0,3}?to\s+(?:look\s+into|explore|study|consider|examine|evaluate|assess|"
    r"discuss)\b",
    re.IGNORECASE,
)
# "announced they have entered merger talks": the deal noun names the talks' topic, and
# "signed a memorandum and are exploring an alliance": a pact to study a deal; both are talks.
_DEAL_TALKS = re.compile(
    r"\s+(?:talks|negotiations|discussions)\b|"
    r"(?:\s+[\w-]+){0,3}?\s+and\s+(?:are|is|will\s+be|have\s+been)\s+(?:now\s+)?[\"“]?(?:exploring|studying|"
    r"considering|looking\s+into|evaluating|assessing)\b",
    re.IGNORECASE,
)
_BRACKETS = re.compile(r"\([^)]*\)")


def _signed_to_study(text):
    return any(
        m.group().lower().startswith("sign") and _SIGNED_TO_STUDY.match(text, m.end())
        for m in lang.AGREE.finditer(text)
    )


def _agrees_to_talk(text, match):
    """Whether an agreeing phrase is an agreement to talk ("agreed to begin talks", "have agreed
    to start discussions on a merger"), read right after the agreeing word: the deal noun the
    phrase may run on to is then the talks' topic."""
    word = _AGREE_WORD.search(match.group())
    return word is not None and bool(_AGREED_TO_TALK.match(text, match.start() + word.end()))


def _agreed_to_talk(text):
    return any(_agrees_to_talk(text, m) for m in lang.AGREE.finditer(text))


_FOLLOWED_BY_WITH = re.compile(r"\s*with\b", re.IGNORECASE)
_DISCUSS_VERB = re.compile(r"^discuss(?:es|ed|ing)?$", re.IGNORECASE)
_ABOUT_WORKING_TOGETHER = re.compile(
    lang.DEAL_NOUN + r"|cooperat|collaborat|partner|merg|jointly|work\s+together|stake|invest",
    re.IGNORECASE,
)
# "a former Nissan plant": a company name used as a modifier is not a counterpart; "a Tencent
# affiliate" stands for Tencent.
_MODIFIER_BEFORE = re.compile(r"\b(?:a|an|former)\s+$", re.IGNORECASE)
_MODIFIER_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?!(?:affiliate|unit|subsidiary|arm|division)s?\b)[a-z]"
)
# "talks on Bugatti's future": what follows names what is discussed, not with whom.
_TOPIC_BEFORE = re.compile(
    r"\b(?:on|about|over|regarding|concerning)\s+(?:the\s+)?$", re.IGNORECASE
)
# "Apple supplier Foxconn", "Tesla rival BYD", "VW's long-standing partner SAIC", "Peugeot
# owner PSA", "Alibaba-backed Xpeng", "Hyundai shares", "the planned NASDAQ listing": the
# company describes another one or a thing, it is not a party itself.
_DESCRIBES_NEXT = re.compile(
    r"(?:-(?:backed|owned|controlled|based|led|linked|affiliated)\b|\s+(?:shares|stock|"
    r"share\s+price|listings?)\b|(?:(?:'s|’s)\s+(?:[a-z][\w-]*\s+){0,2}?|\s+)(?:supplier|partner|rival|"
    r"affiliate|subsidiary|unit|shareholder|investor|backer|customer|peer|competitor|"
    r"spin-?off|offshoot|owner|parent|maker)s?\s+(?:\w+\s+)?[A-Z]|"
    # "Apple Inc.'s main assembly partner had looked at ...": Apple only describes it
    r"(?:'s|’s)\s+(?:[a-z][\w-]*\s+){0,3}?(?:supplier|partner|affiliate|subsidiary|unit|"
    r"shareholder|investor|backer|customer|owner|parent|maker)s?\s+(?:has|had|have|is|was|"
    r"are|were|will|would|said|says)\b|"
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:joint\s+)?venture\b)"
)
_SHARES_OF = re.compile(
    r"\b(?:(?:shares|stock)\s+(?:of|in)|(?:maker|makers|owner|parent|producer|manufacturer)\s+of"
    # "the maker of the Jeep and Ram brands": the brands describe their owner
    r"(?:\s+the)?|"
    r"(?:that|which)\s+(?:owns|controls|makes)(?:\s+\w+(?:'s|’s))?)\s+$",
    re.IGNORECASE,
)
# "Apple's iPhone", "Toyota's chairman": a possessive of a thing, not of a deal, is no subject.
_OF_A_THING = re.compile(
    r"(?:'s|’s)\s+(?!(?:[\w-]+\s+){0,2}?(?:"
    + lang.DEAL_NOUN
    + r"|stakes?|holdings?|investments?|plans?|offer|bid|talks|negotiations|discussions|"
    r"purchase|acquisition|takeover|proposal|shareholding|tie-?up|approach(?:es)?|overtures?)\b)",
    re.IGNORECASE,
)
# An appositive holding a relative clause: ", an NEV maker in which X also holds shares,".
_LONG_APPOSITIVE = re.compile(
    r",\s*(?:a|an|the|its|one)\s+[^,]{0,120}?\b(?:in\s+which|which|that|who|whose|of\s+which|"
    r"(?:controlled|owned|backed|led|run|founded)\s+by)\b[^,]{0,120}(?=,)"
)
# "a venture named X", "an alliance called X": X is what the parties form, not a party.
_NAMED_AS = re.compile(
    r"\b(?:venture|JV|company|alliance|entity|brand|unit|firm|group|business|platform|"
    r"subsidiary|vehicle|consortium)\s*,?\s+"
    # "the merged company, to be called Stellantis", "which will be named X"
    r"(?:(?:(?:which|that)\s+)?(?:to|will|would)\s+be\s+)?(?:named|called|dubbed|branded|known\s+as)\s+"
    r"(?:the\s+)?[\"“']?$",
    re.IGNORECASE,
)
# "established automakers like Volkswagen", "in an attempt to beat Tesla": a comparison.
_COMPARED = re.compile(
    r"\b(?:like|unlike|than|versus|vs\.?|beat|beats|beating|outsell\w*|overtake|overtaking|"
    r"against|take\s+on|taking\s+on|compete\s+with|competing\s+with)\s+"
    r"(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
_TOGETHER = re.compile(r"(?:will\s+|to\s+)?jointly\b|\w+\s+together\b", re.IGNORECASE)
_ENDS_WITH_BETWEEN = re.compile(r"\b(?:between|among|by|involving)$", re.IGNORECASE)
_PAIR_SPEAKS = re.compile(lang.TWO_PARTIES.pattern + r"\s+$", re.IGNORECASE)
_PLANNED = re.compile(
    r"\b(?:plans?|intention|intends|would|will|to\s+(?:explore|study|consider|discuss))\b",
    re.IGNORECASE,
)
_UPDATE_TOPIC = lang.Anchored(
    r"\b(?:talks|negotiations|discussions|reports?|claims?|speculation|rumou?rs?|"
    r"partnership|tie-?up|alliance|joint[\s-]venture|cooperation|collaboration|deal|"
    r"agreement|merger|MoU|memorandum|plans?|project|programme|program|development)\b",
    (
        "talks",
        "negotiations",
        "discussions",
        "report",
        "claim",
        "speculation",
        "rumo",
        "partnership",
        "tie",
        "alliance",
        "joint",
        "cooperation",
        "collaboration",
        "deal",
        "agreement",
        "merger",
        "mou",
        "memorandum",
        "plan",
        "project",
        "program",
        "development",
    ),
)
_SPEAKER_GAP_STOP = re.compile(
    # Whole words: "a Tesla spokesperson said" is Tesla speaking.
    r"\b(?:people|persons?|sources?|insiders?|analysts?|report\w*|familiar|media|newspapers?|"
    r"outlets?)\b",
    re.IGNORECASE,
)


def _not_ended(words):
    return lang.not_ended(words) or any(word in _END_WEIGHED for word in words[-3:])


def _live(negation, text, match):
    """Whether a status word stands, not negated by the words before it."""
    return not negation(lang.last_words(text, match.start()))


# What an end word may stop without ending a partnership: "trading was halted".
_ENDS_SOMETHING_ELSE = re.compile(
    r"\b(?:trading|shares?|stock|production|output|sales|deliveries|plant|factory|lines?|"
    r"operations|imports?|exports?|work|review|clock|examination|investigation|probe)\s+"
    r"(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


# ... or the thing named after it: "suspended trading in its shares", "paused its review".
_STOPS_SOMETHING_ELSE = re.compile(
    r"\s+(?:its\s+|the\s+|their\s+|an?\s+)?(?:[\w-]+\s+)?(?:trading|shares|stock|review|"
    r"examination|investigation|probe|inquiry|clock)\b",
    re.IGNORECASE,
)


# What else an end word may end: talk of a deal ("ending weeks of speculation", "put an end to
# rumours") or a company's reliance on another ("to end its reliance on Renault").
_ENDS_TALK_OF_IT = re.compile(
    r"\s+(?:to\s+)?(?:the\s+|any\s+|all\s+|its\s+|their\s+)?(?:(?:\w+\s+)?(?:weeks|months|"
    r"days|years)\s+of\s+)?(?:[\w-]+\s+)?(?:speculation|rumou?rs?|reports?|uncertainty|doubts?|"
    r"guesswork|chatter|reliance|dependence|dependency)\b",
    re.IGNORECASE,
)


# A condition the end word sits in: "if the deal is terminated", "Should the deal be ended".
_CONDITIONAL = re.compile(
    r"(?:^\W*|[,;]\s*)(?:[Ss]hould|[Ww]ere)\s+(?:[\w'’-]+\s+){1,6}?(?:be|been|to)\s+\W?$|"
    r"\b(?:if|unless|in\s+the\s+event|in\s+case)\s+(?:[\w'’\"“”-]+\s+){0,8}$",
    re.IGNORECASE,
)


# "decided to stop making cars in China": production ends, not the partnership.
_STOPS_DOING = re.compile(
    r"\s+(?:making|producing|production|selling|sales|manufacturing|operations|output|"
    r"deliveries|imports|exports)\b",
    re.IGNORECASE,
)


# "China's decision to scrap foreign ownership limits": a rule ends, not a partnership.
_ENDS_A_RULE = re.compile(
    r"\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:limits?|caps?|restrictions?|rules?|"
    r"curbs?|tariffs?|subsid(?:y|ies)|quotas?|requirements?|bans?|ownership)\b",
    re.IGNORECASE,
)


# "decided to end the development of the car": joint work, not only a deal, can end.
_WORK_TOPIC = re.compile(r"\b(?:development|programme|program|stake)\b", re.IGNORECASE)


def _ends_a_partnership(text, match):
    if _ENDS_SOMETHING_ELSE.search(text, max(0, match.start() - 40), match.start()):
        return False
    if _CONDITIONAL.search(text, 0, match.start()):
        return False  # "Should the deal be terminated, X will pay a fee": not ended
    if _STOPS_SOMETHING_ELSE.match(text, match.end()):
        return False  # "paused its investigation of the deal", "suspended trading in shares"
    if _ENDS_A_RULE.match(text, match.end()):
        return False
    if _STOPS_DOING.match(text, match.end()):
        return False
    if _ENDS_TALK_OF_IT.match(text, match.end()):
        return False  # "ends the speculation": a denial's effect, not talks ending
    window = text[max(0, match.start() - 120) : match.end() + 80]
    return bool(lang.TOPIC.search(window) or _WORK_TOPIC.search(window))


# A denial of a reported end: "rejected a report that it is weighing a break with Renault".
_DENIES_AN_END = re.compile(
    r"[^.;]{0,60}?\b(?:a\s+break\s+with|split(?:ting)?\s+(?:with|from)|divest\w*|"
    r"dissolv\w*|pull(?:ing)?\s+out|exit(?:ing)?)\b",
    re.IGNORECASE,
)


@per_article
def _signals(text):
    ended = any(
        _live(_not_ended, text, m) and _ends_a_partnership(text, m) for m in lang.END.finditer(text)
    )
    ended = ended or bool(
        _CAME_TO_NOTHING.search(text)
        or _WITHDRAWN.search(text)
        or _FAILED_TO_AGREE.search(text)
        or _REBUFFED.search(text)
        or _BROKEN_UP.search(text)
    )
    denied = (
        any(
            _live(lang.not_denied, text, m) and not _DENIES_AN_END.match(text, m.end())
            for m in lang.DENY.finditer(text)
        )
        or bool(_REFUSED.search(text))
        or bool(_REPORT_IS_WRONG.search(text))
    )
    confirmed = any(
        _live(lang.not_confirmed, text, m) for m in lang.CONFIRM.finditer(text)
    ) or bool(_ONGOING.search(text))
    return ended, denied, confirmed


# Denials without a denying verb: "is not willing to hold merger talks", "we did not sign any
# agreement", "yet another false article".
_REFUSED = lang.Gated(
    r"\bnot\s+(?:willing|ready|open|interested|prepared)\s+(?:to\s+(?:hold|have|enter|start|"
    r"begin|pursue)\s+|in\s+|to\s+)?(?:any\s+)?(?:\w+\s+)?(?:talks|negotiations|discussions|"
    r"merger|tie-?up|partnership)|\b(?:did|does|do|has|have|had)\s*(?:not|n't)\s+sign(?:ed)?\b|"
    r"\b(?:do|does|did)\s*(?:not|n't)\s+have\s+(?:any\s+|such\s+)?(?:plans?|intention)|"
    r"\b(?:false|untrue|wrong|incorrect|inaccurate|fake|misleading)\s+(?:article|story|stories|"
    r"reports?|claims?)\b",
    (
        "not",
        "did",
        "does",
        "do",
        "has",
        "have",
        "had",
        "false",
        "untrue",
        "wrong",
        "incorrect",
        "inaccurate",
        "fake",
        "misleading",
        "plan",
        "intention",
    ),
)
# A report called wrong, however long its clause: "The report that X was close to a deal with
# Y is wrong", "claims of a merger were completely false".
_REPORT_IS_WRONG = lang.Gated(
    r"\b(?:reports?|claims?|story|stories|speculation|rumou?rs?|article)\b[^.;]{0,160}?\b"
    r"(?:is|was|are|were)\s+(?:(?:completely|simply|totally|entirely|just|plainly)\s+)?"
    r"(?:wrong|false|incorrect)\b",
    ("wrong", "false", "incorrect"),
)
# Talks that ended without a deal, told in the past: "did not reach an agreement", "failed to
# agree"; not "have not yet reached" (they go on).
_FAILED_TO_AGREE = lang.Gated(
    r"\b(?:did\s+not|didn't|failed\s+to|could\s+not|couldn't|(?:was|were)\s+unable\s+to)\s+"
    r"(?:reach|strike|agree|clinch|seal|conclude|finali[sz]e|come\s+to)\b",
    ("did", "failed", "could", "was", "were"),
)
# A bid, offer or proposal withdrawn: "withdrew its offer for a stake in X".
_WITHDRAWN = lang.Gated(
    r"\b(?:withdr(?:ew|aws?|awn|awing)|(?:took|takes?|taking)\s+back)\s+(?:its|their|the|a|his|"
    r"her)\s+(?:[\w$€£¥.,%-]+\s+){0,4}?(?:offer|bid|proposal|approach)s?\b",
    ("withdr", "took", "take", "taking"),
)
# An approach turned away: "rejected X's approach", "rebuffed an offer from X".
_REBUFFED = lang.Gated(
    r"\b(?:reject(?:s|ed|ing)?|rebuff(?:s|ed|ing)?|turn(?:s|ed|ing)?\s+down|spurn(?:s|ed|ing)?|"
    r"snub(?:s|bed|bing)?)\s+(?:[\w'’]+\s+){0,3}?(?:approach(?:es)?|offers?|bids?|proposals?|"
    r"overtures?|advances)\b",
    ("reject", "rebuff", "turn", "spurn", "snub"),
)
# A partnership broken up or dissolved: "the reason for breaking up the alliance".
_BROKEN_UP = lang.Gated(
    r"\b(?:break(?:s|ing)?|broke|broken)\s+up\s+(?:the|their|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:alliance|partnership|tie-?up|venture|cooperation|collaboration)\b|"
    r"\bdissolv(?:e|es|ed|ing)\s+(?:the|their|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:alliance|partnership|tie-?up|cooperation|collaboration)\b",
    ("break", "broke", "dissolv"),
)
# "the talks ultimately went nowhere": ended without an end word.
_CAME_TO_NOTHING = lang.Gated(
    r"\b(?:talks|negotiations|discussions|deal|partnership|plans?|efforts?)\b[^.;]{0,40}?\b"
    r"(?:went|go|goes|led|leads)\s+nowhere|\b(?:came|come|comes)\s+to\s+(?:nothing|naught)\b",
    ("nowhere", "nothing", "naught"),
)
# "talks with the partners were continuing": a party's word that talks go on.
_ONGOING = lang.Gated(
    r"\b(?:talks|negotiations|discussions)\b[^.;]{0,100}?\b(?:were|are|is|was|remain|remained)\s+"
    r"(?:still\s+)?(?:continuing|ongoing|under\s*way|in\s+progress)\b",
    ("continuing", "ongoing", "under", "underway", "progress"),
)


# The purpose of a thing a party will do: "will invest $4.3 billion to set up a venture".
_PURPOSE_OF_A_WILL = re.compile(
    r"\b(?:will|shall)\s+(?:also\s+|jointly\s+|together\s+)?(?:invest|spend|put|pay|pour|"
    r"commit|provide|contribute)\b[^,;:]{0,60}?\bto\s+$",
    re.IGNORECASE,
)


_ANNOUNCED_PLAN = frozenset(("plans", "plan", "intends", "intend"))


@per_article
def _triggers(text):
    """(start, end, kind) for every phrase that can name a counterpart; kind is "agreed",
    "talk", "noun" (a partnership noun alone) or "status" (a confirmation, denial or end)."""
    found = []
    for match in lang.AGREE.finditer(text):
        if _PERMITTED.search(text, max(0, match.start() - 80), match.start()):
            kind = "agreed"  # "were given permission to set up an alliance"
        elif (
            _PLANNED.search(_REPORTED_WILL.sub("", match.group()))
            or _agrees_to_talk(text, match)
            or (
                match.group().lower().startswith("sign")
                and _SIGNED_TO_STUDY.match(text, match.end())
            )
            or _DEAL_TALKS.match(text, match.end())
        ):
            kind = "talk"
        elif not lang.not_done(before := lang.last_words(text, match.start())):
            kind = "agreed"
        elif lang.future(before) or _PURPOSE_OF_A_WILL.search(text, 0, match.start()):
            kind = "future"
        elif before[-1:] == ["to"] and _ANNOUNCED_PLAN.intersection(before[-3:]):
            kind = "plan"  # "plans to create a joint venture with X": decided if a party says so
        else:
            kind = "talk"
        found.append((match.start(), match.end(), kind))
    joint = [
        *_JOINT_WORK.finditer(text),
        *_NEW_COMPANY.finditer(text),
        *_MERGE_ALONE.finditer(text),
        *_OTHER_DEAL.finditer(text),
        *_WORK_AS_PAIR.finditer(text),
        *_WORKS_WITH.finditer(text),
        *(
            match
            for match in (_SUPPLY_DEAL.finditer(text) if "suppl" in text else ())
            # "a partnership under which it would supply X": the deal noun governs
            if not _UNDER_WHICH.search(text, max(0, match.start() - 40), match.start())
            # "supply vans to X under an agreement with Y": the agreement's party is the pair
            and not _AGREEMENT_WITH.search(text, match.end())
        ),
    ]
    if "co-" in text or "Co-" in text:
        joint += _CO_WORK.finditer(text)
    for match in joint:
        if not any(s < match.end() and match.start() < e for s, e, _ in found):
            kind = _joint_kind(lang.last_words(text, match.start(), 6))
            if kind:
                found.append((match.start(), match.end(), kind))
    for match in _TALKING_TO.finditer(text):
        found.append((match.start(), match.end(), "talk"))
    for match in _WORKING_WITH.finditer(text):
        if not any(s < match.end() and match.start() < e for s, e, _ in found):
            found.append((match.start(), match.end(), "agreed"))
    for match in _CHOSEN.finditer(text):
        if not any(s < match.end() and match.start() < e for s, e, _ in found):
            found.append((match.start(), match.end(), "agreed"))
    for pattern, kind in ((lang.TALK, "talk"), (_NOUN_WITH, "noun"), (_JOIN_FORCES, "talk")):
        for match in pattern.finditer(text):
            if _DISCUSS_VERB.match(match.group()) and not _ABOUT_WORKING_TOGETHER.search(text):
                continue  # "executives discussed the future of battery swapping"
            if not any(s < match.end() and match.start() < e for s, e, _ in found):
                negated = _NEGATED_TALK.search(text, max(0, match.start() - 60), match.start())
                if kind == "talk" and negated:
                    kind_here = "refused"  # "is not negotiating with X", "never held talks"
                elif kind == "noun" and _PROSPECT.intersection(
                    lang.last_words(text, match.start(), 4)
                ):
                    kind_here = "talk"  # "is open to a partnership with X": weighed, not made
                else:
                    kind_here = _will_work_together(text, match, kind)
                found.append((match.start(), match.end(), kind_here))
    talk_starts = [s for s, _, kind in found if kind == "talk"]
    if _DONE.search(text):  # "Volkswagen's stake in Xpeng has now closed"
        sales = [m.span() for m in _SELL.finditer(text)]
        for match in _STAKE_IN.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in sales):
                continue  # "completed the sale of its stake in X to Y": the sale's pair is Y
            if not any(s < match.end() and match.start() < e for s, e, _ in found):
                found.append((match.start(), match.end(), "buy:agreed"))
    for pattern in (_ACQUIRE, _SELL):
        for match in pattern.finditer(text):
            if match.group().startswith("invest") and not _TO_INVEST.search(
                text, max(0, match.start() - 30), match.start()
            ):
                continue  # "had already invested in X", "keeps investing in X": history
            if not any(s < match.end() and match.start() < e for s, e, _ in found):
                kind = _buying_kind(text, match)
                if any(start < match.start() for start in talk_starts):
                    kind = "talk"  # "in discussions about merging with X": the talks govern
                found.append((match.start(), match.end(), "buy:" + kind))
    for match in _WITHDRAWN.finditer(text):  # "withdrew its offer for X"
        if not any(s < match.end() and match.start() < e for s, e, _ in found):
            found.append((match.start(), match.end(), "status"))
    if lang.TOPIC.search(text):
        for pattern, negation in (
            (lang.END, _not_ended),
            (lang.DENY, lang.not_denied),
            (lang.CONFIRM, lang.not_confirmed),
        ):
            for match in pattern.finditer(text):
                overlaps = any(s < match.end() and match.start() < e for s, e, _ in found)
                if not overlaps and _live(negation, text, match):
                    found.append((match.start(), match.end(), "status"))
    return sorted(found)


def _word_set(text):
    return frozenset(text.split())


# An end only weighed: "to discuss possibly calling off the talks", "thinking of ending it".
_END_WEIGHED = _word_set(
    """possibly potentially considering consider considers thinking think thinks mulling mull
    mulls weighing weigh weighs discuss discussing may might could whether
    threatened threatens threaten threatening seek seeks seeking sought urged urges demanded
    demands reportedly thought believed rumoured rumored"""
)


# Buying into, taking over or merging with a company: a deal between buyer and target.
_STAKE_NOUN = r"(?:stakes?|holdings?|shareholdings?|interests?|shares|equity)"
_ACQUIRE = lang.Anchored(
    r"\b(?:(?:acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|tak(?:e|es|ing)|took|"
    r"build(?:s|ing)?\s+up|built\s+up|rais(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|"
    r"get|gets|getting|got|receiv(?:e|es|ed|ing)|pick(?:s|ed|ing)?\s+up|snap(?:s|ped|ping)?\s+up|"
    r"secur(?:e|es|ed|ing)|obtain(?:s|ed|ing)?)\s+"
    r"(?:[\w.,%$€£¥-]+\s+){0,6}?" + _STAKE_NOUN + r"\s+(?:in|of|from)|"
    r"(?:pa(?:y|ys|id|ying)|spen(?:d|ds|t|ding))\s+[^;]{0,80}?\b(?:for|on)\s+(?:a|an|the|its)\s+"
    r"(?:[\w.,%-]+\s+){0,4}?" + _STAKE_NOUN + r"\s+in|"
    r"(?:acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|"
    r"tak(?:e|es|ing)\s+over|took\s+over|buy(?:s|ing)?\s+into|bought\s+into|"
    r"merg(?:e|es|ed|ing)\s+with|(?:full\s+)?control\s+of|(?:takeover|acquisition|purchase|"
    r"buyout)\s+of|(?:led|leads|leading|joined|joins|participated\s+in)\s+(?:a|an|the|its)\s+"
    r"(?:[\w.,$€£¥-]+\s+){0,4}?(?:funding|financing|investment|fundraising)\s+round\s+"
    r"(?:in|for|of)|rais(?:e|es|ed|ing)\s+[^;]{0,80}?\bfrom(?:\s+(?:an?\s+)?(?:affiliate|unit|"
    r"subsidiary|arm|fund)\s+of)?)|"
    # "plans to invest in Ampere", "will invest up to 600 million euros in it" (_TO_INVEST)
    r"invest\s+(?:[\w.,%$€£¥()-]+\s+){0,6}?in(?:to)?)\b",
    (
        "invest",
        "acquir",
        "buy",
        "bought",
        "purchas",
        "tak",
        "took",
        "build",
        "built",
        "rais",
        "increas",
        "get",
        "got",
        "receiv",
        "pick",
        "snap",
        "secur",
        "obtain",
        "pay",
        "paid",
        "spen",
        "merg",
        "full",
        "control",
        "takeover",
        "acquisition",
        "buyout",
        "led",
        "lead",
        "joined",
        "joins",
        "participated",
    ),
)
# Investing told as a decision or a plan: "will invest", "plans to invest", "agreed to invest".
# "will together invest", "would each invest": investors named together, each a party.
_TO_INVEST = re.compile(
    r"\b(?:will|would|to)\s+(?:also\s+|jointly\s+|further\s+|together\s+|collectively\s+|"
    r"each\s+)?$",
    re.I,
)
# Selling a stake or a business to a company: a deal between seller and buyer.
_SELL = lang.Anchored(
    r"\b(?:s(?:ell|ells|elling|old)|sale\s+of)\s+(?:[\w.,%$€£¥'’-]+\s+){0,8}?(?:stake|holding|"
    r"shareholding|interest|shares|equity|unit|business|division|operations|plants?|factory|"
    r"factories|brand|subsidiary|site|complex|facility|facilities|assets|arm|venture|percent|"
    r"per\s+cent)\s+(?:[\w'’-]+\s+){0,4}?to\b",
    ("sell", "sold", "sale"),
)
# Before a buying verb: it is wanted, weighed or talked about, not done.
_NOT_YET = _word_set(
    """possibly potentially considering consider considers mull mulls mulling weighing weigh
    weighs exploring explore explores seeking seek seeks eyeing eyes wants want wanted may
    might could about on over whether of talks interested looking hopes hope bid offer
    proposal proposed interest"""
)
_INTENDS = _word_set("plans plan planned planning intends intend intended aims aim aiming")
_DECIDED_TO = _word_set(
    "agreed agrees agree decided decides signed will deal agreement pact contract accord"
)
# A direct object: the company bought comes within a few words ("acquire rival X").
_DIRECT_BUY = re.compile(r"(?:acquir\w*|buy\w*|bought|purchas\w*|over|into|with)$", re.IGNORECASE)
_SELLER_AFTER = re.compile(r"\s*(?:,\s*)?from\s+(?:its\s+|the\s+)?(?:[\w-]+\s+){0,2}$")


_RAW_WORD = re.compile(r"[\w']+")
# "buy as much as 5% of X", "acquire another 20 percent of X": the amount before the company.
_QUANTITY_GAP = re.compile(
    rf"\s*(?:(?:{APPROXIMATELY}|another|a\s+further|an\s+additional|a|an)\s+)?"
    r"(?:[\d.,-]+\s*(?:%|pc|per\s*cent|percent)|"
    r"majority|minority|controlling)?\s*(?:stake\s+)?(?:of|in)?\s+(?:the\s+)?",
    re.IGNORECASE,
)
_WEIGHED = _word_set("would could options option possible structures if whether unless")


_DONE = re.compile(
    r"\b(?:has|have|had|was|were)\s+(?:now\s+|been\s+|formally\s+|officially\s+)*"
    r"(?:closed|completed|finali[sz]ed)\b",
    re.IGNORECASE,
)
_STAKE_IN = re.compile(r"\b(?:stake|holding|investment|shareholding)\s+in\b", re.IGNORECASE)
_WORKING_TOGETHER = re.compile(r"(?:partner|team|cooperate|collaborate|work|join)", re.IGNORECASE)
# "is partnering with X", "have been collaborating with X": a partnership under way.
_WORKING_WITH = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:(?:already|also|now|"
    r"closely|jointly)\s+)*(?:partnering|collaborating|cooperating|co-operating|teaming\s+up|"
    r"joining\s+forces)\s+with\b",
    re.IGNORECASE,
)
# A company chosen for a job: "picked X as its partner", "picks X as battery partner" (a
# headline drops the article), "has tapped X to build its cars".
_CHOSEN = lang.Gated(
    r"\b(?:picked|picks|chose|chosen|chooses|selected|selects|tapped|taps)\b(?=\s+[A-Z][^,;.]{0,50}?"
    r"\s+(?:as\s+(?:(?:its|their|a|an|the)\s+)?(?:[\w-]+\s+){0,2}?(?:partner|supplier|"
    r"manufacturer|investor)|to\s+(?:build|make|supply|develop|produce|manufacture|assemble)\b))",
    ("pick", "chose", "choos", "select", "tap"),
)
# Doing a thing jointly: "will build a battery plant together", "plan to jointly develop",
# "explore co-developing"; the subjects are the pair, or the company after "with".
_JOINT_WORK = lang.Gated(
    r"\b(?:build|develop|produc|make|making|made|design|creat|invest|work|launch|research|"
    r"manufactur|operat|run|set\s+up|form|pursu|market|explor|stud|sell|sold|built)\w*\s+"
    r"(?:[\w'’$€£¥.,%-]+\s+){0,6}?together\b(?!\s+with)|"
    r"\bjointly\s+(?:build|develop|produc|make|design|creat|invest|launch|research|"
    r"manufactur|operat|set\s+up|form|pursu|market|explor|stud)\w*",
    ("together", "jointly"),
)
# Working together told by its verb without "with": "X and Y will cooperate on batteries",
# "are partnering to build chargers", "could collaborate in software"; the subjects are the pair.
_WORK_AS_PAIR = lang.Gated(
    r"\b(?:(?<=will\s)|(?<=would\s)|(?<=to\s)|(?<=are\s)|(?<=were\s)|(?<=also\s)|(?<=could\s)|"
    r"(?<=may\s)|(?<=might\s))partner(?:ing)?\s+(?:closely\s+)?(?:on|in|to|for)\b|"
    # not "talks on how to cooperate on X", the talks' topic
    r"(?<!how\sto\s)(?<!whether\sto\s)(?<!ways\sto\s)\b(?:co-?operat|collaborat)(?:e|es|ing)\s+"
    r"(?:closely\s+)?(?:on|in|to|for)\b",
    ("partner", "cooperat", "co-operat", "collaborat"),
)
# Working with a company told in the simple tenses the talk words miss: "X cooperates with Y",
# "ties up with", "linked up with"; its kind from the words before it.
_WORKS_WITH = lang.Gated(
    r"\b(?:co-?operates|collaborates|(?:ties|tied|tie|tying|links|linked|link|linking)"
    r"\s+up)\s+with\b",
    ("cooperates", "co-operates", "collaborates", "tie", "tied", "tying", "link"),
)
# Founding a company, which two founders share: "X and Y set up a new company".
_NEW_COMPANY = lang.Gated(
    r"\b(?:set(?:s|ting)?\s+up|form(?:ed|s|ing)?|establish(?:ed|es|ing)?|creat(?:e|ed|es|ing)|"
    r"found(?:ed|s|ing)?)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:company|firm|entity|business)\b",
    ("set", "form", "establish", "creat", "found"),
)
# "X and Y to merge", "X and Y will merge in 2026": merging names its parties as subjects.
_MERGE_ALONE = lang.Gated(r"\bmerg(?:e|es|ed|ing)\b(?!\s+(?:with|its|their|the))", ("merg",))
# Agreements the deal nouns do not name: "signed a term sheet", "a business integration".
_OTHER_DEAL = lang.Gated(
    r"\b(?:sign(?:ed|s|ing)?|agree(?:d|s)?\s+(?:on|to)|reach(?:ed|es)?|ink(?:ed|s)?|"
    r"execut(?:ed|es))\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?['‘\"“]?(?:term\s+sheet|heads\s+of\s+terms|"
    r"(?:business|capital|management)\s+integration)\b",
    ("sign", "agree", "reach", "ink", "execut"),
)
# A supply deal one company makes with another: "will supply Toyota with", "agreed to supply
# engines to Mazda".
_SUPPLY_DEAL = lang.Gated(
    r"(?:(?<=\bwill\s)|(?<=\bwould\s)|(?<=\bto\s)|(?<=\bshall\s)|(?<=\balso\s))supply\b",
    ("supply",),
)
_AGREEMENT_WITH = re.compile(
    r"\b(?:agreement|deal|contract|pact|partnership|accord)\s+with\b", re.IGNORECASE
)
_UNDER_WHICH = re.compile(r"\b(?:under\s+which|whereby|in\s+which)\b[^,;]*$", re.IGNORECASE)
_CO_WORK = re.compile(
    # not "its co-investor X", a fellow investor
    r"\bco-(?:develop|produc|invest(?!ors?\b)|build|design|creat|operat|manufactur|fund|found)\w*",
    re.IGNORECASE,
)
_JOINT_NOT_YET = _word_set(
    """explore explores exploring consider considers considering study studying studies could
    may might whether possible possibly potential potentially discuss discussing talks hope
    hopes mull mulling weigh weighing evaluate evaluating"""
)


def _joint_kind(before):
    """The trigger kind of a thing done jointly, from the words before its verb."""
    if any(word in ("not", "never") or word.endswith("n't") for word in before[-3:]):
        return None
    if any(word in _JOINT_NOT_YET for word in before):
        return "talk"
    if any(word in _INTENDS or word in ("will", "would") for word in before):
        return "future"
    return "agreed"


# "X and Y could join forces": the subjects are the pair ("join forces with X" is a talk word).
_JOIN_FORCES = re.compile(r"\bjoin(?:s|ing)?\s+(?:forces|hands)\b(?!\s+with)", re.IGNORECASE)
# "is talking to X", "have been speaking with X": talks the verb's own tense tells of.
_TALKING_TO = lang.Gated(r"\b(?:talking|speaking)\s+(?:to|with)\b", ("talking", "speaking"))
# A talk verb its clause negates: "is not negotiating with X", "have never held talks with X",
# "has not had any discussions with X"; not "did not comment on talks with X".
_NEGATED_TALK = re.compile(
    r"\b(?:not|never|n't)\s+(?:(?:currently|yet|ever|been|in|any|held|holding|having|had|have|"
    r"conducted|conducting|engaged|formal|official|such|direct|actively|presently|now)\s+){0,3}$",
    re.IGNORECASE,
)
# Words that make the deal noun after them a prospect: "open to a tie-up with X", "options
# including an alliance with X", "will decide on a venture with X", "the possibility of ...".
_PROSPECT = _word_set(
    "open options option possibility possibilities prospect prospects chance idea interested "
    "decide whether seeking seek seeks hopes hoping"
)
_MODAL_ADVERB = _word_set("also jointly closely further now then")


def _will_work_together(text, match, kind):
    """ "will cooperate with Yinwang", "said it would partner with X": a decision said in the
    future, not talks."""
    if kind == "talk" and _WORKING_TOGETHER.match(match.group()):
        before = lang.last_words(text, match.start(), 2)
        if before and before[-1] in _MODAL_ADVERB:
            before = before[:-1]
        if before and before[-1] in ("will", "would"):
            return "future"
    return kind


# "X on Tuesday took control of Y", "agreed on Friday to sell it": the day of the deal, not
# what talks are on ("talks on buying X").
_ON_A_DAY = re.compile(r"\bon\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def _buying_kind(text, match):
    """ "agreed" for a purchase done or decided, "future" for one a party says it will make,
    "talk" for one wanted, weighed or reported as planned."""
    # "In May it agreed to acquire": the month is no modal.
    if _PERMITTED.search(text, max(0, match.start() - 80), match.start()):
        return "agreed"  # "is waiting for approval to buy X": a deal regulators are to clear
    said_before = _ON_A_DAY.sub(" ", text[max(0, match.start() - 60) : match.start()])
    raw = _RAW_WORD.findall(said_before)
    before = [word.lower() for word in raw if word != "May"][-4:]
    if any(word in _NOT_YET for word in before[-3:]):
        return "talk"
    if any(word in _INTENDS for word in before[-3:]):
        return "future"  # "the Company intends to acquire": a party's plan is its decision
    if lang.future(before):
        return "future"  # "said it would buy": a party's word decides, others' is talk
    if any(word in _WEIGHED for word in lang.last_words(text, match.start(), 10)):
        return "talk"  # "one of the options would involve X taking a stake in Y"
    if before and before[-1] == "to":
        if before[-2:-1] in (["is"], ["are"]) or before[-3:-1] in (["is", "set"], ["are", "set"]):
            return "future"  # "VW is to buy shares from Ford", "is set to invest": scheduled
        return "agreed" if any(word in _DECIDED_TO for word in before[:-1]) else "talk"
    if lang.future(before):
        return "future"
    if lang.not_done(before):
        return "talk"
    return "agreed"


def _in_aside(actor, asides):
    return any(start <= actor.start and actor.end <= end for start, end in asides)


BOTH = "both parties"
SALE = "sale of shares"
# An investor and what it will put money into: a pair, but not whom a later "the two
# companies" stands for ("Nissan and Mitsubishi plan to invest in Ampere. The two groups ...").
INVESTED = "investment"
_WOULD = re.compile(r"\bwould\b|\bcould\b|\bmay\b|\bmight\b")
# "X announced it would set up a venture with Y": a party's "will", told in the past.
_REPORTED_WILL = re.compile(
    r"\b(?:announced|confirmed|said|stated)\s+(?:that\s+)?(?:it|they|the\s+\w+)\s+would\b",
    re.IGNORECASE,
)
_SAID_TO_BE = re.compile(r"\s+to\s+(?:be|have)\b")


_ANOTHER_NAME = re.compile(r"\s*,\s*(?:[A-Z][\w.&'’-]*\s+){1,3}")


def _speaker(body, actors, sentence):
    """The company that says what the sentence reports ("Chery said", "according to Chery",
    "a Xiaomi spokesperson told Reuters"), BOTH for "the companies said", else None."""
    text = sentence.text
    for match in lang.SPEECH.finditer(text):
        if _SAID_TO_BE.match(text, match.end()):
            continue  # "Apple is said to be unhappy": hearsay about Apple
        if lang.TWO_PARTIES.present(text) and _PAIR_SPEAKS.search(text, 0, match.start()):
            return BOTH
        if government := _state_speaks(text, match, actors):
            return government
        verb_start = sentence.start + match.start()
        verb_end = sentence.start + match.end()
        before = [a for a in actors if a.end <= verb_start and verb_start - a.end <= 50]
        if before and not match.group().lower().startswith("according"):
            gap = body[before[-1].end : verb_start]
            if _ANOTHER_NAME.fullmatch(gap):
                continue  # "... with Honda, TV Tokyo said": someone else speaks
            if len(gap.split()) <= 5 and not _SPEAKER_GAP_STOP.search(gap):
                chain = _subject_chain(body, [a for a in actors if a.end <= verb_start])
                if len(_unique(chain)) > 1 and _opens(body, sentence, chain[0], actors):
                    return BOTH  # "Nissan, Honda and Mitsubishi said": each speaks
                return before[-1].company
        after = [a for a in actors if a.start >= verb_end and a.start - verb_end <= 45]
        if after:
            gap = body[verb_end : after[0].start]
            if len(gap.split()) <= 5 and not _SPEAKER_GAP_STOP.search(gap):
                return after[0].company
    return None


# One who speaks for a state: "talks are going well, the trade minister told reporters",
# "President Lee said"; not a company's "its president said".
_STATE_OFFICIAL = re.compile(
    r"(?:\b(?:prime\s+minister|premier|minister|ministry|chancellor|"
    r"government\s+(?:officials?|spokes\w+))|(?<!['’]s\s)(?-i:\bPresident))\b[^.;:]{0,60}$",
    re.IGNORECASE,
)


def _state_speaks(text, match, actors):
    """The one government the sentence names, when one who speaks for a state says it."""
    if not _STATE_OFFICIAL.search(text, max(0, match.start() - 80), match.start()):
        return None
    governments = {a.company for a in actors if a.company.endswith(" government")}
    return governments.pop() if len(governments) == 1 else None


def _opens(body, sentence, actor, actors):
    """The actor opens its sentence: no company and at most four words before it."""
    words = body[sentence.start : actor.start].split()
    return len(words) <= 4 and not any(a.start < actor.start for a in actors)


def _subject_chain(body, candidates):
    chain = [candidates[-1]]
    for earlier in reversed(candidates[:-1]):
        if earlier.start == chain[0].start:  # "the two companies": both stand there
            chain.insert(0, earlier)
            continue
        gap = body[earlier.end : chain[0].start]
        if not (_LIST_JOIN.match(gap) and _JOINED.search(gap)):
            break
        chain.insert(0, earlier)
    return chain


def _is_modifier(body, actor):
    before = body[max(0, actor.start - 10) : actor.start]
    return bool(_MODIFIER_BEFORE.search(before) and _MODIFIER_AFTER.match(body, actor.end))


def _is_topic(body, trigger_end, actor):
    """ "talks on Bugatti's future": the company's thing is what is discussed."""
    return bool(
        _TOPIC_BEFORE.search(body, trigger_end, actor.start) and _OF_A_THING.match(body, actor.end)
    )


_NOT_A_PARTY_BEFORE = re.compile(
    "|".join(f"(?:{p.pattern})" for p in (_SHARES_OF, _NAMED_AS, _COMPARED)), re.IGNORECASE
)


def not_a_party(body, actor):
    """A company named only to describe another one, a thing or a venture the parties form."""
    if _DESCRIBES_NEXT.match(body, actor.end) or _SECURITY.search(actor.company):
        return True
    if _APPOSITIVE_CLOSES.match(body, actor.end) and _VENTURE_BEFORE.search(
        body, max(0, actor.start - 30), actor.start
    ):
        return True  # "formed a joint venture, Leapmotor International, in which ..."
    before = body[max(0, actor.start - 40) : actor.start]
    if _CREATED.search(before) or (
        _OWNER_APPOSED.search(body, max(0, actor.start - 80), actor.start)
        and _APPOSITIVE_CLOSES.match(body, actor.end)
    ):
        return True  # "signed an agreement to create Sony Honda Mobility", "Hino, part of Toyota,"
    if _OWNER_IN_APPOSITIVE.match(body, actor.end) and _APPOSITIVE_OPENS.search(before):
        return True  # "BJEV, a BAIC Group subsidiary,": BAIC describes BJEV
    if _VENUE_BEFORE.search(before) or _TICKER_AFTER.match(body, actor.end):
        return True  # "said in a filing to the Shanghai Stock Exchange", "(NYSE: VNE)"
    if _EXCHANGE.search(actor.company):
        return True  # "JAC told the Shanghai stock exchange": where a company files, no partner
    words = _WORD.findall(before.lower())[-4:]
    return bool(_BEFORE_CUES.intersection(words)) and bool(_NOT_A_PARTY_BEFORE.search(before))


# A security written in capitals, not a company: "Compulsorily Convertible Preference Shares".
_SECURITY = re.compile(r"\s(?:Shares|Bonds|Debentures|Notes|Warrants|Stock)$")
# Where a company files or trades, not whom it deals with: "in a filing to the Shanghai Stock
# Exchange", "a statement with the exchange", "listed on Nasdaq"; a ticker's exchange "(NYSE: X)".
_VENUE_BEFORE = re.compile(
    r"\b(?:(?:fil(?:ing|ings|ed|es)|disclosures?|notices?)\s+(?:to|with)"
    r"|(?:listed|listing|trade[sd]?|trading)\s+(?:on|in))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_TICKER_AFTER = re.compile(r"\s*:\s*[A-Z0-9]")
# A stock exchange, where deals are filed and shares trade: never a party to one.
_EXCHANGE = re.compile(r"\bStock\s+Exchange$|^(?:NYSE|Nasdaq|HKEX)$")
# The company a deal creates, named as the object of its verb: "to create Sony Honda Mobility",
# "merged to form Stellantis".
_CREATED = re.compile(
    r"\b(?:creat(?:e|es|ed|ing)|form(?:s|ed|ing)?|establish(?:es|ed|ing)?|set(?:s|ting)?\s+up)\s+$",
    re.IGNORECASE,
)
# The owner named in an aside about the one before it: ", part of Toyota,", ", a unit of X,";
# ", a BAIC Group subsidiary,".
_OWNER_APPOSED = re.compile(
    r",\s+(?:(?:now\s+)?part|(?:a|an|the|its)\s+(?:[\w-]+\s+){0,3}?(?:unit|subsidiary|division|"
    r"affiliate|arm|member))\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:(?:company|group|firm|"
    r"conglomerate|carmaker|automaker|giant|maker)\s+)?$",
    re.IGNORECASE,
)
_APPOSITIVE_OPENS = re.compile(r",\s+(?:a|an)\s+$", re.IGNORECASE)
_OWNER_IN_APPOSITIVE = re.compile(
    r"(?:\s+(?:Group|Co|Corp|Holdings?))?\s+(?:wholly[\s-]owned\s+)?(?:subsidiary|unit|"
    r"affiliate|arm|division)\s*[,)]"
)
# The name a venture noun is given in apposition: "a joint venture, X, ...", "the new
# company (X)".
_VENTURE_BEFORE = re.compile(
    r"\b(?:joint[\s-]+venture|JV|venture|(?:new|joint)\s+(?:company|entity|firm|brand)|"
    r"alliance|consortium)\s*(?:,|\()\s*(?:called\s+|named\s+|dubbed\s+)?[\"“']?$",
    re.IGNORECASE,
)
_APPOSITIVE_CLOSES = re.compile(r"[\"”']?\s*(?:[,)]|\.(?:\s|$)|$)")
_WORD = re.compile(r"[a-z]+")
# A word that must be among the last few before a company for _NOT_A_PARTY_BEFORE to match.
_BEFORE_CUES = _word_set(
    """shares stock maker makers owner parent producer manufacturer owns controls makes named
    called dubbed branded known like unlike than versus vs beat beats beating outsell outsells
    outselling outsold overtake overtaking against take taking compete competing"""
)


_PAIR_MARKS = ("-", "–", "/")


def _without_modifiers(body, parties):
    """ "GM Cruise", "Toyota Tsusho", "SK Innovation's SK On": a name right before another name
    describes it; not in "the FAW/Refire venture" nor in "Renault's Nissan stake"."""
    return [
        actor
        for actor, following in zip(parties, [*parties[1:], None], strict=False)
        if not (
            following
            and following.named
            and (
                (
                    0 <= following.start - actor.end <= 1
                    and body[actor.end : following.start] not in _PAIR_MARKS
                )
                or (
                    body[actor.end : following.start] in ("'s ", "’s ")
                    and not _HELD_AFTER.match(body, following.end)
                )
            )
        )
    ]


# "Renault's Nissan stake": what the first company holds in the second.
_HELD_AFTER = re.compile(
    r"(?:\s+[\w-]+)?\s+(?:stakes?|shares|holdings?|interests?|shareholding)\b", re.IGNORECASE
)


_RELATIVE = re.compile(r"\W*(?:which|who|whose)\b", re.IGNORECASE)
_RESTATED = re.compile(r"\s*\(\s*['\"‘“]?")


# A company followed by its own verb opens a new clause, it ends a list of counterparts.
_OWN_CLAUSE = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:put|puts|bought|buys|invested|invests|acquired|acquires|paid|pays|"
    r"took|takes|signed|signs|said|says|announced|announces)\b"
)


def _counterparts(body, trigger_end, after):
    after = [a for a in after if not _is_modifier(body, a) and not _is_topic(body, trigger_end, a)]
    # "Nissan Motor ('Nissan') and Honda": the name in brackets restates the one before.
    after = [
        a
        for i, a in enumerate(after)
        if not (
            i
            and after[i - 1].company == a.company
            and _RESTATED.fullmatch(body, after[i - 1].end, a.start)
        )
    ]
    if not after:
        return [], ""
    gap = body[trigger_end : after[0].start]
    if len(_BRACKETS.sub("", gap).split()) > 12 or _CLAUSE_BREAK.search(gap):
        return [], gap
    chain = [after[0]]
    for later in after[1:]:
        between = _BRACKETS.sub("", body[chain[-1].end : later.start])  # "X ('Nissan') and Y"
        if not _LIST_JOIN.match(between):
            break
        if _OWN_CLAUSE.match(body, later.end):
            break  # "bought a stake in Gett and GM put $500m into Lyft": GM opens a clause
        chain.append(later)
    return chain, gap


# The merger a company came out of, told to say what it is: "Stellantis, formed through the
# merger of PSA and FCA", "the group born from the 2021 merger of X and Y". The merging firms
# describe the new one: neither a deal of this report nor parties to the sentence's news.
_MERGER_ORIGIN = lang.Gated(
    r"\b(?:form(?:ed)?|creat(?:ed|ion)|born|emerged|product|result(?:ed)?|came\s+about)\s+"
    r"(?:\w+\s+){0,2}?(?:through|by|from|of|in|via|out\s+of|after)\s+(?:(?:the|a|an|its|their)\s+)?"
    r"(?:[\w-]+\s+){0,2}?merg(?:ers?\s+(?:of|between)|ing)\s+",
    ("form", "creat", "born", "emerged", "product", "result", "came"),
)

# The company whose origin is told, named just before: "Stellantis, formed ...", "Stellantis
# was created in 2021 by ...".
_ORIGIN_OF = re.compile(r"\s*,\s*(?:(?:which|that)\s+was\s+)?(?:the\s+|a\s+)?|\s+(?:was|is)\s+")


def _merger_origins(body, sentence, parties):
    """The sentence's spans telling the merger a company came from, each with its merging
    parties; the sentence's own news lies outside them."""
    if "merg" not in sentence.text:
        return [], []
    spans, merged = [], []
    for match in _MERGER_ORIGIN.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if not any(_ORIGIN_OF.fullmatch(body, a.end, start) for a in parties if a.end <= start):
            continue  # "the new group created by the merger of X and Y": the merger may be news
        chain, _ = _counterparts(body, end, [a for a in parties if a.start >= end])
        spans.append((start, chain[-1].end if chain else end))
        merged += chain
    return spans, merged


def _unique(actors):
    seen = []
    for actor in actors:
        if actor.company not in [a.company for a in seen]:
            seen.append(actor)
    return seen


# A stake being sold: the company it is held in is what changes hands, not a counterpart of the
# seller ("agreed to sell its 40% holding in the venture to ...").
_STAKE_SOLD = re.compile(
    r"\b(?:sell|sells|selling|sold|sale\s+of)\b[^,;]{0,60}?\b(?:stake|holding|shareholding|"
    r"interest|shares)\s+in\s+(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)


def _pairs_in(context, sentence, actors):
    """(subject, counterpart, trigger kind, topic) for each pair the sentence names."""
    body = context.body
    text = sentence.text
    triggers = _triggers(text)
    joined = "-" in text or "–" in text or "/" in text
    if not triggers and not joined:
        return []
    spans = lang.asides(text)
    if text.count(",") >= 2:
        spans = spans + _long_appositives(text)
    asides = [(sentence.start + start, sentence.start + end) for start, end in spans]
    parties = [a for a in actors if a.kind != "regulator" and not not_a_party(body, a)]
    parties = _without_modifiers(body, parties)
    origins, merged = _merger_origins(body, sentence, parties)
    parties = [a for a in parties if a not in merged]
    pairs = _hyphen_pairs(body, parties, text) if joined else []
    consumed = set()
    subject = None
    for start, end, kind in triggers:
        trigger_start, trigger_end = sentence.start + start, sentence.start + end
        if any(s <= trigger_start < e for s, e in origins):
            continue  # the merger that made a company, told to describe it
        if kind == "status" and _OF_A_REPORT.match(text, end):
            continue  # "dismissed speculation that X and Y were talking": the pair is X and Y
        if _HYPOTHETICAL.search(text, max(0, start - 50), start):
            continue  # "concerned about its future if PSA does buy the company"
        before = [
            a
            for a in parties
            if a.end <= trigger_start
            and not _in_aside(a, asides)
            and a not in consumed
            and not _OF_A_THING.match(body, a.end)
            and not _SUBJECT_BREAK.search(body, a.end, trigger_start)
            and not _OBJECT_OF.search(body, max(0, a.start - 30), a.start)
        ]
        if _SHARES_OPENING.match(text):
            before = []  # "Shares of X and Y rose on reports of ...": no subject
        if (owner := _OWNER_BEFORE.search(text, 0, start)) and not any(
            a.end == sentence.start + owner.end("name") for a in actors
        ):
            before, subject = [], None  # "LVMH's acquisition of Tiffany": a deal of others
        after = [a for a in parties if a.start >= trigger_end]
        after = [a for a in after if not _speaks_next(body, a)]
        counterparts, gap = _counterparts(body, trigger_end, after)
        aside = next((span for span in asides if span[0] <= trigger_start < span[1]), None)
        if (
            aside
            and counterparts
            and counterparts[0].start >= aside[1]
            and _RELATIVE.match(body, aside[0])
        ):
            counterparts = []  # "X and Y, which are in talks, face BYD": the aside ends the talk
        if not kind.startswith("buy:") and _STAKE_SOLD.search(gap):
            counterparts = []  # "agreed to sell its stake in X to Y": X is what is sold
        if _TOGETHER.match(text, start, end):
            # "X and Y jointly own Z", "will jointly develop models sold under the Z badge": Z is
            # what they share, not a party
            counterparts = []
        bought = kind.startswith("buy:")
        sellers = []
        if bought:  # the buyer and whom it buys from are the pair
            kind = kind[4:]
            direct = _DIRECT_BUY.search(text, 0, end)
            if direct and _OWNED_BY_GAP.fullmatch(gap):
                sellers = counterparts[:1]  # "buy a plant owned by X": X sells
            elif direct and len(gap.split()) > 3 and not _QUANTITY_GAP.fullmatch(gap):
                counterparts = []  # "bought 10,000 cars from X": X was not bought
            counterparts = [a for a in counterparts if not _PLANT_AFTER.match(body, a.end)]
            if _VENTURE_OF_OTHERS.search(gap):
                counterparts = []  # "stakes in the venture it launched with X": X co-owns it
            # "the acquisition of Opel, owned by GM": the owner sells, not its unit.
            counterparts = [_owner(body, a, actors) or a for a in counterparts]
            if not sellers:
                sellers = _sellers(body, counterparts[-1], after) if counterparts else []
            if text[start:end].lower().endswith("from"):
                sellers, counterparts = counterparts, []  # "buys shares from X": X sells
            counterparts += sellers
        subjects = _subject_chain(body, before) if before else ([subject] if subject else [])
        buyer = _buyer_after(body, counterparts, after) if bought and not before else None
        if buyer:
            subjects = [buyer]  # "the takeover of Dowlais by American Axle"
            counterparts = [a for a in counterparts if a is not buyer]
        if before and _UNDER_A.search(text, 0, start):
            subjects = before[:1]  # "X will supply cars to Y under an agreement with Z": X
        if subjects:
            subject = subjects[-1]
        consumed.update(counterparts)
        topic = _topic(body, counterparts[-1].end if counterparts else trigger_end, text)
        between = (
            (lang.BETWEEN.search(gap) and not (bought and _BOUGHT_OF.fullmatch(gap)))
            or _ENDS_WITH_BETWEEN.search(text, 0, end)
            or (not bought and text[end - 3 : end].lower() == " of")  # "the merger of X and Y"
        )
        if not between and counterparts:
            # "the merger of Peugeot owner PSA and ...": "of" before the describing name.
            described = [a for a in actors if trigger_end <= a.start < counterparts[0].start]
            if described:
                between = lang.BETWEEN.search(body, trigger_end, described[0].start)
        if counterparts and between and len(counterparts) > 1:
            group = _unique(counterparts)
            named = {a.company for a in parties}
            pairs += [
                (a.company, b.company, kind, topic)
                for a, b in itertools.combinations(group, 2)
                if not _one_side(context.index, a.company, b.company, named)
            ]
        elif subjects and counterparts:
            named = {a.company for a in parties}
            if text[start:end].lower().startswith("invest"):
                topic = INVESTED
            for a in _unique(subjects):
                pairs += [
                    (a.company, b.company, kind, SALE if bought and b in sellers else topic)
                    for b in _unique(counterparts)
                    if not _one_side(context.index, a.company, b.company, named)
                ]
        elif (
            len(_unique(subjects)) > 1
            and kind != "status"  # "Hyundai and Kia denied ...": not a pair by itself
            and not (bought and not _MERGE.search(text, start, end))
            and not (text[end - 4 : end].lower() == "with" or _FOLLOWED_BY_WITH.match(text, end))
        ):
            group = _unique(subjects)  # "Honda and Nissan are in talks", not "... with the union"
            pairs += [
                (a.company, b.company, kind, topic) for a, b in itertools.combinations(group, 2)
            ]
    return [pair for pair in pairs if pair[0] != pair[1]]


# "the acquisition of joint control of X by A and B": A and B take X over together.
_JOINT_CONTROL_BY = re.compile(
    r"\bjoint\s+control\s+(?:of|over)\s+[^;]{1,120}?\bby\s+", re.IGNORECASE
)


def _joint_control(context, sentence, actors):
    """The companies that acquire joint control of another, each pair of them."""
    match = _JOINT_CONTROL_BY.search(sentence.text)
    if not match:
        return []
    at = sentence.start + match.end()
    after = [a for a in actors if a.start >= at and a.kind != "regulator"]
    if not after or context.body[at : after[0].start].strip(" ,'’s"):
        return []
    chain = [after[0]]
    for actor in after[1:]:
        gap = context.body[chain[-1].end : actor.start]
        if not (_LIST_JOIN.match(gap) and _JOINED.search(gap)):
            break
        chain.append(actor)
    return [
        (a.company, b.company, "agreed", "") for a, b in itertools.combinations(_unique(chain), 2)
    ]


def _without_co_parties(context, found):
    """Without the pair of a parent and its unit (or two units of one parent) when both deal
    with one third company: "Hyundai and its affiliate Kia invested in Ola" pairs each with
    Ola, not the two affiliates with each other."""
    index = context.index

    def together(x, y):
        parent_x, parent_y = index.parent_of(x), index.parent_of(y)
        return parent_x == y or parent_y == x or (parent_x is not None and parent_x == parent_y)

    # The article's pairs so far are gathered only for a sentence that pairs two of one
    # group: gathered for every sentence, they made a long article's cost grow with its square.
    if not any(together(*pair[:2]) for pair in found):
        return found
    known = {frozenset(pair) for pair in context.talk_pairs} | {
        frozenset(found_pair[:2]) for found_pair in found
    }

    def co_parties(a, b):
        thirds = {c for pair in known if a in pair or b in pair for c in pair} - {a, b}
        return any(frozenset((a, c)) in known and frozenset((b, c)) in known for c in thirds)

    return [pair for pair in found if not (together(*pair[:2]) and co_parties(*pair[:2]))]


def _one_side(index, a, b, named):
    """A parent and its unit, or two units of one parent, when the sentence names a third
    company outside their group: they deal with it, not with each other ("Tata Sons is raising
    its stake in Tata Motors to guard the affiliate's Jaguar Land Rover unit against ...")."""

    def together(x, y):
        parent_x, parent_y = index.parent_of(x), index.parent_of(y)
        return parent_x == y or parent_y == x or (parent_x is not None and parent_x == parent_y)

    return together(a, b) and any(not together(a, c) for c in named - {a, b})


# A new clause: a company before it is not the subject of a trigger after it.
# "the purchase of X and Y (from Z)": what is bought, not a pair among themselves.
_BOUGHT_OF = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
_SUBJECT_BREAK = re.compile(
    r"\b(?:even\s+though|although|though|whereas|because|unless)\b|;", re.IGNORECASE
)
_OF_A_REPORT = re.compile(
    r"\s+(?:(?:the|a|media|recent|earlier|those|such|market)\s+)*(?:speculation|reports?|claims?|"
    r"rumou?rs?|suggestions?|stories)\s+(?:that|of|about)\b",
    re.IGNORECASE,
)
_HYPOTHETICAL = re.compile(r"\b(?:if|whether|unless)\b(?:\s+[\w'’-]+){0,6}\s*$", re.IGNORECASE)
# "It owns Swedish carmaker Volvo and bought...", "will own 50% of X and ...": the company
# owned is no subject; not "state-owned carmaker X", "privately owned X", "Tencent-backed X":
# those describe a subject.
_OBJECT_OF = re.compile(
    r"(?<!-)(?<!wholly\s)(?<!privately\s)(?<!publicly\s)(?<!partly\s)(?<!jointly\s)(?<!fully\s)"
    r"\b(?:owns?|owned|controls|controlled|acquired|bought|sold|backs|backed)\s+"
    r"(?:[\w'’%.-]+\s+){0,3}$",
    re.IGNORECASE,
)
# A name in the possessive right before the trigger: whose deal it is.
_OWNER_BEFORE = re.compile(r"(?P<name>\b[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})(?:'s|’s)\s+$")
_SHARES_OPENING = re.compile(r"\s*(?:Shares|Stocks?)\s+(?:of|in)\b")
_UNDER_A = re.compile(
    r"\b(?:under|through|via|as\s+part\s+of|by\s+way\s+of)\s+(?:a|an|the|its|their)\s+"
    r"(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


@per_article
def _long_appositives(text):
    return [match.span() for match in _LONG_APPOSITIVE.finditer(text)]


# "the Changan-Dongfeng merger", "a Geely-Renault powertrain venture".
_DEAL_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:"
    + lang.DEAL_NOUN
    + r"|acquisitions?|takeovers?|transactions?|purchases?)\b",
    re.IGNORECASE,
)


def _hyphen_pairs(body, parties, text):
    pairs = []
    for first, second in zip(parties, parties[1:], strict=False):
        if body[first.end : second.start] in ("-", "–", "/") and _DEAL_AFTER.match(
            body, second.end
        ):
            noun = _DEAL_AFTER.match(body, second.end).group().split()[-1].lower()
            pairs.append((first.company, second.company, "noun", noun))
    return pairs


# "buy a plant owned by X", "acquire the battery business of X": X sells what is bought.
_OWNED_BY_GAP = re.compile(
    r"\s*(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:plant|factory|facility|site|assets?|"
    r"business|unit|division|operations|brand|stake|holding)\s+(?:owned\s+by|(?:held\s+)?by|"
    r"of|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,5}?",
    re.IGNORECASE,
)
# "take stakes in the venture it launched with X": what is bought is the venture, X its
# co-owner.
_VENTURE_OF_OTHERS = re.compile(
    r"\b(?:joint\s+venture|venture|JV|company|entity|firm)\s+(?:(?:that|which)\s+)?"
    r"(?:it|they|\w+)\s+(?:\w+\s+)?(?:launched|formed|set\s+up|created|established|founded)"
    r"\s+(?:with|together\s+with|alongside)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "a stake in the Beijing Hyundai No. 2 plant": the company owns what is bought.
# "a stake in the Beijing Hyundai plant", "buys 7 Toyota dealerships": a site named after a
# company is what changes hands, not a party.
_PLANT_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:(?:No\.\s*\d+|new|first|second|local|\w+-based)\s+)*"
    r"(?:plant|factory|facility|site|assets?|works|dealerships?|showrooms?)\b",
    re.IGNORECASE,
)
_MERGE = re.compile(r"\bmerg", re.IGNORECASE)


_BY_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?"
    # the target described in an aside first: "the purchase of Opel, the German carmaker, by PSA"
    r"(?:,\s+(?:the|a|an|its)\s+[^,;]{1,100}?(?:\([^)]*\))?\s*)?"
    r",?\s*by\s+(?:[\w'’-]+\s+){0,3}"
    # "by a consortium led by X": the consortium's leader is the buyer named
    r"(?:(?:consortium|group)\s+(?:led|headed)\s+by\s+(?:[\w'’-]+\s+){0,4})?"
)
_BUYERS_WEIGHED = 3  # companies after the target tried as "by" its buyer (an aside may name one)


def _buyer_after(body, counterparts, after):
    """ "the takeover of X by Y": Y buys."""
    if not counterparts:
        return None
    later = [a for a in after if a.start >= counterparts[-1].end and a not in counterparts]
    for actor in later[:_BUYERS_WEIGHED]:
        if _BY_AFTER.fullmatch(body, counterparts[-1].end, actor.start):
            return actor
    return None


# What follows a company bought when its owner is told next: ", owned by X", ", at present
# owned by the American company X". Not ", a X subsidiary": X only describes it there.
_OWNED_BY_NEXT = re.compile(
    r"\s*,\s+(?:(?:currently|now|at\s+present|still|which\s+is)\s+)*(?:(?:wholly|majority|fully)"
    r"[\s-]+)?owned\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
)


def _owner(body, target, actors):
    """The company that owns the target, told in an aside right after it."""
    later = [a for a in actors if a.start >= target.end and a.company != target.company]
    if later and _OWNED_BY_NEXT.fullmatch(body, target.end, later[0].start):
        return later[0]
    return None


def _sellers(body, target, after):
    """ "a stake in X from Y": Y sells, a party to the deal too."""
    later = [a for a in after if a.start >= target.end]
    if later and _SELLER_AFTER.fullmatch(body, target.end, later[0].start):
        return [later[0]]
    return []


def _speaks_next(body, actor):
    """ "..., Nio said": the company speaks; "..., Nio, according to sources": it does not."""
    at = _skip_space(body, actor.end)
    speech = lang.SPEECH.match(body, at)
    if speech and "," in body[actor.end : at] and _PARTICIPLE.match(speech.group()):
        return False  # "its partnership with Baidu, announced last year,": of the partnership
    return bool(speech) and not speech.group().lower().startswith("according")


_PARTICIPLE = re.compile(r"announced|confirmed|acknowledged|stated|noted", re.IGNORECASE)


def _skip_space(body, at):
    while at < len(body) and body[at] in " ,":
        at += 1
    return at


def _topic(body, after, sentence_text):
    match = _TOPIC_AFTER.match(body, after)
    if match:
        return match.group("topic").strip()
    noun = _DEAL_NOUN.search(sentence_text)
    return noun.group().lower() if noun else ""


def find_talks(context, position, actors):
    """Talk facts of one running sentence; also moves the status of pairs reported earlier in
    the article when the sentence confirms, denies or ends them without naming both."""
    sentence = context.sentences[position]
    text = sentence.text
    if _QUOTE_MARK.search(text):
        actors = _with_quoted_we(context, sentence, actors)
    if lang.TWO_PARTIES.present(text):
        actors = _with_the_two(context, sentence, actors)
    two = len({a.company for a in actors if a.kind != "regulator"}) >= 2
    _remember_unnamed_counterparts(context, position, actors)
    group = _group_named(context, position)
    if (
        not two
        and not group
        and not lang.TWO_PARTIES.search(text)
        and not _moves_a_status(text)
        and not _continues_unnamed(context, position)
        and not (actors and _JOINS_TALKS.search(text))  # "X may join the talks": X and the pair
        and not (actors and _FUNDING.search(text))
    ):
        return []  # most sentences: nothing here can name a pair or move the status of one
    found = _pairs_in(context, sentence, actors) if two else []
    if group:
        found = found + _group_pairs(text, group, found)
    if (
        not found
        and lang.TWO_PARTIES.search(text)
        and not _WITH_OTHERS.search(text)  # "both have been talking with several companies"
        and (
            _ABOUT_WORKING_TOGETHER.search(text)
            or (lang.TOPIC.search(text) and any(_signals(text)))  # "the two shelved the plans"
        )
        and (last_pair := _last_pair(context, sentence))
    ):
        subject, other = last_pair
        kinds = [kind for _, _, kind in _triggers(text)]
        kind = next((k for k in ("agreed", "future", "plan", "talk") if k in kinds), "noun")
        found = [(subject, other, kind, "")]
    found = (
        found
        + _named_next(context, position, actors)
        + _into_the_venture(context, sentence, actors)
        + _funding_round(context, position, actors, found)
        + _joint_control(context, sentence, actors)
    )
    found = _without_co_parties(context, found)
    joining = _JOINS_TALKS.search(text)
    if joining and (talking := found[0][:2] if found else _last_pair(context, sentence)):
        found = found + _joiners(context, sentence, actors, joining, talking)
    if not found and not _UPDATE_TOPIC.search(text):
        return []
    ended, denied, confirmed = _signals(text)
    if _ANONYMOUS.search(text):
        ended = denied = confirmed = False  # not the parties' own word
    speaker = _speaker(context.body, actors, sentence)
    sourced = _unnamed_source(text)
    hearsay = (
        sourced
        or credits_an_outlet(text)
        or _reported_by_other(sentence, actors)
        or bool(_PER_REPORT.search(text))
    )
    cited = _cited_party(context.body, actors, sentence) if hearsay and not sourced else None
    if cited and found and all(cited in pair[:2] for pair in found):
        hearsay = False  # "..., the paper reported, citing X's chairman": X's own word
    on = context.date_of(sentence)
    reviewed = _before_a_regulator(actors, text)
    no_deal_yet = bool(_NO_DEAL_YET.search(text))
    facts = []
    for subject, other, kind, topic in found:
        told_before = kind.startswith("next:")
        kind = kind.removeprefix("next:")
        party_speaks = speaker in (subject, other, BOTH) or (
            not hearsay and cited in (subject, other)
        )
        stays_out = kind == "joined" and _STAYS_OUT.search(text, 0, joining.start())
        if kind == "joined":  # told by a party of the talks the company joins
            kind, party_speaks = "talk", speaker is not None
        if kind == "future":
            # "X will pay $1bn for a stake in Y" told as fact, or a party's word: decided;
            # "would", or unnamed sources: talks.
            will = not _WOULD.search(_REPORTED_WILL.sub("", text))
            kind = "agreed" if (party_speaks or will) and not hearsay else "talk"
        elif kind == "plan":
            # "Aptiv said it plans to create a venture with Hyundai": a party announces its
            # decision; a plan told by anyone else may be a report's
            kind = "agreed" if party_speaks and not hearsay else "talk"
        if stays_out:
            status = "ended"  # "X is unlikely to join the talks": no talks with X after all
        elif kind == "refused":
            if hearsay:
                continue  # others telling that a party is not in talks: no party's word
            status = "denied"
        elif ended and _goes_on_despite_reports(text):
            status = "confirmed"  # "still in talks despite reports they had collapsed"
        elif (
            ended
            and (
                lang.TOPIC.search(text)
                or _WORK_TOPIC.search(text)
                or _WITHDRAWN.search(text)
                or _REBUFFED.search(text)
            )
            and not _ends_others(context.body, sentence, actors, (subject, other))
        ):
            status = "ended"
        elif denied and _talks_go_on(text):
            status = "confirmed"  # "are in discussions, but rejected reports they had agreed"
        elif denied and not (speaker and speaker != BOTH and not party_speaks):
            status = "denied"  # not "a Honda executive denied" for the pair of Foxconn and Nissan
        elif no_deal_yet and not sourced:
            status = "confirmed"  # "nothing has been finalised": talks, no deal
        elif reviewed and (kind != "talk" or not hearsay):
            # "the EU opened a probe into the planned merger of X and Y": a deal notified to a
            # regulator is agreed, whoever tells of the review.
            status = "agreed"
        elif kind == "agreed" and not hearsay and _EARLIER_DEAL.search(text):
            # "the pair already agreed in January to build vans together", "the purchase builds
            # on a memorandum they signed in March": an earlier deal, the news is elsewhere
            status = "background"
        elif kind == "agreed":
            status = "rumoured" if hearsay else "agreed"  # a deal only sources tell of
        elif (confirmed and not sourced and (party_speaks or not hearsay)) or (
            kind == "talk" and party_speaks and not hearsay
        ):
            # a party's word ("discussions are continuing, news agency PTI reported" is the
            # outlet's: rumoured, below)
            status = "confirmed"
        elif kind == "talk" and not hearsay and (_signed_to_study(text) or _agreed_to_talk(text)):
            # the parties' own pact to study a deal, or their agreeing to talk: talks they hold
            status = "confirmed"
        elif kind == "talk" or (
            kind == "noun"
            and (sourced or (_WOULD.search(text) and (hearsay or _CREDIT_WORDS.search(text))))
        ):
            # "the tie-up, Reuters said" exists; "a deal might come, the report said" does not
            status = "rumoured"
        elif kind == "noun":
            status = "background"  # "its partnership with Chery": it exists, said in passing
        else:
            continue
        if status in ("agreed", "background", "ended") and long_before(on, context.published, text):
            continue  # "took control of Chrysler in 2014", "dissolved a tie-up in 2018": history
        attributed = speaker if speaker in (subject, other) else context.attribution(position)
        # "amid reports that the talks had collapsed": an end only a report tells
        told = hearsay or (status == "ended" and bool(_REPORTS_THAT.search(text)))
        why = _why(kind, (ended, denied, confirmed), speaker, told)
        if reviewed and status == "agreed":
            why = (*why, "a deal a regulator reviews")
        if told_before:
            why = (*why, "counterpart named in the sentence after the talks")
        facts.append(
            _fact(
                context,
                (subject, other),
                status,
                attributed,
                topic,
                sentence,
                on,
                # The latest pair is whom "the two" and unnamed targets stand for: not a seller.
                remember=topic not in (SALE, INVESTED),
                why=(*why, "the seller of the shares") if topic == SALE else why,
            )
        )
    # A partnership mentioned in passing counts only when the article says nothing else of it.
    if found:
        return facts
    return _status_updates(context, position, actors, speaker, (ended, denied, confirmed), on)


# A deal told as done before the news: the article's news about the pair lies elsewhere.
_EARLIER_DEAL = re.compile(
    r"\b(?:already|previously|earlier\s+this\s+(?:year|month)|(?:builds?|built|building)\s+on|"
    r"under\s+(?:that|the\s+earlier|the\s+existing|an\s+existing)\s+(?:agreement|deal|pact|"
    r"accord|memorandum|arrangement)|existing\s+(?:agreement|deal|pact|partnership|alliance|"
    r"tie-?up|cooperation|arrangement))\b",
    re.IGNORECASE,
)


# Where the clause of an end word opens: "..., amid reports that X's talks with Y collapsed".
_CLAUSE_OPENS = re.compile(
    r"[,;(]|\b(?:that|after|amid|while|as|when|since|because|but|and\s+(?:that|after))\b",
    re.IGNORECASE,
)


def _ends_others(body, sentence, actors, pair):
    """Every end word of the sentence sits in a clause naming two other companies ("talks with
    Renault come amid reports that Nissan's merger talks with Honda have collapsed"): the end
    is theirs, not the pair's."""
    text = sentence.text
    ends = [m for m in lang.END.finditer(text) if _live(_not_ended, text, m)]
    if not ends:
        return False
    for end in ends:
        opens = [m.end() for m in _CLAUSE_OPENS.finditer(text, 0, end.start())]
        start = sentence.start + (opens[-1] if opens else 0)
        named = {
            a.company
            for a in actors
            if start <= a.start and a.end <= sentence.start + end.start() and a.kind != "regulator"
        }
        if len(named) < 2 or named & set(pair):
            return False
    return True


_HISTORY_DAYS = 730  # a deal done this long before the article is its background


_NOW = re.compile(r"\b(?:is|are|will|now|plans?|planning)\b", re.IGNORECASE)


def long_before(on, published, text):
    """Whether a deal told as of `on`, in past-tense `text`, is history to an article
    published on `published` ("are buying stakes, returning to ties given up in 2018": news)."""
    return bool(
        on and published and (published - on).days > _HISTORY_DAYS and not _NOW.search(text)
    )


_QUOTE_MARK = re.compile(r"[\"“”]")
_QUOTED = re.compile(r"[\"“]([^\"“”]{3,600})[\"”]")
_WE = re.compile(r"\b[Ww]e\b")


def _with_quoted_we(context, sentence, actors):
    """'"We are talking to Renault," Nissan's chief said': "we" in a quote is its speaker."""
    speaker = _speaker(context.body, actors, sentence)
    if speaker is None or speaker == BOTH:
        return actors
    kind = context.index.kind_of(speaker)
    extra = [
        Actor(sentence.start + we.start(), sentence.start + we.end(), speaker, kind, False)
        for quote in _QUOTED.finditer(sentence.text)
        for we in _WE.finditer(sentence.text, quote.start(1), quote.end(1))
    ]
    return sorted(actors + extra, key=lambda actor: actor.start) if extra else actors


def _with_the_two(context, sentence, actors):
    """ "the two carmakers will pick up stakes in Ola": "the two" is a subject or object like
    a name, standing for the pair last reported (see _last_pair)."""
    match = lang.TWO_PARTIES.search(sentence.text)
    if not match or _WITH_OTHERS.search(sentence.text):
        return actors
    start, end = sentence.start + match.start(), sentence.start + match.end()
    if any(a.start < end and start < a.end for a in actors):
        return actors
    if len({a.company for a in actors if a.kind != "regulator" and a.end <= start}) >= 2:
        return actors  # "GM and LG ended talks between the two sides": named just before
    pair = _last_pair(context, sentence)
    if not pair:
        return actors
    index = context.index
    extra = [Actor(start, end, name, index.kind_of(name), False) for name in pair]
    return sorted(actors + extra, key=lambda actor: actor.start)


_PAIRS_WEIGHED = 20
# A party saying no deal is done yet: "nothing has been finalised", "no decision had been made".
_NO_DEAL_YET = re.compile(
    r"\b(?:nothing|no\s+(?:final\s+)?(?:[\w-]+\s+)?(?:decision|deal|agreement|alliance|"
    r"partnership))\s+(?:has|had|have)\s+(?:yet\s+)?been\s+(?:finali[sz]ed|made|reached|decided|"
    r"signed|settled|determined)\b|\b(?:has|have|had|is|are)\s+not\s+(?:yet\s+)?been\s+"
    r"finali[sz]ed\b",
    re.IGNORECASE,
)
# A regulator clearing, approving or investigating a deal: the parties have agreed on it.
_REVIEWS = re.compile(
    r"\b(?:clear(?:ed|s|ance)|approv(?:ed|es|al)|examination|scrutiny|"
    r"(?:opened|opens|launch\w*)\s+(?:an?\s+)?"
    r"(?:[\w-]+\s+)?(?:investigation|probe|review)|investigat(?:ing|es)|notified|concluded)\b",
    re.IGNORECASE,
)
_NOT_YET_REVIEWED = re.compile(
    r"\b(?:would|will|could|may|might)\s+(?:\w+\s+)?(?:need|require)|\b(?:subject\s+to|"
    r"pending|awaits?|awaiting|seek\w*|sought|if|once|before)\b",
    re.IGNORECASE,
)


def _before_a_regulator(actors, text):
    """A named regulator reviews the deal the sentence tells of (not one still to be sought)."""
    return (
        any(actor.kind == "regulator" for actor in actors)
        and bool(_REVIEWS.search(text))
        and not _NOT_YET_REVIEWED.search(text)
    )


# "The three companies will work together", "all three carmakers confirmed it": every pair of
# a group of three or four the article has just named; "the automakers" soon after is the same
# group.
_GROUP = re.compile(
    r"\b(?:the|all|all\s+the)\s+(?P<size>three|four)\s+(?:of\s+them\b|(?:[\w-]+\s+)?"
    r"(?:companies|firms|carmakers|automakers|car\s*makers|groups|sides|parties|partners|"
    r"brands|makers|manufacturers)\b)",
    re.IGNORECASE,
)
_GROUP_AGAIN = re.compile(
    r"\b(?:the|all)\s+(?:companies|firms|carmakers|automakers|partners|parties|groups)\b",
    re.IGNORECASE,
)
_GROUP_SIZES = {"three": 3, "four": 4}
_GROUP_KEPT = 2  # sentences after a counted group for which "the automakers" is that group


def _group_named(context, position):
    """The companies a group reference in the sentence stands for, or None."""
    text = context.sentences[position].text
    match = _GROUP.search(text)
    if match:
        size = _GROUP_SIZES[match.group("size").lower()]
        group = _group_of(context, context.sentences[position], size)
        if group:
            context.found["talk group"] = (position, group)
        return group
    earlier = context.found.get("talk group")
    if earlier and position - earlier[0] <= _GROUP_KEPT and _GROUP_AGAIN.search(text):
        return earlier[1]
    return None


def _group_of(context, sentence, size):
    """The `size` companies just named (this sentence and the one before), else the headline's,
    else those of the latest pairs."""
    recent = _recent_companies(context, sentence)
    if len(recent) == size:
        return tuple(recent)
    if len(context.title_companies) == size:
        return tuple(context.title_companies)
    members = []
    for pair in reversed(context.talk_pairs[-_PAIRS_WEIGHED:]):
        members += [name for name in pair if name not in members]
        if len(members) >= size:
            break
    return tuple(members) if len(members) == size else None


def _group_pairs(text, group, found):
    """Each pair of the group the sentence's verb applies to, not already found."""
    kinds = [
        # "The three companies will jointly pursue ...": what the group itself will do.
        "future" if kind == "talk" and lang.future(lang.last_words(text, end)) else kind
        for _, end, kind in _triggers(text)
    ]
    kind = next((k for k in ("agreed", "future", "plan", "talk") if k in kinds), None)
    if kind is None and not any(_signals(text)):
        return []
    have = {frozenset(pair[:2]) for pair in found}
    return [
        (a, b, kind or "noun", "")
        for a, b in itertools.combinations(group, 2)
        if frozenset((a, b)) not in have
    ]


_AUTOMAKERS_REFERENCE = re.compile(r"\b(?:carmakers|automakers)\b", re.IGNORECASE)


def _recent_companies(context, sentence):
    """Companies named, outside asides, in `sentence` and the running sentence before it, in
    text order: who "the two" most likely are."""
    at = bisect.bisect_left(context.sentence_starts, sentence.start)
    found = []
    for near in context.sentences[max(0, at - 1) : at + 1]:
        asides = [(near.start + a, near.start + b) for a, b in lang.asides(near.text)]
        for mention in context.named_in(near.start, near.end):
            if mention.kind == "regulator" or any(a <= mention.start < b for a, b in asides):
                continue
            if mention.company not in found:
                found.append(mention.company)
    return found


# "Mitsubishi Motors had also agreed to take part in the talks": a third party joins the pair.
_JOINS_TALKS = re.compile(
    r"\b(?:join(?:s|ed|ing)?|take\s+part\s+in|took\s+part\s+in|taking\s+part\s+in|"
    r"participat(?:e|es|ed|ing)\s+in)\s+(?:the|those|these|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:talks|negotiations|discussions|integration|merger|tie-?up)\b",
    re.IGNORECASE,
)


# "is unlikely to join", "will not take part in", "decided against joining" the talks.
_STAYS_OUT = re.compile(
    r"\b(?:unlikely\s+to|not\s+(?:to\s+)?|no\s+longer|won't|never|against|declined\s+to|"
    r"refused\s+to|ruled\s+out)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


# ", in which Nissan is the largest shareholder,": an aside about the company before it.
_IN_WHICH = re.compile(r",\s*(?:in|of|for|with|by|from|to)\s+(?:which|whom)\b[^,]*,")


def _joiners(context, sentence, actors, joining, pair):
    """Each party of the pair talked of with the company that joins their talks."""
    at = sentence.start + joining.start()
    spans = [(sentence.start + a, sentence.start + b) for a, b in lang.asides(sentence.text)]
    spans += [(sentence.start + a, sentence.start + b) for a, b in _long_appositives(sentence.text)]
    spans += [
        (sentence.start + m.start(), sentence.start + m.end())
        for m in _IN_WHICH.finditer(sentence.text)
    ]
    before = [
        a for a in actors if a.end <= at and a.kind != "regulator" and not _in_aside(a, spans)
    ]
    if not before or before[-1].company in pair:
        return []
    joiner = before[-1].company
    return [(name, joiner, "joined", "") for name in pair]


# "Foxconn has held talks with several carmakers." + "Nissan and Honda are among them."
_UNNAMED = re.compile(
    r"\s*(?:a\s+(?:number|handful|range)\s+of|several|many|other|various|multiple|some|"
    r"two|three|four|five|potential|possible|a\s+few)\s+(?:[\w-]+\s+){0,2}?(?:carmakers|"
    r"automakers|car\s+makers|companies|firms|partners|investors|makers|suppliers|groups|"
    r"parties|brands|manufacturers)\b",
    re.IGNORECASE,
)
_AMONG_THEM = re.compile(
    r"\bamong\s+them\b|\b(?:are|were|is|was)\s+(?:\w+\s+)?among\b|\binclud(?:e|ed|ing)\b|"
    r"\bsuch\s+as\b",
    re.IGNORECASE,
)


_WITH_OTHERS = re.compile(
    r"\bwith\s+(?:several|many|other|various|multiple|some|a\s+number\s+of|potential|a\s+few)\b",
    re.IGNORECASE,
)
_UNNAMED_HINT = re.compile(
    r"(?:carmakers|automakers|companies|firms|partners|investors|makers|suppliers|groups|"
    r"parties|brands|manufacturers)\b"
)


def _remember_unnamed_counterparts(context, position, actors):
    text = context.sentences[position].text
    if not actors or not _UNNAMED_HINT.search(text):
        return
    for start, end, kind in _triggers(text):
        if kind not in ("talk", "agreed") or not _UNNAMED.match(text, end):
            continue
        before = [
            a
            for a in actors
            if a.kind != "regulator" and a.end <= context.sentences[position].start + start
        ]
        if before:
            context.unnamed_counterparts = (position, before[0].company, kind)
            return


def _continues_unnamed(context, position):
    unnamed = context.unnamed_counterparts
    text = context.sentences[position].text
    return bool(
        unnamed
        and unnamed[0] == position - 1
        and _AMONG_THEM.search(text)
        # "wants to team up with other firms. Its backers include X": X already holds it
        and not _HOLDERS_NEXT.search(text)
    )


# A company named as a rival: "more firepower against rival X", "competitors such as X".
_A_RIVAL = re.compile(
    r"\b(?:rivals?|competitors?|against|peers?)\s+(?:such\s+as\s+|like\s+|including\s+)?$",
    re.IGNORECASE,
)


def _named_next(context, position, actors):
    """The companies the next sentence names as among those talked to."""
    if not _continues_unnamed(context, position):
        return []
    _, subject, kind = context.unnamed_counterparts
    named = dict.fromkeys(
        a.company
        for a in actors
        if a.kind != "regulator"
        and a.named
        and a.company != subject
        and not _A_RIVAL.search(context.body, max(0, a.start - 30), a.start)
    )
    return [(subject, company, "next:" + kind, "") for company in named]


# "Hyundai and two affiliates, Kia and Mobis, will put $2bn into the JV": each investor and
# the venture's other partner.
_INTO_THE_VENTURE = re.compile(
    r"\b(?:put|puts|putting|invest|invests|invested|investing|inject\w*|contribut\w*)\s+"
    r"[^;]{0,60}?\b(?:into|in|to)\s+the\s+(?:new\s+)?(?:joint\s+venture|JV|venture)\b",
    re.IGNORECASE,
)


_VENTURE_HINT = re.compile(r"JV\b|[Vv]enture\b")


def _into_the_venture(context, sentence, actors):
    if not context.talk_pairs or not _VENTURE_HINT.search(sentence.text):
        return []
    match = _INTO_THE_VENTURE.search(sentence.text)
    if not match:
        return []
    at = sentence.start + match.start()
    investors = list(
        dict.fromkeys(a.company for a in actors if a.kind != "regulator" and a.end <= at)
    )
    partners = [name for name in _last_pair(context, sentence) if name not in investors]
    if len(partners) != 1 or not investors:
        return []
    kind = "future" if lang.future(lang.last_words(sentence.text, match.start())) else "agreed"
    return [(investor, partners[0], kind, "joint venture") for investor in investors]


# Money raised from investors: "X raised $50m from A and B", "the round was led by A",
# "A and B took part in the round", "Investors include A and B". Each investor and the company
# raising the money are a decided partnership.
_FUNDING = re.compile(
    r"\b(?:rais(?:e|es|ed|ing)|(?:funding|financing|fundraising|investment|series\s+\w\+?|"
    r"seed|pre-ipo)\s+round|round\s+of\s+(?:funding|financing))\b|\binvestors\b|"
    # a round already told of: "its latest round also included X", "X led that round"
    r"\b(?:its|their|that|this|the)\s+(?:latest\s+|new\s+|last\s+)?round\b(?!\s+of\b)",
    re.IGNORECASE,
)
_RAISED = re.compile(r"\b(?:rais(?:es|ed|ing)|has\s+raised|secured|closed|lined\s+up)\b", re.I)
_ROUND = re.compile(
    r"\b(?:(?:funding|financing|fundraising|investment|series\s+\w\+?|seed|pre-ipo)\s+round|"
    r"round\s+of\s+(?:funding|financing)|the\s+round|investors\s+(?:include|included|including)|"
    r"among\s+the\s+(?:\w+\s+)?investors|"
    # "its latest round", "led that round"; "the investors also include", "other investors
    # joining X in the deal included"
    r"(?:its|their|that|this)\s+(?:latest\s+|new\s+|last\s+)?round(?!\s+of\b)|"
    r"investors\s+(?:[\w-]+\s+){1,8}?(?:include|included|including))\b",
    re.IGNORECASE,
)
# Investors named after these words ...
_FROM_INVESTORS = re.compile(
    r"\b(?:from|(?:co-)?led\s+by|including|include|included|such\s+as|joined\s+by|alongside)\b",
    re.IGNORECASE,
)
# ... or before these.
_INVESTORS_BEFORE = re.compile(
    r"\b(?:(?:also\s+)?(?:took|take|takes|taking)\s+part|participat(?:ed|es|ing|e)\s+in|"
    r"(?:are|were|is|was)\s+(?:also\s+)?among\s+the\s+(?:\w+\s+)?investors|"
    r"(?:led|co-led|joined)\s+the\s+(?:\w+\s+){0,2}round)\b",
    re.IGNORECASE,
)
_RAISER_KEPT = 2  # sentences after a raise (or its paragraph) where "the round" is its round
# A round told as the raiser's history, not the news: "Its earlier backers include X", "before
# this deal it had closed a round led by X", "has so far completed two rounds with X"; not
# "said earlier on Monday it had raised".
# Who holds a company, not who joins a round or a deal: "its main investors include X",
# "PSA's backers include Y".
_HOLDERS_LISTED = (
    r"(?:its|their|\w+(?:'s|’s))\s+(?:[a-z-]+\s+){0,2}?(?:investors|backers|shareholders)\s+"
    r"(?:also\s+)?(?:include|included|including)\b"
)
_PAST_ROUND = re.compile(
    r"\b(?:(?:earlier|previous|past|former)\s+(?:investors|backers|rounds?)|(?:had|has|have)\s+"
    r"(?:earlier|previously)|"
    r"before\s+(?:this|that|the)\s+(?:deal|round|investment)|so\s+far\s+(?:completed|closed|raised))"
    r"\b|\b" + _HOLDERS_LISTED,
    re.IGNORECASE,
)
_HOLDERS_NEXT = re.compile(r"\b" + _HOLDERS_LISTED, re.IGNORECASE)


# Investors a round may yet bring in: "the prospective investors include X", "potential
# backers such as Y".
_CANDIDATES = re.compile(
    r"\b(?:prospective|potential|possible|would-be)\s+(?:\w+\s+)?(?:investors|backers)\b",
    re.IGNORECASE,
)


# A company named for whom a person works: "founder and chief executive of X".
_PERSON_OF = re.compile(
    r"\b(?:founder|co-founder|chief\s+executive|CEO|chairman|chairwoman|president|head)\s+"
    r"(?:and\s+[\w-]+(?:\s+[\w-]+)?\s+)?of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)


def _funding_round(context, position, actors, found):
    """(investor, company raising, kind, topic) for each investor in a funding round."""
    sentence = context.sentences[position]
    text = sentence.text
    if not _FUNDING.search(text) or _PAST_ROUND.search(text):
        return []
    body = context.body
    parties = [a for a in actors if a.kind != "regulator" and not not_a_party(body, a)]
    parties = [a for a in _without_modifiers(body, parties) if not _is_modifier(body, a)]
    raised = _RAISED.search(text)
    raiser = None
    if raised:
        before = [a for a in parties if a.end <= sentence.start + raised.start()]
        raiser = before[0].company if before else None
        if raiser:
            context.found["raiser"] = (position, raiser, sentence.paragraph)
    if raiser is None:
        if not _ROUND.search(text):
            return []
        earlier = context.found.get("raiser")
        if earlier and (
            position - earlier[0] <= _RAISER_KEPT
            or earlier[2] == sentence.paragraph
            # "other investors joining X in the Y deal included ...": Y named again
            or any(a.company == earlier[1] for a in parties)
        ):
            raiser = earlier[1]
        else:
            raiser = context.lead
    if raiser is None:
        return []
    asides = [(sentence.start + a, sentence.start + b) for a, b in lang.asides(text)]
    investors = []
    for cue in _FROM_INVESTORS.finditer(text):
        if raised and cue.start() < raised.end():
            continue  # "investors from Japan raised ...": not the round's money
        end = sentence.start + cue.end()
        chain, _ = _counterparts(body, end, [a for a in parties if a.start >= end])
        investors += chain
    for cue in _INVESTORS_BEFORE.finditer(text):
        start = sentence.start + cue.start()
        before = [a for a in parties if a.end <= start and not _in_aside(a, asides)]
        if before and not _CLAUSE_BREAK.search(body, before[-1].end, start):
            chain = _subject_chain(body, before)
            # "X's founder, Wang, led the round": a person invests, not the company
            investors += [
                a for a in chain if not _PERSON_OF.search(body, max(0, a.start - 60), a.start)
            ]
    have = {frozenset(pair[:2]) for pair in found}
    weighed = lang.HEDGE.search(text) or _PLANNED.search(text) or _CANDIDATES.search(text)
    kind = "talk" if weighed else "agreed"
    return [
        (name, raiser, kind, "funding round")
        for name in dict.fromkeys(a.company for a in investors)
        if name != raiser and frozenset((name, raiser)) not in have
    ]


def _moves_a_status(text):
    return bool(_UPDATE_TOPIC.search(text)) and (
        any(_signals(text))
        or bool(lang.AGREE.search(text))
        or bool(lang.SPEECH.search(text) and lang.TALK.search(text))  # a party on the talks
    )


def _last_pair(context, sentence):
    """The pair "the two companies" stands for: of the pairs reported so far, the pair the
    headline names and the first two companies of the sentence before, the one most of whose
    parties were just named, then whose parties the article names most (the latest on a tie);
    for "the two carmakers", only a pair of carmakers."""
    candidates = context.talk_pairs[-_PAIRS_WEIGHED:]  # bounded work in a long article
    title = context.title_companies
    if len(title) >= 2 and tuple(title[:2]) not in candidates:
        candidates.insert(0, tuple(title[:2]))
    recent = _recent_companies(context, sentence)
    known = {name for pair in candidates for name in pair}
    if len(recent) == 2 and not known & set(recent):
        candidates.append(tuple(recent[:2]))  # two others just named: "Nio relied on JAC..."
    wanted = None
    if _AUTOMAKERS_REFERENCE.search(sentence.text):
        wanted = ("automaker", "other")
        candidates = [
            pair
            for pair in candidates
            if all(context.index.kind_of(name) in wanted for name in pair)
        ]
    if not candidates:
        return _last_two_named(context, sentence, wanted)
    weight = {
        pair: (
            sum(name in recent for name in pair),
            sum(context.mention_count(name) for name in pair),
        )
        for pair in candidates
    }
    best = max(weight.values())
    return [pair for pair in candidates if weight[pair] == best][-1]


def _last_two_named(context, sentence, kinds=None):
    """The two companies (of `kinds`) named last before `sentence`, for "the two companies"."""
    companies = []
    at = bisect.bisect_left(context.mention_starts, sentence.start)
    for mention in reversed(context.mentions[max(0, at - _PAIRS_WEIGHED) : at]):
        if mention.kind == "regulator" or (kinds and mention.kind not in kinds):
            continue
        if mention.company not in companies:
            companies.append(mention.company)
        if len(companies) == 2:
            return companies[1], companies[0]
    return None


def _status_updates(context, position, actors, speaker, signals, on):
    sentence = context.sentences[position]
    text = sentence.text
    ended, denied, confirmed = signals
    if not _UPDATE_TOPIC.search(text):
        return []
    # A party's own word that talks go on: '"We are in discussions," a Nissan spokesman said'.
    confirmed = confirmed or bool(
        speaker
        and speaker != BOTH
        and (lang.TALK.search(text) or _NO_DEAL_YET.search(text))
        and not _NO_COMMENT.search(text)
        and not _unnamed_source(text)
        and not _ANONYMOUS.search(text)
        and not _SOURCE_WORD.search(text)
        and not _WITH_UNNAMED.search(text)  # "in discussions with a large automaker"
        and not credits_an_outlet(text)
    )
    agreed = not _CLAIMED.search(text) and any(
        not lang.not_done(lang.last_words(text, m.start()))
        and not _PLANNED.search(m.group())
        and not _agrees_to_talk(text, m)
        for m in lang.AGREE.finditer(text)
    )
    status = (
        "ended"
        if ended
        else "denied"
        if denied
        else "agreed"
        if agreed
        else "confirmed"
        if confirmed
        else None
    )
    if status is None:
        return []
    if status == "denied" and _talks_go_on(text):
        status = "confirmed"  # "are in discussions, but rejected reports they had agreed"
    if status == "confirmed" and _unnamed_source(text):
        return []  # "a source close to VW confirmed the talks": not a party's word
    if status == "confirmed" and (credits_an_outlet(text) or _CLAIMED.search(text)):
        return []  # "a report says X has been looking for a partner": not a party's word
    if status == "confirmed" and _WITH_UNNAMED.search(text):
        return []  # "confirmed talks with potential investors": with no pair named
    if status == "confirmed" and _NO_COMMENT.search(text):
        return []  # "declined to comment on whether talks were under way": changes nothing
    if status == "agreed" and (_WOULD.search(text) or _unnamed_source(text)):
        return []  # "a deal could be signed soon, the sources said": not a deal struck
    if status in ("denied", "ended") and _ANONYMOUS.search(text):
        return []  # "said on condition of anonymity": not the party's own word
    if status in ("agreed", "ended") and long_before(on, context.published, text):
        return []  # "the two had ended an earlier tie-up in 2018": history, not an update
    named = {
        a.company for a in actors if a.kind != "regulator" and not not_a_party(context.body, a)
    }
    if status == "ended" and not named and not _A_DEAL_OR_TALKS.search(text):
        return []  # "brands shelved plans for new plants", "the board was dissolved": no deal ends
    speaker = None if speaker == BOTH else speaker
    attributed = speaker or (min(actors, key=lambda a: a.start).company if actors else None)
    attributed = attributed or context.attribution(position)
    update = StatusUpdate(
        status, frozenset(named), attributed, sentence, on, named_together(context)
    )
    title = context.title_companies
    update.principal = frozenset(title[:2]) if len(title) >= 2 else None
    targets = update.targets(context.talk_pairs[-_PAIRS_WEIGHED:], context.lead)
    if not targets or status != "agreed":
        # The article as a whole decides: a denial in the lede is of the pair told later.
        context.pending_updates.append(update)
    if status == "agreed" and len(targets) != 1:
        return []
    return [update.fact(pair, "named earlier") for pair in targets]


# What an end that names no party must stop to end a pair's talks; read only for such an end.
_A_DEAL_OR_TALKS = re.compile(
    r"\b(?:talks|negotiations|discussions|" + lang.DEAL_NOUN + r")\b", re.IGNORECASE
)
_WITH_UNNAMED = re.compile(
    r"\b(?:with|to)\s+(?:a|an|one|several|many|other|various|multiple|some|potential|possible|"
    r"a\s+number\s+of|a\s+few|two|three|four|unnamed|undisclosed)\s+(?!\w+\s+of\b)",
    re.IGNORECASE,
)
_SOURCE_WORD = re.compile(r"\b(?:sources?|people|person|insiders?)\b", re.IGNORECASE)
_NO_COMMENT = re.compile(
    r"\b(?:declin\w*|refus\w*|(?:would|will|did|does|do)\s*(?:not|n't))\s+(?:to\s+)?"
    r"(?:immediately\s+)?(?:comment|respond|confirm)|\bno\s+comment\b",
    re.IGNORECASE,
)


def _unnamed_source(text):
    return bool(lang.FAMILIAR.search(text) or lang.SOURCES.search(text) or _RUMOUR.search(text))


_IN_TALKS = re.compile(
    r"\b(?:are|is|were|was|remain|remains|have\s+been|has\s+been)\s+(?:still\s+|now\s+)?"
    r"(?:in\s+(?:talks|discussions|negotiations)|(?:discussing|negotiating|talking))\b",
    re.IGNORECASE,
)


def _talks_go_on(text):
    """A party says talks go on before it denies something: the denial is of a further step."""
    going_on = _IN_TALKS.search(text)
    denial = next((m for m in lang.DENY.finditer(text) if _live(lang.not_denied, text, m)), None)
    return bool(going_on and denial and going_on.start() < denial.start())


_STILL_TALKING = re.compile(
    r"\b(?:still|remain|remains|remained)\s+(?:in\s+(?:talks|discussions|negotiations)|"
    r"(?:discussing|negotiating|talking))\b",
    re.IGNORECASE,
)
_TOLD_BY_REPORTS = re.compile(
    r"\b(?:reports?|rumou?rs?|speculation|claims?)\b[^.;]{0,60}$", re.IGNORECASE
)


def _goes_on_despite_reports(text):
    """A party says talks go on, and every end the sentence tells is one reports claimed."""
    going_on = _STILL_TALKING.search(text)
    if not going_on:
        return False
    ends = [m for m in lang.END.finditer(text) if _live(_not_ended, text, m)]
    return bool(ends) and all(
        m.start() > going_on.end() and _TOLD_BY_REPORTS.search(text, going_on.end(), m.start())
        for m in ends
    )


_ANONYMOUS = re.compile(
    r"\b(?:anonymity|not\s+to\s+be\s+(?:named|identified)|not\s+authori[sz]ed|"
    r"declined\s+to\s+be\s+(?:named|identified))\b",
    re.IGNORECASE,
)


class PairsByCompany:
    """An article's pairs looked up by company, so that applying the article's status updates
    costs no more per update in a long article than in a short one."""

    def __init__(self, pairs):
        self.pairs = list(dict.fromkeys(pairs))
        self._by_company = {}
        for pair in self.pairs:
            for name in pair:
                self._by_company.setdefault(name, []).append(pair)

    def of(self, names):
        if not names:
            return self.pairs[:2]  # enough to tell whether it is the only one
        return [pair for name in sorted(names) for pair in self._by_company.get(name, ())]


_OF_A_REPORT = re.compile(
    r"\b(?:reports?|reported|claims?|rumou?rs?|speculation|talks|negotiations|discussions)\b",
    re.IGNORECASE,
)


def named_together(context):
    """The pairs of companies the article names in one sentence or in its headline, read
    once per article."""
    together = context.found.get("named together")
    if together is None:
        together = {frozenset(p) for p in itertools.combinations(context.title_companies, 2)}
        for sentence in context.sentences:
            named = sorted({m.company for m in context.named_in(sentence.start, sentence.end)})
            together.update(frozenset(pair) for pair in itertools.combinations(named, 2))
        context.found["named together"] = together
    return together


class StatusUpdate:
    """A sentence that confirms, denies, agrees or ends talks without naming both parties:
    "Hyundai called the report groundless", "the talks have been called off"."""

    def __init__(self, status, named, attributed, sentence, on, together):
        self.status = status
        self.named = named
        self.attributed = attributed
        self.sentence = sentence
        self.on = on
        self.principal = None  # the pair the headline names: what a bare denial is about
        self.together = together  # the pairs the article names in one sentence or its headline

    def targets(self, pairs, main_subject):
        """The pairs it is about: the pair of the two companies it names, else those of the
        one it names, else the only pair. A company's denial of a report about no pair of its
        own is of the pair with the article's main subject ("Hyundai called the report
        groundless")."""
        named = self.named
        if isinstance(pairs, PairsByCompany):
            pairs = pairs.of(named)
        pairs = list(dict.fromkeys(pairs))
        if len(named) >= 2:
            found = [pair for pair in pairs if set(pair) <= named]
            if found or len(named) > 2 or self.status == "agreed":
                return found
            return [tuple(sorted(named))]  # "X's deal with Y was terminated"
        if named:
            found = [pair for pair in pairs if named & set(pair)]
            headline = [pair for pair in found if frozenset(pair) == self.principal]
            found = headline or found  # "We don't have such plans": the headline's plan
            (company,) = named
            if self.status != "denied" or not main_subject or company == main_subject:
                return found
            # The denial is of the article's report, which is about its main subject, when it
            # says so ("called the claims in the report groundless") or the article puts the
            # two together somewhere; "Nio has no plans to build phones", in a live blog that
            # opened on BYD, denies nothing between the two.
            found = [pair for pair in found if main_subject in pair]
            if (
                found
                or _OF_A_REPORT.search(self.sentence.text)
                or frozenset((main_subject, company)) in self.together
            ):
                return found or [(main_subject, company)]
            return []
        if self.principal and any(frozenset(pair) == self.principal for pair in pairs):
            # "the report is factually incorrect," it said: of the pair the headline names.
            return [pair for pair in pairs if frozenset(pair) == self.principal][:1]
        return pairs[-1:] if len(set(pairs)) == 1 else []

    def fact(self, pair, when):
        why = (f"status update of a pair {when}: {self.status}",)
        return TalkFact(
            parties=pair,
            status=self.status,
            attributed_to=self.attributed,
            topic="",
            sentence=self.sentence.text,
            start=self.sentence.start,
            end=self.sentence.end,
            on=self.on,
            why=why,
        )


# "..., TV Tokyo reported": a name the company list does not know, reporting, is an outlet.
_REPORTED_BY = re.compile(
    r"(?:,\s*|\bas\s+)(?:the\s+)?(?P<who>(?:[A-Z][\w.&'’-]*\s+){0,3}[A-Z][\w.&'’-]*)\s+"
    r"(?:reported|reports|has\s+reported|said\s+in\s+a\s+report|wrote)\b"
)


def _reported_by_other(sentence, actors):
    """The sentence is told by someone other than the companies it names."""
    for match in _REPORTED_BY.finditer(sentence.text):
        start, end = sentence.start + match.start("who"), sentence.start + match.end("who")
        if not any(start <= actor.start < end for actor in actors):
            return True
    return False


_CREDIT_WORDS = re.compile(r"\breport|\baccording\s+to\b|\bciting\b", re.IGNORECASE)


# An outlet as the one who says it: "..., Bloomberg News said", "the Nikkei wrote".
_OUTLET_SAYS = re.compile(
    r"(?:\s+(?:News|newspaper|daily))?\s+(?:said|says|wrote|writes|cited|claimed)\b"
)


# An outlet the list does not know, told by what it is.
_OUTLET_REPORTS = re.compile(
    r"\b(?:newspapers?|daily|dailies|media|broadcaster|magazine|news\s+agency|tabloid|weekly|"
    r"outlets?|press|(?<!white\s)paper|journal|news\s+(?:site|website|portal))\s+(?:has\s+|had\s+)?"
    r"(?:reported|reports|said|says|cited|claimed)\b",
    re.IGNORECASE,
)


# An outlet's report resting on a company's own word: "citing Changan chairman Zhu",
# "citing a statement from X", "citing X's chief executive".
_CITING = re.compile(
    r"\bciting\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+)?(?:statement|filing|announcement|"
    r"presentation|letter|notice)\s+(?:from|by|of)\s+)?$",
    re.IGNORECASE,
)


def _cited_party(body, actors, sentence):
    """The company a reported sentence cites as its source, named right after "citing"."""
    if "citing" not in sentence.text:
        return None
    for actor in actors:
        if _CITING.search(body, max(sentence.start, actor.start - 60), actor.start):
            return actor.company
    return None


def credits_an_outlet(text):
    """The sentence tells what an outlet reports ("..., Nikkei reported", "... - Nikkei"), not
    only a dateline ("TOKYO (Reuters) -") or a party talking to one ("X told Reuters")."""
    outlets = lang.outlets_in(text)
    if not outlets:
        return bool(_OUTLET_REPORTS.search(text))  # "the DongA Ilbo newspaper reported"
    last_end = outlets[-1][1]
    return bool(
        _CREDIT_WORDS.search(text)
        or any(_OUTLET_SAYS.match(text, end) for _, end, _ in outlets)
        or (
            re.fullmatch(r"\s*", text[last_end:])
            and re.search(r"[-–—]\s*$", text[: outlets[-1][0]])
        )
    )


def _why(kind, signals, speaker, hearsay):
    """The features behind a talk's status, in words an editor can check against the text."""
    words = [f"pair named around a {kind} phrase"]
    words += [
        name for name, seen in zip(("ended", "denied", "confirmed"), signals, strict=True) if seen
    ]
    if speaker:
        words.append(f"said by {speaker}")
    if hearsay:
        words.append("reported by others")
    return tuple(words)


def _fact(context, pair, status, attributed, topic, sentence, on, remember=True, why=()):
    if remember:
        context.remember_pair(pair)
    return TalkFact(
        parties=pair,
        status=status,
        attributed_to=attributed,
        topic=topic,
        sentence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        on=on,
        why=why,
    )


def phrase_kinds(text):
    """The kinds of partnership phrase (`_triggers`) and status signal a sentence holds: what
    the pair model (pairs.py) reads of a sentence beyond its words."""
    kinds = {kind for _, _, kind in _triggers(text)}
    signals = zip(("ended", "denied", "confirmed"), _signals(text), strict=True)
    return kinds | {f"signal {name}" for name, seen in signals if seen}
