"""A stake's price told in the stake's own sentence, or by reference to the sentence before.

"takes 49.9% of X, a deal worth RM460m", "lifting its holding to 20% at a cost of ¥75bn",
"will buy 10% of Y for $1bn": the stake and the money paid for it are one investment. The
amount is read only after wording that makes it the price of what is bought, never after a
valuation, a market value or a price per share. "Y will buy X shares of the same value": the
amount of the sentence before.
"""

import re
from dataclasses import replace

from evtracker.news.extraction.money import ROUGHLY, find_amounts
from evtracker.news.extraction.not_money import not_money_put_in

_PRICE_LEAD = re.compile(
    r"\b(?:worth|for|costing|(?:cost|price|consideration)\s+of|(?:valued|priced)\s+at|"
    r"pa(?:y|ys|id|ying))\s+" + ROUGHLY + r"$",
    re.IGNORECASE,
)
# A value the holding has now or the company has as a whole, not what is paid.
_NOT_THE_PRICE = re.compile(
    r"\b(?:now|currently|today)\s+(?:worth|valued)|\bvalu(?:ing|es|ation)\b|\bmarket\s+(?:value|cap\w*)|"
    r"\bper\s+share|\ba\s+share\b|\bshare\s+price",
    re.IGNORECASE,
)
_PER_UNIT_AFTER = re.compile(r"\s*(?:each|apiece|a\s+share|per\s+share|an?\s+ADS)\b", re.I)
_LEAD_REACH = 40  # characters before an amount that may hold its price wording


_SAME_AMOUNT = re.compile(
    r"\b(?:the\s+same\s+(?:amount|value|sum)|(?:an?\s+)?(?:equal|equivalent|matching)\s+"
    r"(?:amount|value|sum))\b",
    re.IGNORECASE,
)


def priced_stakes(context, position, facts):
    """`facts` with the price of a lone stake filled in when its sentence tells it."""
    stakes = [f for f in facts if f.amount is None and f.kind == "stake"]
    if len({f.investor for f in stakes}) != 1 or len(stakes) != 1:
        return facts
    text = context.sentences[position].text
    if _SAME_AMOUNT.search(text):
        return _same_amount(context, position, facts, stakes[0])
    used = {(f.amount, f.currency) for f in facts if f.amount is not None}
    prices = []
    for amount in find_amounts(text, context.body):
        lead = text[max(0, amount.start - _LEAD_REACH) : amount.start]
        if (amount.value, amount.currency) in used or not _PRICE_LEAD.search(lead):
            continue
        if _NOT_THE_PRICE.search(lead) or _PER_UNIT_AFTER.match(text, amount.end):
            continue
        prices.append(amount)
    if len(prices) != 1:
        return facts
    stake, price = stakes[0], prices[0]
    return _priced(facts, stake, price, f"price: {text[price.start : price.end]}")


def _same_amount(context, position, facts, stake):
    """ "Isuzu will buy Toyota shares of the same value": the last amount of the sentence
    before, if it has one."""
    if position == 0:
        return facts
    before = context.sentences[position - 1].text
    amounts = [a for a in find_amounts(before, context.body) if not not_money_put_in(before, a)]
    if not amounts:
        return facts
    price = amounts[-1]
    return _priced(
        facts, stake, price, f"the same amount as before: {before[price.start : price.end]}"
    )


def _priced(facts, stake, price, why):
    """The facts with `stake` given the amount and currency of `price`, saying why."""
    priced = replace(stake, amount=price.value, currency=price.currency, why=(*stake.why, why))
    return [priced if f is stake else f for f in facts]
