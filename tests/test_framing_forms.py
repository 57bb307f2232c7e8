"""Word forms in distinctive terms and actors, and names of several words.

Before: "землетрясение" and "землетрясением" were two terms, "Ломбок", "Ломбока",
"Ломбоке" three actors (each below the two-mention floor), "earthquake" and
"earthquakes" two terms; "New York" was the actor "York" ("new" is an English
stop-word) and "le Parti travailliste" the actor "Parti". Every test here failed before
but two guards: other languages leave a document's terms alone, and sentence-initial
words stay out of names.
"""

from __future__ import annotations

import pytest
from test_framing import make_doc

from comparekit.framing.actors import actors
from comparekit.framing.terms import distinctive_terms

_QUAKE_RU = [
    "Землетрясение произошло на острове Ломбок.",
    "Жители Ломбока пострадали от землетрясения.",
    "На Ломбоке объявлен траур после землетрясения.",
    "Власти справились с землетрясением быстро.",
]


def _terms(doc, settings, docs=None):
    return {t["term"]: t for t in distinctive_terms(docs or [doc], settings=settings)[doc.id]}


def _actors(doc, settings):
    return {a["name"]: a for a in actors([doc], settings=settings)[doc.id]}


def test_russian_forms_of_a_word_are_one_term(settings):
    doc = make_doc("d", _QUAKE_RU, "ru")
    terms = _terms(doc, settings)
    quake = [t for t in terms.values() if t["term"].startswith("землетрясени")]
    assert len(quake) == 1, [t["term"] for t in quake]
    (q,) = quake
    assert q["count"] == 4
    assert q["forms"] == {"землетрясения": 2, "землетрясение": 1, "землетрясением": 1}
    assert q["term"] == "землетрясения"  # the most frequent form
    # "Землетрясение" opens a sentence, but its other forms are written in lower case: no name
    # every occurrence keeps its own characters
    assert sorted(doc.raw_text[a:b].lower() for a, b in q["spans"]) == sorted(
        ["землетрясение", "землетрясения", "землетрясения", "землетрясением"]
    )


@pytest.mark.parametrize(
    "lang, sentences, forms",
    [
        (
            "en",
            ["An earthquake hit the island.", "Two earthquakes struck the coast in August."],
            {"earthquake": 1, "earthquakes": 1},
        ),
        (
            "fr",
            ["Un séisme a frappé l’île.", "Deux séismes ont frappé la côte en août."],
            {"séisme": 1, "séismes": 1},
        ),
        (
            "de",
            ["Das Erdbeben traf die Insel.", "Die Opfer des Erdbebens wurden geborgen."],
            {"erdbeben": 1, "erdbebens": 1},
        ),
    ],
)
def test_plural_and_case_forms_are_one_term(settings, lang, sentences, forms):
    doc = make_doc("d", sentences, lang)
    terms = _terms(doc, settings)
    hit = [t for t in terms.values() if set(t["forms"]) == set(forms)]
    assert len(hit) == 1, list(terms)
    assert hit[0]["count"] == 2 and hit[0]["forms"] == forms
    # a tie between forms: the shortest is shown, whatever the order of the text
    assert hit[0]["term"] == min(forms, key=len)
    swapped = _terms(make_doc("d", sentences[::-1], lang), settings)
    assert min(forms, key=len) in swapped


def test_terms_of_other_languages_do_not_change_a_document(settings):
    # Documents are contrasted within their language, each with its own stemmer.
    en = make_doc("en", ["An earthquake hit the island.", "Two earthquakes hit the coast."], "en")
    fr = make_doc("fr", ["Un séisme a frappé l’île.", "Des séismes ont frappé la côte."], "fr")
    alone = distinctive_terms([en], settings=settings)["en"]
    together = distinctive_terms([en, fr], settings=settings)
    assert together["en"] == alone
    assert {t["term"] for t in together["fr"]} >= {"séisme"}


def test_russian_forms_of_a_name_are_one_actor(settings):
    doc = make_doc("d", _QUAKE_RU, "ru")
    got = _actors(doc, settings)
    lombok = [a for a in got.values() if a["name"].startswith("Ломбок")]
    assert len(lombok) == 1, list(got)
    assert lombok[0]["mentions"] == 3
    assert lombok[0]["forms"] == {"Ломбок": 1, "Ломбока": 1, "Ломбоке": 1}
    assert lombok[0]["name"] == "Ломбок"  # a tie: the shortest form
    assert sorted(doc.raw_text[a:b] for a, b in lombok[0]["spans"]) == ["Ломбок", "Ломбока", "Ломбоке"]


