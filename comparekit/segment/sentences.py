"""Rule-based sentence splitting with exact offsets.

Splits after sentence-final punctuation (plus closing quotes and brackets) when the next
word starts like a sentence, except after known abbreviations (some, like "No." and
"Mar.", only before a number) and initials. Rules are multilingual (en, fr, de, es, it,
ru, pt, nl) and return ``(start, end)`` offsets into the paragraph, so no character
moves.
"""

from __future__ import annotations

import re

# Abbreviations after which a period does not end a sentence (lower-cased, no period; the
# word before a period is matched without it). Only words that are not also ordinary
# words ending sentences: titles and honorifics (Mr, Dr, Gen, St, Mme, Hr, Sra, Dott,
# ...), company and Latin forms (Inc, Co, etc, e.g, cf, al), dotted acronyms (U.S), the
# Russian two-letter initial Дж (J: "Дж. Буш") and Russian Св. (Saint: "церковь Св.
# Мартина"). "me" is not one: French "Me" (Maître) takes no period, and "... told me."
# ends English sentences. ("cf." and "env." were never matched, having the period; "д" was "д.".)
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev st mt jr sr
    inc ltd co corp plc dept univ assn bros vs etc e.g i.e cf al approx
    p ed eds u.s u.k u.n e.u
    m mme mmes mlle mlles mgr pr
    hr fr frl bzw usw z.b d.h u.a s.o vgl
    sra srta dña dn av avda ud uds
    sig sigg dott ing avv
    г гг т.е т.д т.п им ул д тыс млн млрд руб коп дж св
    """.split()
)

# Number-bound abbreviations: they stand before a number ("No. 5", "Mar. 3, 2020", "est.
# 1990", "ca. 1900", "Art. 5", "pp. 12-14"), so they hold the period only when the next
# word starts with a digit. Without a number they are read as words, as most of them also
# are, and a sentence ending in them is split ("He said no. Then he left."). Those that
# are no word (pp, ch, núm, pág, nr, ca, env) lose nothing: they only ever precede a
# number. A Roman numeral stands for one too ("Vol. II", "Chap. IV", "No. XII", "Art.
# III"): one of two letters or more holds the period after any of them, the one-letter
# numerals (I, V, X, L, C) only after ROMAN_ONE_LETTER, the ones that are no word, since
# "He said no. I left." and "It was art. I loved it." end sentences.
#   no, nos      number(s); also English "no", French/Spanish/Portuguese "nos" (us, our)
#   vol, vols    volume(s); French "vol" (flight, theft)
#   pp           pages ("pp. 12-14")
#   ch           chapter ("ch. 3")
#   art          article of a law or treaty ("Art. 5"); English "art"
#   sec          section ("sec. 2"); French/Spanish "sec" (dry)
#   para         paragraph ("para. 4"); Spanish/Portuguese "para" (for)
#   fig, figs    figure(s) ("Fig. 2"); English "fig"
#   chap         chapter ("Chap. IV"); English "chap"
#   pt           part ("Pt. II")
#   bd, kap      German Band, Kapitel ("Bd. 2", "Kap. IV"); German "Kap" (cape)
#   гл, ст       Russian глава (chapter), статья (article: "ч. 2 ст. 105 УК")
#   núm, pág     Spanish número, página ("núm. 3", "pág. 12")
#   nr           German Nummer ("Nr. 5")
#   est          established ("est. 1990"); French "est" (is, east: "à l'est.")
#   ca           circa ("ca. 1900")
#   env          French environ ("env. 300 personnes")
#   months       before a day or a year ("Mar. 3, 2020", "Sept. 11", "Dec. 2019"); "mar"
#                (Spanish sea), "sept" (French seven), "jan" (a name) are also words
#   weekdays     before a date ("Sat. 5 June"); "sat", "sun", "wed", "mon" (French my)
#                are also words
NUMBER_ABBREVIATIONS = frozenset(
    """
    no nos vol vols pp ch chap pt bd kap гл ст art sec para fig figs núm pág nr est ca env
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue wed thu fri sat sun
    """.split()
)

#: Number-bound abbreviations that are no word of the languages split here, so that a
#: one-letter Roman numeral after them is a number ("Vol. I", "ch. V"), not the pronoun
#: "I" or a name's initial starting the next sentence.
ROMAN_ONE_LETTER = frozenset("vol vols pp ch pt bd гл ст".split())
#: A Roman numeral of the letters I V X L C (1-399), as a whole word. D and M are left
#: out: "MD", "DC", "MIX" are more often words or acronyms than volume numbers.
_ROMAN_AFTER = re.compile(r"\s*(?=[IVXLC])(C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))(?![\w'’-])")


def _roman_after(paragraph: str, pos: int, word: str) -> bool:
    """Whether a Roman numeral that numbers ``word`` (a number-bound abbreviation) stands
    at ``pos``."""
    m = _ROMAN_AFTER.match(paragraph, pos)
    return m is not None and (len(m.group(1)) > 1 or word in ROMAN_ONE_LETTER)


# Clock times: "5 a.m." and "7 P.M." end a sentence ("... at 5 a.m. The police said")
# unless what follows belongs to the time. A capital after them is one of:
#   a time zone       TIME_ZONES in capitals ("7 p.m. ET", "10 a.m. GMT"), ZONE_WORDS
#                     ("5 a.m. Eastern", "4 p.m. Pacific") and one to three capitalised
#                     words before "time" ("5 a.m. Moscow time", "British Summer Time")
#                     whose first is no CLOCK_NOT_ZONE word ("at 5 a.m. This time ...")
#   a weekday         "10 a.m. Monday", "5 p.m. Sat." (not "Monday's", a sentence's
#                     subject); the short forms only with their period
#   a month and day   "5 p.m. Sept. 11", "10 a.m. May 3" (a month alone may be a name:
#                     "at 5 p.m. May said")
#   a bracket         "5 p.m. (2100 GMT)", "7 p.m. (ET)"
# French, German and Russian write the hour without a.m./p.m. ("5 h du matin", "17 Uhr",
# "5 часов утра", "в 19:00 по московскому"), so the rule is English only.
_CLOCK = re.compile(r"(?:\d{1,2}(?:[:.]\d\d)?)?[ap]\.m")
TIME_ZONES = frozenset(
    """
    ET EST EDT CT CST CDT MT MST MDT PT PST PDT AKST AKDT HST HT AST ADT NST NDT
    GMT UTC BST IST CET CEST WET EET EEST MSK JST KST HKT SGT AEST AEDT ACST AWST NZST NZDT WIB
    """.split()
)
ZONE_WORDS = frozenset("eastern central pacific mountain atlantic".split())
CLOCK_NOT_ZONE = frozenset(
    """
    the this that these those each every next last some any no one another what which all
    by at from for in on over much more less long first same half full part real prime extra
    his her their our its my your a an
    """.split()
)
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split()
)
MONTHS = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
#: Weekdays written short ("Sat.", "Thurs."), which stand before a date.
SHORT_WEEKDAYS = frozenset(w for w in WEEKDAYS if len(w) <= 5)
_CLOCK_NEXT = re.compile(r"\s*(?:(?P<bracket>\()|(?P<word>[^\W\d_]+)(?P<dot>\.)?(?P<rest>[\w'’]*))")
_ZONE_TIME = re.compile(r"\s*(?:[A-Z][\w-]*\s+){1,3}(?:time|Time)\b")
_DAY_AFTER = re.compile(r"\.?\s+\d")


def _month_day_at(paragraph: str, pos: int) -> bool:
    """Whether a month and its day ("Dec. 5", "March 3") stand at ``pos``."""
    m = _WORD_AFTER.match(paragraph, pos)
    return (
        m is not None and m.group(1).lower() in MONTHS and _DAY_AFTER.match(paragraph, m.end(1)) is not None
    )


_DIGIT_BEFORE = re.compile(r"\d[ \u00a0\u202f]?$")


def _clock_time(paragraph: str, p: int, word: str) -> bool:
    """Whether ``word`` (lower-cased, before the period at ``p``) is "a.m" or "p.m" after
    a number ("5 a.m.", "10:30 P.M.", "5a.m.")."""
    if not _CLOCK.fullmatch(word):
        return False
    at = p - len(word)
    return word[0].isdigit() or _DIGIT_BEFORE.search(paragraph, max(0, at - 2), at) is not None


def _continues_clock_time(paragraph: str, pos: int) -> bool:
    """Whether what stands at ``pos``, after "a.m." or "p.m.", belongs to the time (see
    above) rather than starting the next sentence."""
    m = _CLOCK_NEXT.match(paragraph, pos)
    if m is None:
        return False
    if m.group("bracket"):
        return True
    word, lower = m.group("word"), m.group("word").lower()
    if m.group("rest"):  # "Monday's", "Eastern-based": not the bare word
        return False
    if word in TIME_ZONES or lower in ZONE_WORDS:
        return True
    if lower not in CLOCK_NOT_ZONE and _ZONE_TIME.match(paragraph, pos):
        return True
    if lower in WEEKDAYS and (len(lower) > 4 or lower.startswith("thur") or m.group("dot")):
        return True
    return _month_day_at(paragraph, pos)


#: The French hour after its number ("à 17 h. Le ministre"): "h" takes no period, so one
#: there is the sentence's, not an initial's. (Written "17h." it was never an initial.)
_FRENCH_HOUR = re.compile(r"\d[ \u00a0\u202f]h$")


# Month names that follow a day written as an ordinal number with a period ("12. Juni",
# "29. September"): German (and Austrian Jänner). Lower-case months (Danish "12. juni")
# never start a sentence, so only capitalised ones need the rule.
ORDINAL_MONTHS = frozenset(
    "januar jänner februar märz april mai juni juli august september oktober november dezember".split()
)

# A mark: sentence-final punctuation with the closing quotes and whitespace after it. Once
# the punctuation matched nothing in it can fail, so finditer never backtracks. Whether the
# next sentence's first word follows is _NEXT's job, matched once where the mark ends. (As
# a lookahead inside the mark, when it failed it was retried for every shorter run of the
# quotes and from every later dot of the run: quadratic, a period followed by 50,000 quote
# marks took 33 s, 'Wait' and 50,000 dots 96 s. Same matches: a shorter run of punctuation
# or quotes cannot reach a word the full run cannot, as what it gives back is punctuation,
# quotes and spaces.)
_MARK = re.compile(
    r"""
    (?P<punct>[.!?…。！？]+)          # sentence-final punctuation
    (?P<close>(?:[ \u00a0\u202f]?["'”’»)\]›」』]|[“‘«‹])*)
                                       # closing quotes and brackets (« Non. »); German
                                       # „Ja.“ ‚Ja.‘ »Ja.« close with marks that open
                                       # quotes elsewhere: only when attached
    (?P<space>\s*)                     # whitespace (none needed after CJK stops)
    """,
    re.VERBOSE,
)
# the next sentence's first word; a dash may open it (Russian dialogue: "сказал он. —
# Никогда."), and _starts_sentence then reads the word after the dash ("? — спросил он"
# goes on).
_NEXT = re.compile(r"""["'“‘«(\[„‹¿¡—–]*\s*[\w\d]""")
#: A space and straight quotes ending a mark's closing run: those quotes open the next
#: sentence when no space follows them ('left. "Hello'), as ambiguous quotes can.
_OPENING_AFTER_SPACE = re.compile(r"""[ \u00a0\u202f](["']+)$""")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_WORD_AFTER = re.compile(r"\s*(\w+)")
#: Initials joined by dots, the last one's period being the mark ("В.В", "J.R"; capitals).
_JOINED_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
# The word before a period is searched for in the _WORD_WINDOW characters before it, not
# in the whole paragraph (every period scanned all the text before it: quadratic, a
# paragraph of 25,000 'He said "yes." ' took 144 s). 16 is enough: the rules only ask
# whether the word is an abbreviation (6 characters at most: "approx") or a one-letter
# initial, and a word the window cuts keeps 15 characters or more (16, or 15 when a line
# break stands between the word and the period: $ matches before it), so it is neither,
# like the whole word. The one exception: a word ending in 9 or more dots, a line break,
# then the period (a case no prose has).
_WORD_WINDOW = 16


# Russian closed-class words (prepositions, conjunctions, pronouns, particles) that are
# never written with a capital inside a sentence: capitalised right after an abbreviation,
# they start the next sentence ("29 сентября 2018 г. В другом интервью", NTREX rus 015;
# "и т. д. Он ушёл"), where a name after one does not ("в 2018 г. Путин заявил").
# "Да" is left out (Да Силва), and a one-letter word followed by a period is an initial
# ("им. В. И. Ленина").
RU_SENTENCE_OPENERS = frozenset(
    """
    в во на с со по из за для о об обо от к ко до у при под над без через между после перед
    и а но или что чтобы если когда как хотя поэтому однако также тогда затем кроме
    я ты он она оно мы вы они это этот эта эти то тот та те его ее её их там здесь
    не ни же ли бы уже еще ещё даже только всё все
    """.split()
)
_RU_WORD_AFTER = re.compile(r"\s*[«„\"“(]?\s*([А-ЯЁ][а-яё]*)(?![\w.])")


def _opens_russian_sentence(paragraph: str, pos: int) -> bool:
    """Whether the word at ``pos`` is a capitalised Russian closed-class word (not an
    initial): after an abbreviation's period, it starts a new sentence."""
    m = _RU_WORD_AFTER.match(paragraph, pos)
    return m is not None and m.group(1).lower() in RU_SENTENCE_OPENERS


#: Abbreviations that close a list: nothing of the list's sentence comes after them but
#: lower-case words, so a capital after one starts the next sentence ("la Syrie, l'Iran,
#: etc. Les dirigeants ...").
LIST_ENDINGS = frozenset({"etc"})


_LETTER_AFTER = re.compile(r"""\s*["'“‘«(„‹]*\s*([^\W\d_])""")


def _capital_after(paragraph: str, pos: int) -> bool:
    """Whether the word at ``pos`` (after opening quotes) starts with a capital letter."""
    m = _LETTER_AFTER.match(paragraph, pos)
    return m is not None and m.group(1).isupper()


def _starts_sentence(text: str) -> bool:
    stripped = text.lstrip("\"'“‘«(\\[„‹¿¡—– \u00a0")
    if not stripped:
        return False
    ch = stripped[0]
    return ch.isupper() or ch.isdigit() or not ch.isalpha() or ch.isalpha() and not ch.islower()


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Split one paragraph into sentence spans ``(start, end)`` (stripped, end exclusive)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _MARK.finditer(paragraph):
        end, resume = m.end("close"), m.end("space")
        if not m.group("space") and m.group("punct")[-1] not in "。！？":
            # 'He left. "Hello there."': the straight quote after the space opens the
            # next sentence (the mark took it as a closing one, leaving no space).
            opening = _OPENING_AFTER_SPACE.search(m.group("close"))
            if opening is None:
                continue
            end, resume = m.start("close") + opening.start(), m.start("close") + opening.start(1)
        following = _NEXT.match(paragraph, resume)
        if following is None:
            continue
        if m.group("punct") == "." or m.group("punct").endswith("."):
            p = m.start("punct")
            before = _WORD_BEFORE.search(paragraph, max(0, p - _WORD_WINDOW), p)
            word = before.group(1).lower() if before else ""
            if (
                (word in ABBREVIATIONS or word.rstrip(".") in ABBREVIATIONS)
                and not _opens_russian_sentence(paragraph, resume)
                and not (word in LIST_ENDINGS and _capital_after(paragraph, resume))
            ):
                continue
            # "No. 5", "Mar. 3": the last character of the match is the next word's first.
            bound = word if word in NUMBER_ABBREVIATIONS else word.rstrip(".")
            if bound in NUMBER_ABBREVIATIONS and (
                following.group()[-1].isdigit() or _roman_after(paragraph, resume, bound)
            ):
                continue
            # "Sat. Dec. 5", "Fri. March 3": a weekday's short form before a month and day.
            if bound in SHORT_WEEKDAYS and _month_day_at(paragraph, resume):
                continue
            # A single letter before the period is an initial ("J. Smith"), unless the
            # punctuation run is longer than one dot or a Russian sentence opens after it
            # ("2018 г. В другом": г, д, т are abbreviations); so are capitals joined by dots with
            # no space, as Russian writes them ("В.В. Путин", "J.R. Smith").
            if (
                len(word.rstrip(".")) == 1
                and word[:1].isalpha()
                and m.group("punct") == "."
                and not _opens_russian_sentence(paragraph, resume)
                and not _FRENCH_HOUR.search(paragraph, max(0, p - 3), p)
            ):
                continue
            joined = before.group(1) if before else ""
            clock = m.group("punct") == "." and _clock_time(paragraph, p, word)
            if (
                m.group("punct") == "."
                and joined.isupper()
                and _JOINED_INITIALS.fullmatch(joined)
                and not clock  # "8 P.M." is a time, "P.M. Modi" initials
            ):
                continue
            if not _starts_sentence(following.group()):
                continue
            # "5 a.m. Eastern time", "10 a.m. Monday": the time goes on.
            if clock and _continues_clock_time(paragraph, resume):
                continue
            # "am 12. Juni": a German ordinal day before its month, not a sentence end.
            if word.isdigit() and len(word) <= 2:
                month = _WORD_AFTER.match(paragraph, resume)
                if month is not None and month.group(1).lower() in ORDINAL_MONTHS:
                    continue
        elif not _starts_sentence(following.group()) and m.group("punct") not in "。！？":
            continue
        spans.append((start, end))
        start = resume
    spans.append((start, len(paragraph)))
    out = []
    for s, e in spans:
        while s < e and paragraph[s].isspace():
            s += 1
        while e > s and paragraph[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
