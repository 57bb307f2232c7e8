import pytest
from conftest import CARNEGIE, RFI, prepared

from comparekit.segment.sentences import split_sentences


def _kinds(doc):
    return {s.text: s.kind for s in doc.segments}


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Text by: RFI Follow", "byline"),
        ("2 min", "boilerplate"),
        ("Read more", "boilerplate"),
        ("Receive all the international news directly in your mailbox", "boilerplate"),
        ("I subscribe", "boilerplate"),
        ("Follow all the international news by downloading the RFI application", "boilerplate"),
        ("• Armenia", "tags"),
        ("• Russia", "tags"),
        ("On the same subject", "related"),
        ("New deadly clashes between Azerbaijan and Nagorno-Karabakh separatists", "related"),
        ("Nagorno-Karabakh, the unrecognized powder keg of the Caucasus", "related"),
        ("Clashes in Nagorno-Karabakh: caught in the crossfire, Russia calls for appeasement", "title"),
        ("The conflict in Nagorno-Karabakh places Russia in an uncomfortable situation.", "body"),
    ],
)
def test_rfi_non_article_lines_get_kinds(text, kind):
    assert _kinds(prepared(RFI))[text] == kind


def test_carnegie_kinds():
    kinds = _kinds(prepared(CARNEGIE))
    assert kinds["Related article: Fighting Between Armenia and Azerbaijan Widens"] == "related"
    assert kinds["This article was first published by the Carnegie Moscow Center."] == "credit"
    assert (
        kinds[
            "It’s in neither Armenia nor Azerbaijan’s interests for Russia to pick a side in their conflict."
        ]
        == "standfirst"
    )


