"""Regulatory approvals: licences, permits and clearances, who seeks them and from whom.

The rules follow the grammar of news rather than any one report:
- who is approved: the company after "approved", "cleared" or "signed off on" (the buyer in
  "X's purchase of Y", the survivor in "the merger of X into Y"), else the subject of
  "received", "won", "awaits", "filed"; a deal referred to without names ("the tie-up still
  needs regulatory approval", "a $15m joint venture") stands for its parties: the buyer of a
  stake ("the takeover of X by Y": Y), both sides of a merger or venture, those the article
  goes on to name when a lead sentence names none; a body granting clearance in a sentence
  that names no company acts on the article's deal; "the deal" or "the companies" after an
  approval is the deal approved before, "the merger" the one the article named by its two
  sides ("the merger of PSA and Fiat Chrysler", "the FAW/Refire venture"), "the new company"
  the venture it named ("X, a joint venture"); a company that describes the next one
  ("Toyota-backed Pony.ai"), approves on its own account ("Volkswagen signed off") or sells
  to another ("a deal to sell the plant to Great Wall": Great Wall) is not approved; a
  second approval clause ("..., and also approved a project of Y") approves its company too;
- who approves: the body named nearest the approval (each of several listed), by the company
  list or by the form of its name ("the Ministry of Science and ICT": regulators.py); a
  government or stock exchange in an approval sentence; a country's antitrust body described
  ("Britain's competition regulator", "European approval for the deal"); a government when
  a country acts ("New Delhi said no to ..."), and "the government" that of the country the
  article is about; the merger-control body of each jurisdiction ("antitrust filings in the
  EU and China", "approvals pending from Brazil, Mexico and China"); a body by the short name
  the article gives it or by its abbreviation beside its country ("Thailand's BOI"); a body
  described by country and field
  ("China's securities watchdog"); the bourse of a listing's place ("a listing in Hong
  Kong"); an unnamed body kept as written ("foreign competition authorities", without the
  words that count it), or the body named in full whose name holds its words ("the Jiangsu
  commission"); else the body
  named in the sentences around, else the one the article has named most so far (what "the
  watchdog" refers back to); none when the article has named no body;
- the status: pending, granted or rejected, with negation, conditions ("once the
  authorities have given their approval", "if the authorities give their approval", "still
  depends on ... approval") and rejections that need a body saying no.
Approvals dated months before the report are background and left out.
"""

import bisect
import re

from evtracker.news.extraction import language as lang
from evtracker.news.extraction.facts import Actor, ApprovalFact
from evtracker.news.extraction.mentions import NOT_A_NAME
from evtracker.news.extraction.money import APPROXIMATELY
from evtracker.news.extraction.patterns import Anchored, Gated
from evtracker.news.extraction.regulators import (
    ANTITRUST_BODY,
    ANTITRUST_DEMONYM,
    COUNTRY,
    DEMONYM,
    GOVERNMENTS,
    LISTING_IN,
    PLACE_WORDS,
    bodies_between,
    body_names,
    country_government,
    field_bodies,
    foreign_namesake,
    home_government,
    listing_venue,
    opens_name,
)

_I = re.IGNORECASE
# Why an approval's regulator is the body the article names only after the approval.
NAMED_LATER = "regulator: named later in the article"


def _words_of(text):
    return tuple(text.split())


# An approval dated this long before the report is background ("won a permit last year").
_BACKGROUND_DAYS = 180
# A day of a month with no year: this year's, ahead of the report or just behind it; a day
# long past is written with its year or "last".
_DAY_WITHOUT_YEAR = re.compile(
    r"^(?!.*\b(?:(?:19|20)\d\d|last|ago|previous)\b).*\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
    r"Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b(?!\s*(?:%|per|,\s*(?:19|20)\d\d))",
    re.DOTALL,
)

# --- what an approval sentence says --------------------------------------------------------

# "regulators clear the deal": clearing a deal, not "clear" as in plain.
# "opened an in-depth investigation into the proposed merger": a review under way; not one
# into cars, crashes, prices or subsidies, which no company applied for.
_NO_ONES_APPLICATION = (
    r"(?![^.;]{0,60}?\b(?:vehicles|cars|crash(?:es)?|recalls?|accidents?|defects?|safety|"
    r"emissions|prices?|pricing|subsid(?:y|ies)|dumping)\b)"
    # "into German carmakers ... to establish whether they breached competition law": a
    # cartel case, not a clearance
    r"(?![^.;]{0,160}?\b(?:breach\w*|violat\w+|infring\w+|cartels?|collu\w+|"
    r"anti-?competitive|claims?)\b)"
)
_PROBE = (
    r"\b(?:open(?:ed|s|ing)?|launch(?:ed|es|ing)?|beg[au]n|start(?:ed|s)?)\s+(?:an?\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:investigation|probe|review)\s+(?:into|of)\b"
    + _NO_ONES_APPLICATION
    + "|"
    # "the antitrust regulator is examining a recent share transaction": a review under way
    r"\b(?:is|are|was|were)\s+(?:still\s+|currently\s+|now\s+|already\s+)?(?:examining|"
    r"scrutini[sz]ing|looking\s+into|probing|investigating)\b"
    + _NO_ONES_APPLICATION
    + r"(?=[^.;]{0,60}?\b"
    r"(?:deal|transaction|merger|acquisition|takeover|purchase|sale|investment|application|"
    r"proposal|stake)s?\b)|"
    # "the authority is re-examining its ruling on the sale": a decision under review again
    r"\b(?:is|are|was|were)\s+(?:still\s+|currently\s+|now\s+|already\s+)?(?:re-?examining|"
    r"reconsidering|revisiting|re-?assessing|re-?evaluating|looking\s+again\s+at)\s+"
    r"(?:\w+\s+){0,6}?(?:its|their|the)\s+(?:[\w-]+\s+){0,3}?(?:ruling|decision|verdict|"
    r"rejection|deal|transaction|merger|acquisition|takeover|sale|agreement|application|"
    r"approval)s?\b|"
    # "its investigation of the proposed merger": a body's review of a deal
    r"\b(?:its|their)\s+(?:[\w-]+\s+)?(?:investigation|probe|review)\s+(?:into|of)\s+the\s+"
    r"(?:proposed\s+|planned\s+|pending\s+)?(?:deal|merger|acquisition|takeover|transaction)\b"
)
# ... and deals counted: "preparing to clear 45 investment proposals".
_CLEAR_DEAL = (
    r"\bclear(?:s|ing)?\s+(?:the|its|their|a|an|\d+|two|three|four|five|several|"
    r"(?:[A-Z][\w.&-]*\s+){0,2}[A-Z][\w.&-]*['’]s?)\s+"
    r"(?:[\w$.-]+\s+){0,3}?(?:deal|merger|"
    r"acquisition|takeover|transaction|purchase|sale|tie-?up|bid|venture|investment|proposal)s?\b"
)
# A clearance told as a body's assent: "waved through", "the all-clear", "raised no objection",
# "would not oppose the deal".
_NO_OBJECTION = (
    r"wav(?:ed|es|ing|e)\s+through|all-?clear|(?:raised?|raises|raising|has|had|have)\s+no\s+"
    r"(?:\w+\s+)?objections?|no\s+objections?\s+to|(?:would|will|did|does|do)\s+not\s+"
    r"(?:oppose|block)|won['’]t\s+(?:oppose|block)|decided\s+not\s+to\s+(?:oppose|block)"
)
# An industry body's or a regulator's compliance check: "passed the data security compliance
# review", "met the compliance requirements set by the association".
_COMPLIANCE = (
    r"compliance\s+(?:reviews?|checks?|requirements?|assessments?|inspections?|audits?|tests?|"
    r"certificat\w+)"
)
# Formalities a company goes through with a government: "completing the required procedures
# with the Indonesian government before entering the market".
_PROCEDURES = (
    r"(?:required|necessary|regulatory|licensing|registration|approval|authori[sz]ation)\s+"
    r"(?:procedures|formalities)"
)
# Permission told as what a company may now do: "was allowed to test L3 vehicles on public
# roads"; a body's pick for its pilot: "selected for the ministry's pilot programme", "named
# nine consortia ... to run pilots of L3 driving".
_ALLOWED = (
    r"(?:(?:was|were|been|be|is|are|being)\s+|first\s+(?:[\w-]+\s+){0,3}?)allowed\s+to\s+"
    r"(?:test|sell|list|operate|produce|make|build|run|import|launch|charge|enter|start)|"
    r"(?:selected|named|chosen|picked)\s+(?:[^.;]{0,60}?\s)?(?:for|to\s+run)\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?pilots?\b"
)
# A review finished ahead of the decision it prepares: "the panel has finished its technical
# review of X and Y", "completed its assessment of the two applicants".
_REVIEW_DONE = (
    r"(?:complet|finish|conclud)\w*\s+(?:its|the|their|a)\s+(?:[\w-]+\s+){0,2}?(?:review|"
    r"assessment|evaluation|examination)s?\s+(?:of|into)"
)
# Cues language.APPROVAL misses: filings with a regulator, an antitrust waiting period, a
# government saying no, backing sought from authorities.
# "has received BOI privileges", "was granted a promotional package": an investment board's
# grant
_INVESTMENT_GRANT = (
    r"(?:investment|tax)\s+(?:privileges|incentives)|"
    r"(?:BOI|BoI|promotion(?:al)?)\s+(?:privileges|package|incentives|certificate)"
)
_MORE_CUES = re.compile(
    r"\b(?:waiting\s+period|sa(?:id|ys?)\s+no\s+to|turn(?:ed|s)?\s+(?:down|away)|backing\s+(?:from|of)|"
    # "homologated for sale in Australia"
    r"homologat\w+|"
    r"outstanding|" + _NO_OBJECTION + "|" + _REVIEW_DONE + "|"
    r"(?:is|are|was|were)\s+(?:still\s+|currently\s+|now\s+|already\s+)?reviewing|"
    r"listing\s+hearing|applications?|"
    + _INVESTMENT_GRANT
    + "|"
    + _COMPLIANCE
    + "|"
    + _PROCEDURES
    + "|"
    + _ALLOWED
    + "|"
    r"registered\s+with|"
    r"(?:its|their)\s+(?:antitrust|competition|merger|in-depth)\s+(?:review|investigation|probe))\b|"
    + _CLEAR_DEAL
    + "|"
    + _PROBE,
    _I,
)
# Filings that ask a regulator for something: "antitrust filings", "filed with the CSRC for
# an overseas listing"; not a company's filing to a stock exchange.
_FILING = re.compile(
    r"\b(?:(?:antitrust|competition|merger|investment[\s-]screening|foreign[\s-]investment|"
    r"listing|regulatory\s+approval)\s+(?:\w+\s+)?filings?|"
    r"fil(?:ed|es|ing)\s+(?:with\s+(?:the\s+)?(?:[\w'’]+\s+){0,6}?)?(?:for|to)\s+"
    r"(?:an?\s+|its\s+|the\s+)?(?:(?:overseas|offshore|initial|public|US|U\.S\.|Hong\s+Kong|"
    r"domestic|New\s+York|stock)\s+)*(?:listing|IPO|public\s+offering|go\s+public|list|float|"
    r"approval|clearance|a\s+licen[cs]e|permission))\b",
    _I,
)
# Getting an approval told as a goal: "win a production licence", "secure regulatory approvals".
_AIMED_AT = (
    r"(?:obtain|secure|get|win|receive|gain)\s+(?:[\w'’-]+\s+){0,3}?(?:approvals?|licen[cs]es?|"
    r"permits?|clearances?|nod|green\s+light|go-ahead|permission|sign-?off)"
)
_PENDING_MORE = re.compile(
    _PROBE + r"|\b(?:" + _REVIEW_DONE + r"|outstanding|(?:has|have|had)\s+still\s+to|"
    r"still\s+(?:has|have|had)\s+to|"
    r"(?:complet|finish|undergo|going\s+through|go(?:es)?\s+through|start|beg[au]n|initiat)\w*\s+"
    r"(?:the\s+|its\s+)?" + _PROCEDURES + "|"
    # "if the authorities give their approval": a grant still to come
    r"(?:if|once|when|until|unless)\s+(?:[\w'’-]+\s+){0,4}?(?:give|gives|grant|grants|approve|"
    r"approves|clear|clears)\b|"
    # "must still pass a review", "would decide later this month whether to cancel the
    # certification"
    r"must\s+still|(?:must|has\s+to|have\s+to|needs?\s+to)\s+(?:still\s+)?(?:pass|undergo|"
    r"go\s+through)|decid\w+\s+(?:[\w-]+\s+){0,4}?whether|"
    r"(?:preparing|poised|set|expected|likely|due)\s+to\s+(?:approve|clear|grant|sign\s+off|"
    r"receive|win|obtain|secure|get|gain)|"
    r"(?:will|would|must|has\s+to|have\s+to|need\s+to|needs\s+to|plans?\s+to|intends?\s+to)\s+"
    r"(?:\w+\s+)?"
    r"(?:review|approve|clear|sign\s+off)|"
    r"fil(?:ed|es|ing|ings)|submit(?:s|ted|ting)?|advancing|notif(?:y|ied|ication)|"
    r"(?:is|are)\s+(?:\w+\s+)?(?:expected|due|likely|anticipated)|"
    r"requested|request(?:s|ing)?\s+(?:\w+\s+)?(?:backing|approval|permission)|"
    r"(?:its|their)\s+(?:antitrust|competition|merger|regulatory|in-depth)\s+(?:review|"
    r"investigation|probe|scrutiny)|"
    r"ask(?:ed|s|ing)?\s+(?:[\w'’]+\s+){0,6}?for\s+(?:its\s+|their\s+|an?\s+)?(?:approval|"
    r"clearance|permission|nod|go-ahead)|"
    # "is on track to win approval", "must obtain a licence", "would help X secure clearance":
    # an approval aimed at, not yet in hand
    r"(?:(?:on\s+track|close|closer|working|struggl\w*|aim(?:s|ed|ing)?|plan(?:s|ned|ning)?|"
    r"wants?|wanted)\s+to|must|could|might|may|help(?:s|ed|ing)?(?:\s+[\w'’-]+){1,4}?"
    r"(?:\s+to)?)\s+" + _AIMED_AT + "|"
    r"not\s+yet|still\s+needs?|remains?\s+(?:subject|pending)|"
    # "still depends on ... approval", "the only remaining step is final approval": a condition
    # not yet met
    r"(?:still\s+)?depends?\s+on|depending\s+on|(?:remaining|outstanding|last|final)\s+"
    r"(?:step|hurdle|obstacle|condition)s?|"
    r"(?:fail(?:ed|s)?\s+to|unable\s+to|(?:could|did|does|do|can)(?:\s+not|n['’]t)|cannot)\s+"
    r"(?:win|obtain|secure|get|receive|gain))\b",
    _I,
)
_GRANTED_MORE = re.compile(
    _CLEAR_DEAL + r"|\b(?:" + _NO_OBJECTION + r"|"
    # "the board also agreed to give investment incentives to X": the body's decision made
    r"agreed\s+to\s+(?:give|grant|award|approve)|"
    # "the first carmaker to win approval": it has won it
    r"first\s+(?:[\w-]+\s+){0,4}?to\s+(?:win|receive|get|obtain|secure|gain|be\s+(?:granted|"
    r"given|approved|cleared|licensed|issued))|"
    r"waiting\s+period\s+(?:\w+\s+){0,8}?(?:expired|ran\s+out|ended|lapsed)|"
    r"(?:has|have|had)\s+(?:given|granted)|gave\s+(?:its|their|the)|"
    r"(?:expired|ran\s+out)\b|(?:has|have|had|was|were|been)\s+registered\s+with|homologated|"
    + _ALLOWED
    + "|"
    r"complet(?:ed|es)\s+(?:its\s+|the\s+)?(?:[\w-]+\s+)?(?:registration|homologation|certification)|"
    # "two of the licences went to SAIC": handed out
    r"(?:licen[cs]es?|permits?|approvals?|clearances?)\b[^.;]{0,30}?\b(?:went|were\s+(?:awarded|"
    r"issued|handed|given|granted))\s+to\b|"
    # "after receiving all regulatory approvals": done before what the sentence reports
    r"after\s+(?:\w+\s+)?(?:receiving|obtaining|securing|winning|getting|gaining)\b|"
    # "Approval from the NDRC came on Friday": it arrived
    r"(?:approval|clearance|go-ahead|green\s+light|nod|licen[cs]e|permit)s?\b[^;]{0,60}?\b"
    r"(?:came|arrived)\b|"
    # "the clearance of the FAW/Refire venture was published": made public, so given
    r"(?<!for\s)(?<!for\sa\s)(?<!for\san\s)(?:approval|clearance|licen[cs]e|permit)s?\b"
    r"(?![^;]{0,80}?\b(?:application|request|filing)s?\b)[^;]{0,80}?\b(?:was|were|has\s+been|had\s+been|"
    r"have\s+been)\s+(?:\w+\s+)?(?:published|announced|posted|made\s+public|gazetted)\b)",
    _I,
)
_REJECTED_MORE = re.compile(
    r"\b(?:sa(?:id|ys?)\s+no\s+to|turn(?:ed|s)?\s+(?:down|away)|rejection|revok(?:ed|es)|suspend(?:ed|s)|"
    r"withdr[ae]w(?:n)?|pulled)\b",
    _I,
)
_APPLICATION_REJECTED = re.compile(
    r"\b(?:application|licen[cs]e|permit|approval|listing|request|bid\s+for\s+approval)s?\s+"
    r"(?:\w+\s+){0,3}?(?:was|were|has\s+been|had\s+been|have\s+been)\s+(?:\w+\s+)?"
    r"(?:rejected|refused|denied|turned\s+down|blocked|revoked|suspended)(?!\s+by\s+(?-i:[A-Z]))",
    _I,
)
_HELD_BY_THING = re.compile(
    r"\b(?:a|an|the|its)\s+(?:[\w-]+\s+){0,2}?(?:factory|plant|facility|site|venture|entity|"
    r"model|vehicle|car|product|system)\s+(?:that|which)\s+(?:\w+\s+){0,2}?(?:holds?|has|had|"
    r"received|won|obtained|secured|got|is\s+licensed|was\s+(?:granted|approved|licensed))\b",
    _I,
)
_REJECTED_PASSIVE = re.compile(
    r"\b(?:(?:was|were|been|be|is|are|get|got)\s+(?:\w+\s+)?(?:rejected|refused|blocked|denied|"
    r"vetoed|turned\s+down|revoked|suspended|withdrawn)|rejection|refusal|veto)\b",
    _I,
)
_ONGOING = re.compile(r"\b(?:since|still|yet|(?:has|have)\s+been|continues?)\b", _I)
# "do not mean the applications have been approved": negated within its clause.
_NEGATED_CLAUSE = re.compile(r"\b(?:not|n't|never|no\s+longer)\s+(?:[\w'’]+\s+){0,6}$", _I)
_RECEIVES = re.compile(r"\s+(?:has\s+|had\s+|have\s+)?(?:received|receives)\b")
# A clause opened by one of these makes what follows a condition, not an event: "once the
# authorities have given their approval", "if the deal is cleared".
_CONDITION = re.compile(r"\b(?:if|once|unless|until|provided)\b[^,;]*$", _I)
# "was completed once approval had been obtained": a condition met, told in the past.
_CONDITION_MET = re.compile(r"\bonce\b[^,;]*\bhad\b[^,;]*$", _I)

