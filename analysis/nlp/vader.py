"""A port of VADER's compound score (vaderSentiment 3.3.2, pinned), with the same scores.

It subclasses VADER's analyzer and reuses its lexicon, constants and some of its methods
(`_but_check`, `_punctuation_emphasis`, ...): private names of the pinned release, so an upgrade
must pass `tests/analysis/nlp/test_vader.py`, which compares it with VADER itself on every
sentence and article of 3,000+ BBC texts and on crafted rule cases. What it leaves out and why:
`bench/README.md`.
"""

from __future__ import annotations

import string

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SentimentIntensityAnalyzer,
    allcap_differential,
    normalize,
    scalar_inc_dec,
)

_NEGATIONS = frozenset(NEGATE)


def _negates(word: str) -> bool:
    """VADER's `negated([word])` for one lower-case word, without copying its word list."""
    return word in _NEGATIONS or "n't" in word


class FastVader(SentimentIntensityAnalyzer):
    """VADER's compound score with the same results, doing less work:
    - a text with no emoji is not rebuilt character by character to replace them;
    - a word outside the lexicon scores 0 without a call (booster words and "kind of" score 0
      in VADER too, and only modify the lexicon words after them), and a text with no word
      that scores is 0 at once;
    - the "but" rule runs only on texts with a "but";
    - the rules around a lexicon word (negation, boosters, idioms) read words lower-cased once,
      where VADER lower-cases the whole sentence again for every lexicon word and rule;
    - only the compound score is computed, not the positive, negative and neutral shares.
    """

    def __init__(self):
        super().__init__()
        self._emoji_characters = frozenset(self.emojis)

    @staticmethod
    def _negation(valence: float, lowers: list[str], start_i: int, i: int) -> float:
        """VADER's `_negation_check`, rule for rule, on the lower-cased words: it reads the
        words 1 to 3 before the lexicon word at i (it is called only when there are that many)."""
        if start_i == 0 and _negates(lowers[i - 1]):
            valence = valence * N_SCALAR
        if start_i == 1:
            if lowers[i - 2] == "never" and (lowers[i - 1] == "so" or lowers[i - 1] == "this"):
                valence = valence * 1.25
            elif lowers[i - 2] == "without" and lowers[i - 1] == "doubt":
                pass
            elif _negates(lowers[i - 2]):
                valence = valence * N_SCALAR
        if start_i == 2:
            if (
                lowers[i - 3] == "never"
                and (lowers[i - 2] == "so" or lowers[i - 2] == "this")
                or (lowers[i - 1] == "so" or lowers[i - 1] == "this")
            ):
                valence = valence * 1.25
            elif lowers[i - 3] == "without" and (lowers[i - 2] == "doubt" or lowers[i - 1] == "doubt"):
                pass
            elif _negates(lowers[i - 3]):
                valence = valence * N_SCALAR
        return valence

    @staticmethod
    def _negation_check(valence, words_and_emoticons, start_i, i):
        # For texts with emoji, which go through VADER's own polarity_scores.
        low = max(0, i - 3)
        window = [str(w).lower() for w in words_and_emoticons[low:i]]
        return FastVader._negation(valence, window, start_i, i - low)

    @staticmethod
    def _special_idioms_check(valence, words_and_emoticons, i):
        low = max(0, i - 3)
        return SentimentIntensityAnalyzer._special_idioms_check(valence, words_and_emoticons[low : i + 3], i - low)

    def _valence(self, words: list[str], lowers: list[str], i: int, is_cap_diff: bool) -> float:
        """VADER's `sentiment_valence` for the lexicon word at i, rule for rule, reading the
        lower-cased words computed once instead of lower-casing them again at every rule."""
        lexicon = self.lexicon
        lower = lowers[i]
        valence = lexicon[lower]
        # "no" before another lexicon word negates it rather than scoring itself.
        if lower == "no" and i != len(words) - 1 and lowers[i + 1] in lexicon:
            valence = 0.0
        if (
            (i > 0 and lowers[i - 1] == "no")
            or (i > 1 and lowers[i - 2] == "no")
            or (i > 2 and lowers[i - 3] == "no" and lowers[i - 1] in ("or", "nor"))
        ):
            valence = lexicon[lower] * N_SCALAR
        if words[i].isupper() and is_cap_diff:
            valence = valence + C_INCR if valence > 0 else valence - C_INCR
        for start_i in range(3):
            if i > start_i and lowers[i - (start_i + 1)] not in lexicon:
                scalar = scalar_inc_dec(words[i - (start_i + 1)], valence, is_cap_diff)
                if start_i == 1 and scalar != 0:
                    scalar = scalar * 0.95
                if start_i == 2 and scalar != 0:
                    scalar = scalar * 0.9
                valence = valence + scalar
                valence = self._negation(valence, lowers, start_i, i)
                if start_i == 2:
                    valence = self._special_idioms_check(valence, words, i)
        return self._least_check(valence, words, i)

    def compound(self, text: str) -> float:
        """`polarity_scores(text)["compound"]`."""
        if not self._emoji_characters.isdisjoint(text):
            return self.polarity_scores(text)["compound"]
        text = text.strip()
        # VADER's words (SentiText._strip_punc_if_word, inline): punctuation stripped unless that leaves two
        # characters or fewer (an emoticon).
        words = [
            token if len(stripped := token.strip(string.punctuation)) <= 2 else stripped for token in text.split()
        ]
        lowers = [word.lower() for word in words]
        lexicon = self.lexicon
        last = len(words) - 1
        scoring = [
            i
            for i, lower in enumerate(lowers)
            if lower in lexicon
            and lower not in BOOSTER_DICT
            and not (lower == "kind" and i < last and lowers[i + 1] == "of")
        ]
        if not scoring:
            return 0.0  # every word scores 0, so does the text
        is_cap_diff = allcap_differential(words)
        sentiments: list[float] = [0] * len(words)
        for i in scoring:
            sentiments[i] = self._valence(words, lowers, i, is_cap_diff)
        if "but" in lowers:
            sentiments = self._but_check(words, sentiments)
        total = float(sum(sentiments))
        emphasis = self._punctuation_emphasis(text)
        if total > 0:
            total += emphasis
        elif total < 0:
            total -= emphasis
        return round(normalize(total), 4)
