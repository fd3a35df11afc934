"""The analysis pipeline: articles in, one `ArticleAnalysis` per article out.

Each article's analysis is a pure function of its text, the model, the alias table, the theme
lexicon and ANALYSIS_VERSION; that is what lets the store skip articles it has already seen and
lets a distributed engine run the same function anywhere.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate, islice, pairwise

from spacy.language import Language
from spacy.tokens import Doc

from analysis import sentiment
from analysis.actors import ActorOptions, count_actors, resolve_mentions
from analysis.articles import METADATA_FIELDS, Article
from analysis.nlp import doc_text, load_model, model_version, parse
from analysis.quotes import DOUBLE_MARKS, SINGLE_MARKS, extract_quotes
from analysis.themes import ThemeLexicon, candidate_phrases, keyphrases, match_themes, token_forms

# Bump when a change to the analysis changes its output, so stored results are recomputed.
ANALYSIS_VERSION = "4"


@dataclass(frozen=True)
class AnalysisOptions:
    """What an analysis depends on besides the article: model, aliases, themes."""

    model: str | None = None
    actors: ActorOptions = ActorOptions()
    theme_file: str | None = None

    def lexicon(self) -> ThemeLexicon:
        return ThemeLexicon.load(self.theme_file)

    def version(self) -> str:
        """The key under which results are stored, known without loading the model; themes
        are not part of it (re-tagging needs no spaCy run)."""
        return f"{ANALYSIS_VERSION}|{model_version(self.model)}|{self.actors.fingerprint}"


@dataclass
class ArticleAnalysis:
    """Everything the analysis found in one article; `to_record()` gives the JSON contract."""

    article: Article
    sentences: list[dict]
    entities: list[dict]
    actors: list[dict]
    quotes: list[dict]
    themes: list[dict]
    keyphrases: list[str]
    compound: float
    narrator: float | None
    quoted: float | None
    lowers: list[str] = field(repr=False, default_factory=list)
    lemmas: list[str] = field(repr=False, default_factory=list)
    phrases: list[str] = field(repr=False, default_factory=list)

    @property
    def label(self) -> str:
        return sentiment.label(self.compound)

    def to_record(self) -> dict:
        return {
            **{name: getattr(self.article, name) for name in METADATA_FIELDS},
            "sentiment": {
                "compound": self.compound,
                "label": self.label,
                "narrator": self.narrator,
                "quoted": self.quoted,
            },
            "sentences": self.sentences,
            "entities": self.entities,
            "actors": self.actors,
            "quotes": self.quotes,
            "themes": self.themes,
            "keyphrases": self.keyphrases,
        }


_CLOSERS = DOUBLE_MARKS | SINGLE_MARKS | set(")]")


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Sentence character spans without surrounding white space; a closing quotation mark
    that the parser put at the start of the next sentence goes back to the one it closes."""
    text = doc_text(doc)
    spans: list[list[int]] = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while (
            spans
            and start < end
            and text[start] in _CLOSERS
            and (start + 1 == end or text[start + 1].isspace())
        ):
            spans[-1][1] = start + 1
            start += 1
            while start < end and text[start].isspace():
                start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append([start, end])
    return [(s, e) for s, e in spans]


def _without(text: str, start: int, end: int, holes: list[tuple[int, int]]) -> str:
    """text[start:end] with the hole spans cut out."""
    parts, cursor = [], start
    for h_start, h_end in sorted(holes):
        if h_end <= start or h_start >= end:
            continue
        parts.append(text[cursor : max(cursor, h_start)])
        cursor = max(cursor, h_end)
    parts.append(text[cursor:end])
    return " ".join(p.strip() for p in parts if p.strip())