# Who approves when no body is named: "approval from foreign competition authorities",
# "subject to approval from the competition-law authorities in the countries concerned".
_BODY_HEAD = (
    r"(?:[Aa]uthorities|[Aa]uthority|[Rr]egulators?|[Ww]atchdogs?|[Aa]genc(?:y|ies)|ministry|"
    r"[Oo]fficials|bureau|department|"
    r"ministries|commission)"
)
_PLACE = r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?"
_PLACES = rf"{_PLACE}(?:\s*,\s*(?:the\s+)?{_PLACE})*(?:,?\s+and\s+(?:the\s+)?{_PLACE})?"
_PLACE_TAIL = (
    r"(?:\s+(?:around\s+the\s+world|worldwide|abroad|overseas)\b|"
    rf"\s+(?:in|of)\s+(?:{_PLACES}|the\s+(?:\w+\s+){{0,4}}?(?:concerned|involved|"
    # "of the relevant countries": the places the word "relevant" goes on to name
    r"relevant(?:\s+(?:countries|jurisdictions|markets|states|regions))?)|"
    rf"(?:the\s+)?(?:countries|jurisdictions|markets)\s+(?:\w+\s+){{0,3}}?(?:concerned|involved))|"
    r"\s+concerned)?"
)
_UNNAMED_BODY = re.compile(
    r"\b(?:from|by|of)\s+(?:the\s+)?(?P<body>(?:(?!the\b)[A-Za-z-]+(?:['’]s)?\s+){0,3}"
    + _BODY_HEAD
    + r"\b"  # "seeking regulatory approval" names no regulator
    + _PLACE_TAIL
    + r")",
)
# The same as the one who acts: "The relevant Chinese authorities have still to approve".
_UNNAMED_ACTING = re.compile(
    r"(?:^|\b(?:[Tt]he|once|after|until|if|when|that|said|says|because|since|but|while|"
    r"although)\s+)(?P<body>"
    r"(?:(?!(?:said|says|[Tt]hat|[Tt]his|[Tt]hese|[Tt]hose|and|but|which|who|it|he|she|we|they|"
    r"expects?|expected|wants?|"
    r"hopes?|asked|urged|told|when|if|as|for|to|from|with|by|on|in|at|of|whether|while|"
    r"because|since|after|before|although|though|unless|until|once|so)\b)"
    r"[A-Za-z-]+(?:['’]s)?\s+){0,3}" + _BODY_HEAD + _PLACE_TAIL + r")\s+"
    r"(?:\w+\s+){0,3}?(?:approved?|cleared?|signed\s+off|granted|gave|given|rejected|blocked|"
    r"turned\s+(?:down|away)|vetoed|refused|issued|awarded|authori[sz]ed|okayed|suspended|"
    r"revoked|"
    # "Authorities are still reviewing the sale": the review under way
    r"reviewing|scrutini[sz]ing|examining)\b"
)
# "antitrust filings in South Korea and Canada": the authorities of those places.
_FILINGS_IN = re.compile(
    r"\b(?P<kind>antitrust|competition|merger(?:\s+control)?|investment[\s-]screening|"
    r"foreign[\s-]investment|regulatory)\s+(?:\w+\s+)?(?:filings?|reviews?|notifications?|"
    r"approvals?|clearances?|authorit(?:y|ies)|regulators?|watchdogs?)(?:\s*\([^()]{0,120}\))?"
    r"\s+in\s+(?P<places>(?:the\s+)?" + _PLACES + r")"
)
# The head found first, then the place just before it.
_DESCRIBED_HEAD = re.compile(
    r"\b(?:(?:anti-?trust|competition|merger|cartel|fair[\s-]+trade|anti-?monopoly)\s+"
    r"(?:regulators?|watchdogs?|authorit(?:y|ies)|agency|body|board|office|enforcers?|"
    r"commission|bureau|council)|(?:antitrust\s+|competition\s+|merger\s+)?(?:approval|"
    r"clearance))\b",
    _I,
)
_PLACE_BEFORE = re.compile(rf"\b(?P<place>{PLACE_WORDS})(?:['’]s)?\s+$", _I)
# "the competition authority of Germany": the place after the body
_PLACE_AFTER = re.compile(rf"\s+(?:of|in)\s+(?:the\s+)?(?P<place>{PLACE_WORDS})\b", _I)


def _described_bodies(sentence):
    """(start, end, body) for each antitrust body the sentence describes by its country."""
    found = []
    text = sentence.text
    for head in _DESCRIBED_HEAD.finditer(text):
        plain = not re.search(r"trust|competition|merger|cartel|trade|monopoly", head.group(), _I)
        match = _PLACE_BEFORE.search(text, max(0, head.start() - 20), head.start()) or (
            not plain and _PLACE_AFTER.match(text, head.end())
        )
        if not match:
            continue
        place = " ".join(match.group("place").lower().split())
        body = ANTITRUST_BODY.get(ANTITRUST_DEMONYM.get(place, place))
        if plain and not _DEAL_NOUN.search(sentence.text):
            continue  # "Chinese approval" of a licence is not the merger body's
        if body and match.start() >= head.end():  # the place after: the whole description
            found.append((sentence.start + head.start(), sentence.start + match.end(), body))
        elif body:
            start = sentence.start + match.start()
            found.append((start, start + len(match.group("place")), body))
    return found


# What a government means to do: "the government now plans to approve ...".
_MEANS_TO = r"(?:plans?|planning|intends?|intending|aims?|wants?|ready|about)\s+to"
# A country or its capital acting as the approver: "New Delhi has said no to ...".
# ... or acted on: "BYD's proposal was rejected by India".
_GOVERNMENT_ACTS = re.compile(
    r"(?:^|[,;]\s+|\b(?:that|and|but)\s+)(?:[Tt]he\s+)?"
    rf"(?:(?P<place>{COUNTRY})(?:'s\s+government)?|(?P<demonym>{DEMONYM})\s+government)\s+"
    r"(?:(?:has|have|had|is|was|will|would|also|reportedly|now|recently|already|not|yet|still|"
    r"preparing\s+to|poised\s+to|set\s+to|expected\s+to|likely\s+to|" + _MEANS_TO + r"|to)\s+){0,4}"
    r"(?:approved?|approving|clear(?:ed|s)?|grant(?:ed|s)?|given?|gave|issued|"
    r"said\s+no|turned\s+(?:down|away)|rejected|refused|blocked|vetoed|signed\s+off)\b|"
    r"\b(?:approved|cleared|rejected|blocked|vetoed|turned\s+down|refused)\s+by\s+(?:the\s+)?"
    rf"(?:(?P<place_by>{COUNTRY})\b(?!['’]s|\s+(?-i:[A-Z]))|"
    rf"(?P<demonym_by>{DEMONYM})\s+government)"
)
# The government with no country named, acting or granting: "the government approved ...",
# "rejected by the government", "approval from the central government".
_GOVERNMENT_WORDS = r"(?:[Tt]he|its|their)\s+(?:(?:central|federal|national|union)\s+)?government\b"
_THE_GOVERNMENT_ACTS = re.compile(
    rf"(?<![\w-])(?:{_GOVERNMENT_WORDS}\s+(?:(?:has|have|had|is|was|will|would|also|reportedly|"
    r"now|recently|already|not|finally|formally|on\s+\w+|preparing\s+to|poised\s+to|set\s+to|"
    r"expected\s+to|likely\s+to|"
    + _MEANS_TO
    + r"|to)\s+){0,4}(?:approved?|approving|clear(?:ed|s)?|grant(?:ed|s)?|"
    r"gave|issued|said\s+no|turned\s+(?:down|away)|rejected|refused|blocked|vetoed|"
    r"signed\s+off|green-?lit|okayed)\b|"
    r"\b(?:approved|cleared|rejected|blocked|vetoed|turned\s+down|refused)\s+by\s+"
    rf"{_GOVERNMENT_WORDS}|"
    r"\b(?:approvals?|nod|green\s+light|go-ahead|clearance|permission|licen[cs]es?|permits?|"
    rf"sign-?off)\s+(?:\w+\s+)?(?:from|by|of)\s+{_GOVERNMENT_WORDS})(?!\s+(?:of|in)\s+[A-Z])"
)
# A government's grant with no country named: "awaiting government approval", "won government
# clearance".
_GOVERNMENT_GRANT = re.compile(
    r"(?<![\w-])[Gg]overnment\s+(?:approvals?|nod|clearances?|permission|go-ahead|sign-?off|"
    r"green\s+light|licen[cs]es?|permits?)\b"
)
# A government named as the body: "approval from the Indian government".
_GOVERNMENT_NAMED = re.compile(
    rf"\b(?:(?P<demonym>{DEMONYM})\s+government|(?P<place>{COUNTRY})'s\s+government|"
    rf"[Gg]overnment\s+of\s+(?P<of>{COUNTRY}))\b"
)
# Where a company tells an exchange what the news reports: "in a filing to the", "told the".
_TOLD_BEFORE = re.compile(
    r"\b(?:(?:filings?|statements?|announcements?|disclosures?|notices?|documents?)\s+"
    r"(?:\w+\s+)?(?:to|with|on)|told|informed|notified)\s+(?:the\s+)?$",
    _I,
)
_LISTING_WORD = re.compile(r"\b(?:listings?|IPO|float|flotation|list\s+its|go\s+public)\b", _I)
# Licences companies trade: "a licence agreement", "will license its technology to Mazda",
# "built under licence from BMW".
_COMMERCIAL_LICENCE = re.compile(
    r"\blicen[cs](?:e|es|ed|ing)\s+(?:agreements?|deals?|fees?|pacts?|contracts?|partnerships?|"
    r"arrangements?|rights|income|revenue)\b|"
    r"\blicen[cs](?:e|es|ed|ing)\s+(?:(?:its|the|their|some|a)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:technolog(?:y|ies)|platforms?|designs?|brand|patents?|software|IP|know-how)\b|"
    r"\bunder\s+(?:a\s+)?licen[cs]e\s+from\b|"
    # "Huawei's technology licensing": what one company charges another
    r"\b(?:technolog(?:y|ies)|patents?|software|brand|trademarks?|trade\s+marks?|IP)\s+"
    r"licen[cs](?:e|es|ing)\b",
    _I,
)
# A capital or a country as the one that grants: "the green light from Beijing", "approval
# from Brussels", "still waiting for approval from India".
_CAPITAL_GRANTS = re.compile(
    r"\b(?:approvals?|nod|green\s+light|go-ahead|clearance|blessing|permission|backing|"
    r"sign-?off)\s+(?:from|by|of)\s+(?P<place>" + COUNTRY + r")\b"
    r"(?![\s-]+(?:based|(?-i:[A-Z]))|['’])",  # not "Beijing-based", "Beijing Automotive", "India's"
    _I,
)
# Who approves but is never the one approved: governments, stock exchanges.
_TICKER = re.compile(r"\s*:")
_EXCHANGE_NAME = re.compile(r"(?:Exchange|\bHKEX|\bNYSE|\bNasdaq)$")
_APPROVER_NAME = re.compile(r"(?:\bgovernment|\bstate|Exchange|\bHKEX|\bNYSE|\bNasdaq)$", _I)


