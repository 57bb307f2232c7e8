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
# number. A Roman numeral is not a digit, so "Vol. II" splits (reading "I" as one would
# keep "He said no. I left." whole).
#   no, nos      number(s); also English "no", French/Spanish/Portuguese "nos" (us, our)
#   vol, vols    volume(s); French "vol" (flight, theft)
#   pp           pages ("pp. 12-14")
#   ch           chapter ("ch. 3")
#   art          article of a law or treaty ("Art. 5"); English "art"
#   sec          section ("sec. 2"); French/Spanish "sec" (dry)
#   para         paragraph ("para. 4"); Spanish/Portuguese "para" (for)
#   fig, figs    figure(s) ("Fig. 2"); English "fig"
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
    no nos vol vols pp ch art sec para fig figs núm pág nr est ca env
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue wed thu fri sat sun
    """.split()
)

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
            if following.group()[-1].isdigit() and (
                word in NUMBER_ABBREVIATIONS or word.rstrip(".") in NUMBER_ABBREVIATIONS
            ):
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
            ):
                continue
            joined = before.group(1) if before else ""
            if m.group("punct") == "." and joined.isupper() and _JOINED_INITIALS.fullmatch(joined):
                continue
            if not _starts_sentence(following.group()):
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