def analyze_doc(article: Article, doc: Doc, options: AnalysisOptions) -> ArticleAnalysis:
    """The analysis of one parsed article."""
    text = article.text
    spans = sentence_spans(doc)
    sentence_scores = [sentiment.compound(text[s:e]) for s, e in spans]
    starts = [s for s, _ in spans]

    def sentence_of(pos: int) -> int:
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo

    mentions = resolve_mentions(doc, options.actors)
    for m in mentions:
        m.sentence = sentence_of(m.start)
    quotes = extract_quotes(doc, mentions)
    for q in quotes:
        q.compound = sentiment.compound(q.text)
    quote_holes = [(q.start, q.end) for q in quotes]

    # Narrator voice: each sentence with the quoted words cut out; quoted voice: the quotes.
    narrator_scores = []
    quote_starts = [h[0] for h in quote_holes]
    for (s, e), score in zip(spans, sentence_scores):
        k = bisect_left(quote_starts, e)
        if (
            k == 0
            or quote_holes[k - 1][1] <= s
            and not any(h_s < e and h_e > s for h_s, h_e in quote_holes[:k])
        ):
            narrator_scores.append(score)  # no quoted words in it: the sentence's own score
            continue
        rest = _without(text, s, e, quote_holes)
        if len(re.findall(r"\w+", rest)) >= 3:
            narrator_scores.append(sentiment.compound(rest))
    quoted = sentiment.mean_or_none([q.compound for q in quotes])

    # How an actor is talked about: the sentences that mention it, minus its own quotes.
    by_actor: dict[str, set[int]] = defaultdict(set)
    for m in mentions:
        if m.actor:
            by_actor[m.actor].add(m.sentence)
    own_quotes: dict[str, list] = defaultdict(list)
    for q in quotes:
        if q.speaker:
            own_quotes[q.speaker].append(q)
    actor_records = []
    for count in count_actors(mentions):
        holes = [(q.start, q.end) for q in own_quotes.get(count.name, [])]
        scores = []
        for i in sorted(by_actor[count.name]):
            s, e = spans[i]
            if any(h_start < e and h_end > s for h_start, h_end in holes):
                rest = _without(text, s, e, holes)
                if rest:
                    scores.append(sentiment.compound(rest))
            else:
                scores.append(sentence_scores[i])
        actor_records.append(
            {
                "name": count.name,
                "type": count.type,
                "mentions": count.mentions,
                "sentiment": sentiment.mean_or_none(scores),
                "quoted_sentiment": sentiment.mean_or_none(
                    [q.compound for q in own_quotes.get(count.name, [])]
                ),
                "quotes": len(own_quotes.get(count.name, [])),
            }
        )

    lowers, lemmas = token_forms(doc)
    phrases = candidate_phrases(doc)
    themes = match_themes(lowers, lemmas, options.lexicon())
    return ArticleAnalysis(
        article=article,
        sentences=[{"start": s, "end": e, "compound": c} for (s, e), c in zip(spans, sentence_scores)],
        entities=[
            {
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "label": m.label,
                "actor": m.actor,
                "actor_type": m.actor_type,
                "sentence": m.sentence,
            }
            for m in mentions
        ],
        actors=actor_records,
        quotes=[
            {
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "kind": q.kind,
                "speaker": q.speaker,
                "speaker_type": q.speaker_type,
                "cue": q.cue,
                "compound": q.compound,
                "sentence": sentence_of(q.start),
            }
            for q in quotes
        ],
        themes=[{"name": t.name, "score": t.score, "hits": t.hits} for t in themes],
        keyphrases=keyphrases(phrases),
        compound=sentiment.mean_or_none(sentence_scores) or 0.0,
        narrator=sentiment.mean_or_none(narrator_scores),
        quoted=quoted,
        lowers=lowers,
        lemmas=lemmas,
        phrases=phrases,
    )


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


_WORKER: dict = {}


def _init_worker(options: AnalysisOptions) -> None:
    _WORKER["nlp"] = load_model(options.model)
    _WORKER["options"] = options


def _analyze_batch(batch: list[Article]) -> list[ArticleAnalysis]:
    nlp, options = _WORKER["nlp"], _WORKER["options"]
    docs = parse(nlp, [a.text for a in batch], batch_size=len(batch))
    return [analyze_doc(article, doc, options) for article, doc in zip(batch, docs)]


def worker_count(n_process: int) -> int:
    """0 means one worker per core."""
    return n_process if n_process > 0 else max(1, os.cpu_count() or 1)


# Articles per worker task at most. Measured with bench/throughput.py on two cores: tasks of
# 32-64 articles were slower than 16 (alone, one process is faster on larger batches, but two
# side by side no longer keep their activations in cache), and 8 no faster.
TASK_ARTICLES = 16


def guided_sizes(total: int, workers: int, *, largest: int, smallest: int = 8) -> list[int]:
    """Task sizes for `total` articles over `workers` processes: `largest` while there is plenty
    left, then shrinking, so that no worker is still busy with a large task while the others wait
    at the end (guided self-scheduling)."""
    sizes = []
    remaining = total
    while remaining > 0:
        size = min(remaining, max(smallest, min(largest, remaining // (2 * workers))))
        sizes.append(size)
        remaining -= size
    return sizes


def analyze_articles(
    articles: Iterable[Article],
    *,
    options: AnalysisOptions = AnalysisOptions(),
    nlp: Language | None = None,
    batch_size: int = 64,
    n_process: int = 1,
) -> Iterator[ArticleAnalysis]:
    """Stream articles through spaCy and the analysis in batches; yield one analysis per
    article, in order.

    With n_process > 1 (0: one per core) each worker process loads the model once and runs the
    whole analysis of a task, not only spaCy, so all cores do all the work. Articles are read a
    window at a time, so memory stays bounded however long the input is, and each window is cut
    into tasks of `guided_sizes` (at most TASK_ARTICLES).
    """
    workers = worker_count(n_process)
    if workers > 1:
        iterator = iter(articles)
        window_size = workers * 128  # articles read ahead: 8 or more full tasks a worker

        def tasks() -> list[list[Article]]:
            window = list(islice(iterator, window_size))
            sizes = guided_sizes(len(window), workers, largest=min(batch_size, TASK_ARTICLES))
            cuts = list(accumulate(sizes, initial=0))
            return [window[a:b] for a, b in pairwise(cuts)]

        window = tasks()
        if len(window) >= 2:
            context = multiprocessing.get_context("fork")
            with context.Pool(workers, initializer=_init_worker, initargs=(options,)) as pool:
                while window:
                    for results in pool.imap(_analyze_batch, window):
                        yield from results
                    window = tasks()
            return
        batches = iter(window)  # too little for a pool to pay off
    else:
        batches = _batches(articles, batch_size)
    nlp = nlp or load_model(options.model)
    for batch in batches:
        docs = parse(nlp, [a.text for a in batch], batch_size=batch_size)
        for article, doc in zip(batch, docs):
            yield analyze_doc(article, doc, options)