# A country as the one that acts, for a body the article names elsewhere: "China is
# speeding up approvals ..., having granted a licence to Wanxiang".
_COUNTRY_ACTS = re.compile(rf"\b(?:{COUNTRY})\s+(?:has|had|have|is|was|will)\b")


def _government(match):
    if not match:
        return None
    place = next(g for g in match.groups() if g)
    return GOVERNMENTS.get(" ".join(place.lower().split()))


# Bodies reporters name by what they do; the article names them elsewhere.
_GENERIC_BODY = re.compile(
    r"\b(?:regulators?|watchdogs?|authorities|(?:the\s+)?(?:commission|ministry|agency|"
    r"bureau|planner|cabinet)|government)\b",
    _I,
)
_EUROPEAN_BODY = re.compile(
    r"(?:European(?:\s+Union)?|EU)(?:['’]s)?\s+(?:[a-z-]+\s+)?(?:regulators?|authorit(?:y|ies)|"
    r"watchdogs?)",
    _I,
)
# A regulator named under its own name that reporting uses for another body.
_SAME_BODY = {"European Union": "European Commission"}

# Approvals that are not a regulator's: a board's, shareholders', a court's, a union's.
_NOT_A_REGULATOR = re.compile(
    r"\b(?:shareholders?|board|boards|investors|union|unions|court|judge|creditors|"
    r"bondholders|customers|voters|members|parliament|stockholders|works\s+council|analysts|"
    r"consumers|partners|employees|workers|staff|lenders|management)\b",
    _I,
)
_REGULATORY = re.compile(
    r"\b(?:regulat\w*|antitrust|competition|authorit\w+|government|watchdogs?|ministry|"
    r"licen[cs]\w*|permits?)\b",
    _I,
)
# Regulatory words that name no regulator's say: a company's disclosure to the market ("said in
# a regulatory filing") and legal boilerplate ("in line with applicable laws and regulations").
_DISCLOSURE = re.compile(
    r"\bregulatory\s+(?:filings?|disclosures?|announcements?|statements?|documents?)\b|"
    r"\b(?:laws?|rules?)\s+and\s+regulations\b",
    _I,
)
# A company as the one that approves: "Volkswagen signed off on", "Honda said it would not
# approve".
_COMPANY_APPROVES = re.compile(
    r"(?:\s+(?:also|has|had|have|on\s+\w+|said|says|it|would|will|could|not|did|does|never|"
    r"formally|finally|already|recently|previously|earlier|since))*\s+(?:approved?|approves|"
    r"signed\s+off|green-?lit|rejected|vetoed|"
    r"gave\s+(?:its|the|their)\s+(?:approval|green\s+light|go-ahead|blessing|nod))\b",
    _I,
)
# A regulator as the one who acts: "the state planner cleared Xiaomi's plan".
_REGULATOR_ACTS = re.compile(
    r"(?:\s*\([^)]{1,80}\))?(?:\s*,[^,]{1,40},)?\s+(?:\w[\w'’]*\s+){0,7}?"
    r"(?:approved|approves|approve|cleared|clears|clear|granted|grants|signed\s+off|"
    r"rejected|rejects|blocked|blocks|gave|gives|given|issued|issues|awarded|licensed|"
    r"green-?lit|authori[sz]ed|okayed|OK['’]?d|rubber-stamped|endorsed|said\s+no|"
    r"turned\s+(?:down|away)|vetoed|refused|review|revoked|" + _NO_OBJECTION + "|"
    # "the ministry withdrew the licences of X and Y", "resolved to withdraw the status of X"
    r"withdr[ae]w(?=\s+(?:the|their|its)\s+(?:[\w-]+\s+){0,2}?(?:licen[cs]es?|permits?|status))|"
    r"suspended|plans?\s+to\s+(?:review|examine|scrutini[sz]e|investigate)|"
    # only an inquiry is read for what it looks into: "approved the venture to build 100,000
    # electric vehicles" is the body's act whatever follows it
    r"(?:opened|launched|began|"
    r"started)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:investigation|probe)\b"
    + _NO_ONES_APPLICATION
    + r")\b",
    _I,
)
# Where the object of the body's verb ends: "review the merger because of X's stake".
_OBJECT_ENDS = re.compile(r"[,;]|\b(?:because|since|as|after|amid|while|which|that)\b")
_CLEARED_OTHER = re.compile(r"\s+(?:\w+\s+)?(?:up|out|away|the\s+(?:way|air|path|decks))\b", _I)
_CHECKED = re.compile(r"\b(?:review|test|inspection|audit)\b", _I)
_APPROVAL_NOUN = re.compile(
    r"\b(?:licen[cs]\w*|permits?|approv\w*|clearances?|cleared|green[\s-]?light|permission|"
    r"go-ahead|sign-?off|signed\s+off|certifi\w+|registration|nod|clear(?:s|ing)?\s+(?:the|its)|"
    r"waiting\s+period|said\s+no\s+to|turn(?:ed|s)?\s+(?:down|away)|backing\s+(?:from|of)|"
    # "its independent vehicle production qualification": the licence to make cars, in China
    r"(?:production|manufacturing|car-?making|vehicle)\s+qualifications?|"
    r"qualifications?\s+to\s+(?:make|build|produce|manufacture|sell)|"
    # "a Class-A surveying and mapping qualification": the licence to map roads, in China
    r"(?:mapping|surveying)\s+qualifications?|registered\s+with|homologat\w+|"
    + _INVESTMENT_GRANT
    + "|"
    + _ALLOWED
    + "|"
    + _PROCEDURES
    + "|"
    + _COMPLIANCE
    + "|"
    + _NO_OBJECTION
    + r")\b",
    _I,
)

# --- who is approved ------------------------------------------------------------------------

