"""The analysis pipeline: articles in, one `ArticleAnalysis` record per article out.

Each article's analysis is a pure function of its text, the model, the alias table, the theme
lexicon and ANALYSIS_VERSION; that is what lets the store skip articles it has already seen and
lets a distributed engine run the same function anywhere.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate, islice, pairwise

from spacy.language import Language
from spacy.tokens import Doc

from analysis.extract import sentiment
from analysis.extract.actors import ActorOptions, count_actors, resolve_mentions
from analysis.extract.keyphrases import candidate_phrases, keyphrases
from analysis.extract.quote_spans import DOUBLE_MARKS, SINGLE_MARKS
from analysis.extract.quotes import extract_quotes
from analysis.extract.themes import ThemeLexicon, match_themes
from analysis.extract.tone import TONE_PARSE_PLAN, MentionTone, actor_tone, actor_tones
from analysis.nlp.strings import token_forms
from analysis.nlp import doc_text, load_model, model_version, parse
from analysis.readers import Article
from analysis.records import ActorRow, ArticleAnalysis, EntityRow, QuoteRow, SentenceRow, ThemeRow, ToneRow

# Bump when a change to the analysis changes its output, so stored results are recomputed.
ANALYSIS_VERSION = "20"

# The sentences the dependency parser runs on: the speaker search's and the actor tone's.
PARSE_PLAN = TONE_PARSE_PLAN


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


def load_pipeline(model: str | None = None, *, full_parse: bool = False) -> Language:
    """The spaCy pipeline of the analysis (loaded once per process): the dependency parse only
    on the sentences the speaker search and the actor tone read, or on every sentence with
    `full_parse`."""
    return load_model(model, parse_plan=None if full_parse else PARSE_PLAN)


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
        return max(0, bisect_right(starts, pos) - 1)

    mentions = resolve_mentions(doc, options.actors)
    mention_sentences = [sentence_of(m.start) for m in mentions]
    quotes = extract_quotes(doc, mentions)
    quote_scores = [sentiment.compound(q.text) for q in quotes]
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

    # How an actor is talked about: the sentences that mention it, minus its own quotes.
    by_actor: dict[str, set[int]] = defaultdict(set)
    for m, i in zip(mentions, mention_sentences):
        if m.actor:
            by_actor[m.actor].add(i)
    own_quotes: dict[str, list[int]] = defaultdict(list)
    for k, q in enumerate(quotes):
        if q.speaker:
            own_quotes[q.speaker].append(k)
    # How an actor is treated: the tone toward each of its mentions (resolved pronouns
    # included), averaged; unresolved pronouns and missed names keep a tone row of their own.
    tones = actor_tones(doc, mentions)
    by_actor_tone: dict[str, list[MentionTone]] = defaultdict(list)
    for t in tones:
        if t.actor:
            by_actor_tone[t.actor].append(t.tone)
    actor_rows = []
    for count in count_actors(mentions):
        own = own_quotes.get(count.name, [])
        holes = [quote_holes[k] for k in own]
        scores = []
        for i in sorted(by_actor[count.name]):
            s, e = spans[i]
            if any(h_start < e and h_end > s for h_start, h_end in holes):
                rest = _without(text, s, e, holes)
                if rest:
                    scores.append(sentiment.compound(rest))
            else:
                scores.append(sentence_scores[i])
        tone, tone_label = actor_tone(by_actor_tone.get(count.name, []))
        actor_rows.append(
            ActorRow(
                name=count.name,
                type=count.type,
                mentions=count.mentions,
                sentiment=sentiment.mean_or_none(scores),
                quoted_sentiment=sentiment.mean_or_none([quote_scores[k] for k in own]),
                quotes=len(own),
                tone=tone,
                tone_label=tone_label,
            )
        )

    lowers, lemmas = token_forms(doc)
    phrases = candidate_phrases(doc)
    themes = match_themes(lowers, lemmas, options.lexicon())
    return ArticleAnalysis(
        article=article,
        sentences=[SentenceRow(s, e, c) for (s, e), c in zip(spans, sentence_scores)],
        entities=[
            EntityRow(m.start, m.end, m.text, m.label, m.actor, m.actor_type, i)
            for m, i in zip(mentions, mention_sentences)
        ],
        actors=actor_rows,
        quotes=[
            QuoteRow(q.start, q.end, q.text, q.kind, q.speaker, q.speaker_type, q.cue, c, sentence_of(q.start))
            for q, c in zip(quotes, quote_scores)
        ],
        themes=[ThemeRow(t.name, t.score, t.hits) for t in themes],
        tones=[
            ToneRow(
                t.start,
                t.end,
                text[t.start : t.end],
                t.kind,
                t.actor,
                t.tone.tone,
                t.tone.label,
                sentence_of(t.start),
                ToneRow.format_words((w.word, w.relation, w.push) for w in t.tone.words),
                round(t.tone.base[2] - t.tone.base[0], 3),
            )
            for t in tones
        ],
        keyphrases=keyphrases(phrases),
        compound=sentiment.mean_or_none(sentence_scores) or 0.0,
        narrator=sentiment.mean_or_none(narrator_scores),
        quoted=sentiment.mean_or_none(quote_scores),
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
    _WORKER["nlp"] = load_pipeline(options.model)
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
    nlp = nlp or load_pipeline(options.model)
    for batch in batches:
        docs = parse(nlp, [a.text for a in batch], batch_size=batch_size)
        for article, doc in zip(batch, docs):
            yield analyze_doc(article, doc, options)
