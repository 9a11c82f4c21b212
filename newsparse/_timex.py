"""The grammar and resolver behind :mod:`newsparse.dates` (private).

:func:`scan` keeps the words that may start an expression (one C-level split and set
look-up) and, at each, tries only the rules that may start with that word, each a compiled
pattern, from the most specific to the least: at a given position the first one that matches
wins. Handlers turn a match into TIMEX3 ``(type, value)``
pairs; :func:`value_to_calendar` derives the Python date and granularity from the value, so a
handler only ever builds strings.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator
from itertools import accumulate, compress, count
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

import attrs
import regex

from newsparse._lexicons import load_set

if TYPE_CHECKING:
    from newsparse.model import DateType, Granularity

__all__ = [
    "Context",
    "Found",
    "add_months",
    "scan",
    "value_to_calendar",
]

# ---------------------------------------------------------------------------------------------
# Closed word classes. Small and stable, so they live here rather than in lexicon files.

MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTH_ABBR = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_SMALL)}
NUMBER_WORDS.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
NUMBER_WORDS.update({"a": 1, "an": 1, "one": 1, "a couple of": 2, "couple of": 2, "hundred": 100})
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "final": 4, "last": 4,
}  # fmt: skip
_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
# Duration units: TIMEX3 letter, whether it is a time (T) unit, and its size in that letter.
_UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1),
    "minute": ("M", True, 1),
    "hour": ("H", True, 1),
    "day": ("D", False, 1),
    "night": ("D", False, 1),
    "week": ("W", False, 1),
    "weekend": ("WE", False, 1),
    "fortnight": ("W", False, 2),
    "month": ("M", False, 1),
    "quarter": ("Q", False, 1),
    "year": ("Y", False, 1),
    "decade": ("Y", False, 10),
    "century": ("Y", False, 100),
    "millennium": ("Y", False, 1000),
}
_SET_WORDS = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
    "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y",
    "semiannually": "P6M", "biannually": "P6M",
}  # fmt: skip
_REF_WORDS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PRESENT_REF",
    "currently": "PRESENT_REF", "current": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at present": "PRESENT_REF",
    "the present": "PRESENT_REF", "recently": "PAST_REF", "more recently": "PAST_REF",
    "until recently": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF", "a later date": "FUTURE_REF",
}  # fmt: skip


def _alt(words: tuple[str, ...] | list[str]) -> str:
    """A non-capturing alternation of *words*, longest first, spaces as ``\\s++``."""
    ordered = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(regex.escape(w).replace("\\ ", r"\s++") for w in ordered) + ")"


# ---------------------------------------------------------------------------------------------
# Pattern pieces. Everything is case-insensitive except month and weekday names, which must be
# capitalised ("may" the verb, "march" the noun).

_B = r"(?<![\w$€£¥#])(?<!\d[.,])"  # a word start that is not a number's currency or hash sign
_E = r"(?![\w%])"  # a word end not followed by a percent sign
_CAP = r"(?=(?-i:\p{Lu}))"  # the name must be capitalised: "May", not "may"
_MONTH_FULL = (
    _CAP + r"(?:(?:january|february|april|june|july|august|september|october|november|december)"
    r"(?!\w)|(?:jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec)(?:\.|(?=\s[0-3]?\d(?!\d))"
    r"|(?=,?\s(?:1[5-9]|20)\d\d(?![\w%]))))"
)
_MONTH_RISKY = (
    _CAP
    + r"(?:may(?!\w)|march(?!\w)|mar(?:\.|(?=\s[0-3]?\d(?!\d))|(?=,?\s(?:1[5-9]|20)\d\d(?!\w))))"
)
_MON = rf"(?P<mon>{_MONTH_FULL}|{_MONTH_RISKY})"
_WD = _CAP + r"(?P<wd>(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:.,]\d|\w)"
_YEAR = r"(?P<year>(?:1[5-9]|20)\d\d)(?![\w%]|[.,]\d)"
_YEAR_OR_YY = rf"(?:{_YEAR}|['’](?P<yy>\d\d)(?!\w))"
_NUMW = _alt([*list(NUMBER_WORDS), "few", "several", "some", "many", "a few", "two or three"])
_TENS_UNITS = rf"(?:{_alt(_TENS)}[- ]{_alt(_SMALL[1:10])})"
_NUM = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})?(?:\s\d/\d)?(?![.,]\d)|{_TENS_UNITS}"
    rf"|{_NUMW}(?:\s(?:and\s)?a\shalf)?)"
)
_NUMR = rf"(?P<num>{_NUM}(?:\s(?:to|or)\s{_NUM}|-\d{{1,3}}(?!\d))?)"
_UNIT_SG = r"(?:second|minute|hour|day|week(?:end)?|fortnight|month|quarter|year|decade|century)"
_UNIT_PL = (
    r"(?:seconds|minutes|hours|days|weeks|weekends|fortnights|months|quarters|years|decades"
    r"|centuries)"
)
_UNIT = rf"(?P<unit>{_UNIT_PL}|{_UNIT_SG})"
_APPROX = (
    r"(?P<approx>(?:about|around|nearly|almost|approximately|roughly|some|more\sthan|less\sthan"
    r"|fewer\sthan|at\sleast|at\smost|up\sto|no\smore\sthan|no\sless\sthan|over|under|just"
    r"|only|barely|well\sover|close\sto|upwards\sof)\s)?"
)
_TZ = r"(?-i:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|ET|PT|CT|MT)"
_POD = r"(?P<pod>morning|afternoon|evening|night)"
_EDGE = (
    r"(?P<edge>(?:early|late|mid|earlier|later|the\s(?:end|beginning|start|middle|rest|close"
    r"|turn|first\shalf|second\shalf|latter\spart|early\spart|bulk|remainder)\sof)[\s-](?:the\s)?)?"
)
_QUARTER_MODS = (
    r"(?:(?:latest|current|comparable|corresponding|same|year-ago|year-earlier|year-before"
    r"|previous|preceding|prior|recent|just-ended|just-completed|fiscal|flat|strong|weak|poor"
    r"|disappointing|slow|traditionally\s\w+|seasonally\s\w+|first-|second-)[\s-]?){0,3}"
)

# (rule, pattern) in priority order.
_RULES: list[tuple[str, str]] = [
    # 3 p.m. EST Friday; 10:30 a.m. yesterday; noon Feb. 3
    (
        "time_clock",
        (
            rf"{_APPROX}(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s?(?P<ap>[ap]\.m\.?|[ap]m\b|o'clock"
            r"|in\sthe\s(?:morning|afternoon|evening)\b|at\snight\b)"
            rf"(?:\s(?P<tz>{_TZ})\b)?(?P<tail>(?:\s(?:on\s)?|,\s)(?:{_WD}|yesterday|today|tomorrow"
            rf"|tonight|{_MON}\s{_DAY}(?:,?\s{_YEAR})?))?"
        ),
    ),
    (
        "time_named",
        (
            rf"(?P<named>noon|midnight|midday)(?P<tail>(?:\s(?:on\s)?|,\s)(?:{_WD}|yesterday|today"
            r"|tomorrow))?(?!\w)"
        ),
    ),
    (
        "time_clock24",
        # after "at" with a zone or "local" ("at 14:30 GMT"); anywhere with a zone ("07:50 GMT")
        (
            rf"(?:(?<=\bat\s)(?P<h>[0-2]?\d):(?P<mi>[0-5]\d)(?!\d)"
            rf"(?:\s(?P<tz>{_TZ})\b|(?=\s(?:local|GMT)))"
            rf"|(?<![\w:.,$])(?P<h>[0-2]?\d):(?P<mi>[0-5]\d)(?!\d)\s(?P<tz>{_TZ})\b)"
        ),
    ),
    # Friday, Feb. 20, 2018; Feb. 20, 2018; Sept. 30; Feb. 20th
    (
        "date_month_day",
        (
            rf"(?:(?:around|about|approximately|roughly|circa|sometime)\s)?(?:{_WD},?\s)?{_MON}\s?{_DAY}"
            rf"(?:,?\s{_YEAR_OR_YY})?(?!\s?(?:[ap]\.?m\b|%))"
        ),
    ),
    # 20 February 2018; the 20th of February
    (
        "date_day_month",
        rf"(?:{_WD},?\s)?(?:the\s)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s(?:of\s)?{_MON}(?:,?\s{_YEAR})?",
    ),
    ("date_dotted", r"(?<![\w.])[0-3]?\d\.[01]?\d\.(?:1[5-9]|20)\d\d(?!\w|\.\d)"),
    (
        "date_iso",  # 2019-11-18, or the date of 2019-11-18T20:51Z
        (
            r"(?<![\w.-])(?P<y>(?:1[5-9]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
            r"(?:(?![\w-])|(?=T[0-2]\d:[0-5]\d))"
        ),
    ),
    (
        "date_numeric",
        r"(?<![\w./-])(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<c>(?:1[5-9]|20)\d\d|\d\d)(?![\w/]|\.\d)",
    ),
    # the third quarter of 1989; 1989 third quarter; third-quarter; the first half
    (
        "date_quarter",
        (
            rf"(?:(?P<det>the|this|last|next|its|their|a|an|that)\s)?{_QUARTER_MODS}"
            rf"(?:(?:{_YEAR}|(?P<rel>this|last|next)\syear)(?:['’]s)?\s)?(?:fiscal[\s-])?"
            r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-](?:fiscal\s)?"
            rf"(?P<q>quarter|half)(?P<pl>s)?(?!-\w)(?:\s(?:of|in)\s(?:fiscal\s)?(?:{_YEAR}"
            r"|(?P<rel2>this|last|next)\syear))?"
        ),
    ),
    # the quarter; the latest quarter; the year-ago period; last quarter
    (
        "date_quarter_rel",
        r"(?P<det>the|this|last|next|that|its|their)\s(?P<mods>"
        + _QUARTER_MODS
        + r")(?:(?P<year>(?:19|20)\d\d)\s)?(?P<q>quarter|period)(?!\w|-\w)"
        + r"(?:\s(?P<ago>a\syear\s(?:ago|earlier)))?",
    ),
    # the 1990s; the early 1980s; the '90s; the nineties; the 20th century
    (
        "date_decade",
        r"(?:the\s)?(?:(?P<edge>early|mid|late)[\s-])?(?:(?P<dec>(?:1[5-9]|20)\d0)['’]?s"
        r"|['’](?P<dec2>\d0)['’]?s|(?<=the\s(?:(?:early|mid|late)[\s-])?)(?P<decw>"
        + _alt(tuple(_DECADE_WORDS))
        + r"))(?!\w)",
    ),
    (
        "date_century",
        r"(?:the\s)?(?:(?:early|mid|late)[\s-])?(?P<cent>1\d|2[01])(?:st|nd|rd|th)[\s-]century(?!\w)",
    ),
    # fiscal 1989; mid-2019; the end of 1990; 2009-2010
    (
        "date_year",
        (
            rf"{_EDGE}(?:(?P<fiscal>fiscal)(?:\syear)?\s|(?P<post>post|pre)-)?{_YEAR}"
            r"(?:(?P<dash>[-–]|\sto\s|\sand\s)(?P<y2>(?:1[5-9]|20)\d\d|\d\d)(?![\w%]|[.,]\d))?"
        ),
    ),
    # February 2018; August of 1988; March last year
    (
        "date_month_year",
        rf"{_EDGE}{_MON},?\s(?:of\s)?(?:{_YEAR_OR_YY}|(?P<rel>last|this|next)\syear)",
    ),
    # last April; this September; early March
    (
        "date_month_rel",
        rf"(?:(?P<rel>last|this|next|this\spast|this\scoming)\s|{_EDGE}){_MON}(?!\s(?-i:\p{{Lu}}\p{{Ll}})|\s?[0-3]?\d\b)",
    ),
    # yesterday; late yesterday; tomorrow morning; tonight; last night; this morning
    (
        "date_relday",
        r"(?:(?P<edge>early|late|earlier|later|mid-?afternoon|mid-?morning)\s)?(?:the\s(?P<ba>day"
        r"\s(?:before|after))\s)?(?<!\bUSA\s)(?P<rd>yesterday|today|tomorrow)(?:\s"
        + _POD
        + r")?(?!\w)",  # not the newspaper "USA Today"
    ),
    ("time_pod", r"(?P<rd>tonight|overnight|(?:mid[\s-]?)(?P<pod>morning|afternoon))(?!\w)"),
    (
        "time_this_pod",
        (
            rf"(?:(?P<edge>early|late|earlier|later)\s)?(?P<rel>this|last|tomorrow|yesterday)\s{_POD}"
            r"(?!\w)"
        ),
    ),
    # Friday; last Friday; Tuesday morning; Mondays; early Wednesday
    (
        "date_weekday",
        (
            rf"(?:(?P<rel>last|next|this|this\scoming|this\spast|the\sprevious|the\sfollowing"
            rf"|early|late|earlier|later|every|each)\s)?{_WD}(?P<pl>s)?(?!\w)"
            rf"(?:\s{_POD}(?P<podpl>s)?)?"
        ),
    ),
    ("date_weekend", r"(?P<rel>the|this|last|next|this\spast|this\scoming)\sweekend(?!\w)"),
    # last week; this year; earlier this month; the end of the year; the current fiscal year
    (
        "date_rel_unit",
        (
            r"(?:(?P<edge>early|late|earlier|later|sometime|the\s(?:end|beginning|start|middle|rest)"
            r"\sof)\s"
            r"(?:in\s)?)?(?:the\s)?(?P<rel>last|this|next|past|previous|following|coming|current|same"
            r"|this\spast|this\scoming|latest)\s(?P<fiscal>fiscal\s)?"
            r"(?P<unit>week|month|year|decade|century|quarter)(?!\w|-\w)"
        ),
    ),
    (
        "date_edge_the",
        (
            r"(?:(?P<edge>earlier|later|early|late|the\s(?:end|beginning|start|middle)\sof)\s(?:in\s)?"
            r"(?P<det>the|that)|that)\s(?:same\s)?(?P<unit>day|week|month|year)(?!\w|-\w|['’]s)"
        ),
    ),
    (
        "date_the_year",
        (
            r"(?<=\b(?P<prep>for|in|during|through|throughout|over)\s)the\s(?:(?:fiscal|full|calendar)\s)?"
            r"year(?!\w|-|['’]s|\s(?:ago|earlier|before|after|later|of|in\s\w+ing))"
        ),
    ),
    (
        "date_holiday",
        (
            r"(?:(?P<rel>last|this|next|this\spast|this\scoming)\s)?(?P<h>(?-i:Thanksgiving(?:\sDay)?"
            r"|Christmas(?:\sDay|\sEve)?|New\sYear['’]s(?:\sDay|\sEve)|Easter(?:\sSunday)?"
            r"|Good\sFriday|Independence\sDay|Fourth\sof\sJuly|Election\sDay|Memorial\sDay"
            r"|Labor\sDay|Veterans\sDay|Valentine['’]s\sDay|Halloween|Boxing\sDay))(?!\w|\s(?-i:\p{Lu}))"
        ),
    ),
    (
        "date_spelled_year",
        (
            r"(?:the\syear\s)?(?:(?P<c19>nineteen)\s(?P<rest>(?:twenty|thirty|forty|fifty|sixty|seventy"
            r"|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven"
            r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
            r"|(?P<y2k>(?<=the\syear\s)two\sthousand(?:\s(?:and\s)?(?P<rest2>one|two|three|four|five"
            r"|six|seven|eight|nine|ten))?))(?!\w|-\w)"
        ),
    ),
    ("date_year_end", r"(?:the\s)?(?:year[\s-]end|year['’]s\send)(?!\w)"),
    # two weeks ago; a year earlier; 10 days later; several years ago
    (
        "date_ago",
        (
            rf"{_APPROX}{_NUMR}[\s-]{_UNIT}\s(?:or\sso\s)?(?P<dir>ago|earlier|later|from\snow|hence)"
            r"(?!\w)"
        ),
    ),
    ("date_year_ago_adj", r"(?P<w>year[\s-](?:ago|earlier|before))(?!\w|-\w)"),
    (
        "set_per",
        (
            r"(?<=(?:\d|million|billion|thousand|hundred|once|twice|times|[a-z]+ly)\s)(?:a|per)\s"
            r"(?P<unit>day|week|month|year)(?!\w)"
        ),
    ),
    # recent weeks; coming months; the past few years
    (
        "ref_plural",
        (
            r"(?:the\s)?(?P<dirw>recent|coming|past|last|next|previous|future)\s(?P<few>few\s|several\s)?"
            r"(?P<unit>days|weeks|months|quarters|years|decades)(?!\w)"
            r"(?:\sand\s(?:months|years|weeks|decades))?(?!\s(?:ago|earlier|later))"
        ),
    ),
    ("ref_ahead", r"the\s(?P<unit>days|weeks|months|years)\sahead(?!\w)"),
    # the past two months; the first nine months; two weeks; 18 months; a decade
    (
        "dur_num",
        r"(?:(?P<det>the|a|an)\s)?(?:(?P<dirw>past|last|next|first|final|previous|coming"
        r"|following|latest|initial|same|remaining|additional|preceding|prior|year-earlier"
        r"|year-ago|full)\s)?"
        + _APPROX
        + _NUMR
        + r"\s(?:(?:more|additional|full|straight|consecutive|trading|business|calendar|fiscal"
        r"|working)\s)?" + _UNIT + r"(?!\w|-)(?P<half2>\sand\sa\shalf(?!\w))?",
    ),
    # two-year; 10-year; 16-hour; 8-month-old
    (
        "dur_adj",
        (
            rf"(?<![\w.-])(?P<num>\d{{1,3}}|{_TENS_UNITS}|{_alt(_SMALL[1:] + _TENS)}|several)-"
            r"(?P<unit>second|minute|hour|day|week|month|quarter|year|decade|century)"
            r"(?:-(?P<old>old|long))?(?!\w|-\w)"
        ),
    ),
    (
        "dur_long",
        r"(?P<unit>day|week|month|year|decade|century|centuries|decades|years)-long(?!\w)",
    ),
    # every Monday handled above; every day; each year; every other week
    (
        "set_every",
        (
            r"(?P<q>every|each)\s(?:other\s)?(?P<unit>day|week|month|year|quarter|morning|afternoon"
            rf"|evening|night|weekend|summer|winter|spring|fall|{_MONTH_FULL}|{_MONTH_RISKY})(?!\w)"
        ),
    ),
    ("set_word", rf"{_B}(?P<w>{_alt(tuple(_SET_WORDS))})(?!\w)"),
    # last summer; the winter of 1994; this past spring
    (
        "date_season",
        (
            r"(?:(?P<rel>last|this|next|this\spast|this\scoming|the|early|late|mid)\s)(?:(?:early|late)"
            rf"\s)?(?P<s>spring|summer|autumn|fall|winter)(?!\w)(?:\s(?:of\s)?{_YEAR})?"
        ),
    ),
    ("date_season_year", rf"(?P<s>spring|summer|autumn|fall|winter)\s(?:of\s)?{_YEAR}"),
    # weeks; for years; in decades
    (
        "dur_bare",
        (
            r"(?<=\b(?:for|within|took|take|takes|taken|last|lasted|lasting|spent|spend)\s)(?P<unit>"
            r"seconds|minutes|hours|days|weeks|months|years|decades|centuries)(?!\w|\sago)"
        ),
    ),
    ("ref_ago", r"(?P<unit>years|months|weeks|days|decades)\sago(?!\w)"),
    # now; currently; the past; the future
    ("ref_word", rf"{_B}(?P<w>{_alt(tuple(_REF_WORDS))})(?!\w|-\w)"),
    ("ref_weekdays", r"(?-i:weekdays)(?!\w)"),
]

# What each rule's match may start with: word classes (upper case) and words. The scanner only
# tries, at each word, the rules that may start there; a test checks every rule is reachable.
_CLASSES: dict[str, tuple[str, ...]] = {
    "DIGIT": ("#digit",),
    "APOS": ("#apos",),
    "MONTH": (*MONTHS, *_MONTH_ABBR),
    "WEEKDAY": WEEKDAYS,
    "SEASON": tuple(_SEASONS),
    "NUM": (*NUMBER_WORDS, *_TENS, "few", "several", "some", "many", "couple"),
    "APPROX": (
        "about", "around", "nearly", "almost", "approximately", "roughly", "some", "more",
        "less", "fewer", "at", "up", "no", "over", "under", "just", "only", "barely", "well",
        "close", "upwards",
    ),
    "EDGE": ("early", "late", "mid", "earlier", "later", "the"),
    "DET": ("the", "this", "last", "next", "its", "their", "a", "an", "that"),
    "UNITS": (*_UNITS, "seconds", "minutes", "hours", "days", "weeks", "months", "quarters",
              "years", "decades", "centuries"),
    "REF": tuple(w.split()[0] for w in _REF_WORDS),
    "SETW": tuple(_SET_WORDS),
    "QMOD": (
        "latest", "current", "comparable", "corresponding", "same", "year", "previous",
        "preceding", "prior", "recent", "just", "fiscal", "flat", "strong", "weak", "poor",
        "disappointing", "slow", "traditionally", "seasonally", *ORDINALS,
    ),
}  # fmt: skip
_STARTS: dict[str, str] = {
    "time_clock": "APPROX DIGIT",
    "time_named": "noon midnight midday",
    "time_clock24": "DIGIT",
    "date_month_day": "WEEKDAY MONTH APPROX circa sometime",
    "date_day_month": "WEEKDAY DIGIT the",
    "date_dotted": "DIGIT",
    "date_iso": "DIGIT",
    "date_numeric": "DIGIT",
    "date_quarter": "DET QMOD DIGIT",
    "date_quarter_rel": "DET",
    "date_decade": "EDGE DIGIT APOS",
    "date_century": "EDGE DIGIT",
    "date_year": "EDGE DIGIT fiscal post pre",
    "date_month_year": "EDGE MONTH",
    "date_month_rel": "EDGE MONTH DET this",
    "date_relday": "EDGE yesterday today tomorrow midafternoon midmorning",
    "time_pod": "tonight overnight mid midmorning midafternoon",
    "time_this_pod": "EDGE DET yesterday tomorrow",
    "date_weekday": "EDGE DET WEEKDAY every each",
    "date_weekend": "DET",
    "date_rel_unit": "EDGE DET past previous following coming current same latest sometime",
    "date_edge_the": "EDGE that",
    "date_year_end": "the year",
    "date_the_year": "the",
    "date_holiday": (
        "DET thanksgiving christmas new easter good independence fourth election memorial labor "
        "veterans valentine halloween boxing"
    ),
    "date_spelled_year": "the nineteen",
    "date_ago": "APPROX NUM DIGIT",
    "date_year_ago_adj": "year",
    "set_per": "a per",
    "ref_plural": "the recent coming past last next previous future",
    "ref_ahead": "the",
    "dur_num": (
        "DET APPROX NUM DIGIT past last next first final previous coming following latest "
        "initial same remaining additional preceding prior year full"
    ),
    "dur_adj": "DIGIT NUM",
    "dur_long": "UNITS",
    "set_every": "every each",
    "set_word": "SETW",
    "date_season": "EDGE DET mid",
    "date_season_year": "SEASON",
    "dur_bare": "UNITS",
    "ref_ago": "UNITS",
    "ref_word": "REF",
    "ref_weekdays": "weekdays",
}
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_UNIT_STEMS = (  # the most common first: the scanner stops at the first one it finds
    "year", "day", "month", "quarter", "week", "hour", "minute", "second", "night", "decade",
    "centur", "fortnight",
)  # fmt: skip
# Rules that read white space before their unit ("two years", not "6-year-old" or "Sunday"):
# tried only when one of these is there too (see _unit_after_space).
_UNIT_AFTER_SPACE = frozenset({"dur_num"})
_SPACED_UNIT_STEMS = tuple(" " + stem for stem in _UNIT_STEMS)
# Words one of which must occur (casefolded) within a match of the rule: a rule is only tried
# when one of them is in the next _MAX_SPAN characters, which spares most pattern calls.
_REQUIRES: dict[str, tuple[str, ...]] = {
    "time_clock": ("a.m", "p.m", "am", "pm", "o'clock", "morning", "afternoon", "evening", "night"),
    "time_named": ("noon", "midnight", "midday"),
    "time_clock24": (":0", ":1", ":2", ":3", ":4", ":5"),
    "date_month_day": _MONTH_STEMS,
    "date_day_month": _MONTH_STEMS,
    "date_dotted": (".1", ".2"),  # the year follows a dot
    "date_iso": ("-0", "-1"),  # the month follows a hyphen
    "date_year": ("15", "16", "17", "18", "19", "20"),
    "date_numeric": ("/",),
    "date_quarter": ("quarter", "half"),
    "date_quarter_rel": ("quarter", "period"),
    "date_decade": ("0s", "0's", "0’s", "ties"),
    "date_century": ("century",),
    "date_month_year": _MONTH_STEMS,
    "date_month_rel": _MONTH_STEMS,
    "date_relday": ("yesterday", "today", "tomorrow"),
    "time_this_pod": ("morning", "afternoon", "evening", "night"),
    "date_weekday": ("day",),
    "date_weekend": ("weekend",),
    "date_rel_unit": ("week", "month", "year", "decade", "century", "quarter"),
    "date_edge_the": ("day", "week", "month", "year"),
    "date_the_year": ("year",),
    "date_spelled_year": ("nineteen", "thousand"),
    "date_year_end": ("end",),
    "date_ago": ("ago", "earlier", "later", "from now", "hence"),
    "date_year_ago_adj": ("year",),
    "set_per": ("day", "week", "month", "year"),
    "ref_plural": ("days", "weeks", "months", "quarters", "years", "decades"),
    "dur_num": _UNIT_STEMS,
    "dur_adj": _UNIT_STEMS,
    "dur_long": ("-long",),
    "date_season": ("spring", "summer", "autumn", "fall", "winter"),
    "date_season_year": ("spring", "summer", "autumn", "fall", "winter"),
    "ref_ago": ("ago",),
    "ref_ahead": ("ahead",),
    "date_holiday": (
        "thanksgiving",
        "christmas",
        "year",
        "easter",
        "friday",
        "independence",
        "fourth",
        "election",
        "memorial",
        "labor",
        "veterans",
        "valentine",
        "halloween",
        "boxing",
    ),
    "ref_word": (
        "now",
        "current",
        "recent",
        "present",
        "past",
        "future",
        "term",
        "days",
        "lately",
        "soon",
        "later",
    ),
}


def _dispatch_table() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for name, _ in _RULES:
        for item in _STARTS[name].split():
            for word in _CLASSES.get(item, (item,)):
                table.setdefault(word, []).append(name)
    return {word: tuple(dict.fromkeys(names)) for word, names in table.items()}


_DISPATCH = _dispatch_table()
# Function words that start a rule only when a temporal word follows ("the third quarter",
# "about two weeks", "at least"): the scanner checks the next word before trying the rules.
_WEAK = frozenset((*_CLASSES["DET"], *_CLASSES["APPROX"], *_CLASSES["EDGE"], "per", "every",
                   "each", "fiscal", "post", "pre", "year", "as", "new", "good", "fourth",
                   "election", "memorial", "labor", "independence", "veterans", "boxing",
                   "right", "until", "these", "most"))  # fmt: skip
_NEXT_OK = frozenset(
    (
        *_DISPATCH, "end", "beginning", "start", "middle", "rest", "close", "turn", "latter",
        "bulk", "remainder", "least", "most", "than", "to", "of", "day", "quarter", "period",
        "half", "weekend", "near", "foreseeable", "short", "long", "present", "term", "other",
        "morning", "afternoon", "evening", "night", "week", "month", "decade", "century", "ago",
        "earlier", "before", "end", "after", "ended", "completed", "full", "calendar", "soon", "s",
        "days", "weeks", "months", "years", "same",
        "year's", "friday", "now", "recently",
        *_DECADE_WORDS,
    )
)  # fmt: skip


@functools.cache
def _rule_pattern(name: str) -> regex.Pattern[str]:
    """The compiled pattern of rule *name*, compiled on first use.

    ``(?-f)`` turns off the full case folding that ``VERSION1`` adds to ``IGNORECASE``: no
    rule needs "ß" to match "ss", and simple folding is much faster.
    """
    source = _factor_alternations(_RULE_SOURCE[name])
    return regex.compile("(?-f)" + source, regex.IGNORECASE | regex.VERSION1)


_RULE_SOURCE = dict(_RULES)

# A group with no group inside, and one token of a word alternation: a letter, a digit, an
# escaped character or class ("\\.", "\\s") or "\\s++".
_INNER_GROUP = regex.compile(r"(?<!\\)\((\?:|\?P<\w+>)([^()]*+)\)")
_TOKEN = regex.compile(r"\\s\+\+|\\.|[^\\()|?*+{}\[\]^$.]")


def _factor_alternations(source: str) -> str:
    """*source* with each group that is an alternation of plain words written as a trie.

    ``(?:seventeen|seventy|seven|six)`` becomes ``(?:seven(?:t(?:een|y))?|six)``: the
    engine tries each alternative in turn (with IGNORECASE it cannot skip by the first
    letter), so shared beginnings are read once. Alternatives are grouped by their first
    token only where every one begins with a lower-case ASCII letter, which no character
    matches for two of them; each group keeps its order, and an empty alternative keeps its
    place, so the first alternative that leads to a match is the same (a test compares
    every rule's matches both ways).
    """

    def factor(m: regex.Match[str]) -> str:
        opener, body = m.groups()
        alternatives = body.split("|")
        tokens = [_TOKEN.findall(a) for a in alternatives]
        if len(alternatives) == 1 or any(
            "".join(t) != a for t, a in zip(tokens, alternatives, strict=True)
        ):
            return m.group()  # one word, or not only words
        return f"({opener}{_trie(tokens)})"

    return _INNER_GROUP.sub(factor, source)


def _trie(alternatives: list[list[str]]) -> str:
    """An alternation of token lists, in order, with shared beginnings written once."""
    if not all(not a or ("a" <= a[0] <= "z" and len(a[0]) == 1) for a in alternatives):
        return "|".join("".join(a) for a in alternatives)
    empty = next((i for i, a in enumerate(alternatives) if not a), None)
    if empty is not None:  # the empty alternative stays between those before and after it
        before, after = alternatives[:empty], alternatives[empty + 1 :]
        return "|".join(
            [*([_trie(before)] if before else []), "", *([_trie(after)] if after else [])]
        )
    groups: dict[str, list[list[str]]] = {}
    for a in alternatives:
        groups.setdefault(a[0], []).append(a)
    parts = []
    for group in groups.values():
        if len(group) == 1:
            parts.append("".join(group[0]))
            continue
        size = 1  # the tokens all of them begin with
        while all(len(a) > size for a in group) and len({a[size] for a in group}) == 1:
            size += 1
        head = "".join(group[0][:size])
        rests = [a[size:] for a in group]
        if rests[-1] or any(not r for r in rests[:-1]):
            parts.append(f"{head}(?:{_trie(rests)})")
        else:  # only the last one ends here: the rest is optional
            parts.append(f"{head}(?:{_trie(rests[:-1])})?")
    return "|".join(parts)


@functools.cache
def _all_patterns() -> dict[str, regex.Pattern[str]]:
    """Every rule's compiled pattern (for audits and warm-up; the scanner compiles lazily)."""
    return {name: _rule_pattern(name) for name, _ in _RULES}


# Future-tense cues, as three patterns: one alternation of all three is twice as slow.
_FUTURE = regex.compile(
    r"\b(?:will|won['’]t|shall|going\sto|is\sto|are\sto|plans?\sto|planned|scheduled|expects?\sto"
    r"|is\sexpected|are\sexpected|set\sto|due\sto|intends?\sto|next|upcoming|tomorrow|would"
    r"|to\sbe|supposed\sto|deadline\sis|is\sdue|are\sdue)\b",
    regex.IGNORECASE,
)
_FUTURE_LL = regex.compile(r"\w['’]ll\b", regex.IGNORECASE)
_FUTURE_MODAL = regex.compile(r"\b(?:may|might|should)\s(?!have\b)")


def _has_future(text: str, start: int, end: int) -> bool:
    """Whether a future-tense cue occurs in ``text[start:end]``."""
    part = text[start:end]
    low = part.casefold()  # every cue of _FUTURE holds one of these words
    if (
        "to" in low
        or "will" in low
        or "won" in low
        or "would" in low
        or "next" in low
        or "shall" in low
        or "planned" in low
        or "scheduled" in low
        or "expected" in low
        or "upcoming" in low
        or "deadline" in low
        or "due" in low
    ) and _FUTURE.search(text, start, end) is not None:
        return True
    # the other two cues need an apostrophe or a modal verb
    if ("'" in part or "’" in part) and _FUTURE_LL.search(text, start, end) is not None:
        return True
    return ("may" in part or "might" in part or "should" in part) and _FUTURE_MODAL.search(
        text, start, end
    ) is not None


# Past-tense cues: these words and any word of five letters or more that ends in "ed".
_PAST_WORDS = frozenset((
    "was", "were", "had", "did", "been", "said", "told", "ago", "last", "earlier", "took",
    "came", "went", "began", "fell", "rose", "won", "lost", "made", "gave", "held", "met",
    "left", "got", "saw", "became", "ran", "led", "paid", "sold", "bought", "struck", "spoke",
    "wrote", "broke", "brought", "kept", "grew", "knew", "thought", "found", "felt", "sent",
    "spent", "built", "stood", "fought", "chose", "drove", "flew", "ended", "sank", "swore",
    "threw", "wore", "woke",
))  # fmt: skip
_PAST = regex.compile(
    r"\b(?:" + "|".join(sorted(_PAST_WORDS)) + r"|\w{3,}ed)\b",
    regex.IGNORECASE,
)


def _has_past(text: str, start: int, end: int) -> bool:
    """Whether a past-tense cue occurs in ``text[start:end]`` (as ``_PAST.search`` finds).

    ASCII text is read word by word (a set look-up each, much cheaper than the pattern's
    many branches at every word); other text goes to the pattern.
    """
    part = text[start:end]
    if not part.isascii():
        return _PAST.search(text, start, end) is not None
    words = _ASCII_WORD.findall(part)
    if words and part[0] in _ASCII_WORD_CHARS and start and _WORD_CHAR.match(text, start - 1):
        words = words[1:]  # the end of a word cut by *start* is no word (no \b there)
    for word in words:
        low = word.lower()
        if low in _PAST_WORDS or (len(low) >= 5 and low.endswith("ed")):  # noqa: PLR2004
            return True
    return False


_ASCII_WORD = regex.compile(r"[A-Za-z0-9_]++")
_ASCII_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_DEADLINE = regex.compile(
    r"\b(?:by|until|till|through|as\s(?:soon|early|late)\sas)\s(?:(?:early|late|mid)[\s-]|(?:at\s)?\d{1,2}(?::\d\d)?\s?"
    r"[ap]\.?m\.?\s(?:[A-Z]{2,4}\s)?)?$",
    regex.IGNORECASE,
)
_PAST_PERFECT = regex.compile(r"\b(?:had|previously)\b", regex.IGNORECASE)
# Searched backwards: the first match is the last clause break before a date.
_CLAUSE_START = regex.compile(r"[.!?;:]\s|\n|,\s", regex.REVERSE)
_CLAUSE_SPAN = 160  # how far back the clause of a date is looked for
# Where the clause after a date stops mattering for its tense: reported speech and new clauses.
_CLAUSE_END = regex.compile(r"\b(?:that|said|says|and|but|when|while|after|before|as)\b|[,;:(]")
_SENTENCE_END = regex.compile(r"[.!?]\s|\n")


# ---------------------------------------------------------------------------------------------
# Calendar helpers.


def add_months(day: dt.date, months: int) -> dt.date:
    """Return the first day of the month *months* after *day*'s month.

    >>> add_months(dt.date(2018, 12, 31), 2)
    datetime.date(2019, 2, 1)
    """
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _quarter(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _shift_quarter(year: int, q: int, by: int) -> tuple[int, int]:
    index = year * 4 + q - 1 + by
    return index // 4, index % 4 + 1


_VALUE = regex.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d)(?:T(?:(?P<h>\d\d):(?P<mi>\d\d)|(?P<pod>MO|AF"
    r"|EV|NI)))?)?|W(?P<w>\d\d)(?P<we>-WE)?|Q(?P<q>[1-4])|H(?P<half>[12])|(?P<s>SP|SU|FA|WI)))?"
    r"|(?P<dec>\d{3})|(?P<cent>\d\d)"
)


@functools.lru_cache(maxsize=4096)
def value_to_calendar(value: str) -> tuple[dt.date | None, Granularity | None]:
    """Return the first calendar point a TIMEX3 *value* names and its granularity.

    >>> value_to_calendar("2013-W11")
    (datetime.date(2013, 3, 11), 'week')
    >>> value_to_calendar("199")
    (datetime.date(1990, 1, 1), 'decade')
    >>> value_to_calendar("P2W")
    (None, None)
    """
    m = _VALUE.fullmatch(value)
    if m is None:
        return None, None
    try:
        if m["dec"]:
            return dt.date(int(m["dec"]) * 10, 1, 1), "decade"
        if m["cent"]:
            return dt.date(max(int(m["cent"]) * 100, 1), 1, 1), "century"
        year = int(m["y"])
        if m["h"]:
            at = dt.datetime(  # noqa: DTZ001 - TIMEX3 times are wall-clock times, zone unknown
                year, int(m["m"]), int(m["d"]), int(m["h"]) % 24, int(m["mi"])
            )
            return at, "time"
        if m["d"]:
            return dt.date(year, int(m["m"]), int(m["d"])), "day"
        if m["m"]:
            return dt.date(year, int(m["m"]), 1), "month"
        if m["w"]:
            monday = dt.date.fromisocalendar(year, int(m["w"]), 6 if m["we"] else 1)
            return monday, "week"
        if m["q"]:
            return dt.date(year, 3 * int(m["q"]) - 2, 1), "quarter"
        if m["half"]:
            return dt.date(year, 6 * int(m["half"]) - 5, 1), "half"
        if m["s"]:
            return dt.date(year, _SEASON_MONTH[m["s"]], 1), "season"
        return dt.date(year, 1, 1), "year"
    except ValueError:
        return None, None


# ---------------------------------------------------------------------------------------------
# Resolution context.


@attrs.define
class Context:
    """What a handler may use: the text, the reference date and what earlier mentions set."""

    text: str
    reference: dt.date | None
    quarter: tuple[int, int] | None = None  # the last quarter the text named
    quarter_at: int = -1  # where the text named it
    anchor: str | None = None  # the last calendar value the text named (for "a year earlier")
    fallback: Callable[[str, dt.date | None], dt.date | None] | None = None
    # the span of the last clause break in the _CLAUSE_SPAN characters before a position
    _breaks: dict[int, tuple[int, int] | None] = attrs.field(factory=dict, init=False, repr=False)

    def tense(self, start: int, end: int) -> str:
        """The tense of the clause around ``[start, end)``: future, past or "" (unclear)."""
        if self.future(start, end):
            return "future"
        if self.deadline(start):
            return "future"  # "by February", "until January": news deadlines lie ahead
        left = self._clause_start(start, 60)
        if _has_past(self.text, left, start):
            return "past"
        # a date that opens its clause ("In March, sales fell") takes the verb after it
        if self.text[left:start].strip(" \t\"“‘'").casefold() in _CLAUSE_OPENERS:
            stop = min(len(self.text), end + 60)
            right_m = _CLAUSE_END.search(self.text, end + 1, stop)
            right = right_m.start() if right_m else stop
            if _has_past(self.text, end, right):
                return "past"
        return ""

    def deadline(self, start: int) -> bool:
        """Whether "by", "until", "as soon as" ... comes just before, not in a past perfect."""
        lo = max(0, start - 30)
        before = self.text[lo:start].casefold()  # the pattern needs one of these words
        if not (
            "by" in before
            or "til" in before
            or "through" in before
            or ("as" in before and ("soon" in before or "early" in before or "late" in before))
        ):
            return False
        if _DEADLINE.search(self.text, lo, start) is None:
            return False
        return _PAST_PERFECT.search(self.text, self._clause_start(start), start) is None

    def _clause_start(self, start: int, span: int = _CLAUSE_SPAN) -> int:
        """Where the last clause break in the *span* characters before *start* ends.

        Without one, ``start - span`` (or 0). As ``_CLAUSE_START.search(text, lo, start)``
        gives it, but each position is searched once, over ``_CLAUSE_SPAN`` characters: a
        shorter span's break is that one when it lies within the span, or the newline that
        ends it does ("\n" is a break by itself, ".\n" one of two characters); no other
        break can end within it, since none ends later.
        """
        lo = max(0, start - span)
        if start in self._breaks:
            last = self._breaks[start]
        else:
            m = _CLAUSE_START.search(self.text, max(0, start - _CLAUSE_SPAN), start)
            last = self._breaks[start] = None if m is None else m.span()
        if last is None:
            return lo
        begin, end = last
        if begin >= lo or (end - 1 >= lo and self.text[end - 1] == "\n"):
            return end
        return lo

    def future(self, start: int, end: int) -> bool:
        """Whether the sentence around ``[start, end)`` speaks of the future."""
        left = self._clause_start(start)
        if _has_future(self.text, left, start):
            # "had been scheduled to expire Friday" looks back from the past
            return _PAST_PERFECT.search(self.text, left, start) is None
        # a date that opens its clause ("On Tuesday, talks will ...") takes the verb after it
        if self.text[left:start].strip(" \t\"“‘'").casefold() not in {"", "on", "by", "until"}:
            return False
        stop = min(len(self.text), end + 60)
        right_m = _CLAUSE_END.search(self.text, end + 1, stop)
        right = right_m.start() if right_m else stop
        return _has_future(self.text, end, right)


_CLAUSE_OPENERS = frozenset({"", "in", "on", "during", "since", "early in", "late in"})


class Found(NamedTuple):
    """One mention a handler returns: offsets, TIMEX3 type and value."""

    start: int
    end: int
    type: DateType
    value: str


def _one(m: regex.Match[str], kind: DateType, value: str) -> list[Found]:
    start, end = m.span()
    return [Found(start, end, kind, value)]


def _month_of(name: str) -> int:
    key = name.rstrip(".").casefold()[:3]
    month = _MONTH_NUMBERS.get(key)
    if month is not None:
        return month
    return next(i for i, month in enumerate(MONTHS, 1) if month.startswith(key))


_MONTH_NUMBERS = {month[:3]: i for i, month in enumerate(MONTHS, 1)}


_GROUP_NUMBERS: dict[regex.Pattern[str], dict[str, int]] = {}


def _numbers(m: regex.Match[str]) -> dict[str, int]:
    """The group numbers of *m*'s pattern by name.

    ``m[g["year"]]`` is ``m["year"]``, several times cheaper: the regex module tries a
    group name as an integer first and pays for the exception (a third of a microsecond).
    """
    g = _GROUP_NUMBERS.get(m.re)
    if g is None:
        g = _GROUP_NUMBERS[m.re] = dict(m.re.groupindex)
    return g


def _year_of(m: regex.Match[str]) -> int | None:
    g = _numbers(m)
    if m[g["year"]]:
        return int(m[g["year"]])
    if "yy" in g and m[g["yy"]]:
        yy = int(m[g["yy"]])
        return 1900 + yy if yy >= 30 else 2000 + yy  # noqa: PLR2004 - two-digit year pivot
    return None


_SPACES = regex.compile(r"\s++")


def _squash(raw: str) -> str:
    """``_SPACES.sub(" ", raw)``: each run of white space as one space.

    Most strings need no change: printable ASCII holds no white space but " ".
    """
    if raw.isascii() and raw.isprintable() and "  " not in raw:
        return raw
    return _SPACES.sub(" ", raw)


_HALF_SUFFIX = regex.compile(r"\s(?:and\s)?a\shalf$|\s1/2$")
_DIGIT_RANGE = regex.compile(r"\d-\d")
_SPLIT = regex.compile(r"[- ]")
_NEXT_UPPER = regex.compile(r"\s\p{Lu}")
_NEXT_LOWER = regex.compile(r"\s\p{Ll}")
_NEXT_LOWER_OR_DIGIT = regex.compile(r"\s[\p{Ll}\d]")
_MONTH_CONTEXT = regex.compile(
    r"\b(?:in|since|until|till|through|by|during|of|before|after|from|between|and|to|late"
    r"|early|mid|the)[\s-]$",
    regex.IGNORECASE,
)


def _number(raw: str) -> int | None:
    """The value of a (possibly worded) number; None when it is vague ("several", "2 to 3")."""
    text = _squash(raw.casefold()).strip()
    if text.endswith(("half", "1/2")):  # what _HALF_SUFFIX ends with
        text = _HALF_SUFFIX.sub("", text)
    if " to " in text or " or " in text or ("-" in text and _DIGIT_RANGE.search(text)):
        return None
    if text.replace(",", "").isdigit():
        return int(text.replace(",", ""))
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    parts = _SPLIT.split(text)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:  # noqa: PLR2004
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def _unit_key(raw: str) -> str:
    key = raw.casefold()
    if key == "centuries":
        return "century"
    return key.removesuffix("s")


_HALF = {"Y": "6M", "M": "15D", "W": "3D", "D": "T12H", "H": "30M"}


def _duration(n: int | None, unit: str, *, half: bool = False) -> str:
    """The TIMEX3 duration of *n* (None: some) *unit*s, plus a half when *half*.

    >>> _duration(2, "week"), _duration(None, "year"), _duration(2, "decade")
    ('P2W', 'PXY', 'P20Y')
    """
    letter, is_time, size = _UNITS[unit]
    t = "T" if is_time else ""
    if n is None:
        letter = {"WE": "D", "Q": "M"}.get(letter, letter)
        if unit in {"decade", "century", "millennium"}:
            letter = {"decade": "E", "century": "C", "millennium": "L"}[unit]
        return f"P{t}X{letter}"
    if letter == "WE":
        letter, size = "D", 2
    if letter == "Q":
        letter, size = "M", 3
    out = f"P{t}{n * size}{letter}"
    if half:
        if is_time and letter == "M":
            return out + "30S"
        if letter == "D" or (is_time and letter == "H"):
            return out + _HALF[letter] if letter == "D" else out + "30M"
        return out + _HALF.get(letter, "")
    return out


# ---------------------------------------------------------------------------------------------
# Handlers.


def _h_time_clock(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    hour = int(m[g["h"]])
    minute = int(m[g["mi"]] or 0)
    ap = (m[g["ap"]] or "").casefold()
    if ap.startswith(("in ", "at ")):
        ap = "am" if ap.endswith("morning") else "pm"  # "3:30 in the morning", "9 at night"
    if hour > 12 or (hour == 0 and ap[:1] in "ap"):  # noqa: PLR2004
        return []
    if ap.startswith("p") and hour < 12:  # noqa: PLR2004
        hour += 12
    elif ap.startswith("a") and hour == 12:  # noqa: PLR2004
        hour = 0
    day = _tail_day(m, ctx)
    return _one(m, "TIME", f"{day}T{hour:02d}:{minute:02d}")


def _tail_day(m: regex.Match[str], ctx: Context) -> str:
    """The day a time is on: its tail ("Friday", "Feb. 3", "yesterday") or the reference."""
    g = _numbers(m)
    tail = (m[g["tail"]] or "").strip(" ,").casefold().removeprefix("on ").strip()
    ref = ctx.reference
    if not tail:
        return ref.isoformat() if ref else "XXXX-XX-XX"
    if tail in {"yesterday", "today", "tomorrow", "tonight"}:
        if ref is None:
            return "XXXX-XX-XX"
        return (ref + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(tail, 0))).isoformat()
    if m[g["wd"]]:
        return _weekday_value(WEEKDAYS.index(m[g["wd"]].casefold()), None, m, ctx)
    if m[g["mon"]]:
        year = int(m[g["year"]]) if m[g["year"]] else None
        return (
            _month_day_value(_month_of(m[g["mon"]]), int(m[g["day"]]), year, m, ctx) or "XXXX-XX-XX"
        )
    return ref.isoformat() if ref else "XXXX-XX-XX"


def _h_time_named(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[m[g["named"]].casefold()]
    return _one(m, "TIME", f"{_tail_day(m, ctx)}T{clock}")


def _h_time_clock24(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    hour, minute = int(m[g["h"]]), int(m[g["mi"]])
    if hour > 24:  # noqa: PLR2004
        return []
    day = ctx.reference.isoformat() if ctx.reference else "XXXX-XX-XX"
    return _one(m, "TIME", f"{day}T{hour:02d}:{minute:02d}")


def _weekday_value(wd: int, rel: str | None, m: regex.Match[str], ctx: Context) -> str:
    ref = ctx.reference
    if ref is None:
        return f"XXXX-WXX-{wd + 1}"
    delta = wd - ref.weekday()
    rel = (rel or "").casefold()
    if rel in {"next", "the following", "this coming"}:
        days = delta if delta > 0 else delta + 7
    elif rel in {"last", "this past", "the previous"}:
        days = delta if delta < 0 else delta - 7
    elif ctx.future(m.start(), m.end()) or ctx.deadline(m.start()):
        days = delta if delta >= 0 else delta + 7
    else:
        days = delta if delta <= 0 else delta - 7
    return (ref + dt.timedelta(days=days)).isoformat()


def _month_day_value(
    month: int, day: int, year: int | None, m: regex.Match[str], ctx: Context
) -> str | None:
    if not 1 <= day <= 31:  # noqa: PLR2004
        return None
    if year is None:
        ref = ctx.reference
        if ref is None:
            return f"XXXX-{month:02d}-{day:02d}"
        year = ref.year
        try:
            guess = dt.date(year, month, day)
        except ValueError:
            return f"XXXX-{month:02d}-{day:02d}"
        ahead = (guess - ref).days
        tense = ctx.tense(m.start(), m.end())
        if tense == "future":
            year += ahead < -60  # noqa: PLR2004 - well past: next year's
        elif ahead > 60:  # noqa: PLR2004 - well ahead: last year's
            year -= 1
        elif ahead < -183 and not tense:  # noqa: PLR2004 - no tense: the nearer one ahead
            year += 1
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _remember(ctx: Context, value: str) -> None:
    ctx.anchor = value


def _h_date_month_day(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    value = _month_day_value(_month_of(m[g["mon"]]), int(m[g["day"]]), _year_of(m), m, ctx)
    if value is None:
        return []
    _remember(ctx, value)
    return _one(m, "DATE", value)


def _h_date_dotted(m: regex.Match[str], ctx: Context) -> list[Found]:
    day = None if ctx.fallback is None else ctx.fallback(m.group(), ctx.reference)
    if day is None:
        return []
    _remember(ctx, day.isoformat())
    return _one(m, "DATE", day.isoformat())


def _h_date_iso(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    try:
        value = dt.date(int(m[g["y"]]), int(m[g["m"]]), int(m[g["d"]])).isoformat()
    except ValueError:
        return []
    _remember(ctx, value)
    return _one(m, "DATE", value)


def _h_date_numeric(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    a, b, c = int(m[g["a"]]), int(m[g["b"]]), m[g["c"]]
    year = int(c) if len(c) == 4 else (1900 + int(c) if int(c) >= 30 else 2000 + int(c))  # noqa: PLR2004
    month, day = (a, b) if a <= 12 else (b, a)  # noqa: PLR2004 - US order unless impossible
    try:
        value = dt.date(year, month, day).isoformat()
    except ValueError:
        return []
    _remember(ctx, value)
    return _one(m, "DATE", value)


def _rel_year(rel: str | None, ctx: Context) -> int | None:
    if ctx.reference is None:
        return None
    return ctx.reference.year + {"last": -1, "next": 1}.get((rel or "this").casefold(), 0)


def _h_date_quarter(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    n = ORDINALS[m[g["ord"]].casefold()]
    is_half = m[g["q"]].casefold() == "half"
    year = _year_of(m)
    if year is None and (m[g["rel"]] or m[g["rel2"]]):
        year = _rel_year(m[g["rel"]] or m[g["rel2"]], ctx)
    text = m.group().casefold()
    back = "year-ago" in text or "year-earlier" in text or "year-before" in text
    if is_half:
        n = min(n, 2)
    if year is None and ctx.reference is not None:
        ref = ctx.reference
        year = ref.year
        start_month = 6 * n - 5 if is_half else 3 * n - 2
        if start_month > ref.month and not ctx.future(m.start(), m.end()):
            year -= 1
        if m[g["det"]] and m[g["det"]].casefold() == "last" and not is_half:
            year = ref.year if start_month < ref.month - 2 else ref.year - 1
    if back and year is not None:
        year -= 1
    # TimeBank leaves out possessives and articles of a quarter used as a modifier:
    # "its fourth quarter", "a third-quarter loss" -> "fourth quarter", "third-quarter"
    det = (m[g["det"]] or "").casefold()
    start = m.start()
    if det in {"its", "their", "a", "an", "that"} or (det and ctx.text[m.end(g["ord"])] == "-"):
        start = m.end(g["det"]) + 1
    letter = "H" if is_half else "Q"
    if m[g["pl"]] and not m[g["year"]]:
        return [Found(start, m.end(), "SET", f"XXXX-{letter}{n}")]
    if year is None:
        return [Found(start, m.end(), "DATE", f"XXXX-{letter}{n}")]
    value = f"{year:04d}-{letter}{n}"
    if not is_half and not back:
        ctx.quarter = (year, n)
        ctx.quarter_at = m.start()
    _remember(ctx, value)
    return [Found(start, m.end(), "DATE", value)]


def _h_date_quarter_rel(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    det = m[g["det"]].casefold()
    mods = (m[g["mods"]] or "").casefold()
    noun = m[g["q"]].casefold()
    back = bool(m[g["ago"]]) or any(w in mods for w in ("year-ago", "year-earlier", "year-before"))
    if noun == "period" and not (mods.strip() or back or m[g["year"]]):
        return []
    if m[g["year"]]:  # "the 1988 period": the quarter in question, in that year
        if ctx.quarter is not None:
            q = ctx.quarter[1]
        elif ctx.reference is not None:
            q = _shift_quarter(*_quarter(ctx.reference), -1)[1]
        else:
            return _one(m, "DATE", f"{m['year']}-QX")
        return _one(m, "DATE", f"{m['year']}-Q{q}")
    if det in {"last", "next", "this"} and not mods.strip() and noun == "quarter":
        if ctx.reference is None:
            return _one(m, "DATE", "XXXX-QX")
        year, q = _quarter(ctx.reference)
        year, q = _shift_quarter(year, q, {"last": -1, "next": 1}.get(det, 0))
        return _one(m, "DATE", f"{year:04d}-Q{q}")
    latest = any(w in mods for w in ("latest", "just-ended", "just-completed", "recent"))
    if ctx.reference is not None and ("current" in mods or latest):
        # the quarter under way, or the last one completed (what results report)
        year, q = _quarter(ctx.reference)
        if latest:
            year, q = _shift_quarter(year, q, -1)
    elif ctx.quarter is not None:
        year, q = ctx.quarter
    elif ctx.reference is not None:
        year, q = _shift_quarter(*_quarter(ctx.reference), -1)
    else:
        return _one(m, "DATE", "XXXX-QX")
    if back:
        year -= 1
    return _one(m, "DATE", f"{year:04d}-Q{q}")


def _h_date_decade(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    if m[g["dec"]]:
        value = m[g["dec"]][:3]
    elif m[g["dec2"]]:
        # "the '90s" is the 1990s; "the '10s" said in 2025 is the 2010s
        recent = ctx.reference is not None and 2000 + int(m[g["dec2"]]) <= ctx.reference.year
        value = ("20" if recent else "19") + m[g["dec2"]][0]
    else:
        value = "19" + str(_DECADE_WORDS[m[g["decw"]].casefold()])
    return _one(m, "DATE", value)


def _h_date_century(m: regex.Match[str], _ctx: Context) -> list[Found]:
    return _one(m, "DATE", f"{int(m['cent']) - 1:02d}")


# Searched backwards: the pattern ends where the search does, so only that end is tried.
_PREVIOUS_WORD = regex.compile(r"([\w.]+)\s++$", regex.REVERSE)
_NEXT_WORD_AFTER = regex.compile(r"\s++(\w+)")
_OLD_YEAR_CUES = frozenset(
    [
        "in",
        "since",
        "of",
        "by",
        "until",
        "till",
        "from",
        "before",
        "after",
        "around",
        "circa",
        "c.",
        "the",
        "year",
        "and",
        "to",
        "between",
        "during",
        "early",
        "late",
        "mid",
    ]
)


def _h_date_year(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    year = int(m[g["year"]])
    bare = not (m[g["edge"]] or m[g["fiscal"]] or m[g["post"]])
    if bare:
        prev = _PREVIOUS_WORD.search(ctx.text, max(0, m.start() - 24), m.start())
        word = prev[1].casefold() if prev else ""
        if word in load_set("dates_code_words.txt"):
            return []  # "Flight 1549", "Windows 2000"
        if year < 1900 and word not in _OLD_YEAR_CUES:  # noqa: PLR2004
            return []  # 1549 is more often a count or a code than a year
        nxt = _NEXT_WORD_AFTER.match(ctx.text, m.end(), m.end() + 24)
        if nxt is not None and nxt[1].casefold() in load_set("dates_count_nouns.txt"):
            return []  # "2000 troops"
    if m[g["y2"]] and m[g["dash"]]:
        raw2 = m[g["y2"]]
        year2 = int(raw2) if len(raw2) == 4 else (year // 100) * 100 + int(raw2)  # noqa: PLR2004
        if len(raw2) == 2 and year2 <= year:  # noqa: PLR2004
            year2 += 100
        if year2 <= year or year2 - year > 50 or m[g["edge"]] or m[g["fiscal"]] or m[g["post"]]:  # noqa: PLR2004
            return []
        first_end = m.start(g["dash"])
        second_start = m.start(g["y2"])
        value2 = f"{year2:04d}"
        _remember(ctx, value2)
        return [
            Found(m.start(), first_end, "DATE", f"{year:04d}"),
            Found(second_start, m.end(), "DATE", value2),
        ]
    value = f"{year:04d}"
    _remember(ctx, value)
    return _one(m, "DATE", value)


def _h_date_month_year(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    month = _month_of(m[g["mon"]])
    year = _year_of(m)
    if year is None:
        year = _rel_year(m[g["rel"]], ctx)
    value = f"XXXX-{month:02d}" if year is None else f"{year:04d}-{month:02d}"
    _remember(ctx, value)
    return _one(m, "DATE", value)


def _h_date_month_rel(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    name = m[g["mon"]]
    month = _month_of(name)
    rel = (m[g["rel"]] or "").casefold()
    if len(name) <= 4 and name.casefold() not in {"may", "june", "july"} and name[-1] != ".":  # noqa: PLR2004
        return []  # a bare abbreviation ("Jan", "Dec") is more often a name than a month
    if name.casefold().rstrip(".") in {"may", "march"} and not (rel or m[g["edge"]]):
        before = ctx.text[max(0, m.start() - 12) : m.start()].casefold()
        if not _MONTH_CONTEXT.search(before):
            return []
    ref = ctx.reference
    if ref is None:
        return _one(m, "DATE", f"XXXX-{month:02d}")
    year = ref.year
    if rel in {"last", "this past"}:
        if month >= ref.month:
            year -= 1
    elif rel in {"next", "this coming"}:
        if month <= ref.month:
            year += 1
    elif rel != "this":
        tense = ctx.tense(m.start(), m.end())
        if tense == "future":
            year += month < ref.month
        elif tense == "past":
            year -= month > ref.month
        elif month - ref.month > 6:  # noqa: PLR2004 - no tense: the nearest such month
            year -= 1
        elif ref.month - month > 6:  # noqa: PLR2004
            year += 1
    value = f"{year:04d}-{month:02d}"
    _remember(ctx, value)
    return _one(m, "DATE", value)


def _h_date_relday(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    word = m[g["rd"]].casefold()
    ref = ctx.reference
    shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[word]
    if m[g["ba"]]:
        shift += -1 if m[g["ba"]].casefold().endswith("before") else 1
    pod = m[g["pod"]]
    edge = (m[g["edge"]] or "").casefold()
    value = "XXXX-XX-XX" if ref is None else (ref + dt.timedelta(days=shift)).isoformat()
    if pod:
        return _one(m, "TIME", f"{value}T{_PART_OF_DAY[pod.casefold()]}")
    if "afternoon" in edge:
        return _one(m, "TIME", f"{value}TAF")
    if "morning" in edge:
        return _one(m, "TIME", f"{value}TMO")
    if word == "today" and ref is None:
        return _one(m, "DATE", "PRESENT_REF")
    return _one(m, "DATE", value)


def _h_time_pod(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    day = ctx.reference.isoformat() if ctx.reference else "XXXX-XX-XX"
    pod = _PART_OF_DAY[m[g["pod"]].casefold()] if m[g["pod"]] else "NI"
    return _one(m, "TIME", f"{day}T{pod}")


def _h_time_this_pod(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    rel = m[g["rel"]].casefold()
    ref = ctx.reference
    pod = _PART_OF_DAY[m[g["pod"]].casefold()]
    if rel == "last" and pod != "NI":
        return []
    shift = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(rel, 0)
    day = (ref + dt.timedelta(days=shift)).isoformat() if ref else "XXXX-XX-XX"
    return _one(m, "TIME", f"{day}T{pod}")


def _is_name_head(ctx: Context, end: int) -> bool:
    """Whether the capitalised word after *end* makes the expression a name ("Sunday Times")."""
    if not ctx.text[end : end + 1].isspace():
        return False  # "Friday," "Friday."
    nxt = _NEXT_WORD_AFTER.match(ctx.text, end, end + 24)
    return (
        nxt is not None
        and nxt[1][:1].isupper()
        and nxt[1].casefold() in load_set("dates_name_heads.txt")
    )


def _h_date_weekday(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    if not m[g["rel"]] and not m[g["pod"]] and _is_name_head(ctx, m.end()):
        return []  # "the Sunday Times"
    wd = WEEKDAYS.index(m[g["wd"]].casefold())
    rel = (m[g["rel"]] or "").casefold()
    pod = m[g["pod"]]
    if m[g["pl"]] or rel in {"every", "each"} or m[g["podpl"]]:
        suffix = f"T{_PART_OF_DAY[pod.casefold()]}" if pod else ""
        return _one(m, "SET", f"XXXX-WXX-{wd + 1}{suffix}")
    value = _weekday_value(wd, rel, m, ctx)
    if pod:
        return _one(m, "TIME", f"{value}T{_PART_OF_DAY[pod.casefold()]}")
    return _one(m, "DATE", value)


def _h_date_weekend(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    ref = ctx.reference
    if ref is None:
        return _one(m, "DATE", "XXXX-WXX-WE")
    rel = m[g["rel"]].casefold()
    saturday = ref + dt.timedelta(days=5 - ref.weekday())
    if rel in {"last", "this past"} or (rel == "the" and not ctx.future(m.start(), m.end())):
        if saturday > ref:
            saturday -= dt.timedelta(days=7)
    elif rel == "next":
        saturday += dt.timedelta(days=7 if saturday <= ref else 0)
    return _one(m, "DATE", f"{_week(saturday)}-WE")


def _h_date_rel_unit(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    rel = _squash(m[g["rel"]].casefold())
    unit = m[g["unit"]].casefold()
    text = m.group().casefold()
    if rel in {"past", "previous", "following", "coming", "same"} and not text.startswith(
        ("the ", "this ")
    ):
        return []
    if rel in {"past", "last"} and text.startswith("the ") and unit in {"decade", "century"}:
        return _one(m, "DURATION", "P10Y" if unit == "decade" else "P100Y")
    shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "following": 1, "coming": 1}.get(
        rel, 0
    )
    if rel == "past" and unit == "year":
        return _one(m, "DURATION", "P1Y")
    if rel in {"previous", "following", "same"} and ctx.anchor is not None:
        base, _ = value_to_calendar(ctx.anchor)
    else:
        base = ctx.reference
    if base is None:
        placeholder = {"week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}
        return _one(m, "DATE", placeholder.get(unit, "XXXX"))
    if unit == "week":
        value = _week(base + dt.timedelta(weeks=shift))
    elif unit == "month":
        value = add_months(base, shift).isoformat()[:7]
    elif unit == "quarter":
        value = "{:04d}-Q{}".format(*_shift_quarter(*_quarter(base), shift))
    elif unit == "decade":
        value = str(base.year // 10 + shift)
    elif unit == "century":
        value = f"{base.year // 100 + shift:02d}"
    else:
        value = f"{base.year + shift:04d}"
    if unit in {"year", "quarter"} and rel in {"this", "current", "latest"}:
        _remember(ctx, value)
    return _one(m, "DATE", value)


def _h_date_edge_the(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    base = ctx.reference
    unit = m[g["unit"]].casefold()
    if ctx.anchor is not None:
        anchored, gran = value_to_calendar(ctx.anchor)
        if anchored is not None and gran in {"day", "month", "year", "week", "quarter"}:
            base = anchored
            if unit == "day" and gran != "day":
                base = None
    if base is None:
        blank = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}
        return _one(m, "DATE", blank.get(unit, "XXXX"))
    value = {"day": base.isoformat(), "week": _week(base), "month": base.isoformat()[:7]}.get(
        unit, f"{base.year:04d}"
    )
    return _one(m, "DATE", value)


def _h_date_the_year(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    if m[g["prep"]].casefold() == "for":
        return _one(m, "DURATION", "P1Y")
    base = ctx.reference
    if ctx.anchor is not None:
        anchored, _ = value_to_calendar(ctx.anchor)
        base = anchored or base
    return _one(m, "DATE", "XXXX" if base is None else f"{base.year:04d}")


def _easter(year: int) -> dt.date:
    """Easter Sunday of *year* (the Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The *n*-th (1-based; -1 for the last) *weekday* (0 = Monday) of a month."""
    if n < 0:
        last = add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _holiday(name: str, year: int) -> dt.date:
    key = _squash(name.casefold()).replace("’", "'")
    fixed = {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
        "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
        "fourth of july": (7, 4), "veterans day": (11, 11), "valentine's day": (2, 14),
        "halloween": (10, 31), "boxing day": (12, 26),
    }  # fmt: skip
    if key in fixed:
        return dt.date(year, *fixed[key])
    if key.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 3, 4)
    if key.startswith("easter"):
        return _easter(year)
    if key == "good friday":
        return _easter(year) - dt.timedelta(days=2)
    if key == "election day":
        return _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)
    if key == "memorial day":
        return _nth_weekday(year, 5, 0, -1)
    return _nth_weekday(year, 9, 0, 1)  # labor day


def _h_date_holiday(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    ref = ctx.reference
    if ref is None:
        return _one(m, "DATE", "XXXX-XX-XX")
    rel = _squash((m[g["rel"]] or "").casefold())
    day = _holiday(m[g["h"]], ref.year)
    if rel in {"last", "this past"}:
        if day >= ref:
            day = _holiday(m[g["h"]], ref.year - 1)
    elif rel in {"next", "this coming"} or ctx.future(m.start(), m.end()):
        if day < ref:
            day = _holiday(m[g["h"]], ref.year + 1)
    elif rel != "this" and (day - ref).days > 7:  # noqa: PLR2004 - news speaks of the last one
        day = _holiday(m[g["h"]], ref.year - 1)
    _remember(ctx, day.isoformat())
    return _one(m, "DATE", day.isoformat())


def _h_date_spelled_year(m: regex.Match[str], _ctx: Context) -> list[Found]:
    g = _numbers(m)
    if m[g["c19"]]:
        rest = _number(m[g["rest"]].replace(" ", "-")) or 0
        return _one(m, "DATE", f"{1900 + rest:04d}")
    rest2 = NUMBER_WORDS.get((m[g["rest2"]] or "zero").casefold(), 0)
    return _one(m, "DATE", f"{2000 + rest2:04d}")


def _h_date_year_end(m: regex.Match[str], ctx: Context) -> list[Found]:
    return _one(m, "DATE", f"{ctx.reference.year:04d}" if ctx.reference else "XXXX")


_QUARTER_SPAN = 1500  # how far (in characters) a named quarter stays the topic


def _h_date_ago(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    n = _number(m[g["num"]])
    unit = _unit_key(m[g["unit"]])
    direction = m[g["dir"]].casefold()
    back = direction in {"ago", "earlier"}
    if n is None:
        return _one(m, "DATE", "PAST_REF" if back else "FUTURE_REF")
    if unit in {"second", "minute", "hour"}:
        return _one(m, "DURATION", _duration(n, unit))
    sign = -1 if back else 1
    if direction in {"earlier", "later"} and ctx.anchor is not None:
        base, gran = value_to_calendar(ctx.anchor)
    else:
        base, gran = ctx.reference, "day"
    if unit == "year" and ctx.quarter is not None and m.start() - ctx.quarter_at < _QUARTER_SPAN:
        # results reporting: "profit rose in the third quarter ... a year earlier" is that quarter
        year, q = ctx.quarter
        return _one(m, "DATE", f"{year + sign * n:04d}-Q{q}")
    if base is None:
        x = {"week": "XXXX-WXX", "month": "XXXX-XX", "day": "XXXX-XX-XX"}.get(unit, "XXXX")
        return _one(m, "DATE", x)
    size = _UNITS.get(unit, ("D", False, 1))[2]
    if unit in {"day", "night"}:
        value = (base + dt.timedelta(days=sign * n)).isoformat()
    elif unit in {"week", "fortnight"}:
        value = _week(base + dt.timedelta(weeks=sign * n * size))
    elif unit == "month":
        value = add_months(base, sign * n).isoformat()[:7]
    elif unit == "quarter":
        value = "{:04d}-Q{}".format(*_shift_quarter(*_quarter(base), sign * n))
    elif unit == "weekend":
        value = _week(base + dt.timedelta(weeks=sign * n)) + "-WE"
    else:
        years = n * size
        value = f"{base.year + sign * years:04d}"
        if gran == "quarter" and direction != "ago":
            value = "{:04d}-Q{}".format(*_shift_quarter(*_quarter(base), sign * 4 * years))
    return _one(m, "DATE", value)


def _h_date_year_ago_adj(m: regex.Match[str], ctx: Context) -> list[Found]:
    if ctx.quarter is not None:
        year, q = ctx.quarter
        return _one(m, "DATE", f"{year - 1:04d}-Q{q}")
    if ctx.reference is None:
        return _one(m, "DATE", "XXXX")
    return _one(m, "DATE", f"{ctx.reference.year - 1:04d}")


def _h_ref_plural(m: regex.Match[str], _ctx: Context) -> list[Found]:
    g = _numbers(m)
    word = m[g["dirw"]].casefold()
    unit = _unit_key(m[g["unit"]])
    if word in {"recent", "past", "last", "previous"}:
        if word != "recent" and not m.group().casefold().startswith("the "):
            return []
        if word == "recent":
            return _one(m, "DATE", "PAST_REF")
        return _one(m, "DURATION", _duration(None, unit))
    if word == "future":
        return _one(m, "DATE", "FUTURE_REF")
    if word == "next" and not m.group().casefold().startswith("the "):
        return []
    return _one(m, "DURATION", _duration(None, unit))


def _h_dur_num(m: regex.Match[str], _ctx: Context) -> list[Found]:
    g = _numbers(m)
    raw = m[g["num"]].casefold()
    unit = _unit_key(m[g["unit"]])
    det = (m[g["det"]] or "").casefold()
    if raw in {"a", "an"} and unit == "second":
        return []
    start = m.start()
    if det in {"a", "an"} and raw not in {"few", "couple of"}:
        start = m.start(g["approx"]) if m[g["approx"]] else m.start(g["num"])  # "a five year low"
    n = _number(raw)
    if raw in {"a few", "few", "several", "some", "many", "a couple of", "two or three"}:
        n = None if raw != "a couple of" else 2
    half = raw.endswith(("half", "1/2")) or bool(m[g["half2"]])
    if unit == "quarter" and n is not None:
        value = f"P{n}Q" if m[g["dirw"]] else f"P{3 * n}M"
    else:
        value = _duration(n, unit, half=half)
    return [Found(start, m.end(), "DURATION", value)]


def _h_dur_adj(m: regex.Match[str], _ctx: Context) -> list[Found]:
    g = _numbers(m)
    if m[g["old"]] and m[g["old"]].casefold() == "old":
        return []  # ages ("a 6-year-old boy") are left out, as in TimeBank
    raw = m[g["num"]].casefold()
    n = None if raw == "several" else _number(raw)
    return _one(m, "DURATION", _duration(n, m[g["unit"]].casefold()))


def _h_dur_long(m: regex.Match[str], _ctx: Context) -> list[Found]:
    g = _numbers(m)
    raw = m[g["unit"]].casefold()
    plural = raw.endswith(("s", "ies"))
    return _one(m, "DURATION", _duration(None if plural else 1, _unit_key(raw)))


def _h_set_every(m: regex.Match[str], _ctx: Context) -> list[Found]:
    g = _numbers(m)
    unit = m[g["unit"]].casefold()
    if unit in _PART_OF_DAY:
        return _one(m, "SET", f"XXXX-XX-XXT{_PART_OF_DAY[unit]}")
    if unit in _SEASONS:
        return _one(m, "SET", f"XXXX-{_SEASONS[unit]}")
    if unit not in _UNITS:  # a month name, perhaps abbreviated
        return _one(m, "SET", f"XXXX-{_month_of(unit):02d}")
    if unit == "quarter":
        return _one(m, "SET", "P1Q")
    every_other = " other " in m.group().casefold()
    return _one(m, "SET", _duration(2 if every_other else 1, unit))


def _h_set_word(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    word = m[g["w"]].casefold()
    if m[g["w"]][0].isupper() and (
        _NEXT_UPPER.match(ctx.text, m.end(), m.end() + 2) or _is_name_head(ctx, m.end())
    ):
        return []  # part of a name: "Daily Sabah", "The Weekly Standard"
    if word == "quarterly" and _NEXT_LOWER.match(ctx.text, m.end(), m.end() + 2):
        return []  # "a quarterly dividend" names a payment, not a recurrence
    return _one(m, "SET", _SET_WORDS[word])


def _h_set_per(m: regex.Match[str], _ctx: Context) -> list[Found]:
    g = _numbers(m)
    return _one(m, "SET", _duration(1, m[g["unit"]].casefold()))


def _season_year(code: str, rel: str, m: regex.Match[str], ctx: Context) -> int | None:
    ref = ctx.reference
    if ref is None:
        return None
    start = _SEASON_MONTH[code]
    if rel in {"last", "this past"}:
        # the most recent such season that has ended (a season lasts three months)
        end = add_months(dt.date(ref.year, start, 1), 3)
        return ref.year if end <= ref else ref.year - 1
    if rel in {"next", "this coming"}:
        return ref.year if dt.date(ref.year, start, 1) > ref else ref.year + 1
    if rel == "this":
        return ref.year
    begun = dt.date(ref.year, start, 1) <= ref
    if not begun and not ctx.future(m.start(), m.end()):
        return ref.year - 1
    return ref.year


def _h_date_season(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    code = _SEASONS[m[g["s"]].casefold()]
    rel = _squash(((m[g["rel"]] if "rel" in g else None) or "").casefold())
    if code == "FA" and rel in {"the", "early", "late", "mid"} and not m[g["year"]]:
        after = ctx.text[m.end() : m.end() + 4].casefold()
        if after.startswith((" of", " in", " from")) or rel == "the":
            return []
    year = _year_of(m) or _season_year(code, rel, m, ctx)
    return _one(m, "DATE", f"XXXX-{code}" if year is None else f"{year:04d}-{code}")


def _h_dur_bare(m: regex.Match[str], _ctx: Context) -> list[Found]:
    g = _numbers(m)
    return _one(m, "DURATION", _duration(None, _unit_key(m[g["unit"]])))


def _h_ref_ahead(m: regex.Match[str], _ctx: Context) -> list[Found]:
    g = _numbers(m)
    return _one(m, "DURATION", _duration(None, _unit_key(m[g["unit"]])))


def _h_ref_ago(m: regex.Match[str], _ctx: Context) -> list[Found]:
    return _one(m, "DATE", "PAST_REF")


def _h_ref_word(m: regex.Match[str], ctx: Context) -> list[Found]:
    g = _numbers(m)
    word = _squash(m[g["w"]].casefold())
    if word in {"current", "future", "recent"}:
        # adjectives count only before a noun: "current levels", not "an electric current."
        after = ctx.text[m.end() : m.end() + 2]
        if not _NEXT_LOWER_OR_DIGIT.match(after):
            return []
    return _one(m, "DATE", _REF_WORDS[word])


def _h_ref_weekdays(m: regex.Match[str], _ctx: Context) -> list[Found]:
    return _one(m, "SET", "XXXX-WXX-WD")


_ALIASES = {"date_day_month": "date_month_day", "date_season_year": "date_season"}
_HANDLERS: dict[str, Callable[[regex.Match[str], Context], list[Found]]] = {
    name: globals()[f"_h_{_ALIASES.get(name, name)}"] for name, _ in _RULES
}


Hit = tuple[str, Callable[[regex.Match[str], Context], list[Found]], regex.Match[str]]


def _try_rules(text: str, at: int, stop: int, names: tuple[str, ...]) -> Hit | None:
    """The first of the rules *names* that matches at *at*, or None."""
    steps = _PLANS.get(names)
    if steps is None:
        steps = _PLANS[names] = _plan(names)
    # a bounded window: the regex engine may look ahead to endpos for required literals
    window = min(stop, at + _MAX_SPAN)
    ahead = None
    # the group of required words looked for last, and whether one is there (rules that
    # share a group are neighbours in the plans)
    group_seen = -1
    ok = False
    for match, rule_id, handler, group, words, spaced in steps:
        if words:
            if group != group_seen:
                if ahead is None:
                    ahead = text[at : at + _CHECK_SPAN].casefold()
                group_seen = group
                ok = False
                for word in words:  # a plain loop: cheaper than any() or a function call
                    if word in ahead:
                        ok = True
                        break
            if not ok or (spaced and not _unit_after_space(ahead or "")):
                continue
        m = match(text, at, window)
        if m is not None and m.end() > at:
            return rule_id, handler, m
    return None


# For the rules that look behind their start, words before a position that satisfy the
# look-behind ("at 10:30", "for the year", "the nineties", "the year two thousand", "twice a
# day", "for weeks"), and "" when the rule may also match without them; a test checks each.
_BEHIND: dict[str, tuple[str, ...]] = {
    "time_clock24": ("", "at "),
    "date_decade": ("", "the "),
    "date_the_year": ("for ",),
    "date_spelled_year": ("", "the year "),
    "set_per": ("1 ",),
    "dur_bare": ("for ",),
}
_LOOKS_BEHIND = frozenset(name for name, source in _RULES if "(?<=" in source)
# Rules with case-sensitive parts ("May", "EST", "Christmas"): tried in every case form.
_CASED = frozenset(name for name, source in _RULES if "(?-i" in source)
# The rules that may match after a function word and the next word, both casefolded: a
# subsequence of the word's rules, filled on first use (the keys are a closed set, so the
# table stays small).
_REFINED: dict[tuple[str, str], tuple[str, ...]] = {}
_REFINED_BYTES: dict[tuple[bytes, bytes], tuple[str, ...]] = {}  # the same, ASCII, not empty


def _may_match(name: str, forms: list[str]) -> bool:
    """Whether rule *name* matches or may go on to match one of *forms* (after ``_BEHIND``)."""
    pattern = _rule_pattern(name)
    behind = _BEHIND.get(name, ("",))
    return any(
        pattern.match(before + form, len(before), partial=True) is not None
        for before in behind
        for form in forms
    )


def _refine(names: tuple[str, ...], word: str, after: str) -> tuple[str, ...]:
    """The rules of *names* that may match text starting with ``word + " " + after``.

    A rule is kept when its pattern matches, or partly matches (``partial=True``: the text
    could go on to a match), a string made of the two words in lower, Capitalised or UPPER
    case (the function word in other cases only for holiday names: "New Year's Day"), after
    any of the words its look-behind may need; the scanner only asks when one space
    separates them and *after* is the whole next word.
    """
    afters = dict.fromkeys((after, after.capitalize(), after.upper()))
    forms = [f"{word} {a}" for a in afters]  # the case of the function word matters only
    every = [f"{w} {a}" for w in (word.capitalize(), word.upper()) for a in afters]  # in names
    kept = tuple(
        name
        for name in names
        if _may_match(
            name,
            forms[:1] if name not in _CASED else forms + every if name == "date_holiday" else forms,
        )
    )
    _REFINED[word, after] = kept
    if word.isascii() and after.isascii():
        if kept:
            _REFINED_BYTES[word.encode(), after.encode()] = kept
        else:
            _DEAD_PAIRS.add((word.encode(), after.encode()))
    return kept


# Numbers of each length that stand for all others to the rules: the rules read hours
# ([01]?\d), days ([0-3]?\d), years ((?:1[5-9]|20)\d\d), decades (\d0) and counts (\d{1,3}).
_NUMBER_SAMPLES = {
    1: ("0", "1", "2", "3", "4", "9"),
    2: ("00", "01", "09", "10", "12", "13", "19", "20", "21", "23", "24", "29", "30", "31",
        "32", "39", "40", "50", "59", "60", "99"),
    3: ("000", "100", "150", "199", "200", "201", "299", "999"),
    4: ("0000", "1000", "1499", "1500", "1899", "1900", "1990", "1999", "2000", "2009", "2010",
        "2018", "2099", "2100", "9999"),
    5: ("10000", "19900", "20180", "99999"),
    6: ("100000", "201801", "999999"),
}  # fmt: skip
# The rules that may match at a number of n ASCII digits followed by a given ASCII character
# (and a digit after one of ".,:/-").
_REFINED_NUMBERS: dict[tuple[int, str], tuple[str, ...]] = {}


def _refine_number(names: tuple[str, ...], length: int, after: str) -> tuple[str, ...]:
    """The rules of *names* that may match at a number of *length* digits before *after*.

    Like :func:`_refine`, with each sample number of that length; longer numbers keep
    every rule.
    """
    samples = _NUMBER_SAMPLES.get(length)
    if samples is None:
        return names
    kept = tuple(name for name in names if _may_match(name, [number + after for number in samples]))
    _REFINED_NUMBERS[length, after] = kept
    return kept


# The rules that may match text that starts with a key (a word, a space and three more
# characters, as in the text): filled on first use, up to _PREFIXES_KEPT keys.
_REFINED_PREFIXES: dict[str, tuple[str, ...]] = {}
_PREFIX_SPAN = 4
_PREFIXES_KEPT = 50_000


def _refine_prefix(names: tuple[str, ...], prefix: str) -> tuple[str, ...]:
    """The rules of *names* that match or may go on to match text starting with *prefix*.

    Sound whatever *prefix* holds, since it is the text itself; the table stops growing at
    ``_PREFIXES_KEPT`` keys (odd text), and then the scanner tries every rule as before.
    """
    if len(_REFINED_PREFIXES) >= _PREFIXES_KEPT:
        return names
    kept = tuple(name for name in names if _may_match(name, [prefix]))
    _REFINED_PREFIXES[prefix] = kept
    return kept


def scan(text: str, start: int, stop: int) -> Iterator[Hit]:
    """Yield ``(rule id, handler, match)`` for the expressions of ``text[start:stop]``.

    Matches come left to right and never overlap. At each word, only the rules that may
    start with it (a digit, an apostrophe before a digit, or a word of ``_STARTS``) are
    tried, in priority order; the first that matches wins. A function word ("the", "about")
    is tried only once the next word shows it could start an expression.

    Ordinary words cost no Python work: :func:`_candidates` finds the start words and the
    numbers in a few C-level passes. Words are ``['’]?\\w+`` tokens: an apostrophe just
    before a word opens it ("'80s").
    """
    resume = start
    dispatch = _DISPATCH_CASED
    weak_words = _WEAK
    for run_at, end, plan in _candidates(text, start, stop):
        at = run_at
        if at > start and text[at - 1] in "'’":  # "'80s", "'twas"
            at -= 1
            if at < resume or not text[run_at].isdigit():
                continue
            names = dispatch["#apos"]
        elif at < resume:
            continue
        elif plan is not None:  # a function word and its next word, as seen before
            names = plan
        elif text[at].isdigit():
            before = text[at - 2 : at] if at >= 2 else text[:at]  # noqa: PLR2004
            if before[-1:] in _NOT_BEFORE_NUMBER or (before[:1].isdigit() and before[1:] in ".,-"):
                continue  # $13, #1, 1.5, 1,500, 555-1990: money, ranks, decimals, phone numbers
            after = text[end : end + 9]
            if (
                after[:1] == "%"
                or (after[:1] == "," and after[1:2].isdigit())
                or after.startswith(_NUMBER_NOUNS)
            ):
                continue  # 43%, 1,500, 12 percent, 3 million
            names = dispatch["#digit"]
            number = text[at:end]
            if after and after[0].isascii() and number.isascii() and number.isdigit():
                # the next character, and the one after it when a number goes on ("2.5")
                follow = after[:2] if after[0] in ".,:/-" and after[1:2].isdigit() else after[0]
                refined = _REFINED_NUMBERS.get((len(number), follow))
                if refined is None:
                    refined = _refine_number(names, len(number), follow)
                if not refined:
                    continue  # "2.5", "300 people": no rule reads on
                names = refined
        else:
            word = text[at:end]
            names = dispatch.get(word, ())  # lower, Capitalised and UPPER forms are keys
            if not names:
                if word.islower():
                    continue
                names = dispatch.get(word.casefold(), ())
                if not names:
                    continue
            if word in weak_words or (not word.islower() and word.casefold() in weak_words):
                # a function word: tried only when the next word may be temporal
                after_m = _NEXT_WORD.match(text, end, stop)
                if after_m is None:
                    continue
                gap, apostrophe, bare = after_m.groups()
                if not (
                    len(gap) <= 3  # noqa: PLR2004
                    and (gap.replace("-", " ").isspace() or (not gap and apostrophe))
                    and (bare[:1].isdigit() or bare.casefold() in _NEXT_OK)
                ):
                    continue
                key = word.casefold()
                second = _SECOND_WORDS.get(key)
                if second is not None and bare.casefold() not in second:
                    continue  # "at the": only "at least", "at most", "at present" may match
                if gap == " " and not apostrophe and not bare[:1].isdigit():
                    pair = (key, bare.casefold())
                    refined = _REFINED.get(pair)
                    if refined is None:
                        refined = _refine(names, *pair)
                    if not refined:
                        continue  # "that the", "over the": no rule goes on with that word
                    names = refined
                elif gap == " " and not apostrophe:
                    # a number ("the 1988 period", "more 20"): the rules that may go on with
                    # its first digit (few: "at 10", "up 20" start none)
                    pair = (key, bare[0])
                    refined = _REFINED.get(pair)
                    if refined is None:
                        refined = _refine(names, *pair)
                    if not refined:
                        continue
                    names = refined
            else:  # a word that starts rules by itself: read what follows it
                prefix = text[at : min(end + _PREFIX_SPAN, stop)]
                refined = _REFINED_PREFIXES.get(prefix)
                if refined is None:
                    refined = _refine_prefix(names, prefix)
                if not refined:
                    continue  # "two companies", "first time": no rule goes on
                names = refined
        hit = _try_rules(text, at, stop, names)
        if hit is not None:
            resume = hit[2].end()
            yield hit


# The next token after a function word: the gap (at most 4 characters are read), an
# apostrophe that opens it, and its \w+ run.
_NEXT_WORD = regex.compile(r"([^\w'’]{0,4}+)(['’]?)(\w++)")
_WORD_RUN = regex.compile(r"\w++")
_NUMBER_START = regex.compile(r"\d\w*+")
_WORD_CHAR = regex.compile(r"\w")
# ASCII letters, digits and "_" stay, every other byte becomes a space.
_ASCII_WORDS = bytes(
    b if chr(b).isascii() and (chr(b).isalnum() or chr(b) == "_") else ord(" ") for b in range(256)
)


def _candidates(text: str, start: int, stop: int) -> list[tuple[int, int, tuple[str, ...] | None]]:
    """The ``\\w+`` runs of ``text[start:stop]`` that may start a rule, in text order.

    A run is kept when it is a start word (casefolded) or begins with a digit. The text is
    casefolded, encoded to ASCII (any other character becomes a space) and split in C;
    one set look-up per run keeps the start words, and their offsets come from the run
    lengths. A run next to a non-ASCII character is checked against the text, since that
    character may belong to the word ("é"). Numbers come from one search.
    """
    segment = text[start:stop]
    folded = segment.casefold()
    found: list[tuple[int, int, tuple[str, ...] | None]] = []
    if len(folded) == len(segment):  # each character folds to one: offsets are kept
        runs = folded.encode("ascii", "replace").translate(_ASCII_WORDS).split(b" ")
        # run k starts after the runs before it and the k spaces between them
        lengths = list(accumulate(map(len, runs), initial=start))
        checked = not segment.isascii()
        runs.append(b"")  # stands for the word after the last one
        for k in compress(count(), map(_KEY_BYTES.__contains__, runs)):
            run = runs[k]
            after = b""
            if run in _WEAK_BYTES:
                after = runs[k + 1]  # the next word when one character separates them
                if after in _NEXT_BYTES:
                    pass
                elif not after or after[0] < 0x3A:  # noqa: PLR2004 - a digit: bytes below ":"
                    # (runs hold digits, "_" and lower-case letters only): the rules that may
                    # go on with a number depend on its first digit (see scan)
                    after = after[:1]
                else:
                    continue  # a function word before an ordinary word: nothing to try
            at = lengths[k] + k
            end = lengths[k + 1] + k
            if checked and (
                (at > start and not text[at - 1].isascii() and _WORD_CHAR.match(text, at - 1))
                or (end < stop and not text[end].isascii() and _WORD_CHAR.match(text, end))
            ):
                continue  # a letter outside ASCII belongs to the word
            plan = None
            if after and text[end] == " ":
                pair = (run, after)
                if pair in _DEAD_PAIRS:
                    continue  # "that the": known to start nothing (see _refine)
                if not checked:  # ASCII: the next word is all of *after*
                    plan = _REFINED_BYTES.get(pair)
            found.append((at, end, plan))
    else:  # "ß", ligatures: fold word by word
        found.extend(
            (m.start(), m.end(), None)
            for m in _WORD_RUN.finditer(text, start, stop)
            if m.group().casefold() in _KEYS and not m.group()[0].isdigit()
        )
    numbers = [(m.start(), m.end(), None) for m in _NUMBER.finditer(text, start, stop)]
    if start > 0 and _WORD_CHAR.match(text, start - 1) is not None:
        first = _NUMBER_START.match(text, start, stop)  # a number cut at *start* counts
        if first is not None:
            numbers.insert(0, (first.start(), first.end(), None))
    if numbers:
        found += numbers
        found.sort(key=itemgetter(0))
    return found


_NEED_GROUPS = tuple(dict.fromkeys(_REQUIRES.values()))
_DISPATCH_CASED = {
    form: names for key, names in _DISPATCH.items() for form in {key, key.capitalize(), key.upper()}
}
# For each list of rules a word may start, what _try_rules runs: each rule's bound match
# method, id and handler, the index of its required words and the words, and whether it needs
# a unit after white space (_UNIT_AFTER_SPACE). Filled on first use (the patterns compile on
# first use).
_Step = tuple[
    Callable[[str, int, int], "regex.Match[str] | None"],
    str,
    Callable[[regex.Match[str], Context], list[Found]],
    int,
    tuple[str, ...],
    bool,
]


def _plan(names: tuple[str, ...]) -> tuple[_Step, ...]:
    return tuple(
        (
            _rule_pattern(name).match,
            _RULE_IDS[name],
            _HANDLERS[name],
            _NEED_GROUPS.index(_REQUIRES[name]) if name in _REQUIRES else -1,
            _REQUIRES.get(name, ()),
            name in _UNIT_AFTER_SPACE,
        )
        for name in names
    )


def _unit_after_space(ahead: str) -> bool:
    """Whether a unit stem follows white space in *ahead* (a casefolded window).

    Other white space than " " is read as spaces: ``str.split()`` splits at every character
    ``\\s`` matches (a test checks), and at a few more.
    """
    for stem in _SPACED_UNIT_STEMS:
        if stem in ahead:
            return True
    if ahead.isascii() and ahead.isprintable():  # no white space but " "
        return False
    seen = " ".join(ahead.split())
    return any(stem in seen for stem in _SPACED_UNIT_STEMS)


_PLANS: dict[tuple[str, ...], tuple[_Step, ...]] = {}
# Function words that start a rule only as the first word of one of these phrases (in
# ``_APPROX`` or ``_REF_WORDS``), mapped to the phrases' second words. Each is tried only
# when that second word follows (a test checks the dispatch table agrees).
_SECOND_WORDS: dict[str, frozenset[str]] = {
    word: frozenset(second.split())
    for word, second in {
        "at": "least most present",
        "more": "than recently",
        "less": "than",
        "fewer": "than",
        "no": "more less",
        "up": "to",
        "close": "to",
        "upwards": "of",
        "well": "over",
        "right": "now",
        "until": "recently",
        "these": "days",
        "as": "soon",
    }.items()
}
_KEYS = frozenset(key for key in _DISPATCH if key[:1] != "#")  # casefolded start words
_KEY_BYTES = frozenset(key.encode() for key in _KEYS if not key[0].isdigit())
_WEAK_BYTES = frozenset(key.encode() for key in _KEYS if key in _WEAK)
_NEXT_BYTES = frozenset(word.encode() for word in _NEXT_OK if word.isascii())
# Function words and next words (casefolded, one space apart) after which no rule may match:
# the second-word gates, and what _refine found.
_SECOND_PAIRS = frozenset(
    (word.encode(), after)
    for word, seconds in _SECOND_WORDS.items()
    for after in _NEXT_BYTES
    if after.decode() not in seconds
)
_DEAD_PAIRS: set[tuple[bytes, bytes]] = set(_SECOND_PAIRS)
_NOT_BEFORE_NUMBER = frozenset("$€£¥#")
_NUMBER_NOUNS = (" percent", " per cent", " million", " billion", " cents", " points", " shares")
# A \w+ run that starts with a digit, but not one the scanner would pass over: after a
# currency or hash sign or a digit and a decimal point ("$13", "1.5", "1,500", "555-1990"),
# or (unless an apostrophe opens it: "'90s") before "%", ",5" or one of _NUMBER_NOUNS. The
# scanner still checks all of it (these are its ASCII cases), so this only spares it work.
_NUMBER = regex.compile(
    r"(?<![\w" + "".join(sorted(_NOT_BEFORE_NUMBER)) + r"]|[0-9][.,-])\d\w*+"
    r"(?:(?<=['’]\w++)|(?!%|,\d|" + "|".join(map(regex.escape, _NUMBER_NOUNS)) + "))"
)
_MAX_SPAN = 160  # no expression is longer; the window ends at least 30 characters past one
_CHECK_SPAN = 64  # the required words of a rule lie within this many characters of its start


_PREFIXES = {"date": "date", "time": "time", "dur": "duration", "set": "set", "ref": "ref"}
_RULE_IDS = {
    name: _PREFIXES[name.split("_", 1)[0]] + "." + name.split("_", 1)[1] for name, _ in _RULES
}