# "a unit of Jiangling Motors": the unit is approved, not its owner.
_OWNER_OF = re.compile(
    r"\b(?:unit|subsidiary|affiliate|division|arm|parent|shareholders?|board|customers?|"
    r"suppliers?|rivals?)\s+of\s+(?:the\s+)?$",
    _I,
)
# "Innovusion, which supplies lidar to Nio, had filed ...": Nio is not the one that filed.
_RELATIVE = re.compile(r",\s*(?:which|who|whose|whom)\b[^,]*(?:,|$)")
# A company named to describe the next one: "Alibaba-backed Xpeng", "Tesla supplier CATL".
_DESCRIBES_NEXT = re.compile(
    r"(?:-(?:backed|owned|controlled|funded|led|linked|affiliated|supported)|"
    r"\s+(?:supplier|partner|rival|affiliate|subsidiary|unit|shareholder|investor|backer|"
    r"owner|parent|customer)s?)\s+(?:[a-z][\w-]*\s+){0,2}[A-Z]"
)
_HOLDERS_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:shareholders|stockholders|board|investors)\b|"
    # "cleared Hyundai's unionised workers to strike": the workers, not the company
    r"(?:'s|’s)\s+(?:[\w-]+\s+)?(?:workers|employees|staff|unions?|members)\b"
)
# A deal referred to without its parties.
_DEAL_NOUN = re.compile(
    # "approved a 15-million-euro joint venture": a deal the article goes on to name
    r"\ban?\s+(?:[\w$.()-]+\s+){0,4}?(?P<a_noun>deal|transaction|tie-?up|merger|acquisition|"
    r"takeover|joint\s+venture)\b|"
    # "the 17.9 billion baht ($491 million) EV project": an amount's conversion in brackets
    r"\b(?:the|this|that|its|their|both)\s+(?:[\w$.-]+\s+){0,3}?"
    r"(?:\([^()]{1,40}\)\s+(?:[\w$.-]+\s+){0,2}?)?"
    r"(?P<noun>deal|transaction|tie-?up|"
    r"merger|acquisition|takeover|share\s+purchases?|purchases?|stake\s+purchase|transfer|"
    r"share\s+transfer|investment|joint\s+venture|venture|JV|alliance|combination|"
    r"partnership|plans?|project)\b",
    _I,
)
# "the deal between New York-listed AAM and London-based Dowlais": the two sides of a deal.
_DEAL_BETWEEN = re.compile(
    r"\b(?P<noun>deal|transaction|tie-?up|merger|combination|agreement)\s+(?:between|of|involving)"
    r"\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    _I,
)
# A deal named by its two sides: "the merger of Peugeot owner PSA and rival Fiat Chrysler".
_DEAL_OF_TWO = re.compile(
    r"\b(?P<noun>merger|tie-?up|combination|deal|transaction|joint\s+venture|venture|alliance|"
    r"takeover)\s+(?:of|between)\s+",
    _I,
)
_SIDES_GAP = re.compile(r"\s*(?:,\s*)?(?:and|&)\s+(?:(?:its|the)\s+)?(?:[a-z][\w-]*\s+){0,2}")
_NOUN_AFTER_PAIR = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?P<noun>merger|tie-?up|combination|deal|transaction|joint\s+venture|"
    r"venture|JV|alliance|acquisition|takeover|purchase)\b",
    _I,
)
# The venture referred to: "the new company", "the joint venture", "the JV".
_VENTURE_REFERENCE = re.compile(
    r"\b(?:the|this|that)\s+(?:(?:new|newly[\s-]formed|planned|proposed)\s+(?:joint\s+)?"
    r"(?:company|entity|venture)|(?:joint\s+)?venture|JV)\b",
    _I,
)
_VENTURE_WORDS = r"(?:joint\s+venture|venture|JV|joint\s+company)"
_VENTURE_APPOSITION = re.compile(
    r"(?:\s+(?:Co|Ltd|Inc|Corp)\.?)*\s*(?:\([^()]{0,30}\)\s*)?,\s+(?:a|an|the|their|its)\s+"
    r"(?:[\w-]+\s+){0,3}?" + _VENTURE_WORDS + r"\b",
    _I,
)
_VENTURE_CALLED = re.compile(
    r"\b" + _VENTURE_WORDS + r"(?:,?\s+(?:to\s+be\s+)?(?:called|named|dubbed|known\s+as)|"
    r"\s+company)?,?\s+$",
    _I,
)
_BOTH_SIDES = re.compile(
    r"\b(?:merger|merge|merging|joint\s+venture|venture|JV|alliance|combination|"
    r"partnership|new\s+company|new\s+entity|entity)\b",
    _I,
)
# A body that acts on the article's deal without naming it: "Brazil's competition authority
# CADE granted unconditional clearance"; "A conditional approval from SAMR is likely".
_ALONE_BODY = re.compile(
    r"^(?:(?:The|A|An)\s+)?(?:[\w'’-]+\s+){0,5}?(?:[A-Z]{2,}|Commission|Authority|Office)\s+"
    r"(?:(?:has|have|had|also|now|on\s+\w+)\s+)*(?:granted|gave|cleared|approved)\s+"
    r"(?:(?:an?|its|the)\s+)?(?:\w+\s+)?(?:clearance|approval|green\s+light|go-ahead|nod)\b|"
    r"^(?:An?|The)\s+(?:\w+\s+)?(?:approval|clearance)\s+(?:came\s+|was\s+(?:given|granted|"
    r"issued)\s+)?(?:from|by)\s+(?:the\s+)?[A-Z]"
)
_ANY_OBJECT = re.compile(
    r"\b(?:approv\w*|clear\w*|licen[cs]\w*|permit\w*|allow\w*)\s+(?:any|all|every|no)\s", _I
)
# An approval referred back to at the opening of a sentence: "The approval came from ...",
# "The licence was issued by ...".
_THE_APPROVAL = re.compile(
    r"\s*(?:The|This|That|Its|Their)\s+(?:[\w-]+\s+)?(?:approval|clearance|licen[cs]e|permit|"
    r"certification|go-ahead|green\s+light|nod)\s+(?:came|was|had\s+been|has\s+been)\b"
)
_THEY = re.compile(r"\s*They\s+(?!said\b)")
# "The deal ... It also needs approval from regulators": "it" that needs an approval opening a
# sentence is the deal the article tells of.
_IT_NEEDS = re.compile(
    r"\s*It\s+(?:(?:still|also|only|further)\s+)*(?:needs?|requires?|awaits?|"
    r"(?:is|remains)\s+(?:still\s+)?subject\s+to)\s+(?:\w+\s+){0,3}?"
    r"(?:approvals?|clearances?|consent|green\s+light)\b"
)
# Approvals that only a deal gets: "the waiting period has expired", "antitrust filings".
_DEAL_APPROVAL = re.compile(
    r"\b(?:antitrust|competition(?:-law)?\s+(?:authorit\w+|regulators?|watchdogs?|clearance|"
    r"approvals?|reviews?|filings?)|merger\s+(?:control|clearance|review)|waiting\s+period|"
    r"Hart-Scott-Rodino|HSR)\b",
    _I,
)
# "regulatory approvals", "the authorities have given their green light": approval with no
# company named.
_REGULATORY_APPROVALS = re.compile(
    r"\b(?:regulatory|government|official)\s+(?:approvals?|clearances?|green\s+light|go-ahead|"
    r"nod)\b|\b(?:authorities|regulators)\s+(?:\w+\s+){0,3}?(?:give|gave|given|grant|granted)\b|"
    # "final approval from the Chinese government", "approval from the relevant authorities"
    r"\b(?:approvals?|clearances?|green\s+light|go-ahead|nod|consent)\s+(?:from|of|by)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:authorities|regulators|government)\b",
    _I,
)
_PRESS_NOTE_3 = re.compile(r"\bPress\s+Note\s+3\b", _I)
_HSR = re.compile(r"\b(?:Hart-Scott-Rodino|HSR\s+Act)\b")
# The company bought is not the one approved: "Magna's acquisition of Veoneer", "a deal to
# acquire SsangYong", "a 38% stake in MG Motor India".
_BOUGHT = re.compile(
    # "the acquisition of joint control of Renault Korea Motors by Renault and Geely"
    r"(?:\b(?:acquisition|purchase|takeover|buyout|acquiring|buying|purchasing)\s+of"
    r"(?:\s+(?:joint\s+|sole\s+)?control\s+of)?|"
    r"\bto\s+(?:acquire|buy|take\s+over|purchase)|\b(?:stake|interest|(?:share)?holding|shares|"
    r"investments?|"
    r"cent|percent|%)\s+in)\s+(?:(?:the|a|an|its|cash-strapped|struggling|rival)\s+)*"
    # "to buy the US brake manufacturer Wabco": up to three words describing the one bought,
    # none of them a preposition but "from" ("a stake in the unit to Renault": Renault buys;
    # "the purchase of an interest from SoftBank": SoftBank sells)
    r"(?:(?!(?:to|by|for|with|and|of|in|on|at)\s)[\w-]+\s+){0,3}$",
    _I,
)
_BUY = re.compile(
    r"\b(?:buy|buys|bought|buying|acquir\w+|acquisition\s+of|takeover\s+of|take|takes|took|"
    r"taking|purchas\w+|invest\w*\s+(?:[\w$€¥£.,]+\s+){0,4}?in|putting\s+money|put\s+money|stakes?\s+in|"
    r"holdings?\s+in|shares?\s+in|shareholding\s+in)\b",
    _I,
)
# A full stop ends a sentence, not "U.S." nor "$13.5 billion".
_CLAUSE_END = re.compile(r";|\.(?=\s+[A-Z\"“]|$)")
# A side that comes to own a part of the other: "X is set to hold around 0.24 per cent".
_TO_HOLD = re.compile(
    r"(?:\s+(?:is|was|will|would|also))?\s+(?:(?:set|due|expected)\s+)?(?:to\s+)?"
    rf"(?:hold|own|take|acquire|buy)\s+(?:(?:{APPROXIMATELY}|a|an)\s+)*"
    r"[\d.]+\s*(?:%|per\s*cent|percent)",
    _I,
)
_POSSESSIVE_GAP = re.compile(r"['’]s?\s+")
# "X has now proposed to acquire", "X agreed to buy": the company that buys, right after its name.
_BUYS_NEXT = re.compile(
    r"(?:\s+(?:has|have|had|now|also|will|would|is|was|agreed|proposed|plans?|planned|set|"
    r"to|signed\s+a\s+deal\s+to))*\s+(?:buy|acquire|purchase|take\s+over|bought|acquired|"
    r"purchased|took\s+over|"
    r"(?:completed|closed|finali[sz]ed)\s+(?:the|its|their)\s+(?:acquisition|purchase|takeover))\b",
    _I,
)
_SOLD_OF = re.compile(
    r"\b(?:takeover|acquisition|purchase|buyout)\s+of\s+(?:(?:joint\s+|sole\s+)?control\s+of\s+)?"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}?$",
    _I,
)
_BOUGHT_BY = re.compile(r"(?:['’]s\s+\w+\s+)?\s*by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$", _I)
_LIST_GAP = re.compile(
    r"\s*(?:,|and|&|or|as\s+well\s+as|,\s*and|,\s*as\s+well\s+as)\s*"
    r"(?:(?!(?:which|who|that|said|says|will|would|has|have|had|is|are|was|were|to|with|from|"
    r"by|in|on|for|of|at)\b)[A-Za-z][\w.-]*(?:['’]s)?\s+){0,5}",
)
# The rest of a company's legal name after the part the company list knows: "Nissan| (China)
# Investment Co and Dongfeng Motor".
_NAME_GOES_ON = re.compile(
    r"^\s*(?:[A-Z][\w&-]*\s+){1,3}(?=(?:Co|Corp|Ltd|Limited|Inc|LLC|GmbH|plc|AG|SE|NV)\b)"
)
_NEW_ENTITY = re.compile(r"[Tt]he\s+(?:new|newly\s+formed|planned|proposed)\s")
_WORD_BEFORE = re.compile(r"(?<![\w.,;:'’-])([A-Z][a-z]+) $")
_CAPITAL_AFTER = re.compile(r" (?!(?:Co|Corp|Inc|Ltd|AG|SE|NV)\b)[A-Z][a-z]+")
# The deal itself needs or got the approval: "the merger, which still needs the approval of
# competition authorities"; its parties are approved whoever else the sentence names.
_DEAL_NEEDS = re.compile(
    r"\b(?:the|this|that)\s+(?:\w+\s+){0,2}?(?:deal|transaction|tie-?up|merger|acquisition|"
    r"takeover|joint\s+venture|venture|JV|combination|share\s+purchases?|transfer|investment|"
    r"purchase|sale)"
    r"(?:,\s*which)?\s+(?:\w+\s+){0,2}?(?:needs?|requires?|awaits?|is\s+subject|remains|"
    r"won|received|has\s+been\s+(?:cleared|approved))\b",
    _I,
)
_LEGAL_SUFFIX = re.compile(r"^(?:,?\s*(?:Inc|Co|Corp|Ltd|Limited|AG|SE|NV|N\.V|plc|LLC|GmbH)\.?)+")
_PARTNER_BEFORE = re.compile(
    r"\b(?:merger|merge|merging|combination)\s+with\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}$",
    _I,
)
_SPEAKS = re.compile(
    r"(?:\s+(?:also|on\s+\w+|in\s+a\s+statement))?,?\s+(?:said|says|told|announced|"
    r"confirmed|reported|disclosed)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?!it\b|they\b)[A-Z]"
)
# A name in its legal form: capitalised words ("and" between two) before "Co Ltd", "Ltd.".
_LEGAL_FORM = re.compile(r"\b(?:Co|Ltd|Limited|Inc|Corp|Corporation|LLC|GmbH|plc|PLC)\b")
_LEGAL_NAME = re.compile(
    r"(?<![\w&'’.-])(?!(?:Co|Ltd|Limited|Inc|Corp)\b)(?P<name>[A-Z][\w&'’.-]*(?:\s+(?:(?:and|&)\s+)?"
    r"(?!(?:Co|Ltd|Limited|Inc|Corp)\b)[A-Z][\w&'’.-]*){1,7}?(?:\s+\([A-Z][a-z]+\))?)"
    r",?\s+(?:Co\.?,?\s+Ltd\.?|Co\.?,?\s+Limited|Co\.?|Ltd\.?|Limited|Inc\.?|Corp\.?|"
    r"Corporation|LLC|GmbH|plc|PLC)(?![\w&])"
)
_MERGED_INTO_NAME = re.compile(
    r"\bmerg\w*\s+of\s+[^,;]{1,80}?\s+into\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,5})"
)
# A word that makes "Tata Motors Passenger Vehicles Ltd" another company than Tata Motors.
_MORE_THAN_FORM = re.compile(
    r"\b(?!(?:Motors?|Auto|Automobiles?|Automotive|Group|Holdings?|Technology|Technologies|"
    r"Industries|Industry|International|Corporation|Company|Co|Ltd|Inc|Corp)\b)[A-Z][\w-]*"
)
_DESCRIBING = re.compile(r"-[a-z]+$")
_DATE_WORDS = frozenset(
    _words_of(
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March "
        "April May June July August September October November December"
    )
)
_REPORTS_THAT = re.compile(
    r"\b(?:showed|shows|said|says|reported|revealed|indicated|stated)\s+that\b", _I
)
_REGULATOR_GAP = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:,|and|or|as\s+well\s+as|,\s*and)\s+(?:the\s+|its\s+)?"
    r"(?:[A-Z][\w.]*['’]s\s+)?"
)
# What a regulator acts on when it is the company's own: "approved, with remedies, its purchase".
_ITS_DEAL = re.compile(
    r"[^.;]{0,80}?\b(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:purchase|acquisition|takeover|"
    r"investment|stake|plan|bid|deal|merger|venture|application|listing|licen[cs]e|permit)",
    _I,
)
_OBJECT_IS_ITS = re.compile(r"(?:\s*,[^,]{1,40},)?\s+(?:on\s+\w+\s+)?(?:its|their)\s")
_TO_APPROVE = re.compile(
    r"\bto\s+(?:approve|clear|grant|sign\s+off\s+on|green-?light|authori[sz]e)\b", _I
)
_RATING = re.compile(r"\s+(?:ratings?|scores?|polls?)\b", _I)
# A measure, not a company's application, is approved: "the tariffs were approved".
_POLICY = (
    r"(?:tariffs?|duties|rules?|regulations?|laws?|bill|legislation|budget|subsid(?:y|ies)|"
    r"measures?|polic(?:y|ies)|standards?|sanctions?|quotas?|"
    # money a government lends or gives: "approved a $7.5 billion loan to Rivian"
    r"loans?|grants?|funding|financing|"
    # a union's say: "the UAW had approved the new labour contract"
    r"(?:labou?r|wage|pay|union|collective)\s+(?:contracts?|deals?|agreements?))"
)
# A policy approved, passive or active: "the tariffs were approved", "the EU approved tariffs
# of up to 35%", "the Senate passed a bill that ...": the companies it touches are not approved.
_THING_APPROVED = re.compile(
    rf"\b(?:the|new|a|an)\s+(?:[\w-]+\s+){{0,3}}?{_POLICY}\s+"
    r"(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+(?:\w+\s+)?"
    r"(?:approved|cleared|passed|adopted)\b|"
    r"\b(?:approv(?:e|es|ed|ing)|passed|adopt(?:s|ed|ing)?)\s+(?:(?:the|a|an|new|its|their)\s+)?"
    r"(?:[\w$.,-]+\s+){0,3}?"
    rf"{_POLICY}\b(?!\s+(?:application|request|proposal|plan)\b)",
    _I,
)
# Wrongdoing a body looks into: an inquiry, not an application waiting for its say.
_WRONGDOING = re.compile(
    r"\b(?:irregularit(?:y|ies)|misconduct|falsif\w+|fraud\w*|rigg(?:ed|ing)|cheat(?:ed|ing)|"
    r"wrongdoing|improper(?:ly)?|tamper\w*|manipulat\w+)\b",
    _I,
)
# Papers a company holds, told without their issuer: "won a licence to test robotaxis",
# "received a permit", "was homologated", "a Class-A mapping qualification".
_HELD_PAPER = re.compile(
    r"\b(?:licen[cs]\w*|permits?|qualifications?|homologat\w*|certifi\w*|registration|"
    r"registered|selected|chosen|picked|posted)\b",
    _I,
)
_NO_APPROVAL = re.compile(
    r"\bno\s+(?:further\s+|regulatory\s+|such\s+|additional\s+)?(?:approvals?|licen[cs]es?|"
    r"permits?|clearances?|permission)\s+(?:is|are|was|were|would|will|has|have)\b|"
    # "Honda said it would not need regulatory approval for the small investment"
    r"(?:\bnot|n['’]t|\bnever)\s+(?:need|needs|needed|require|requires|required)\s+(?:any\s+|"
    r"further\s+|regulatory\s+|government\s+|antitrust\s+|an?\s+)*(?:approvals?|licen[cs]es?|"
    r"permits?|clearances?|permission)\b",
    _I,
)
# A court's say on an insolvency ("accepting the bankruptcy liquidation application") is no
# licence or clearance of the company.
_INSOLVENCY = re.compile(
    r"\b(?:bankruptcy|liquidation|insolvency|winding[\s-]up)\s+(?:[\w-]+\s+)?(?:applications?|"
    r"petitions?|filings?|proceedings?|requests?)\b",
    _I,
)
# Securities paperwork: "sold relying on an exemption from registration", "a Certificate of
# Designations", "its registration statement": how shares are issued, not a licence.
_SECURITIES_FORMS = re.compile(
    r"\bexempt(?:ion)?\s+from\s+registration\b|\bregistration\s+statements?\b|"
    r"\bCertificate\s+of\s+Designations?\b",
    _I,
)
# "Geely's Zeekr", "Geely's premium brand Zeekr"; not "Hyundai's deal with Stellantis".
# "Volkswagen's Chinese partner SAIC": a nationality among the words between.
_OWNS = re.compile(
    r"['’]s\s+(?:(?:(?!(?:with|in|of|for|to|by|on|from|and|or|into|over)\s)[a-z][\w-]*|"
    rf"(?:{DEMONYM})(?=\s+[a-z]))\s+){{0,3}}"
    r"(?=[A-Z])"
)
_BRACKETS = re.compile(r"\([^()]*\)")
# "the merger of Fincare into AU": the company that survives.
_MERGED_INTO = re.compile(r"(?:\s+[A-Z][\w.&-]*){0,4}\s*(?:\([^()]{0,60}\)\s*)?\s+into\s")
_ABBREVIATION = re.compile(
    r"(?:,?\s+(?:Corporation|Corp\.?|Co\.?|Ltd\.?|Limited|Inc\.?|Group))*\s*\(([A-Z][A-Za-z&]{1,7})\)|"
    # "Mitsubishi Corporation ('Mitsubishi')": the short name a press release defines
    r"(?:,?\s+(?:Corporation|Corp\.?|Co\.?|Ltd\.?|Limited|Inc\.?|Group))*\s*\(\s*['‘\"“]"
    r"([A-Z][\w&.-]{1,20}(?:\s+[A-Z][\w&.-]*){0,2})['’\"”]\s*\)"
)


# --- the patterns above, tried only where their words occur ---------------------------------
# A case-blind alternation tried at every character is slow; the shared cue scan finds where
# the words that open (Anchored) or occur in (Gated) each pattern start, once per sentence.