def test_segment_offsets_point_at_raw_text():
    doc = prepared(RFI)
    for seg in doc.segments:
        raw = doc.raw_text[seg.start : seg.end]
        assert " ".join(raw.split()) == " ".join(seg.text.split()) or seg.text.split()[0] in raw


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr. Smith arrived. He spoke.", ["Mr. Smith arrived.", "He spoke."]),
        ("It cost 3.5 million. Then it fell.", ["It cost 3.5 million.", "Then it fell."]),
        ("He said: « Non. » Puis il partit.", ["He said: « Non. »", "Puis il partit."]),
        ("Was it J. R. R. Tolkien? Yes!", ["Was it J. R. R. Tolkien?", "Yes!"]),
        ("Путин заявил об этом. Кремль молчит.", ["Путин заявил об этом.", "Кремль молчит."]),
        ("end of gain. . for an", ["end of gain. . for an"]),
        # German quotes close with “ ‘ « (NTREX deu 048: two sentences were one).
        (
            "Er sagte: „Wir rüsten nicht ab.“ Während Ri sprach, schwieg er.",
            ["Er sagte: „Wir rüsten nicht ab.“", "Während Ri sprach, schwieg er."],
        ),
        ("Sie sagte: ‚Gut.‘ Dann ging sie.", ["Sie sagte: ‚Gut.‘", "Dann ging sie."]),
        ("Er sagte: »Wir gewinnen.« Dann ging er.", ["Er sagte: »Wir gewinnen.«", "Dann ging er."]),
        ("He left. “Hello,” she said.", ["He left.", "“Hello,” she said."]),
        # A German day before its month (NTREX deu 048: "am 12." / "Juni in Singapur.").
        (
            "Sie trafen sich am 12. Juni in Singapur. Danach nicht.",
            ["Sie trafen sich am 12. Juni in Singapur.", "Danach nicht."],
        ),
        # Russian initials joined by dots, and the two-letter initial Дж (J).
        ("Президент В.В. Путин заявил это. Затем ушёл.", ["Президент В.В. Путин заявил это.", "Затем ушёл."]),
        ("Дж. Буш и Б.Обама встретились. Потом нет.", ["Дж. Буш и Б.Обама встретились.", "Потом нет."]),
        ("J.R. Smith scored. Then he left.", ["J.R. Smith scored.", "Then he left."]),
        # A capitalised Russian preposition, conjunction or pronoun after an abbreviation
        # opens a sentence (NTREX rus 015: "2018 г." ran into the next line's sentence);
        # a name or an initial after one does not.
        (
            "Он прибыл 29 сентября 2018\u00a0г.\nВ другом интервью он сказал это.",
            ["Он прибыл 29 сентября 2018\u00a0г.", "В другом интервью он сказал это."],
        ),
        ("Яблоки, груши и т. д. Он ушёл.", ["Яблоки, груши и т. д.", "Он ушёл."]),
        ("Это было в 1990-х гг. Но потом нет.", ["Это было в 1990-х гг.", "Но потом нет."]),
        ("В 2018 г. Путин заявил это. Затем ушёл.", ["В 2018 г. Путин заявил это.", "Затем ушёл."]),
        (
            "Парк им. В. И. Ленина открыт. Вход свободный.",
            ["Парк им. В. И. Ленина открыт.", "Вход свободный."],
        ),
        # Russian dialogue: after the author's words a dash opens the speaker's next
        # sentence; after the speaker's "?" or "!" a dash and a lower-case word go on.
        (
            "— Мы не уйдём, — сказал он журналистам. — Никогда.",
            ["— Мы не уйдём, — сказал он журналистам.", "— Никогда."],
        ),
        ("«Уходите!» — крикнул он. — Быстро!", ["«Уходите!» — крикнул он.", "— Быстро!"]),
        (
            "— А что скажет Вашингтон? — спросил корреспондент.",
            ["— А что скажет Вашингтон? — спросил корреспондент."],
        ),
        # Russian Св. (Saint) before a name (NTREX rus 002: six lines split at it).
        (
            "Когда церковь Св. Мартина перешла к общине, её возглавил он. Потом нет.",
            ["Когда церковь Св. Мартина перешла к общине, её возглавил он.", "Потом нет."],
        ),
        # Lower-case letters joined by dots are not initials.
        ("He came at 5 p.m. Then he left.", ["He came at 5 p.m.", "Then he left."]),
    ],
)
def test_split_sentences(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


class _Recording:
    """A compiled pattern that records where each search or match call looks."""

    def __init__(self, pattern):
        self.pattern = pattern
        self.calls: list[tuple[int, int]] = []  # (pos, endpos)

    def search(self, string, pos=0, endpos=None):
        endpos = len(string) if endpos is None else min(endpos, len(string))
        self.calls.append((pos, endpos))
        return self.pattern.search(string, pos, endpos)

    def match(self, string, pos=0, endpos=None):
        endpos = len(string) if endpos is None else min(endpos, len(string))
        self.calls.append((pos, endpos))
        return self.pattern.match(string, pos, endpos)


def test_the_word_before_each_period_is_searched_in_a_bounded_window(monkeypatch):
    """Each period searched the whole paragraph before it for its word (quadratic: a
    paragraph of 25,000 'He said "yes." ' took 144 s); now only _WORD_WINDOW characters."""
    from comparekit.segment import sentences

    recording = _Recording(sentences._WORD_BEFORE)
    monkeypatch.setattr(sentences, "_WORD_BEFORE", recording)
    n = 2_000
    text = 'He said "yes." ' * n + "Dr. Smith met the U.S. team. " * n
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ['He said "yes."'] * n + ["Dr. Smith met the U.S. team."] * n
    assert len(recording.calls) == 4 * n - 1  # every period a sentence follows
    assert max(end - pos for pos, end in recording.calls) <= sentences._WORD_WINDOW
    assert all(end - pos == sentences._WORD_WINDOW for pos, end in recording.calls[1:])


def test_the_next_word_is_looked_for_once_per_mark(monkeypatch):
    """A period followed by 50,000 quote marks took 33 s: the next-word lookahead was tried
    again for every shorter run of the quotes. Now it is matched once, where the mark ends."""
    from comparekit.segment import sentences

    recording = _Recording(sentences._NEXT)
    monkeypatch.setattr(sentences, "_NEXT", recording)
    text = "It ended." + '"' * 50_000 + " ."
    assert split_sentences(text) == [(0, len(text))]
    assert recording.calls == [(len(text) - 1, len(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "yes." ' * 50_000, ['He said "yes."'] * 50_000),
        ("Dr. Smith met the U.S. team. " * 50_000, ["Dr. Smith met the U.S. team."] * 50_000),
        ("It ended." + '"' * 50_000 + ".", ["It ended." + '"' * 50_000 + "."]),
        ("Wait" + "." * 50_000 + " Then it rained.", ["Wait" + "." * 50_000, "Then it rained."]),
        ("It ended. " + "«" * 50_000 + ". Then", ["It ended. " + "«" * 50_000 + ".", "Then"]),
        ("the u.s" + "." * 8 + "\n. Next", ["the u.s" + "." * 8 + "\n. Next"]),  # word in the window
        ("It ended. " + '"' * 50_000 + "Then.", ["It ended.", '"' * 50_000 + "Then."]),
        ('He left. "Hi," she said. ' * 25_000, ["He left.", '"Hi," she said.'] * 25_000),
    ],
    ids=[
        "quotes",
        "abbreviations",
        "quote-run",
        "dot-run",
        "guillemet-run",
        "dots-newline",
        "opening-quote-run",
        "opened-quotes",
    ],
)
def test_long_runs_of_marks_split_like_short_ones(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A straight quote after the space opens the next sentence: it was read as a
        # closing quote, which left no space after the mark, so nothing was split.
        ('He left. "Hello," she said.', ["He left.", '"Hello," she said.']),
        ('He left. "Hello there." Then he went.', ["He left.", '"Hello there."', "Then he went."]),
        ("Wait. 'Quoted' here.", ["Wait.", "'Quoted' here."]),
        ('"Yes." "No."', ['"Yes."', '"No."']),
        ('She asked. "Why?" "Because." He left.', ["She asked.", '"Why?"', '"Because."', "He left."]),
        ('It rained.\u00a0"Again," he said.', ["It rained.", '"Again," he said.']),
        ('It ended.” "Next," he said.', ["It ended.”", '"Next," he said.']),
        # a quote that closes its sentence stays on it, and the split comes after it
        ('He said "yes." Then he left.', ['He said "yes."', "Then he left."]),
        ('He said "yes." "Then go."', ['He said "yes."', '"Then go."']),
        # unchanged: French spaced quotes, a spaced straight quote that closes (a space
        # follows it), a lower-case next word, an abbreviation or an initial before it
        ("« Non. » Il part.", ["« Non. »", "Il part."]),
        ('It ended. " Next one.', ['It ended. "', "Next one."]),
        ('a. "b c', ['a. "b c']),
        ('See Mr. "Bob" Smith.', ['See Mr. "Bob" Smith.']),
        ('Ask J. "Jay" Doe.', ['Ask J. "Jay" Doe.']),
    ],
)
def test_a_straight_quote_after_a_period_and_a_space_opens_the_next_sentence(text, expected):
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == expected
    # offsets stay exact: in order, and only whitespace between or around the sentences
    cuts = [0, *(i for span in spans for i in span), len(text)]
    assert cuts == sorted(cuts)
    assert all(not text[a:b].strip() for a, b in zip(cuts[::2], cuts[1::2], strict=True))


def test_an_opening_straight_quote_starts_its_segment_at_the_raw_offset(tmp_path):
    text = 'Talks stalled.  "We will not sign," the envoy said.\r\nHe said "yes." Then he left.\n'
    path = tmp_path / "quotes.txt"
    path.write_bytes(text.encode("utf-8"))
    doc = prepared(path)
    body = [s for s in doc.segments if s.text]
    assert [s.text for s in body] == [
        "Talks stalled.",
        '"We will not sign," the envoy said.',
        'He said "yes."',
        "Then he left.",
    ]
    assert [doc.raw_text[s.start : s.end] for s in body] == [s.text for s in body]


def _assert_exact(text, spans):
    """Offsets in order, and only whitespace between or around the sentences."""
    cuts = [0, *(i for span in spans for i in span), len(text)]
    assert cuts == sorted(cuts)
    assert all(not text[a:b].strip() for a, b in zip(cuts[::2], cuts[1::2], strict=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words that were abbreviations ("no", "art", the weekday "sat") or wrongly listed
        # ("me": French Maître takes no period) kept these as one sentence
        ("He said no. Then he left.", ["He said no.", "Then he left."]),
        ("She told me. Then she left.", ["She told me.", "Then she left."]),
        ("They sat. Then they ate.", ["They sat.", "Then they ate."]),
        ("It was art. The critics agreed.", ["It was art.", "The critics agreed."]),
        ('He said "no." Then he left.', ['He said "no."', "Then he left."]),
        (
            'Trump said: "No. No. I have a strong opinion."',
            ['Trump said: "No.', "No.", 'I have a strong opinion."'],
        ),
        (
            "It stayed closed until Oct. President Widodo came.",
            ["It stayed closed until Oct.", "President Widodo came."],
        ),
        ("He enlisted in Sept. He was 19.", ["He enlisted in Sept.", "He was 19."]),
        ("It darkened the sun. Pereira said so.", ["It darkened the sun.", "Pereira said so."]),
        (
            "Il a dit « non » d'un ton sec. Puis il partit.",
            ["Il a dit « non » d'un ton sec.", "Puis il partit."],
        ),
        ("Il pleut dans le nord-est. Le vent tourne.", ["Il pleut dans le nord-est.", "Le vent tourne."]),
        ("Il a perdu son vol. Demain il repart.", ["Il a perdu son vol.", "Demain il repart."]),
        ("He said no... Then he left.", ["He said no...", "Then he left."]),
        # before a number they stay abbreviations
        ("See No. 5 on the list.", ["See No. 5 on the list."]),
        ("It opened on Mar. 3, 2020 in Paris.", ["It opened on Mar. 3, 2020 in Paris."]),
        ("The firm (est. 1990) grew.", ["The firm (est. 1990) grew."]),
        ("Under Art. 5 of the treaty, allies help.", ["Under Art. 5 of the treaty, allies help."]),
        ("See pp. 12-14 and Fig. 2 here. Nr. 7 too.", ["See pp. 12-14 and Fig. 2 here.", "Nr. 7 too."]),
        ("Built ca. 1900. It fell.", ["Built ca. 1900.", "It fell."]),
        ("Il y avait env. 300 personnes.", ["Il y avait env. 300 personnes."]),
        ("It is Vol. (2) of the set.", ["It is Vol. (2) of the set."]),
        # titles are unchanged, whatever follows
        (
            "Mr. Smith and Dr. Jones met Gen. Lee at St. Paul. They left.",
            ["Mr. Smith and Dr. Jones met Gen. Lee at St. Paul.", "They left."],
        ),
        ("Mme. Dupont et M. Martin. Il pleut.", ["Mme. Dupont et M. Martin.", "Il pleut."]),
    ],
)
def test_number_bound_abbreviations_hold_the_period_only_before_a_digit(text, expected):
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == expected
    _assert_exact(text, spans)


def test_number_bound_abbreviations_are_not_also_plain_ones():
    from comparekit.segment.sentences import ABBREVIATIONS, NUMBER_ABBREVIATIONS

    assert not ABBREVIATIONS & NUMBER_ABBREVIATIONS
    assert "me" not in ABBREVIATIONS | NUMBER_ABBREVIATIONS
    assert all(not w.endswith(".") for w in ABBREVIATIONS | NUMBER_ABBREVIATIONS)  # never matched
    assert {"no", "art", "sat", "mar", "est", "ca"} <= NUMBER_ABBREVIATIONS
    assert {"mr", "dr", "gen", "st", "mme"} <= ABBREVIATIONS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said no. " * 50_000, ["He said no."] * 50_000),
        ("See No. 5 now. " * 50_000, ["See No. 5 now."] * 50_000),
        ("It was no." + '"' * 50_000 + " Then.", ["It was no." + '"' * 50_000, "Then."]),
    ],
    ids=["no-words", "no-numbers", "no-quote-run"],
)
def test_long_paragraphs_of_number_bound_abbreviations(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # NTREX eng 013, 045, 103: a time zone after "a.m." / "p.m." split the sentence
        (
            "Rosa had winds of 85 mph as of 5 a.m. Eastern time Sunday, and was located 385 miles away.",
            ["Rosa had winds of 85 mph as of 5 a.m. Eastern time Sunday, and was located 385 miles away."],
        ),
        (
            "The rally is scheduled for 7 p.m. ET tonight, Saturday.",
            ["The rally is scheduled for 7 p.m. ET tonight, Saturday."],
        ),
        ("He spoke at an 11 a.m. ET news conference.", ["He spoke at an 11 a.m. ET news conference."]),
        ("Polls close at 8 P.M. EST on Tuesday.", ["Polls close at 8 P.M. EST on Tuesday."]),
        # capitals joined by dots were initials, also after a number
        ("Polls closed at 8 P.M. The count began.", ["Polls closed at 8 P.M.", "The count began."]),
        ("He met P.M. Modi in Delhi. They spoke.", ["He met P.M. Modi in Delhi.", "They spoke."]),
        ("It starts at 10 a.m. Eastern Daylight Time.", ["It starts at 10 a.m. Eastern Daylight Time."]),
        ("The deadline is 5 p.m. Moscow time on Friday.", ["The deadline is 5 p.m. Moscow time on Friday."]),
        ("It ends at 4 p.m. Pacific, 7 p.m. Eastern.", ["It ends at 4 p.m. Pacific, 7 p.m. Eastern."]),
        # weekdays, a month with its day, a bracket
        ("The vote is at 10 a.m. Monday in Paris.", ["The vote is at 10 a.m. Monday in Paris."]),
        ("They meet at 5 p.m. Sunday.", ["They meet at 5 p.m. Sunday."]),
        (
            "The polls opened at 7 a.m. Sept. 11 in the city.",
            ["The polls opened at 7 a.m. Sept. 11 in the city."],
        ),
        ("It opens at 9 a.m. May 3 this year.", ["It opens at 9 a.m. May 3 this year."]),
        ("It ended at 5 p.m. (2100 GMT) on Friday.", ["It ended at 5 p.m. (2100 GMT) on Friday."]),
        # a new sentence after the time still splits
        (
            "The attack came at 5 a.m. The police said so.",
            ["The attack came at 5 a.m.", "The police said so."],
        ),
        ("It began at 5 a.m. This time nobody came.", ["It began at 5 a.m.", "This time nobody came."]),
        ("It closed at 5 p.m. Monday's vote was later.", ["It closed at 5 p.m.", "Monday's vote was later."]),
        ("They met at 5 p.m. May said nothing.", ["They met at 5 p.m.", "May said nothing."]),
        (
            "No irregularities by 1 p.m. Turnout was high.",
            ["No irregularities by 1 p.m.", "Turnout was high."],
        ),
        # the French hour takes no period: one after it ends the sentence (was an initial)
        (
            "La réunion a commencé à 17 h. Le ministre a parlé.",
            ["La réunion a commencé à 17 h.", "Le ministre a parlé."],
        ),
        ("Il est arrivé à 9 h 45. Puis il a parlé.", ["Il est arrivé à 9 h 45.", "Puis il a parlé."]),
    ],
)
def test_a_clock_time_ends_a_sentence_only_when_no_zone_day_or_date_follows(text, expected):
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == expected
    _assert_exact(text, spans)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Roman numeral numbers the abbreviation as a digit does
        ("He read Vol. II of the memoirs.", ["He read Vol. II of the memoirs."]),
        ("See Chap. IV for details.", ["See Chap. IV for details."]),
        ("Under Art. III of the treaty, allies help.", ["Under Art. III of the treaty, allies help."]),
        ("Symphony No. XII was lost.", ["Symphony No. XII was lost."]),
        ("It is in Vol. I of the set.", ["It is in Vol. I of the set."]),
        ("Siehe Bd. II und Kap. IV dazu.", ["Siehe Bd. II und Kap. IV dazu."]),
        (
            "Дело возбуждено по ч. 2 ст. 105 УК РФ. Суд решил иначе.",
            ["Дело возбуждено по ч. 2 ст. 105 УК РФ.", "Суд решил иначе."],
        ),
        # the pronoun I after a word, and a regnal number ending a sentence, still split
        ("He said no. I left.", ["He said no.", "I left."]),
        ("It was art. I loved it.", ["It was art.", "I loved it."]),
        ("He is a fine chap. I like him.", ["He is a fine chap.", "I like him."]),
        (
            'Trump said: "No. No. I have a strong opinion."',
            ['Trump said: "No.', "No.", 'I have a strong opinion."'],
        ),
        (
            "He met Pope John Paul II. The pope blessed him.",
            ["He met Pope John Paul II.", "The pope blessed him."],
        ),
        ("The volume is Vol. II. Then comes Vol. III.", ["The volume is Vol. II.", "Then comes Vol. III."]),
    ],
)
def test_a_roman_numeral_after_a_number_bound_abbreviation_holds_the_period(text, expected):
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == expected
    _assert_exact(text, spans)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday's short form before a month and its day is part of the date
        ("The vote is on Sat. Dec. 5 in Paris.", ["The vote is on Sat. Dec. 5 in Paris."]),
        ("It is due Thurs. March 3, the court said.", ["It is due Thurs. March 3, the court said."]),
        ("We met on Tue. 3 March and left.", ["We met on Tue. 3 March and left."]),
        # a month with no day after it starts a sentence; so does any other word
        ("He left on Sat. March was cold.", ["He left on Sat.", "March was cold."]),
        ("He left on Sat. The police said so.", ["He left on Sat.", "The police said so."]),
    ],
)
def test_a_short_weekday_before_a_date(text, expected):
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == expected
    _assert_exact(text, spans)