def test_similar_russian_names_stay_apart(settings):
    doc = make_doc(
        "d",
        [
            "Вчера в столицу прибыла делегация Ирана.",
            "Потом власти Ирака встретили делегацию Ирана.",
            "Позже представители Ирака уехали домой.",
            "Соседи ждут итогов визита делегации Ирана, а не Ирака.",
            "Вчера власти Северной Кореи провели парад.",
            "По словам посла в Северной Корее, парад прошёл спокойно.",
            "Вашингтон снова призвал Северную Корею к переговорам.",
        ],
        "ru",
    )
    got = _actors(doc, settings)
    assert got["Ирана"]["mentions"] == 3 and set(got["Ирана"]["forms"]) == {"Ирана"}
    assert got["Ирака"]["mentions"] == 3 and set(got["Ирака"]["forms"]) == {"Ирака"}
    korea = [a for a in got.values() if a["name"].startswith("Северн")]
    assert len(korea) == 1 and korea[0]["mentions"] == 3, korea


def test_a_surname_is_not_folded_into_two_names_joined_by_and(settings):
    doc = make_doc(
        "d",
        [
            "Вчера в Сингапуре прошла долгая и трудная встреча между Ким Чен Ыном и Дональдом Трампом.",
            "Трамп сказал, что встреча была полезной.",
            "По словам Трампа, переговоры продолжатся.",
            "Вечером Дональд Трамп покинул Сингапур на самолёте.",
        ],
        "ru",
    )
    got = _actors(doc, settings)
    assert got["Дональд Трамп"]["mentions"] == 3, got
    assert not any(" и " in name for name in got)


def test_german_genitive_of_a_name_is_that_name(settings):
    doc = make_doc(
        "d",
        [
            "Der Besuch Trumps in Mexiko war kurz.",
            "Trump sprach in Teilen Mexikos mit Bauern.",
            "Trump reiste dann nach Mexiko zurück.",
        ],
        "de",
    )
    got = _actors(doc, settings)
    assert got["Trump"]["mentions"] == 3 and got["Trump"]["forms"] == {"Trump": 2, "Trumps": 1}
    assert got["Mexiko"]["mentions"] >= 2  # not taken by "Teilen Mexikos"


def test_new_york_is_one_actor(settings):
    doc = make_doc(
        "d",
        [
            "The mayor of New York spoke on Monday.",
            "Officials in New York said the summit would go ahead.",
            "New York will host the summit in May.",
            "In March Russia sent a delegation.",
            "Russia said it would attend.",
        ],
    )
    got = _actors(doc, settings)
    assert "York" not in got
    assert got["New York"]["mentions"] == 3
    assert got["New York"]["forms"] == {"New York": 2, "York": 1}
    # a month before a name opens no name
    assert got["Russia"]["mentions"] == 2 and "March Russia" not in got


def test_french_names_go_on_in_lower_case(settings):
    doc = make_doc(
        "d",
        [
            "Le Parti travailliste a gagné les élections.",
            "Selon le Parti travailliste, la réforme est nécessaire.",
            "Keir Starmer dirige le Parti travailliste depuis 2020.",
            "L’Union européenne et la Banque centrale européenne ont salué le vote.",
            "La Banque centrale européenne reste prudente, selon l’Union européenne.",
            "La Commission explique ce choix, et la Commission insiste.",
            "Les journalistes de Le Monde ont interrogé Keir Starmer.",
        ],
        "fr",
    )
    got = _actors(doc, settings)
    assert got["Parti travailliste"]["mentions"] == 3
    assert got["Union européenne"]["mentions"] == 2
    assert got["Banque centrale européenne"]["mentions"] == 2
    assert "Parti" not in got
    # a verb after the head is not part of the name; a sentence start is no actor
    assert got["Commission"]["mentions"] == 2
    assert not any(w in name for name in got for w in ("explique", "insiste", "Selon", "Les journalistes"))
    assert "travailliste" not in got


def test_sentence_initial_words_stay_out_of_names(settings):
    doc = make_doc(
        "d",
        [
            "New rules were announced by Russia.",
            "Later Russia said nothing.",
            "Les élections auront lieu en mai.",
        ],
    )
    got = _actors(doc, settings)
    assert set(got) == {"Russia"}
