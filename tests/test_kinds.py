"""Segment kinds: multilingual cue lists plus structure, calibrated not to eat body text."""

import pytest

from comparekit.segment.kinds import (
    KindDecision,
    _page_tail,
    classify_paragraphs,
    paragraph_kinds,
    verbless_label,
)


def _kind(text, settings):
    return classify_paragraphs([text], settings=settings)[0].kind


@pytest.mark.parametrize(
    "text, kind",
    [
        # en
        ("Sign up for our daily newsletter", "boilerplate"),
        ("This website uses cookies to improve your experience.", "boilerplate"),
        ("© 2020 CBS Interactive Inc. All Rights Reserved.", "boilerplate"),
        ("Share this article", "boilerplate"),
        ("Most Popular", "related"),
        ("Tags: Brexit, EU", "tags"),
        ("By Jane Smith", "byline"),
        ("Oct 9, 2019", "dateline"),
        # fr
        ("Abonnez-vous à notre newsletter", "boilerplate"),
        ("À lire aussi", "related"),
        ("Tous droits réservés", "boilerplate"),
        ("Par Léo Vidal-Giraud", "byline"),
        # de
        ("Jetzt zum kostenlosen Newsletter anmelden", "boilerplate"),
        ("Das könnte Sie auch interessieren", "related"),
        ("Impressum", "boilerplate"),
        ("Schreibe einen Kommentar", "boilerplate"),
        ("23.10.2018", "dateline"),
        # German forms of the English cues "We use cookies", "By ... , Berlin" (were body)
        ("Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.", "boilerplate"),
        ("Mit der Nutzung der Website stimmen Sie der Verwendung von Cookies zu.", "boilerplate"),
        ("Von Anna Müller, Berlin", "byline"),
        # French forms of "We use cookies", "use of cookies" (were body)
        ("Nous utilisons des cookies pour améliorer votre expérience.", "boilerplate"),
        ("En continuant, vous acceptez l’utilisation de cookies.", "boilerplate"),
        # es
        ("Suscríbete a nuestro boletín", "boilerplate"),
        ("Noticias relacionadas", "related"),
        ("Todos los derechos reservados", "boilerplate"),
        # it
        ("Iscriviti alla newsletter", "boilerplate"),
        ("Leggi anche", "related"),
        ("Tutti i diritti riservati", "boilerplate"),
        # ru
        ("Подпишитесь на нашу рассылку", "boilerplate"),
        ("Читайте также", "related"),
        ("Все права защищены", "boilerplate"),
    ],
)
def test_non_article_lines_in_six_languages(text, kind, settings):
    assert _kind(text, settings) == kind


@pytest.mark.parametrize(
    "text",
    [
        "Millions of people subscribe to streaming services, the report found.",
        "She asked readers to share their stories about the flood.",
        "The bakery sold 2,000 cookies before noon on Saturday.",
        "Les abonnés au journal ont reçu une lettre du directeur.",
        "Die Teilnehmer teilen ihre Erfahrungen mit anderen Eltern.",
        "Los suscriptores recibieron el boletín de la mañana con retraso.",
        "Gli abbonati potranno condividere le foto con la famiglia.",
        "Подписчики канала поделились своими историями о наводнении.",
        "Von ihren 32 Jahren im MDR hat sie viele in Leipzig verbracht.",
        "The newsletter industry grew by 20% last year, analysts said.",
        "Von Berlin, Hamburg und München aus fahren die Züge stündlich.",
    ],
)
def test_body_sentences_with_cue_words_stay_body(text, settings):
    assert _kind(text, settings) is None


def test_verbless_label():
    assert verbless_label("Impressum", 3)
    assert verbless_label("Related Topics", 3)
    assert not verbless_label("Infos zum Verein", 3)  # a function word
    assert not verbless_label("the very first glue", 3)  # lower-case start / function word
    assert not verbless_label("Brexit talks stall.", 3)  # a sentence end


def test_structure_needs_neighbours(settings):
    # A short label between two prose paragraphs is a subheading: left to the body rules.
    kinds = paragraph_kinds(
        ["The talks began on Monday in Geneva.", "Eye Witnesses", "They ended on Friday without a deal."],
        settings=settings,
    )
    assert kinds == [None, None, None]
    # The same label in a run of menu items is site chrome.
    kinds = paragraph_kinds(
        ["The talks began on Monday in Geneva.", "Weather Forecasts", "Impressum", "Kontakt"],
        settings=settings,
    )
    assert kinds == [None, "boilerplate", "boilerplate", "boilerplate"]