def _anchored(regex, starts):
    return Anchored(regex.pattern, starts, flags=regex.flags)


def _gated(regex, cues):
    return Gated(regex.pattern, cues, flags=regex.flags)


_PLACE_CUES = _words_of(
    "india delhi china beijing japan tokyo korea seoul indonesia jakarta germany berlin "
    "italy rome france paris britain london washington thailand vietnam malaysia brussels "
    "hungary spain mexico brazil turkey poland canada australia saudi taiwan morocco "
    "philippines pakistan russia egypt chile argentina colombia peru israel sweden norway finland "
    "netherlands belgium austria portugal romania serbia slovakia ukraine south nigeria kenya "
    "ethiopia algeria tunisia bangladesh sri kazakhstan uzbekistan singapore cambodia qatar oman "
    "kuwait bahrain"
)
_PENDING = _anchored(
    lang.PENDING,
    _words_of(
        "await waiting has have had is was yet not still pending appl seek sought "
        "submitted fil under reviewing expect hope without need require held taking delay "
        "asked ask trying tries securing obtaining subject conditional only"
    ),
)
_GRANTED = _anchored(
    lang.GRANTED,
    _words_of(
        "receiv won win grant approv obtain secur got get gave giv clear issu award green "
        "added included signed nodded passed has holds gained okayed ok rubber-stamped "
        "endorsed authori certifi"
    ),
)
_REJECTED = _anchored(
    lang.REJECTED,
    ["reject", "refus", "block", "deni", "turn", "veto", "bar", "prohibit", "ban", "struck"],
)
_PENDING_MORE = _anchored(
    _PENDING_MORE,
    _words_of(
        "outstanding has have had still preparing poised set expected likely due will "
        "would must need fil submit advancing notif request not remain open launch began plan "
        "intend ask its their complet finish undergo going was were "
        "begun start fail is are unable could did does do can cannot on close closer working "
        "struggl aim plan want may might help conclud depend remaining last final go start "
        "began begun initiat if once when until unless decid"
    ),
)
_GRANTED_MORE = _anchored(
    _GRANTED_MORE,
    _words_of(
        "clear waiting has have had gave expired ran approv licen permit after go-ahead green nod "
        "wav all raise no would will did does do won decided first was were been homologat complet "
        "is are be being selected named chosen picked agreed"
    ),
)
_REJECTED_MORE = _gated(_REJECTED_MORE, _words_of("no turn rejection revok suspend withdr pulled"))
_MORE_CUES = _gated(
    _MORE_CUES,
    (
        "waiting",
        "no",
        "turn",
        "backing",
        "outstanding",
        "clear",
        "investigation",
        "probe",
        "review",
        "application",
        "privileges",
        "promotion",
        "boi",
        "listing",
        "wav",
        "all",
        "objection",
        "oppose",
        "compliance",
        "registered",
        "required",
        "necessary",
        "regulatory",
        "licensing",
        "registration",
        "approval",
        "homologat",
        "examining",
        "reexamin",
        "reconsider",
        "revisit",
        "reassess",
        "reevaluat",
        "scrutini",
        "looking",
        "probing",
        "investigating",
        "allowed",
        "selected",
        "named",
        "chosen",
        "picked",
        "complet",
        "finish",
        "conclud",
    ),
)
_FILING = _gated(_FILING, ("fil",))
_FILINGS_IN = _gated(
    _FILINGS_IN,
    ("antitrust", "competition", "merger", "investment", "foreign", "regulatory"),
)
_BODY_CUES = (
    *("authorit", "regulator", "watchdog", "agenc", "ministr", "commission", "officials"),
    *("bureau", "department"),
)
_UNNAMED_BODY = _gated(_UNNAMED_BODY, _BODY_CUES)
_UNNAMED_ACTING = _gated(_UNNAMED_ACTING, _BODY_CUES)
_GOVERNMENT_ACTS = _gated(_GOVERNMENT_ACTS, (*_PLACE_CUES, "government"))
_GOVERNMENT_NAMED = _gated(_GOVERNMENT_NAMED, ("government",))
_THE_GOVERNMENT_ACTS = _gated(_THE_GOVERNMENT_ACTS, ("government",))
_COUNTRY_ACTS = _gated(_COUNTRY_ACTS, _PLACE_CUES)
_GENERIC_BODY = _gated(
    _GENERIC_BODY,
    _words_of(
        "regulator watchdog authorities commission ministry agency bureau planner cabinet "
        "government"
    ),
)
_NOT_A_REGULATOR = _gated(
    _NOT_A_REGULATOR,
    _words_of(
        "shareholder board investors union court judge creditor bondholder customer voter "
        "member parliament stockholder works analysts consumers partners employees workers "
        "staff lenders management"
    ),
)
_REGULATORY = _gated(
    _REGULATORY,
    _words_of("regulat antitrust competition authorit government watchdog ministry licen permit"),
)
_APPROVAL_NOUN = _gated(
    _APPROVAL_NOUN,
    _words_of(
        "licen permit approv clear green permission go-ahead sign certifi registration "
        "nod waiting no turn backing wav all oppose qualification mapping surveying registered "
        "compliance required necessary regulatory homologat allowed selected named chosen picked "
        "investment tax boi promotion"
    ),
)
_CHECKED = _gated(_CHECKED, ("review", "test", "inspection", "audit"))
_DEAL_WORDS = _words_of(
    "deal transaction tie merger acquisition takeover purchase stake transfer investment "
    "joint venture jv alliance combination partnership plan project"
)
_DEAL_NOUN = _gated(_DEAL_NOUN, _DEAL_WORDS)
_DEAL_NEEDS = _gated(_DEAL_NEEDS, _DEAL_WORDS)
_DEAL_APPROVAL = _gated(
    _DEAL_APPROVAL, ("antitrust", "competition", "merger", "waiting", "hart", "hsr")
)
_HSR = _gated(_HSR, ("hart", "hsr"))
_APPLICATION_REJECTED = _gated(
    _APPLICATION_REJECTED,
    ("application", "licen", "permit", "approval", "listing", "request", "bid"),
)
_HELD_BY_THING = _gated(_HELD_BY_THING, ("that", "which"))
_TO_APPROVE = _gated(_TO_APPROVE, _words_of("approve clear grant sign green authori"))
_THING_APPROVED = _gated(_THING_APPROVED, _words_of("approv cleared passed adopt"))
_NO_APPROVAL = _gated(_NO_APPROVAL, _words_of("no not never need require"))
_INSOLVENCY = _gated(_INSOLVENCY, ("bankruptcy", "liquidation", "insolvency", "winding"))
_SECURITIES_FORMS = _gated(_SECURITIES_FORMS, ("exempt", "registration", "certificate"))
_PRESS_NOTE_3 = _gated(_PRESS_NOTE_3, ("press",))
_LISTING_IN = _gated(LISTING_IN, ("hong", "shanghai", "shenzhen", "york", "singapore", "london"))


def _as_approver(body, actor):
    """A government or a stock exchange named like a company ("the Italian government", "the
    Hong Kong Stock Exchange") is, in a sentence about an approval, the body that approves
    or reviews: never the one approved."""
    if actor.kind == "regulator" or not _APPROVER_NAME.search(actor.company):
        return actor
    if _TICKER.match(body, actor.end):
        return Actor(
            actor.start, actor.end, actor.company, "approver", actor.named
        )  # "(NYSE: VNE)"
    return Actor(actor.start, actor.end, actor.company, "regulator", actor.named)


def _approves(match):
    """An approval word used as one: not "cleared things up" nor "cleared the way", nor an
    "approval rating"."""
    if _RATING.match(match.string, match.end()):
        return False
    if not match.group().lower().startswith("clear"):
        return True
    after = match.string[match.end() : match.end() + 20]
    return not _CLEARED_OTHER.match(after)


def _approval_status(text, received_by_body=()):
    """pending, granted or rejected, or None when the sentence reports no approval step.
    `received_by_body` holds where a regulator "has received" something (a filing): that is
    no grant."""
    pending_spans = [(m.start(), m.end()) for m in _PENDING.finditer(text)]
    pending_spans += [(m.start(), m.end()) for m in _PENDING_MORE.finditer(text)]
    pending_spans += [(m.start(), m.end()) for m in _TO_APPROVE.finditer(text)]

    def live(match):
        if any(s <= match.start() < e for s, e in pending_spans):
            return False
        before = text[max(0, match.start() - 30) : match.start()]
        if lang.NOT_GRANTED.search(before):
            return False
        if _NEGATED_CLAUSE.search(text, max(0, match.start() - 60), match.start()):
            return False
        if match.end() in received_by_body:
            return False
        before = text[max(0, match.start() - 80) : match.start()]
        return not _CONDITION.search(before) or bool(_CONDITION_MET.search(before))

    rejected = [*_REJECTED.finditer(text), *_REJECTED_MORE.finditer(text)]
    if any(live(m) for m in rejected):
        return "rejected"
    granted = [*_GRANTED.finditer(text), *_GRANTED_MORE.finditer(text)]
    if any(live(m) for m in granted):
        return "granted"
    if pending_spans or granted:
        return "pending"  # "expects to be granted", "has not received", "if it is cleared"
    return None


def find_approvals(context, position, actors):
    """Approval facts of one running sentence: the company that seeks or got a licence,
    permit or clearance, the regulator (named, described, or none), and the status."""
    sentence = context.sentences[position]
    text = sentence.text
    cue = lang.APPROVAL.search(text) or _MORE_CUES.search(text) or _FILING.search(text)
    if not cue:
        return []
    if _COMMERCIAL_LICENCE.search(text):
        cue = _cue_beside_licences(text)
        if not cue:
            return []  # "a licence agreement with Panasonic": one company licenses another
    body = context.body
    actors = _with_legal_names(sentence, _with_abbreviations(context, sentence, actors))
    actors = _with_short_legal_names(context, actors)
    actors = [_as_approver(body, _acronym_in_title_case(context, a)) for a in actors]
    actors = _named_after_description(body, _with_bodies(context, sentence, actors))
    alone = not any(a.kind != "regulator" for a in actors)
    if alone and not _may_refer_to_deal(text) and not _ALONE_BODY.match(text):
        return []  # nobody to approve: no company, no deal, no pair
    if _ANY_OBJECT.search(text) and not any(a.kind != "regulator" and a.named for a in actors):
        return []  # "it will not approve any new foreign joint ventures": a policy, no one's case
    if (
        _THING_APPROVED.search(text)
        or _NO_APPROVAL.search(text)
        or _INSOLVENCY.search(text)
        or _SECURITIES_FORMS.search(text)
    ):
        return []  # "the tariffs were approved ..., hitting BYD", "no approval is needed"
    regulators = [
        a
        for a in actors
        if a.kind == "regulator" and not _told_to(body, text, a) and not _alongside(body, a, actors)
    ]
    received = {
        found.end() - sentence.start for r in regulators if (found := _RECEIVES.match(body, r.end))
    }  # "the CSRC has received the filings": the body receives, no one is granted
    status = _approval_status(text, received)
    if status is None:
        return []
    if status == "pending" and _WRONGDOING.search(text):
        return []  # "inspecting Toyota over irregularities in the tests for certificates"
    held = _HELD_BY_THING.search(text)
    if held and held.start() < cue.start():
        return []  # "a factory that already holds a licence": the factory's, named or not
    on = context.date_of(sentence)
    if (context.published - on).days > _BACKGROUND_DAYS and _DAY_WITHOUT_YEAR.search(text):
        on = context.published  # "to start trading on March 10": a day ahead, not last year's
    if (context.published - on).days > _BACKGROUND_DAYS and not (
        status == "pending" and _ONGOING.search(text)
    ):
        return []  # "received a licence last year": background; "waiting since 2021" is not
    if not regulators and _no_approval_without_regulator(context, position):
        return []
    acting = [r for r in regulators if _REGULATOR_ACTS.match(body, r.end)]
    regulator = _regulator(context, position, regulators, acting)
    if (
        regulator == [None]
        and status == "granted"
        and not _HELD_PAPER.search(text)
        and not _REGULATORY.search(text)
    ):
        # An approval granted is told with who granted it; one the article gives no body for
        # at all (not named, described or a government) is a board's, a partner's or a loose
        # "won permission"; a licence or permit held needs no body named, and a pending step
        # ("subject to regulatory approval") none either.
        return []
    if status == "rejected" and not _a_body_said_no(text, acting, regulator):
        return []
    subjects = _subjects(context, sentence, actors, acting, regulator, cue.start())
    if not subjects:
        return []
    what = lang.approval_what(text)
    why = (f"approval word: {cue.group()}", f"status: {status}")
    if regulator != [None] and not regulators and _no_body_before(context, sentence.start):
        why += (NAMED_LATER,)  # a weaker reading than a sentence that names its body
    facts = []
    for subject, body_name in subjects:
        facts.append(
            ApprovalFact(
                subject=subject,
                regulator=body_name,
                what=what,
                status=status,
                sentence=text,
                start=sentence.start,
                end=sentence.end,
                on=on,
                attributed_to=context.attribution(position),
                why=(*why, f"regulator: {body_name or 'none named'}"),
            )
        )
    return facts


def _named_after_description(body, actors):
    """Actors without a body's description that its name follows in apposition ("market
    regulator SEBI", "the antitrust regulator, the Competition Commission of India"): the name
    says which body the description means."""
    out = []
    for actor, following in zip(actors, [*actors[1:], None], strict=False):
        if (
            following is not None
            and actor.kind == following.kind == "regulator"
            and _DESCRIPTION.search(body, actor.start, actor.end)
            and _APPOSITION.fullmatch(body, actor.end, following.start)
        ):
            continue
        out.append(actor)
    return out


_DESCRIPTION = re.compile(
    r"\b(?:regulators?|watchdogs?|authorit(?:y|ies)|ministry|planner|agency|body)$"
)
_APPOSITION = re.compile(r"\s*,?\s*(?:the\s+)?")


def _acronym_in_title_case(context, actor):
    """A body's abbreviation written as a word ("Brazil's Cade", "Sebi", "Cofece"), which the
    company list knows in capitals, is that body, not a firm of the same name."""
    surface = context.body[actor.start : actor.end]
    if actor.kind == "regulator" or not _TITLE_CASE_WORD.fullmatch(surface):
        return actor
    listed = context.index.lookup(surface.upper())
    if listed is None or listed.kind != "regulator":
        return actor
    return Actor(actor.start, actor.end, listed.name, "regulator", True)


