"""Themes from an editable lexicon (analysis/data/themes.yaml, or a user's file).

Theme matching works on an article's token lemmas and lower-case forms, which the store keeps,
so re-tagging a stored corpus with an edited theme file never re-runs spaCy.

A theme is given when the article is substantially about it, which one stray word never shows:

1. terms are weighted by how specific they are: a theme's `strong` terms ("striker", "six
   nations") weigh 2, its ordinary `terms` 1, its `weak` terms ("match", "club", "win") 0.5,
   and a weak term counts only when the article also has a term of the theme that is not weak
   (its context: "club" is a football club beside "striker", a night club beside "licensing");
   a theme's `not` phrases hold one of its terms in another sense ("boxing day" and "video
   game" for sport, "labour market" for politics) and spend those words for nothing (a `not`
   phrase is longer than the term it holds, and terms are matched longest first); a weak term
   that is also a term of another theme takes one sense in an article, that of the theme whose
   strong and ordinary terms weigh most there ("game" is rugby beside "rugby" and "six
   nations", a console's beside "gaming" and "console");
2. the weighted hits must make a share of the text (MIN_DENSITY per 1,000 words), reach
   MIN_WEIGHT and come from MIN_HITS words at least, so a long article is not tagged for a
   paragraph's aside, nor any article for one word;
3. a theme must reach MIN_SHARE of the article's best theme, and a theme other than the best
   MIN_BESIDE_DENSITY (a second theme claims a strand of a paragraph or more, which a sentence's
   two words do not make) and MIN_FIRM_SHARE of the best on its strong and ordinary terms alone: "company", "market" and
   "dollars" run through a story about a games console or a box office without making it an
   economy story, while a Budget story's "tax" and "spending" make politics and economy both.
   A theme's `common` terms weigh 1 like ordinary ones, and are context for its weak terms,
   but are left out of that firm share: words any story uses of its subject ("political
   stability" lifting a stock market) make a theme when the article is about it, never a
   second theme beside another. The themes a theme lists `with` need no firm share beside it,
   nor MIN_SHARE of it (a meat-export table's tonnes outnumber its two "exports" tenfold):
   an oil or a grain story is the story of a market, so "prices", "imports" and "dollars" there
   are the economy's words in their own sense, not the stray money words of a film story.
   A theme beside the best must also be spread over more than one sentence's words
   (MIN_BESIDE_SPAN): two hits side by side ("the British Open golf tournament") are an aside.

A theme file maps each theme name to a list of terms (all ordinary), or to a mapping with
`strong`, `terms`, `common`, `weak` and `not` lists of terms and a `with` list of theme names.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from analysis.errors import ConfigError

DEFAULT_THEMES = Path(__file__).parent.parent / "data" / "themes.yaml"

# Weights of the kinds of term (see the module docstring); a `not` phrase weighs nothing.
WEIGHTS = {"strong": 2.0, "terms": 1.0, "common": 1.0, "weak": 0.5, "not": 0.0}
# Tuned on the tuning half of tests/gold/themes.yaml (bench/theme_gold.py), checked on the other.
MIN_WEIGHT = 1.5
MIN_HITS = 2
MIN_DENSITY = 5.0
MIN_SHARE = 0.3
MIN_FIRM_SHARE = 0.15
# Read on BBC articles outside the gold: of the themes given beside an article's best at 5 to 6.5
# weighted hits per 1,000 words, about five in six were a sentence's aside (the 2012 Olympic bid
# in a story about the London mayor's row, a supercomputer's power use); from 6.5 to 8, half.
MIN_BESIDE_DENSITY = 6.5
# A theme beside the best whose counted hits all start within MIN_BESIDE_SPAN words of each other
# is one sentence's aside ("co-sponsor ... the British Open golf tournament" in a ticket agency's
# takeover, "a former Scottish international rugby player" in an oil chief's profile), in an
# article of SPAN_ARTICLE_WORDS words or more; a shorter story is hardly more than that sentence.
MIN_BESIDE_SPAN = 15
SPAN_ARTICLE_WORDS = 45


@dataclass(frozen=True)
class ThemeLexicon:
    """Theme name -> terms, each term a tuple of lower-case words, with its weight."""

    themes: dict[str, tuple[tuple[str, ...], ...]]
    fingerprint: str
    # Theme name -> term -> weight; a term missing here weighs 1.
    weights: dict[str, dict[tuple[str, ...], float]] | None = None
    # Theme name -> its `common` terms (see the module docstring).
    common: dict[str, frozenset[tuple[str, ...]]] | None = None
    # Theme name -> the themes its articles are about as well (its `with` list).
    companions: dict[str, frozenset[str]] | None = None

    def is_common(self, theme: str, term: tuple[str, ...]) -> bool:
        return term in (self.common or {}).get(theme, ())

    def weight(self, theme: str, term: tuple[str, ...]) -> float:
        return (self.weights or {}).get(theme, {}).get(term, 1.0)

    @cached_property
    def terms_by_first_word(self) -> dict[str, list[tuple[int, int]]]:
        """First word of a term -> (theme number, term number) of every term starting with it,
        so an article is checked only for the terms its words can start."""
        found: dict[str, list[tuple[int, int]]] = {}
        for t, terms in enumerate(self.themes.values()):
            for k, term in enumerate(terms):
                found.setdefault(term[0], []).append((t, k))
        return found

    @classmethod
    def load(cls, user_file: str | Path | None = None) -> ThemeLexicon:
        """The shipped lexicon, or a user's theme file instead of it.

        Raises:
            ConfigError: the file is not a theme file; the message names it and the problem.
        """
        return _load_lexicon(str(user_file) if user_file else str(DEFAULT_THEMES))


def _term_lists(path: str, name: str, spec) -> dict[str, list]:
    if isinstance(spec, list):
        return {"terms": spec}
    if isinstance(spec, dict) and spec and set(spec) <= {*WEIGHTS, "with"}:
        if not all(isinstance(v, list) for v in spec.values()):
            raise ConfigError(
                f"{path}: theme {name!r}: strong, terms, common, weak, not and with must be lists"
            )
        return spec
    raise ConfigError(
        f"{path}: theme {name!r} must be a list of terms, or a mapping with strong, terms, common, weak, "
        "not and with lists"
    )


@lru_cache(maxsize=8)
def _load_lexicon(path: str) -> ThemeLexicon:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not a readable theme file ({exc})") from exc
    if not isinstance(data, dict) or not data:
        raise ConfigError(f"{path}: a theme file maps theme names to lists of terms")
    themes: dict[str, tuple[tuple[str, ...], ...]] = {}
    weights: dict[str, dict[tuple[str, ...], float]] = {}
    common: dict[str, frozenset[tuple[str, ...]]] = {}
    companions: dict[str, frozenset[str]] = {}
    for name, spec in data.items():
        found: dict[tuple[str, ...], float] = {}
        kinds: dict[tuple[str, ...], str] = {}
        lists = _term_lists(path, name, spec)
        # Lightest first, so a term listed twice keeps its heavier weight.
        for kind in ("not", "weak", "common", "terms", "strong"):
            for t in lists.get(kind) or []:
                # The tokenizer splits "e-mail" and "cross-strait" at the hyphen, and the
                # hyphen is not among an article's words: a term is matched as those words.
                words = tuple(str(t).lower().replace("-", " ").split())
                if words:
                    found[words], kinds[words] = WEIGHTS[kind], kind
        # Longest terms first, then alphabetical: a stable order, so the fingerprint is too.
        themes[str(name)] = tuple(sorted(found, key=lambda term: (-len(term), term)))
        weights[str(name)] = found
        common[str(name)] = frozenset(t for t, kind in kinds.items() if kind == "common")
        companions[str(name)] = frozenset(str(c) for c in lists.get("with") or [])
        if unknown := companions[str(name)] - {str(n) for n in data}:
            raise ConfigError(
                f"{path}: theme {name!r}: its 'with' list names no theme of the file: {sorted(unknown)}"
            )
    # The thresholds are part of the fingerprint: a stored corpus is re-tagged when they change.
    fingerprint = hashlib.sha1(
        json.dumps(
            [
                {
                    n: [[" ".join(t), weights[n][t]] + (["common"] if t in common[n] else []) for t in terms]
                    for n, terms in themes.items()
                },
                {n: sorted(c) for n, c in companions.items() if c},
                [MIN_WEIGHT, MIN_HITS, MIN_DENSITY, MIN_SHARE, MIN_FIRM_SHARE, MIN_BESIDE_DENSITY]
                + [MIN_BESIDE_SPAN, SPAN_ARTICLE_WORDS],
            ],
            sort_keys=True,
        ).encode()
    ).hexdigest()[:12]
    return ThemeLexicon(themes, fingerprint, weights, common, companions)


@dataclass(frozen=True)
class ThemeScore:
    """A theme of an article: weighted term hits per 1,000 words, the number of hits, and the
    terms that hit."""

    name: str
    score: float
    hits: int
    terms: tuple[tuple[str, int], ...]


def match_themes(
    lowers: list[str],
    lemmas: list[str],
    lexicon: ThemeLexicon,
    *,
    min_weight: float = MIN_WEIGHT,
    min_density: float = MIN_DENSITY,
    min_share: float = MIN_SHARE,
    min_firm_share: float = MIN_FIRM_SHARE,
    min_beside_density: float = MIN_BESIDE_DENSITY,
    min_beside_span: int = MIN_BESIDE_SPAN,
) -> list[ThemeScore]:
    """Themes of an article, best first, from its word forms and lemmas: each theme's weighted
    term hits per 1,000 words, kept when they pass the thresholds of the module docstring."""
    n = len(lowers)
    if n == 0:
        return []
    starts = lexicon.terms_by_first_word
    index: dict[str, list[int]] = {}
    for i, (lower, lemma) in enumerate(zip(lowers, lemmas)):
        if lower in starts:
            index.setdefault(lower, []).append(i)
        if lemma != lower and lemma in starts:
            index.setdefault(lemma, []).append(i)

    def at(i: int, word: str) -> bool:
        return i < n and (lowers[i] == word or lemmas[i] == word)

    # The themes with a term the article's words can start, each with those terms in order.
    candidates: dict[int, list[int]] = {}
    for t, k in sorted(pair for word in index for pair in starts[word]):
        candidates.setdefault(t, []).append(k)
    names = list(lexicon.themes)
    weak = WEIGHTS["weak"]
    # Each candidate theme's term hits (term -> count), the weight of its hits that are not weak
    # (the context a weak term needs), and of those that are neither weak nor common (firm).
    matched: dict[str, Counter[tuple[str, ...]]] = {}
    # Theme -> term -> the word positions where it hit (for the span of a theme beside the best).
    places: dict[str, dict[tuple[str, ...], list[int]]] = {}
    context: dict[str, float] = {}
    firm: dict[str, float] = {}
    for t, term_numbers in candidates.items():
        name, terms = names[t], lexicon.themes[names[t]]
        used: set[int] = set()
        at_words: dict[tuple[str, ...], list[int]] = {}
        context_weight = firm_weight = 0.0
        for term in (terms[k] for k in term_numbers):  # longest first: "south china sea", not "china"
            w = lexicon.weight(name, term)
            for i in index[term[0]]:
                span = range(i, i + len(term))
                if any(j in used for j in span) or not all(at(j, w_) for j, w_ in zip(span, term)):
                    continue
                used.update(span)
                if w == 0:
                    continue  # "boxing day": the words are spent, and say nothing of sport
                at_words.setdefault(term, []).append(i)
                if w > weak:
                    context_weight += w
                    if not lexicon.is_common(name, term):
                        firm_weight += w
        hits = Counter({term: len(spots) for term, spots in at_words.items()})
        matched[name], context[name], firm[name] = hits, context_weight, firm_weight
        places[name] = at_words

    found: list[tuple[float, float, int, ThemeScore]] = []
    for name, hits in matched.items():
        # One sense per article: a weak term that is also a term of another theme ("game" of sport
        # and of technology) counts only for the theme whose firm terms weigh most in the article.
        rivals = [other for o, other in matched.items() if context[o] > context[name]]
        hits = Counter(
            {
                term: c
                for term, c in hits.items()
                if lexicon.weight(name, term) > weak or not any(term in r for r in rivals)
            }
        )
        if context[name] == 0 or sum(hits.values()) < MIN_HITS:
            continue  # weak terms alone ("match" and "club" with nothing else of sport), or one word
        firm_density = 1000 * firm[name] / n
        weight = sum(c * lexicon.weight(name, term) for term, c in hits.items())
        density = 1000 * weight / n
        if weight >= min_weight and density >= min_density:
            terms_hit = Counter({" ".join(term): c for term, c in hits.items()})
            score = ThemeScore(
                name=name,
                score=round(density, 2),
                hits=sum(hits.values()),
                terms=tuple(terms_hit.most_common()),
            )
            spots = [i for term in hits for i in places[name][term]]
            span = max(spots) - min(spots) if n >= SPAN_ARTICLE_WORDS else min_beside_span
            found.append((density, firm_density, span, score))
    if not found:
        return []
    best, _, _, top = max(found, key=lambda f: (f[0], f[3].name))
    # A companion of the best theme (economy beside an oil or a sugar story) is the same story's
    # market: its words are its own, and need no firm share nor a share of the best's, which a
    # commodity's own words ("tonnes", "beef", "crude") outnumber in any market report.
    beside = (lexicon.companions or {}).get(top.name, frozenset())
    scores = [
        s
        for d, firm_d, span, s in found
        if d == best
        or (
            d >= max(0 if s.name in beside else min_share * best, min_beside_density)
            and (firm_d >= min_firm_share * best or s.name in beside)
            and span >= min_beside_span
        )
    ]
    scores.sort(key=lambda s: (-s.score, s.name))
    return scores