def test_headline_position_is_not_structure(settings):
    kinds = paragraph_kinds(["Brexit Chaos", "The talks began on Monday in Geneva."], settings=settings)
    assert kinds == [None, None]


def test_one_line_document_label(settings):
    assert classify_paragraphs(["Partnerseiten Archiv"], settings=settings)[0].reason == "structure"
    assert classify_paragraphs(["200 g Zucker"], settings=settings)[0].kind is None  # a quantity
    assert classify_paragraphs(["Weather, Sports, Arts"], settings=settings)[0].kind is None  # too long


def test_limits_come_from_settings(settings):
    text = "Subscribe now and get the paper delivered to your door every single morning of the week"
    assert _kind(text, settings) == "boilerplate"
    tight = settings.replace("segment", boilerplate_max_words=5)
    assert _kind(text, tight) is None


def test_menu_runs_are_boilerplate(settings):
    paras = [
        "Storm hits the coast",
        "Home",
        "World News",
        "Sport",
        "Culture and Arts",
        "The storm hit at dawn.",
    ]
    kinds = paragraph_kinds(paras, settings=settings)
    assert kinds == [None, "boilerplate", "boilerplate", "boilerplate", "boilerplate", None]
    # An ingredient list has quantities; a list of points has sentence ends: both stay.
    recipe = ["Almond biscuits", "200 g sugar", "100 g butter", "2 eggs", "Mix everything well."]
    assert paragraph_kinds(recipe, settings=settings)[1:4] == [None, None, None]
    points = ["Our plan", "Build homes.", "Cut taxes.", "Fix roads.", "That is all."]
    assert paragraph_kinds(points, settings=settings) == [None] * 5


@pytest.mark.parametrize(
    "text, kind",
    [
        # comment sections and forms
        ("No comments yet", "boilerplate"),
        ("Your email address will not be published.", "boilerplate"),
        ("Hinterlassen Sie einen Kommentar", "boilerplate"),
        ("Votre adresse e-mail ne sera pas publiée", "boilerplate"),
        ("Deja tu comentario", "boilerplate"),
        ("Lascia un commento", "boilerplate"),
        ("Оставьте комментарий", "boilerplate"),
        # calls to action addressed to the reader
        ("Discover our latest features", "boilerplate"),
        ("Entdecken Sie unsere Angebote", "boilerplate"),
        ("Découvrez nos offres", "boilerplate"),
        ("Suscríbete ahora", "boilerplate"),
        ("Scopri di più", "boilerplate"),
        ("Подпишитесь на канал", "boilerplate"),
        # navigation and teaser labels
        ("Mehr aus der Region", "boilerplate"),
        ("More from this author", "related"),
        ("Weitere Artikel", "related"),
        ("Zurück zur Übersicht", "boilerplate"),
        ("Lea también: El Gobierno anuncia nuevas medidas", "related"),
        ("Most viewed this week", "related"),
        # legal, ads, site credits, reading time, author bios
        ("Sofern nicht anders angegeben, stehen die Inhalte unter CC BY", "boilerplate"),
        ("Advertising disclosure: we may earn a commission", "boilerplate"),
        ("Propulsé par WordPress", "boilerplate"),
        ("Lesedauer: 4 Minuten", "boilerplate"),
        ("Jane Roe is a senior reporter for the Daily Planet.", "boilerplate"),
        ("Posted by Admin", "byline"),
        ("14:05 Uhr", "dateline"),
        # a line in capitals only, with nothing around it
        ("JETZT MITGLIED WERDEN UND SPAREN", "boilerplate"),
        ("SHOP THE LOOK", "boilerplate"),
    ],
)
def test_more_non_article_lines(text, kind, settings):
    assert _kind(text, settings) == kind


