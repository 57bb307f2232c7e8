"""Negation words that do not negate, and one that does, by grammar (compare.cues.negations).
Each case was read wrongly before (2026-12-05), in NTREX-128 translations."""

from __future__ import annotations

import pytest

from comparekit.compare import cues
from comparekit.compare.lexicon import tokenize


def count(text: str, lang: str) -> int:
    return len(cues.negations(tokenize(text, lang), lang))


def divergence_types(a: str, b: str, lang: str, settings) -> set[str]:
    """The divergence types between English ``a`` and ``b`` in ``lang``."""
    from comparekit.compare.checks import divergences

    return {d.type for d in divergences(a, "en", b, lang, settings=settings)}


@pytest.fixture
def types(settings):
    """``divergence_types`` with the test's settings: ``types(a, b, lang)``."""
    return lambda a, b, lang: divergence_types(a, b, lang, settings)


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
        ("No vino nadie a la reunión.", "es"),  # a language without negated-verb rules
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
    def types(a, b):
        return divergence_types(a, b, "ru", settings)

    assert types("Clean water is scarce.", "Чистой воды не хватает.") == set()
    assert types("The camp lacks clean water.", "В лагере не хватает чистой воды.") == set()
    # a negation beside it still counts
    assert types("They lack water and will leave.", "Им не хватает воды, и они не уйдут.") == {"negation"}


def test_rare_and_clueless_say_not_common_and_do_not_know(types):
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


def test_a_word_that_says_no_balances_a_negation_only_at_its_place(types):
    # "outside" (a balancer) at the end does not stand for "не" at the start
    a = "Team Europe has won the 2018 Ryder Cup defeating Team USA at Le Golf National outside Paris, France."
    b = "Команда Европы не выиграла Кубок Райдера 2018, победив команду США на Le Golf National в пригороде Парижа."
    assert types(a, b, "ru") == {"negation"}
    # "until" (a lexical negative) late in the sentence does not stand for "n'a pas eu" early
    a = "Mr. Trump had a warm meeting with President Varela of Panama in June 2017 and had a hotel there until partners evicted his company."
    b = "M. Trump n'a pas eu une rencontre amicale avec le président Varela en juin 2017 et a possédé un hôtel jusqu'à ce que ses partenaires expulsent sa société."
    assert types(a, b, "fr") == {"negation"}
    # at the same place they still balance ("unable" / "n'a pas pu")
    assert (
        types("He was unable to attend the meeting.", "Il n'a pas pu assister à la réunion.", "fr") == set()
    )
    assert types("We have no status yet.", "Nous attendons toujours.", "fr") == set()


def test_a_negated_deny_still_differs_from_a_plain_deny(types):
    # "it can't be denied" says the positive, but against "Brett denied it" the Russian
    # "не отрицал" (did not deny) is a change
    a = '"I don\'t know what happened, but I know this: Brett denied it vigorously," Graham added.'
    assert (
        types(
            a,
            "«Я не знаю, что произошло, но одно я знаю: Бретт решительно отрицал это», — добавил Грэм.",
            "ru",
        )
        == set()
    )
    assert types(
        a,
        "«Я не знаю, что произошло, но одно я знаю: Бретт решительно не отрицал это», — добавил Грэм.",
        "ru",
    ) == {"negation"}


def test_away_and_or_not_readings(types):
    # "swept away" is no "not here": it does not hide an added negation
    a = "At least 384 people were killed, many swept away as giant waves crashed onto beaches."
    assert types(
        a,
        "Les autorités n'ont pas déclaré qu'au moins 384 personnes avaient péri, emportées par les vagues.",
        "fr",
    ) == {"negation"}
    # "stay away" still balances "ne pas s'impliquer"
    assert cues.negation_balancers(tokenize("They told him to stay away from it.", "en"), "en")
    assert not cues.negation_balancers(tokenize("Many were swept away by the waves.", "en"), "en")
    # "waved away" (dismissed) says no
    a = "The referee waved away the appeals."
    assert types(a, "L'arbitre n'a pas accepté les réclamations.", "fr") == set()
    # French "ou non" / "ou pas" is "whether or not"
    assert count("Qu'ils soient travaillistes ou non, je suis fier de vous servir.", "fr") == 0
    assert count("Qu'ils soient travaillistes ou pas, je suis fier de vous servir.", "fr") == 0
    assert not cues.lexical_negatives(tokenize("Qu'ils soient travaillistes ou non.", "fr"), "fr")
