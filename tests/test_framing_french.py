"""French in distinctive terms and actors: an elided article or pronoun (l’, d’, qu’)
belongs to the grammar, not to the word it is written against. Both cases failed before
(NTREX fra 013: terms l'ouragan and l'arizona; actors without Arizona)."""

from __future__ import annotations

from test_framing import make_doc

from comparekit.framing.actors import actors
from comparekit.framing.cues import strip_elision
from comparekit.framing.terms import distinctive_terms

_FRENCH = [
    "Les restes de l’ouragan Rosa devraient provoquer de fortes pluies dans le sud-ouest.",
    "L’ouragan Rosa faiblit au large du Mexique, mais l’Arizona attend des pluies.",
    "Les pluies de l’ouragan pourraient atteindre l’Arizona dès lundi, selon d’Arizona Weather.",
    "En Arizona, les autorités redoutent que l’ouragan provoque des crues.",
]


def test_strip_elision_only_in_french():
    assert strip_elision("l'ouragan", "fr") == "ouragan"
    assert strip_elision("L’Arizona", "fr") == "Arizona"
    assert strip_elision("jusqu'au", "fr") == "au"
    assert strip_elision("aujourd'hui", "fr") == "aujourd'hui"
    assert strip_elision("o'clock", "en") == "o'clock"


def test_french_terms_drop_the_elided_article_and_names(settings):
    doc = make_doc("d", _FRENCH, "fr")
    terms = [t["term"] for t in distinctive_terms([doc], settings=settings)["d"]]
    assert "ouragan" in terms
    assert not any("'" in t for t in terms)
    assert not any("arizona" in t.split() for t in terms)  # a name: always capitalised


def test_french_actors_after_an_elided_article(settings):
    doc = make_doc("d", _FRENCH, "fr")
    names = {a["name"]: a["mentions"] for a in actors([doc], settings=settings)["d"]}
    assert names.get("Arizona", 0) >= 3


def test_french_honorifics_are_titles_in_actors(settings):
    # Before: 'Mme Merkel' was the actor, not Merkel (English Mrs, Mr, Dr were titles;
    # French M., Mme, Mlle were not), so it never met 'Angela Merkel' of another side.
    doc = make_doc(
        "d",
        [
            "La chancelière est arrivée à Paris jeudi.",
            "Emmanuel Macron a reçu Mme Merkel à l’Élysée.",
            "Il a ensuite raccompagné Mme Merkel à son avion.",
            "Selon Mme Merkel, la visite a duré deux heures.",
        ],
        "fr",
    )
    names = {a["name"]: a["mentions"] for a in actors([doc], settings=settings)["d"]}
    assert names == {"Merkel": 3}


def test_a_loaded_word_inside_a_name_is_not_flagged(settings):
    from comparekit.detect.framing import detect

    doc = make_doc(
        "d",
        [
            "Sutopo Purwo Nugroho, porte-parole de l’Agence Nationale de Gestion des Catastrophes, a parlé.",
            "Les catastrophes se multiplient.",
            "Catastrophes : le bilan s’alourdit.",
        ],
        "fr",
    )
    # NTREX fra 027: the agency's name was an 'evaluative or loaded word'.
    assert [f.text for f in detect(doc, settings=settings)] == ["catastrophes", "Catastrophes"]