@pytest.mark.parametrize(
    "text",
    [
        "The council said more than 300 comments were sent before the vote.",
        "Weitere Informationen zur Wahl gab die Stadt am Montag bekannt, sagte ein Sprecher.",
        "Découvrez comment la ville a changé, disait l'affiche du musée en 1920.",
        "The reporter who broke the story later left the paper.",
        "Die Polizei sucht Zeugen, die am Abend am Bahnhof waren.",
        "El ministro dejó un comentario breve antes de salir de la sala.",
        "La privacy dei cittadini è stata al centro del dibattito in Parlamento.",
        "NATO and the EU said the talks would resume in March.",
    ],
)
def test_new_cues_leave_body_sentences_alone(text, settings):
    assert _kind(text, settings) is None


def test_capitals_need_neighbours_in_a_document(settings):
    # a subheading in capitals between two prose paragraphs stays article text
    paras = [
        "Storm hits the coast",
        "The storm reached the coast on Monday night, officials said.",
        "WHAT HAPPENS NEXT",
        "Repairs are expected to take weeks, the mayor told reporters.",
    ]
    assert [d.kind for d in classify_paragraphs(paras, settings=settings)] == [None, None, None, None]


@pytest.mark.parametrize(
    "text, kind",
    [
        # share buttons, skip links, comment threads, forum and login prompts
        ("twittern", "boilerplate"),
        ("Pin it", "boilerplate"),
        ("Podziel się", "boilerplate"),
        ("Direkt zum Hauptmenü", "boilerplate"),
        ("Zur Startseite", "boilerplate"),
        ("Kommentare zu diesem Artikel", "boilerplate"),
        ("Report abuse", "boilerplate"),
        ("Sie sind nicht angemeldet", "boilerplate"),
        ("Never miss a story", "boilerplate"),
        ("Du willst mehr?", "boilerplate"),
        # paywall, apps, disclaimers, theme credits, weather widgets
        ("Unlimited digital access for as little as $1", "boilerplate"),
        ("Download our apps for iOS and Android", "boilerplate"),
        (
            "Der Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der Redaktion.",
            "boilerplate",
        ),
        ("All other trademarks are the property of their owners", "boilerplate"),
        ("Theme based on Twenty Twelve", "boilerplate"),
        ("Partiellement nuageux", "boilerplate"),
        ("On this page:", "boilerplate"),
        # credits, tags, author lines
        ("Zdjęcie: Jan Kowalski", "credit"),
        # a line that is only a bracketed credit (it was read as a caption's end)
        ("(Credit: Clayton Aldern / Grist)", "credit"),
        ("(Foto: dpa)", "credit"),
        ("Abgelegt unter: Politik", "tags"),
        ("Von:", "byline"),
        ("Freier Autor in Berlin", "byline"),
        ("Maria Lopez is a personal finance expert", "byline"),
    ],
)
def test_web_ui_lines(text, kind, settings):
    assert _kind(text, settings) == kind


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez is a professor of economics at the University of Madrid.",
        "Twitter said the outage was fixed on Tuesday.",
        "The company said its apps for iOS and Android would be updated next month, and then",
        "Kommentare zu dem Fall wollte die Polizei am Montag nicht abgeben, hieß es.",
        "Sie sind nicht die ersten, die das versuchen.",
        "Apple said the App Store made more money than ever.",
        "Der Beitrag enthält keine neuen Zahlen, sagte die Ministerin.",
        # the byline cue wants a capitalised name after von / por / di (case-sensitive part)
        "Von der Idee zur Umsetzung",
        "Von seinem Vorgänger unterscheidet sich das Modell kaum",
        "Por lo tanto, el plan sigue en pie",
    ],
)
def test_web_ui_cues_leave_body_sentences_alone(text, settings):
    assert _kind(text, settings) is None


def test_teaser_headlines(settings):
    # alone, a kicker headline or a dashed headline is a link to another article
    for text in ("Skoda: Der lange Weg zum Strom", "Nicklaus – Mann der großen Worte"):
        assert _kind(text, settings) == "boilerplate", text
    # a kicker made of prose words, a sentence, or a lower-case headline is not a teaser
    for text in (
        "Es ist so: Mein",
        "Brexit: Talks resume on Monday.",
        "Russia: the talks failed",
        "Kreole: Stella Hoops",
    ):
        assert _kind(text, settings) is None, text
    # headline position and a subheading between prose paragraphs stay article text
    paras = [
        "Ukraine: Talks resume in Istanbul",
        "Delegations met on Monday, officials said.",
        "Grain deal: What comes next",
        "Repairs are expected to take weeks, the mayor told reporters.",
    ]
    assert [d.kind for d in classify_paragraphs(paras, settings=settings)] == [None] * 4
    # next to other site chrome it goes with it
    paras[2:3] = ["Share this article", "Grain deal: What comes next"]
    assert [d.kind for d in classify_paragraphs(paras, settings=settings)][2:4] == ["boilerplate"] * 2
    # the length limit comes from the settings
    short = settings.replace("segment", teaser_max_words=3)
    assert _kind("Skoda: Der lange Weg zum Strom", short) is None