_TITLE_CASE_WORD = re.compile(r"[A-Z][a-z]{2,6}")


def _alongside(body, regulator, actors):
    """A body listed with a company as doers ("NIO, the Anhui provincial government and other
    parties were working to ..."): a helper of the company, not the one that approves."""
    return any(
        a.kind != "regulator"
        and a.end <= regulator.start
        and _CO_ACTOR.fullmatch(body, a.end, regulator.start)
        for a in actors
    )


_CO_ACTOR = re.compile(r"\s*,\s*(?:the\s+)?|\s+and\s+(?:the\s+)?")


def _told_to(body, text, actor):
    """An exchange a company files with or tells ("in a filing to the Hong Kong Stock
    Exchange", "told the Shenzhen Stock Exchange"): the channel of the news, not the body that
    approves, unless the approval is a listing there."""
    if not _EXCHANGE_NAME.search(actor.company) or _LISTING_WORD.search(text):
        return False
    return bool(_TOLD_BEFORE.search(body, max(0, actor.start - 50), actor.start))


def _approves_as_exchange(body, mention):
    """An exchange named neither in a ticker ("NYSE: VNE") nor as where a company files."""
    return not (
        _TICKER.match(body, mention.end)
        or _TOLD_BEFORE.search(body, max(0, mention.start - 50), mention.start)
    )


def _cue_beside_licences(text):
    """The first approval word outside the licences companies grant each other."""
    blank = _COMMERCIAL_LICENCE.sub(lambda m: " " * len(m.group()), text)
    return lang.APPROVAL.search(blank) or _MORE_CUES.search(blank) or _FILING.search(blank)


def _no_approval_without_regulator(context, position):
    """Whether a sentence that names no regulator reports no approval after all."""
    sentence = context.sentences[position]
    text = sentence.text
    if lang.DENY.search(text):
        return True  # "rejected speculation"
    approving_body = (
        _GOVERNMENT_ACTS.search(text)
        or _UNNAMED_ACTING.search(text)
        or _THE_GOVERNMENT_ACTS.search(text)
    )
    if not (_APPROVAL_NOUN.search(text) or _FILING.search(text) or approving_body) and not (
        _regulators_nearby(context, position) and _CHECKED.search(text)
    ):
        return True  # "blocked the road", "the alliance is under review"
    # "in a regulatory filing, the carmaker said its board approved ...": the company's own
    # disclosure, no regulator's say
    regulatory = _REGULATORY.search(_DISCLOSURE.sub(" ", text))
    if _NOT_A_REGULATOR.search(text) and not regulatory:
        return True  # "the board approved the plan"
    if not regulatory and any(
        _COMPANY_APPROVES.match(context.body, m.end)
        for m in context.named_in(sentence.start, sentence.end)
        if m.kind != "regulator"
    ):
        return True  # "Volkswagen signed off on a second model": a company's own say
    words = list(_APPROVAL_NOUN.finditer(text))
    # "Xiaomi cleared things up", "cleared the way for deliveries"
    return bool(words) and not any(map(_approves, words)) and not _FILING.search(text)


def _a_body_said_no(text, acting, regulator):
    """A rejection needs a body that says no, or a refused application: "Aston Martin
    turned down an offer", "Geely denied it had sought approval" and "the department banned
    the software" are no rejected approvals."""
    if _APPLICATION_REJECTED.search(text):
        return True  # "its application was rejected", whoever rejected it
    if _UNNAMED_ACTING.search(text):
        return True  # "Regulators turned down the deal", whichever body the article names
    return regulator != [None] and bool(
        acting
        or _GOVERNMENT_ACTS.search(text)
        or _THE_GOVERNMENT_ACTS.search(text)
        or _REJECTED_PASSIVE.search(text)
    )


# --- the regulator --------------------------------------------------------------------------


def _regulator(context, position, regulators, acting):
    """The body that approves, by its canonical name; a description as written; or None.
    Several regulators per sentence ("filings in the European Union and China") come back
    as a list of names."""
    sentence = context.sentences[position]
    text = sentence.text
    filings = _filing_bodies(text)
    if filings:
        return filings
    if regulators:
        first = _nearest_regulator(context, sentence, regulators, acting)
        granting = _APPROVER_NAME.search(first) and _granting_body_next(context, position)
        if granting and len(regulators) == 1:
            return [_canonical(context, granting)]
        return list(
            dict.fromkeys(
                _canonical(context, name) for name in _listed_with(context.body, regulators, first)
            )
        )
    government = _government(
        _GOVERNMENT_ACTS.search(text)
        or _GOVERNMENT_NAMED.search(text)
        or _CAPITAL_GRANTS.search(text)
    )
    unnamed = _UNNAMED_ACTING.search(text) or _UNNAMED_BODY.search(text)
    if unnamed and _EUROPEAN_BODY.fullmatch(_as_written(unnamed)):
        return ["European Commission"]  # "European regulators": the EU decides through it
    if unnamed and _specific(_as_written(unnamed)):
        return [_body_in_full(context, _as_written(unnamed))]
    if _HSR.search(text):
        return ["FTC"]  # the US merger waiting period is the FTC's (with the DOJ)
    if _PRESS_NOTE_3.search(text):
        return ["Indian government"]  # India's screening of investment from its neighbours
    listing = _LISTING_IN.search(text)
    if listing:
        return [listing_venue(listing)]  # "pre-approval for a listing in Hong Kong": its bourse
    if not government and (_THE_GOVERNMENT_ACTS.search(text) or _GOVERNMENT_GRANT.search(text)):
        # "the government approved ...", "waiting for government approval": the body the
        # article names for it ("the government had approved the venture ... the country's top
        # economic planning agency had given it the green light": the NDRC), else the
        # government of the country the article is about
        named = _regulator_named(context, sentence.start)
        government = named or country_government(context, sentence.start, sentence.end)
        if government:
            return [_canonical(context, government)]
    near = _regulators_nearby(context, position)
    if near:
        return [_canonical(context, near[0].company)]
    if government:
        return [government]
    written = unnamed and _as_written(unnamed)
    home = written and _country_body_named(context, sentence.start, written)
    if home:
        return [home]  # "Chinese regulators" where the article names the NDRC: that body
    if written and len(written.split()) > 1 and written.split()[0].lower() not in _OWNERS:
        return [_body_in_full(context, written)]  # "Chinese regulators"; "the regulator" no one
    named = _regulator_named(context, sentence.start)
    if named:
        return [_canonical(context, named)]  # the body the article names, as an analyst reads it
    return [None]


def _body_in_full(context, written):
    """The body the article names in full whose name holds every word of a short description
    ("the Jiangsu commission": the Jiangsu Provincial Development and Reform Commission), else
    the description as written."""
    words = set(written.lower().split())
    for _, _, name in body_names(context)[0]:
        if words <= set(name.lower().split()):
            return name
    return written


def _country_body_named(context, offset, written):
    """The body the article names most, when `written` describes a country's bodies by its
    people alone ("Chinese regulators") and that body is the same country's."""
    words = written.split()
    if len(words) != 2 or words[1].lower() not in ("regulators", "authorities"):
        return None
    country = GOVERNMENTS.get(words[0].lower())
    named = _regulator_named(context, offset)
    return named if country and home_government(named) == country else None


# "..., granted by the National Development and Reform Commission (NDRC), ...": the body that
# gave the licence a government's approval consists of.
_GRANTED_BY = re.compile(
    r"\b(?:granted|issued|given|awarded|approved)\s+by\s+(?:the\s+)?(?:[A-Z][\w'’]*\s+){0,2}$"
)


def _granting_body_next(context, position):
    """The body the next sentence of the paragraph says granted the licence: "China's
    government has approved X's plan. The licence, granted by the NDRC, ..."."""
    if position + 1 >= len(context.sentences):
        return None
    sentence, near = context.sentences[position], context.sentences[position + 1]
    if near.paragraph != sentence.paragraph:
        return None
    found = [(m.start, m.company) for m in context.named_in(near.start, near.end)]
    found += [(start, name) for start, _, name in bodies_between(context, near.start, near.end)]
    for start, name in sorted(found):
        before = _GRANTED_BY.search(context.body, max(near.start, start - 60), start)
        if before and not _APPROVER_NAME.search(name):
            return name
    return None


# The full stop after "the EU." ends the sentence; the one in "U.S." is the name's own.
_SENTENCE_STOP = re.compile(r"(?:(?<=[a-z])|(?<=[A-Z]{2}))\.$")


def _as_written(match):
    return _SENTENCE_STOP.sub("", _COUNT_WORD.sub("", match.group("body")))


# Words that count the bodies rather than name them: "several antitrust authorities" are
# antitrust authorities.
_COUNT_WORD = re.compile(r"^(?:[Tt]he\s+)?(?:(?:several|various|numerous|many|multiple)\s+)?")


_OWNERS = ("its", "their", "his", "her", "our")


def _specific(body):
    """A description that names its own place or kind ("foreign competition authorities",
    "local authorities in Beijing") is kept as written even when the article names other
    bodies; "regulators" alone stands for a body named elsewhere."""
    words = body.lower().split()
    if words[0] in _OWNERS:
        return False  # "its competition watchdogs": those of a body the article names
    if words[-1] in ("regulator", "watchdog", "ministry", "commission", "agency", "authority"):
        return False  # "the competition regulator": one body, which the article may name
    return len(words) > 1 and not (len(words) == 2 and words[0] in ("chinese", "the", "us", "eu"))


def _filing_bodies(text):
    """ "antitrust filings in the European Union and China": one body per jurisdiction."""
    names = []
    for match in _FILINGS_IN.finditer(text):
        kind = " ".join(match.group("kind").lower().replace("-", " ").split())
        places = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", match.group("places"))
        places = [_SENTENCE_STOP.sub("", p.strip()) for p in places]
        places = [place for place in places if place]
        if kind in ("antitrust", "competition", "merger", "merger control"):
            for place in places:
                body = ANTITRUST_BODY.get(re.sub(r"^the\s+", "", place, flags=_I).lower())
                names.append(body or f"antitrust authorities in {place}")  # "in the US"
        elif places:
            places = [re.sub(r"^the\s+", "", place, flags=_I) for place in places]
            joined = places[0] if len(places) == 1 else f"{', '.join(places[:-1])} and {places[-1]}"
            names.append(f"{kind} authorities in {joined}")
    if not names and _MERGER_NOUN.search(text):
        names = _countries_approving(text)
    return list(dict.fromkeys(names))


# A deal that merger control reviews, and the countries it still needs or got approval from:
# "the deal has been cleared in several jurisdictions, with approvals still pending from
# Brazil, Mexico and China": each country's merger-control body.
_MERGER_NOUN = re.compile(r"\b(?:deal|merger|acquisition|takeover|transaction|tie-?up)\b", _I)
_APPROVALS_FROM = re.compile(
    r"\b(?:approvals?|clearances?)\s+(?:(?:still|yet|now|also)\s+)?(?:(?:pending|needed|required|"
    r"outstanding|awaited)\s+)?(?:from|in)\s+(?P<places>" + _PLACES + r")"
)


def _countries_approving(text):
    """The merger-control bodies of the countries an approval is from, when every place
    named is a country with one ("approvals pending from Brazil, Mexico and China")."""
    match = _APPROVALS_FROM.search(text)
    if not match:
        return []
    places = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", match.group("places"))
    places = [_SENTENCE_STOP.sub("", p.strip()).lower() for p in places if p.strip()]
    bodies = [ANTITRUST_BODY.get(re.sub(r"^the\s+", "", place)) for place in places]
    return bodies if len(bodies) > 1 and all(bodies) else []


def _listed_with(body, regulators, first):
    """The regulator `first` and those listed with it: "approvals from the NDRC and the
    MIIT"."""
    names = [first]
    at = next(r for r in regulators if r.company == first)
    for other in regulators:
        if other.start < at.end:
            continue
        if not _REGULATOR_GAP.fullmatch(body, at.end, other.start):
            break
        names.append(other.company)
        at = other
    return names


def _nearest_regulator(context, sentence, regulators, acting):
    """The regulator that acts, else the one tied to an approval word ("a green light from
    the MIIT", "MIIT approval"), else the first named."""
    if acting:
        return acting[0].company
    body = context.body
    for regulator in regulators:
        before = body[max(sentence.start, regulator.start - 40) : regulator.start]
        if re.search(
            r"\b(?:approv\w*|licen[cs]\w*|permits?|permission|clearance|green[\s-]?light|nod|"
            r"go-ahead|sign-?off|review|backing|filings?|filed)\s+(?:\w+\s+)?(?:from|by|of|with|to)"
            r"\s+(?:the\s+)?(?:\w+\s+){0,2}$",
            before,
            _I,
        ):
            return regulator.company
    for regulator in regulators:
        after = body[regulator.end : regulator.end + 30]
        if re.match(
            r"(?:'s|’s)?\s+(?:\w+\s+)?(?:approv|licen|permi|clearance|nod|review)", after, _I
        ):
            return regulator.company
    return regulators[0].company


def _canonical(context, name):
    name = _SAME_BODY.get(name, name)
    if name in ("FTC", "Fair Trade Commission") and "Federal Trade Commission" not in context.body:
        # "the Fair Trade Commission (FTC)" in Seoul or Tokyo is not the US body.
        if re.search(r"\b(?:Korea|Seoul)", context.body):
            return "KFTC"
        if re.search(r"\b(?:Japan|Tokyo)", context.body):
            return "JFTC"
    return name


def _no_body_before(context, offset):
    """Whether the article names no body before `offset`."""
    _regulator_named(context, offset)
    return bisect.bisect_left(_article_memo(context, "regulators")["starts"], offset) == 0


def _regulator_named(context, offset):
    """The body the article has named most often before `offset` (the first of those named
    as often), by the company list or by the form of its name: "regulators" and "the
    authorities" refer back to a body the reader has met. Before any is named, the one the
    article names most: a lead tells of the approval before it names the body."""
    memo = _article_memo(context, "regulators")
    if "leaders" not in memo:
        bodies = [
            (m.start, _home_body(context.body, m).company)
            for m in context.mentions
            if m.kind == "regulator"
            or (_EXCHANGE_NAME.search(m.company) and _approves_as_exchange(context.body, m))
        ]
        bodies += [(start, name) for start, _, name in body_names(context)[0]]
        bodies.sort()
        counts, leaders, leader = {}, [], None
        for _, name in bodies:
            counts[name] = counts.get(name, 0) + 1
            if leader is None or counts[name] > counts[leader]:
                leader = name
            leaders.append(leader)
        memo["starts"] = [start for start, _ in bodies]
        memo["leaders"] = leaders
    at = bisect.bisect_left(memo["starts"], offset)
    if at:
        return memo["leaders"][at - 1]
    return memo["leaders"][-1] if memo["leaders"] else None


