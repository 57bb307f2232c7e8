"""German in the divergence checks: capitalised common nouns are not names, and the
German readings of phrases the other languages already handle (nicht nur, nicht das
erste Mal, US-Präsident). Each case failed before German got its own rules."""

from __future__ import annotations

import pytest

from comparekit.compare import divergences
from comparekit.compare.entities import _german_noun, extract_entities
from comparekit.compare.lexicon import tokenize
from comparekit.settings import Settings

CFG = Settings().compare


def types(a, b, settings):
    return {d.type for d in divergences(a, "en", b, "de", settings=settings)}


@pytest.mark.parametrize(
    "word",
    [
        "zwischenwahlen",  # zwischen + wahlen
        "nationalversammlungsmitglieder",  # a compound inside a compound
        "strafraums",  # an inflected form of a listed word
        "raketentests",  # German modifier, head also English
        "notausgängen",  # three-letter first part before a long German head
        "abscheulichkeit",  # a noun suffix
        "leichtathletin",  # feminine -in
    ],
)
def test_german_compounds_are_common_nouns(word):
    assert _german_noun(word, CFG.name_de_head_min_zipf, CFG.name_de_part_min_zipf)


@pytest.mark.parametrize("word", ["kavanaugh", "goldson", "fleetwood", "connor", "gateway"])
def test_english_names_do_not_split_into_german_words(word):
    # Gold+son, Fleet+wood, Con+nor: English words, not a German compound.
    assert not _german_noun(word, CFG.name_de_head_min_zipf, CFG.name_de_part_min_zipf)


def test_german_nouns_are_not_names_but_countries_and_people_are():
    text = "Die Zwischenwahlen im Vereinigten Königreich beunruhigen Kavanaugh und die Strafmaßnahmen auch."
    found = {m.text: set(m.ids) for m in extract_entities(tokenize(text, "de"), "de", text=text)}
    assert found == {"Vereinigten Königreich": {"GB"}, "Kavanaugh": set()}


def test_a_faithful_german_translation_has_no_divergence(settings):
    en = "The midterm elections in the United Kingdom worry the Supreme Court, not just the White House."
    de = "Die Zwischenwahlen im Vereinigten Königreich beunruhigen den Obersten Gerichtshof, nicht nur das Weiße Haus."
    assert types(en, de, settings) == set()


def test_german_litotes_and_fixed_phrases_are_no_negation(settings):
    assert "negation" not in types(
        "It is not the first time charges have been filed against Palin.",
        "Es ist nicht das erste Mal, dass gegen Palin Anzeigen erhoben wurden.",
        settings,
    )
    assert "negation" not in types(
        "There is no doubt Ayr deserved to win, not least because of Climo.",
        "Es gibt keinen Zweifel, dass Ayr den Sieg verdiente, nicht zuletzt wegen Climo.",
        settings,
    )
    # A real negation still counts.
    assert "negation" in types(
        "The minister will sign the deal.", "Der Minister wird den Vertrag nicht unterschreiben.", settings
    )


def test_german_titles_after_a_hyphenated_prefix(settings):
    assert "role_mismatch" not in types(
        "US President Donald Trump met them.", "US-Präsident Donald Trump traf sie.", settings
    )
    assert "role_mismatch" in types(
        "US President Donald Trump met them.", "US-Botschafter Donald Trump traf sie.", settings
    )
    # The office (Präsidentschaft) is no title: "running for president" is not a role.
    assert "role_mismatch" not in types(
        "Governor Warren plans a presidential run.",
        "Gouverneurin Warren plant eine Präsidentschaftskandidatur.",
        settings,
    )


@pytest.mark.parametrize(
    "en, de",
    [
        # NTREX 062 and 040: one German word for a compass word and a place.
        ("They broker energy just like they do in eastern Europe.", "Sie tun das genau wie in Osteuropa."),
        (
            "Morales is one of Latin America's most popular presidents.",
            "Morales ist einer der beliebtesten Präsidenten Lateinamerikas.",
        ),
        ("An earthquake rocked central Mexico in 2017.", "Ein Erdbeben erschütterte 2017 Zentralmexiko."),
        ("Rebels attacked a town in North Africa.", "Rebellen griffen eine Stadt in Nordafrika an."),
    ],
)
def test_a_german_compound_of_a_compass_word_and_a_place_names_the_place(settings, en, de):
    assert types(en, de, settings) == set()


def test_a_german_compound_that_is_a_country_of_its_own_is_not_its_parts(settings):
    # Nordkorea is not South Korea, Südsudan is not Sudan.
    assert types("He met the leaders of South Korea.", "Er traf die Führung Nordkoreas.", settings) == {
        "entity_added",
        "entity_missing",
    }
    assert "entity_missing" in types("Aid reached Sudan.", "Hilfe erreichte den Südsudan.", settings)