def test_page_tail(settings):
    prose = (
        "The council voted on Monday to close the old bridge to cars for two years, "
        "after engineers found cracks in three of its five supporting pillars."
    )
    footer = ["Democracy in Europe Movement 2025", "Wachstum im Wandel", "Terms of use"]
    kinds = [d.kind for d in classify_paragraphs(["Bridge closes", prose, *footer], settings=settings)]
    assert kinds == [None, None, "boilerplate", "boilerplate", "boilerplate"]
    # a short closing sentence ends a sentence: article text
    ending = ["He declined to comment.", "She said it would be fine."]
    assert [d.kind for d in classify_paragraphs(["Bridge closes", prose, *ending], settings=settings)] == [
        None
    ] * 4
    # one closing line (an author's note) is not a footer
    note = ["Chris Leslie is MP for Nottingham East"]
    assert [d.kind for d in classify_paragraphs(["Bridge closes", prose, *note], settings=settings)] == [
        None
    ] * 3
    # the limits come from the settings: a 5-word line is too long for a 3-word tail
    # (the rules alone: the learned line model may still call the line site text)
    short = settings.replace("segment", tail_max_words=3, line_model=False)
    kinds = [d.kind for d in classify_paragraphs(["Bridge closes", prose, *footer], settings=short)]
    assert kinds[2] is None and kinds[3] == "boilerplate"
    # without a prose paragraph there is no tail
    lines = ["Bridge closes", "Council votes", "Wachstum im Wandel", "Terms of use"]
    none = [KindDecision(None)] * 4
    assert _page_tail(lines, none, 25, 20, 2) == none
    assert (
        _page_tail(["Bridge closes", prose, *lines[2:]], none, 25, 20, 2)[2:]
        == [KindDecision("boilerplate", "structure")] * 2
    )


def test_sandwiched_paragraph(settings):
    blurb = "Jane Roe has covered food and travel for twenty years and lives in Lyon"
    paras = ["Bridge closes", "Share this article", blurb, "© 2024 Example Media"]
    assert [d.kind for d in classify_paragraphs(paras, settings=settings)][2] == "boilerplate"
    # between a non-article line and article text the rule leaves it (the learned line
    # model, next to the share line and without a sentence end, calls it site text)
    prose = "The council voted on Monday to close the old bridge, officials said."
    paras = ["Bridge closes", "Share this article", blurb, prose]
    rules = settings.replace("segment", line_model=False)
    assert [d.kind for d in classify_paragraphs(paras, settings=rules)][2] is None
    # too long for the setting
    short = rules.replace("segment", sandwich_max_words=5)
    paras = ["Bridge closes", "Share this article", blurb, "© 2024 Example Media"]
    assert [d.kind for d in classify_paragraphs(paras, settings=short)][2] is None


def test_function_words_match_wordfreq():
    # comparekit/data/function_words.json is a copy of wordfreq's lists (read at every
    # cold start instead of loading wordfreq); it must not drift from the installed wordfreq.
    from wordfreq import top_n_list

    from comparekit.segment.kinds import _FUNCTION_WORD_LANGUAGES, function_words

    expected = {w for lang in _FUNCTION_WORD_LANGUAGES for w in top_n_list(lang, 100) if w.isalpha()}
    assert function_words() == expected
    assert {"the", "le", "der", "и"} <= expected


def test_a_bracketed_credit_closing_a_line_still_ends_a_caption(settings):
    assert _kind("Protesters march in Paris on Saturday (Photo: AFP)", settings) == "caption"
    assert _kind("(Photo: AFP)", settings) == "credit"