def _regulators_nearby(context, position):
    """A regulator named in the sentences around one that names none ("Chinese regulators
    have approved ..." followed by "The Ministry of Natural Resources ...")."""
    sentence = context.sentences[position]
    for other in (position - 1, position + 1, position - 2):
        if 0 <= other < len(context.sentences):
            near = context.sentences[other]
            across = near.paragraph != sentence.paragraph and other != position - 1
            if across and not (other == position + 1 and _GENERIC_BODY.search(sentence.text)):
                continue  # the next paragraph only for "regulators" that it goes on to name
            found = [
                _home_body(context.body, Actor(m.start, m.end, m.company, "regulator", False))
                for m in context.named_in(near.start, near.end)
                if m.kind == "regulator"
                or (_EXCHANGE_NAME.search(m.company) and _approves_as_exchange(context.body, m))
            ]  # a government in another sentence is not what "the watchdog" refers to
            found += [
                Actor(start, end, name, "regulator", False)
                for start, end, name in bodies_between(context, near.start, near.end)
            ]
            if found:  # a body of the company list before a government or an exchange
                return [
                    min(
                        found, key=lambda a: (_APPROVER_NAME.search(a.company) is not None, a.start)
                    )
                ]
    return []


def _with_bodies(context, sentence, actors):
    """Actors plus the bodies the sentence names by the form of their name ("the Ministry of
    Science and ICT") that the company list misses."""
    by_form = bodies_between(context, sentence.start, sentence.end)
    # "the Ministry of Industry and Trade": the longer body, not the listed one it opens with
    inside = [a for a in actors if any(s <= a.start and a.end < e for s, e, _ in by_form)]
    actors = [
        _home_body(context.body, a)
        for a in actors
        if a not in inside
        or a.kind != "regulator"
        and not any(s == a.start and opens_name(context, a, e) for s, e, _ in by_form)
    ]
    extra = [
        Actor(start, end, name, "regulator", True)
        for start, end, name in (
            *by_form,
            *_described_bodies(sentence),
            *(
                (sentence.start + s, sentence.start + e, b)
                for s, e, b in field_bodies(sentence.text)
            ),
        )
        if not any(a.start < end and start < a.end for a in actors)
    ]
    if not extra:
        return actors
    return sorted([*actors, *extra], key=lambda actor: actor.start)


def _home_body(body, actor):
    """A listed body, or the body of another country that shares its plain name."""
    if actor.kind != "regulator":
        return actor
    other = foreign_namesake(body, actor.start, actor.end, actor.company)
    if not other:
        return actor
    start, end, name = other
    named = getattr(actor, "named", False)  # a Mention of the article is named by the list
    return Actor(start, end, re.sub(r"^[Tt]he\s+", "", name), "regulator", named)


# --- who is approved ------------------------------------------------------------------------


def _with_legal_names(sentence, actors):
    """Actors with the companies named by their legal form that the company list misses, or
    finds only a part of: "Jiangxi Jiangling Group New Energy Vehicle Co Ltd has been
    cleared" is not Jiangling Motors; "Megha Engineering and Infrastructures Ltd."."""
    text = sentence.text
    found = []
    merged = _MERGED_INTO_NAME.search(text)
    if merged:  # "the merger of Fincare into AU Small Finance Bank": the one that survives
        start = sentence.start + merged.start("name")
        end = sentence.start + merged.end("name")
        if not any(a.start < end and start < a.end for a in actors):
            found.append((Actor(start, end, merged.group("name"), "other", True), []))
    if not _LEGAL_FORM.search(text) and not found:
        return actors
    for match in _LEGAL_NAME.finditer(text):
        words = match.group("name").split()
        while words and (
            words[0] in NOT_A_NAME or words[0] in _DATE_WORDS or _DESCRIBING.search(words[0])
        ):
            words.pop(0)  # "On Monday", "Beijing-based", "US-listed": not part of the name
        if words and re.search(r"['’]s$", words[0]):
            words.pop(0)  # "Hyderabad's Megha Engineering"
        if len(words) < 2 or words[-1] in ("and", "&"):
            continue
        name = " ".join(words)
        end = sentence.start + match.end()
        start = sentence.start + match.start("name") + match.group("name").index(words[0])
        inside = [a for a in actors if start <= a.start and a.end <= end]
        if len({a.company for a in inside}) > 1 and re.search(r"\s(?:and|&)\s", name):
            continue  # "Great Wall Motor and SAIC Motor Corp": two companies, not one
        name_end = sentence.start + match.end("name")
        if any(
            a.start == start
            and not _MORE_THAN_FORM.search(
                sentence.text, a.end - sentence.start, name_end - sentence.start
            )
            for a in inside
        ):
            continue  # the list names it: "BYD Co.", "Geely Automobile Holdings Ltd"
        found.append((Actor(start, end, name, "other", True), inside))
    if not found:
        return actors
    replaced = {id(a) for _, inside in found for a in inside}
    kept = [a for a in actors if id(a) not in replaced]
    return sorted([*kept, *(actor for actor, _ in found)], key=lambda actor: actor.start)


def _with_short_legal_names(context, actors):
    """Actors with a company the article names in full first and then by its first words:
    "Hyundai Mobility (Thailand)" ... "allowing Hyundai Mobility to build" is the Thai
    company, not Hyundai ("Geely Automobile Holdings" ... "Geely Automobile" stays Geely)."""
    names = _article_full_names(context)
    if not names:
        return actors
    body = context.body
    out = []
    for actor in actors:
        surface = body[actor.start : actor.end]
        if actor.kind != "regulator" and " " in surface:
            longer = next(
                (
                    (full, company)
                    for full, company in names
                    if company != actor.company
                    and full.startswith(surface + " ")
                    and _MORE_THAN_FORM.search(full, len(surface))
                ),
                None,
            )
            if longer:
                actor = Actor(actor.start, actor.end, longer[1], actor.kind, True)
        out.append(actor)
    return out


def _article_full_names(context):
    """(name as written, company) of each company the article names with more than one word."""
    memo = _article_memo(context, "full names")
    if "names" not in memo:
        body = context.body
        names = {}
        for mention in context.mentions:
            written = body[mention.start : mention.end]
            if mention.kind != "regulator" and " " in written:
                names.setdefault(written, mention.company)
        memo["names"] = list(names.items())
    return memo["names"]


def _with_abbreviations(context, sentence, actors):
    """Actors plus the abbreviations the article defines: "China South Industries Group
    Corporation (CSGC)" makes a later "CSGC" that company."""
    defined = _defined_abbreviations(context)
    if not defined:
        return actors
    text = sentence.text
    body = context.body
    extra = []
    for short, company in defined.items():
        if short not in text:
            continue
        for match in re.finditer(rf"\b{re.escape(short)}\b", text):
            start = sentence.start + match.start()
            if any(a.start <= start < a.end for a in actors):
                continue
            extra.append(Actor(start, start + len(short), company, "other", True))
    # "Maruti Suzuki India (MSIL)" ... "MSIL said": read as a new company, it is the one defined
    actors = [
        Actor(a.start, a.end, defined[short], a.kind, a.named)
        if a.kind != "regulator"
        and (short := body[a.start : a.end]) in defined
        and defined[short] != a.company
        else a
        for a in actors
    ]
    if not extra:
        return actors
    return sorted([*actors, *extra], key=lambda actor: actor.start)


def _defined_abbreviations(context):
    memo = _article_memo(context, "abbreviations")
    if "defined" in memo:
        return memo["defined"]
    defined = {}
    body = context.body
    for mention in context.mentions:
        if mention.kind == "regulator":
            continue
        match = _ABBREVIATION.match(body, mention.end)
        short = match and (match.group(1) or match.group(2))
        if short and short not in defined:
            defined[short] = mention.company
    memo["defined"] = defined
    return defined


def _subjects(context, sentence, actors, acting, regulator_names, cue_at=0):
    """(company, regulator) pairs: the companies approved, each with the regulator."""
    body = context.body
    text = sentence.text
    candidates = _candidates(context, sentence, actors, cue_at)
    chosen = []
    if acting:
        after = [a for a in candidates if a.start >= acting[0].end]
        told = after and all(_tells(body, a) for a in after)
        if told and _refers_to_deal(text[acting[0].end - sentence.start :]):
            after = []  # "SAMR has approved the deal, Xpeng said": the deal's buyer
        before = [a for a in candidates if a.end <= acting[0].start]
        verb = _REGULATOR_ACTS.match(body, acting[0].end)
        if before and verb and _OBJECT_IS_ITS.match(body, verb.end()):
            chosen = _subject_list(body, before)  # "X said the MIIT approved its plan with Y"
        elif after:
            chosen = _subject_list(body, after)
            chosen += _approved_too(body, sentence, after, chosen[-1].end)
        elif before and _ITS_DEAL.match(body, acting[0].end):
            chosen = _subject_list(body, before)  # "X said the CMA approved its purchase"
        elif _refers_to_deal(text[acting[0].end - sentence.start :]):
            chosen = []  # "approved the transaction": the deal's parties, below
        else:
            chosen = _subject_list(body, candidates) if candidates else []
    else:
        government = _GOVERNMENT_ACTS.search(text) or _THE_GOVERNMENT_ACTS.search(text)
        if government:
            after = [a for a in candidates if a.start >= sentence.start + government.end()]
            candidates = after or candidates
        if candidates:
            chosen = _subject_list(body, candidates)
            chosen += _approved_too(body, sentence, candidates, chosen[-1].end)
    names = _buyer_of_deal_named(context, sentence, chosen)
    names += [
        a.company
        for a in candidates
        if _PARTNER_BEFORE.search(body, max(sentence.start, a.start - 50), a.start)
    ]  # "cleared its merger with Nissan": both sides merge ("X's venture with Y" is X's)
    verb = acting and _REGULATOR_ACTS.match(body, acting[0].end)
    others_object = verb and any(
        verb.end() <= a.start < verb.end() + 60
        and not _OBJECT_ENDS.search(body, verb.end(), a.start)
        and not _BOUGHT.search(body, max(0, a.start - 60), a.start)
        for a in actors
        if a.kind != "regulator"
    )  # "cleared the merger of Fincare into AU": a deal of others, not the article's
    named = bool(names)
    if _DEAL_NEEDS.search(text):
        named = False
        names = _deal_parties(context, sentence) or names
    elif not names and not others_object:
        names = _deal_parties(context, sentence)
    # a government or an exchange (the article's main subject, say) approves, never is approved
    names = [name for name in names if not _APPROVER_NAME.search(name)]
    if not names:
        return []
    if named:  # what a later "the deal" or "the companies" refers back to
        memo = _article_memo(context, "approved")
        memo["last"], memo["at"] = list(dict.fromkeys(names)), sentence.start
    return [(name, regulator) for name in dict.fromkeys(names) for regulator in regulator_names]


# A second approval the same body gives in the sentence: "the BOI awarded tax privileges to
# Kingboard ..., and also approved a project of IRPC Clean Power".
# "..., and it approved, with conditions, a transaction between X and Y": the body again, by a
# pronoun or its head word.
_AND_ALSO_APPROVED = re.compile(
    r",?\s+and\s+(?:(?:it|they|the\s+(?:regulator|watchdog|tribunal|commission|board|"
    r"authority|ministry|agency|bureau|council|court))\s+)?(?:(?:has|had|also|later|"
    r"separately)\s+)*(?:approved|cleared|granted|awarded|gave|issued)\b",
    _I,
)


def _tells(body, actor):
    """Whether a company is named only as the one telling the news: ", Xpeng said"."""
    return bool(_TELLS_AFTER.match(body, actor.end)) and body[: actor.start].endswith(", ")


_TELLS_AFTER = re.compile(r"\s+(?:said|says|told|announced|confirmed|disclosed)\b")


def _approved_too(body, sentence, after, since):
    """The companies of a second approval clause after offset `since`."""
    second = _AND_ALSO_APPROVED.search(body, since, sentence.end)
    if not second:
        return []
    rest = [a for a in after if a.start >= second.end()]
    return _subject_list(body, rest) if rest else []


def _buyer_of_deal_named(context, sentence, chosen):
    """The companies of `chosen`; when they are named as the sides of a deal ("the deal
    between AAM and Dowlais", "the tie-up of X and Y"), the buyer of the two, if one buys."""
    names = [a.company for a in chosen]
    if len(names) != 2:
        return names
    sides = _DEAL_BETWEEN.search(
        context.body, max(sentence.start, chosen[0].start - 60), chosen[0].start
    )
    if not sides or _BOTH_SIDES.search(sides.group("noun")):
        return names
    return _buyers(context, tuple(names)) or names


def _candidates(context, sentence, actors, cue_at):
    """The companies of a sentence that can be the ones approved: not a company bought, nor
    one in an aside, nor a speaker reporting on another; only those of the approval word's
    clause when a colon or semicolon splits the sentence ("WeRide is not the only one:
    Zeekr has also filed with the CSRC")."""
    body = context.body
    text = sentence.text
    bought = {
        a.company
        for a in actors
        if (deal := _BOUGHT.search(body, max(sentence.start, a.start - 60), a.start))
        and not (not a.named and _buyer_named(body, actors, a.company, deal.start()))
    }  # "X's purchase of the startup": "the startup" is not X, whatever it was read as
    candidates = [
        a
        for a in actors
        if a.kind not in ("regulator", "approver")
        and a.company not in bought
        and _can_be_subject(body, a)
        and not (body[a.start - 1 : a.start] == "(" and body[a.end : a.end + 1] == ")")
    ]  # "Hitachi Astemo Electric Motor Systems (HAEMS)": the name in brackets is the one before
    asides = [
        (sentence.start + s, sentence.start + e)
        for s, e in lang.asides(text)
        if not _REPORTS_THAT.search(text, s, e)  # ", a filing showed that Innovusion,": a clause
    ]
    asides += [
        (sentence.start + m.start(), sentence.start + m.end()) for m in _RELATIVE.finditer(text)
    ]
    candidates = [a for a in candidates if not any(s <= a.start and a.end <= e for s, e in asides)]
    start, end = _clause(text, cue_at)
    in_clause = [a for a in candidates if start <= a.start - sentence.start < end]
    candidates = in_clause or candidates
    owners = [
        a
        for a in candidates
        if (owned := _OWNS.match(body, a.end)) and any(b.start == owned.end() for b in candidates)
    ]  # "Geely's Zeekr won approval": Zeekr's
    candidates = [a for a in candidates if a not in owners]
    sellers = [
        a
        for a in candidates
        if any(
            b.start > a.end
            and (
                _SELLS_TO.fullmatch(body, a.end, b.start)
                or _SALE_OF.search(body, max(0, a.start - 30), a.start)
                and _SOLD_TO.fullmatch(body, a.end, b.start)
            )
            for b in candidates
        )
    ]  # "GM signed a deal to sell the plant to Great Wall, but the deal failed to win approval",
    # "reviewing the sale of Volvo's stake to Geely"
    candidates = [a for a in candidates if a not in sellers]
    speakers = [a for a in candidates if _SPEAKS.match(body, a.end)]
    if speakers and len(speakers) < len(candidates):
        # "Geely said Zeekr had won approval": the one approved is who the speaker speaks of
        others = [a for a in candidates if a not in speakers]
        if any(a.start > speakers[0].end for a in others):
            candidates = others
    return candidates


