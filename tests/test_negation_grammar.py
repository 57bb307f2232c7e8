"""Negation words that do not negate, and one that does, by grammar (compare.cues.negations).
Each case was read wrongly before (2026-12-05), in NTREX-128 translations."""

from __future__ import annotations

import pytest

from comparekit.compare import cues
from comparekit.compare.lexicon import tokenize


def count(text: str, lang: str) -> int:
    return len(cues.negations(tokenize(text, lang), lang))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ce n'est pas uniquement mon expérience.", "fr"),  # not only
        ("Ce n'est pas seulement une question d'argent.", "fr"),
        ("Même s'ils n'ont plus qu'à faire match nul pour garder le trophée.", "fr"),  # only
        ("Nous disions : n'est-ce pas merveilleux ?", "fr"),  # a tag question
        ("La promesse a été oubliée, si elle a jamais commencé.", "fr"),  # ever
        ("C'est le pire langage corporel que j'aie jamais vu.", "fr"),
        ("Il est l'un des quatre joueurs à avoir jamais atteint ce score.", "fr"),
        ("They will decide whether or not to introduce a change.", "en"),
        ("Мои избиратели, неважно, являются ли они лейбористами или нет.", "ru"),
        ("Sie fragten, ob er kommt oder nicht.", "de"),
        ("Выступая, министр, не смотря на то что война идет, призвал вернуться.", "ru"),  # despite
        ("Чистой воды не хватает.", "ru"),  # is scarce, lacking: a lexical negative (NTREX rus 107)
        ("Эвакуированным по-прежнему не хватает пищи.", "ru"),  # still badly need (rus 027)
        # A negated verb of forgetting, denying, failing or excluding says the positive.
        ("Don't forget the small details.", "en"),  # remember
        ("It can't be denied that languages matter.", "en"),  # it is evident
        ("But I believe we will not fail.", "en"),  # we will succeed
        ("Women are not going to forget what happened.", "en"),
        ("No one can deny they deserved it.", "en"),
        ("N'oubliez pas les petits détails.", "fr"),
        ("C'est une chose que je n'ai jamais oubliée.", "fr"),
        ("Nul ne peut nier qu'ils la méritaient.", "fr"),
        ("Не исключается риск внезапных паводков.", "ru"),  # possible
        ("Никто не может отрицать, что они заслужили его.", "ru"),
        ("Они не забудут об этом.", "ru"),
        ("« Il n'y a pas que les finances qui sont en jeu. »", "fr"),  # not only
        ("Frauen vergessen nicht, was gestern war.", "de"),  # German nicht after its verb
        ("There is no doubt Ayr deserved to triumph.", "en"),  # certainly, like "aucun doute"
        ("Сегодня я не могу удержаться.", "ru"),  # I can't help it
        ("Vergessen Sie nicht die Details.", "de"),
        ("Es ist nicht zu leugnen, dass sie ihn verdient haben.", "de"),
    ],
)
def test_no_negation(text, lang):
    assert count(text, lang) == 0


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # After a modal, "not just" negates the verb ("not just X but Y" does not).
        ("We can't just rely on English.", "en"),
        ("Je n'ai jamais vu ça.", "fr"),
        ("Jamais je ne l'aurais cru.", "fr"),
        ("Il n'a plus d'argent.", "fr"),
        ("Ce n'est pas le moment.", "fr"),
        ("Il n'y avait pas de pain.", "fr"),  # "y a pas" without "que" negates
        ("They did not forget to pay, but they did not come.", "en"),  # only "forget" is positive
        ("„Kein Vergessen, kein Vergeben“", "de"),  # "kein" goes with the noun after it only
    ],
)
def test_negation(text, lang):
    assert count(text, lang) == 1


def test_not_just_as_not_only_is_still_no_negation():
    assert count("It's not just the financials that are in play.", "en") == 0


@pytest.mark.parametrize(
    ("word", "negative"),
    [
        # NTREX rus 071: "неподходящим" (unsuitable, instrumental) for English "not
        # suitable"; "подходящим" (Zipf 3.38) is rarer than its dictionary form
        # "подходящий" (3.71), which passes compare.negation_prefix_rest_min_zipf.
        ("неподходящим", True),
        ("неподходящий", True),
        # still not a negative: the rest is no common word in any form
        ("невинного", False),
        ("немецкого", False),
    ],
)
def test_a_russian_negative_adjective_in_any_case(word, negative):
    assert cues._prefixed_negative(word, "ru") is negative


def test_russian_lack_is_a_lexical_negative_like_english_lack(settings):
    from comparekit.compare.checks import divergences

    def types(a, b):
        return {d.type for d in divergences(a, "en", b, "ru", settings=settings)}

    assert types("Clean water is scarce.", "Чистой воды не хватает.") == set()
    assert types("The camp lacks clean water.", "В лагере не хватает чистой воды.") == set()
    # a negation beside it still counts
    assert types("They lack water and will leave.", "Им не хватает воды, и они не уйдут.") == {"negation"}


def test_rare_and_clueless_say_not_common_and_do_not_know(settings):
    from comparekit.compare.checks import divergences

    def types(a, b, lang):
        return {d.type for d in divergences(a, "en", b, lang, settings=settings)}

    a = "While tsunami shelters have been built in Aceh, they are not a common sight on other coastlines."
    assert (
        types(
            a,
            "Des refuges ont été aménagés à Aceh, mais ils se font rares sur d'autres zones littorales.",
            "fr",
        )
        == set()
    )
    assert (
        types(a, "Хотя в Ачехе были построены укрытия, их редко можно встретить на других берегах.", "ru")
        == set()
    )
    a = "An academic found students are often clueless about how to look after themselves."
    assert (
        types(a, "Un professeur a remarqué que les étudiants ne savent pas prendre soin d'eux.", "fr")
        == set()
    )
    # a negation added on one side still counts
    assert types("They are a common sight.", "Они не встречаются часто.", "ru") == {"negation"}