# What lies between a seller and its buyer: "had signed a deal to sell the Talegaon plant to
# Chinese automotive company"; no full stop or semicolon between.
_SELLS_TO = re.compile(
    r"[^.;]{0,80}?\b(?:sell|sells|selling|sold|sale\s+of)\b[^.;]{0,100}?\bto\s+"
    r"(?:(?:the|its|a|an)\s+)?(?:[\w'’-]+\s+){0,4}?",
    _I,
)


_SALE_OF = re.compile(r"\bsale\s+of\s+(?:the\s+|its\s+|their\s+)?$", _I)
_SOLD_TO = re.compile(r"[^.;]{0,100}?\bto\s+(?:(?:the|its|a|an)\s+)?(?:[\w'’-]+\s+){0,4}?", _I)


def _buyer_named(body, actors, company, at):
    """Whether `company` is named as the owner of the deal word at `at` ("X's purchase")."""
    return any(
        b.named and b.company == company and _POSSESSIVE_GAP.fullmatch(body, b.end, at)
        for b in actors
    )


def _clause(text, at):
    """(start, end) of the part of `text` around offset `at` between colons or semicolons
    outside brackets."""
    depth = 0
    start, end = 0, len(text)
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char in ":;" and depth == 0:
            if index < at:
                start = index + 1
            else:
                end = index
                break
    return start, end


def _may_refer_to_deal(text):
    return bool(
        _DEAL_NOUN.search(text)
        or lang.PAIR_REFERENCE.search(text)
        or _THEY.match(text)
        or _IT_NEEDS.match(text)
        or _DEAL_APPROVAL.search(text)
        or _approval_of_no_one(text)
    )


def _approval_of_no_one(text):
    """An approval told with no company: "The Chinese authorities have given their green
    light", "still requires the relevant regulatory approvals": the article's deal's."""
    return bool(_UNNAMED_ACTING.search(text) or _REGULATORY_APPROVALS.search(text))


def _refers_to_deal(text):
    return bool(lang.PAIR_REFERENCE.search(text) or _DEAL_NOUN.search(text))


def _can_be_subject(body, actor):
    """Not the owner in "a unit of X", nor "X shareholders", nor a company merged "into" the
    one that survives, nor a name inside a longer one ("Jiangxi Jiangling Group New Energy
    Vehicle Co Ltd" is not Jiangling Motors), nor "the new company" two others form."""
    if not actor.named and _NEW_ENTITY.match(body, actor.start):
        return False
    if actor.named and _inside_longer_name(body, actor):
        return False
    before = body[max(0, actor.start - 40) : actor.start]
    if _OWNER_OF.search(before) or _HOLDERS_AFTER.match(body, actor.end):
        return False
    if _DESCRIBES_NEXT.match(body, actor.end):
        return False  # "Toyota-backed Pony.ai", "Peugeot owner PSA": the other is approved
    merged = re.search(r"\bmerg\w+\s+(?:of\s+)?(?:\w+\s+){0,2}$", before, _I)
    return not (merged and _MERGED_INTO.match(body, actor.end))


def _inside_longer_name(body, actor):
    before = _WORD_BEFORE.search(body, max(0, actor.start - 30), actor.start)
    if not before or before.group(1) in NOT_A_NAME or before.group(1) in _DATE_WORDS:
        return False
    return bool(_CAPITAL_AFTER.match(body, actor.end))


def _deal_parties(context, sentence):
    """The companies of the deal a sentence refers to without naming them: both sides of a
    merger or venture, the buyer of a stake."""
    text = sentence.text
    deal = _DEAL_NOUN.search(text)
    they = lang.PAIR_REFERENCE.search(text) or _THEY.match(text) or _IT_NEEDS.match(text)
    if not (
        deal
        or they
        or _DEAL_APPROVAL.search(text)
        or _VENTURE_REFERENCE.search(text)
        or _approval_of_no_one(text)
    ):
        if not _THE_APPROVAL.match(text):
            return []
        # "The approval came from the ministry": the approval the article has told of, else
        # the one its lead told in other words ("X became the first to qualify for ...")
        earlier = _article_memo(context, "approved").get("last")
        main = context.main_subject
        return earlier or ([main] if main else [])
    venture = _VENTURE_REFERENCE.search(text) and _named_venture(context)
    if venture:
        return [venture]  # "the new company" the article named: "Spotlight, a joint venture"
    memo = _article_memo(context, "approved")
    earlier = memo.get("last")
    newer = deal and _buyer_just_before(context, sentence, memo.get("at", -1))
    if newer:
        # "X has proposed to acquire the plant. The proposed acquisition ...", "X has completed
        # the acquisition ... The transaction was completed once approval had been obtained"
        return [newer]
    if earlier:
        return earlier  # "The TCA cleared the transaction": the deal approved before, its buyer
    named = _named_deal(context, sentence.start)
    if named:
        noun, pair, first_buys = named
        if _BOTH_SIDES.search(noun):
            return list(pair)
        return _buyers(context, pair) or ([pair[0]] if first_buys else list(pair))
    pair = _article_pair(context, sentence)
    if not pair:
        main = context.main_subject
        return [main] if main and deal else []
    noun = deal and (deal.group("noun") or deal.group("a_noun"))
    if noun and _BOTH_SIDES.search(noun):
        buyers = _buyers(context, pair) if re.match(r"merger|combination", noun, _I) else []
        # "the proposed merger" of a company the article has one side buy: the buyer's
        return buyers if len(buyers) == 1 else list(pair)
    buyers = _buyers(context, pair)
    return buyers or list(pair)


def _buyer_just_before(context, sentence, approved_at):
    """The company that buys in the sentence just before `sentence`, when that sentence comes
    after the last approval told (if any): a deal told since is what "the acquisition" refers
    to."""
    at = bisect.bisect_left([s.start for s in context.sentences], sentence.start)
    if at == 0 or context.sentences[at - 1].start <= approved_at:
        return None
    before = context.sentences[at - 1]
    previous = None
    for mention in context.named_in(before.start, before.end):
        if mention.kind != "regulator" and _BUYS_NEXT.match(context.body, mention.end):
            if previous and _LIST_GAP.fullmatch(context.body, previous.end, mention.start):
                return None  # "Mazda and Subaru agreed to buy each other's shares": both buy
            return mention.company
        previous = mention
    return None


def _named_venture(context):
    """The venture the article names as one: "Spotlight Automotive Ltd, a China-based joint
    venture", "The venture, called HORSE Powertrain", "a joint venture named X"."""
    memo = _article_memo(context, "named venture")
    if "name" not in memo:
        memo["name"] = None
        body = context.body
        for mention in context.mentions:
            if mention.kind == "regulator":
                continue
            before = body[max(0, mention.start - 50) : mention.start]
            if _VENTURE_APPOSITION.match(body, mention.end) or _VENTURE_CALLED.search(before):
                memo["name"] = mention.company
                break
    return memo["name"]


def _named_deal(context, offset):
    """(noun, pair, first_buys) of the deal the article names by its two sides, the last
    before `offset` (else the first after): "the merger of PSA and rival Fiat Chrysler",
    "the FAW/Refire joint venture", "the Tofas/Stellantis acquisition" (the buyer first)."""
    memo = _article_memo(context, "named deals")
    if "deals" not in memo:
        memo["deals"] = _find_named_deals(context)
    deals = memo["deals"]
    before = [deal for deal in deals if deal[0] < offset]
    chosen = before[-1] if before else (deals[0] if deals else None)
    return chosen[1:] if chosen else None


def _find_named_deals(context):
    body = context.body
    mentions = [m for m in context.mentions if m.kind != "regulator"]
    starts = [m.start for m in mentions]
    found = []
    for match in _DEAL_OF_TWO.finditer(body):
        at = bisect.bisect_left(starts, match.end())
        sides = [
            m
            for m in mentions[at : at + 4]
            if m.start < match.end() + 90 and not _DESCRIBES_NEXT.match(body, m.end)
        ]
        if (
            len(sides) >= 2
            and sides[0].company != sides[1].company
            and _SIDES_GAP.fullmatch(body, sides[0].end, sides[1].start)
        ):
            pair = (sides[0].company, sides[1].company)
            found.append((match.start(), match.group("noun"), pair, False))
    for first, second in zip(mentions, mentions[1:], strict=False):
        if first.company == second.company or second.start - first.end > 3:
            continue
        if not re.fullmatch(r"\s*[/–-]\s*", body[first.end : second.start]):
            continue
        noun = _NOUN_AFTER_PAIR.match(body, second.end)
        if noun:  # "the PSA-FCA merger", "the Tofas/Stellantis acquisition"
            found.append((first.start, noun.group("noun"), (first.company, second.company), True))
    found.sort()
    return found


def _article_pair(context, sentence):
    """The two companies of the article's deal: the last talk pair with the article's main
    subject, else the two companies named most often before `sentence`."""
    pairs = context.talk_pairs
    main = context.main_subject
    for pair in reversed(pairs):
        if (main is None or main in pair) and not any(map(_APPROVER_NAME.search, pair)):
            return tuple(pair)
    counts = _company_counts(context, sentence.start)
    if len(counts) < 2:
        memo = _article_memo(context, "company counts")
        if "all" not in memo:
            memo["all"] = _company_counts(context, None)
        counts = memo["all"]  # a lead that names the parties only after it
    ranked = sorted(counts, key=lambda name: -counts[name])
    if main in ranked:
        ranked.remove(main)
        ranked.insert(0, main)
    return tuple(ranked[:2]) if len(ranked) >= 2 else None


def _company_counts(context, before):
    """How often each company is named before offset `before` (in the whole article when
    None)."""
    counts = {}
    for mention in context.mentions:
        if before is not None and mention.start >= before:
            break
        if mention.kind != "regulator" and not _APPROVER_NAME.search(mention.company):
            counts[mention.company] = counts.get(mention.company, 0) + 1
    return counts


def _buyers(context, pair):
    """Who buys in the article: the company named before a buying word with the other party
    after it ("Nissan is to take a 34% stake in Mitsubishi Motors")."""
    memo = _article_memo(context, "buyers")
    if pair not in memo:
        memo[pair] = _find_buyers(context, pair)
    return memo[pair]


def _find_buyers(context, pair):
    first, second = pair
    by_company = _mentions_by_company(context)
    found = []
    for buyer, seller in ((first, second), (second, first)):
        sellers = [m.start for m in by_company.get(seller, ())]
        for mention in by_company.get(buyer, ()):
            if _TO_HOLD.match(context.body, mention.end):
                found.append(buyer)  # "with Suzuki set to hold 0.24 per cent of the former"
                break
            at = bisect.bisect_right(sellers, mention.end)
            if at == len(sellers) or sellers[at] - mention.end >= 90:
                continue
            between = context.body[mention.end : sellers[at]]
            if len(between) < 90 and _BUY.search(between) and not _CLAUSE_END.search(between):
                found.append(buyer)
                break
        # "the takeover of Dowlais by American Axle": the buyer after "by"
        buyers = [m.start for m in by_company.get(buyer, ())]
        for mention in by_company.get(seller, ()):
            at = bisect.bisect_right(buyers, mention.end)
            if at == len(buyers) or buyers[at] - mention.end >= 40:
                continue
            before = context.body[max(0, mention.start - 40) : mention.start]
            if _BOUGHT_BY.match(context.body, mention.end, buyers[at]) and _SOLD_OF.search(before):
                found.append(buyer)
                break
    return [name for name in pair if name in found]


def _mentions_by_company(context):
    memo = _article_memo(context, "by company")
    if not memo:
        for mention in context.mentions:
            if mention.kind != "regulator":
                memo.setdefault(mention.company, []).append(mention)
    return memo


def _article_memo(context, name):
    """A dict kept on the article's context for the rest of the article."""
    memos = context.__dict__.setdefault("_approval_memos", {})
    return memos.setdefault(name, {})


def _subject_list(body, subjects):
    """The first company and those listed with it ("Toyota and Suzuki", "BYD, Nio and Li",
    "Baidu (百度) and rival developer Pony.ai")."""
    chosen = [subjects[0]]
    for actor in subjects[1:]:
        if actor.start < chosen[-1].end:
            continue
        gap = body[chosen[-1].end : actor.start]
        if gap.count("(") > gap.count(")"):
            continue  # "Nissan Motor Co. Ltd. ('Nissan')": the same company in brackets
        if gap.strip() in ("/", "-", "–"):
            noun = _NOUN_AFTER_PAIR.match(body, actor.end)
            if noun and _BOTH_SIDES.search(noun.group("noun")):
                chosen.append(actor)  # "the FAW/Refire joint venture": both sides
            break  # "the Tofas/Stellantis acquisition": the buyer, named first
        plain = _BRACKETS.sub(" ", _LEGAL_SUFFIX.sub("", gap))
        # "Nissan (China) Investment Co and Dongfeng": past the rest of the first one's name
        rest = _LEGAL_SUFFIX.sub("", _NAME_GOES_ON.sub("", _BRACKETS.sub(" ", gap)))
        if not (_LIST_GAP.fullmatch(plain) or _LIST_GAP.fullmatch(rest)):
            break
        if actor.company not in [a.company for a in chosen]:
            chosen.append(actor)
    return chosen
