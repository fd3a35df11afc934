"""Key phrases: noun groups from part-of-speech tags, ranked within an article.

Groups come from the tagger, not the parse (which runs only where quotations need it); names of
people and dates break a group, since actors and dates have their own views.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, IS_STOP, LIKE_NUM, LOWER, ORTH, POS, SPACY, TAG
from spacy.parts_of_speech import IDS
from spacy.strings import hash_string
from spacy.tokens import Doc

from analysis.nlp import strings_of



_SKIP_WORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "some",
        "any",
        "other",
        "such",
        "both",
        "all",
        "each",
        "every",
        "many",
        "much",
        "more",
        "most",
        "several",
        "then",
        # What a figure leaves of its unit: "77m euros", "the 100m champion", "5 mln shares",
        # "a 20 pct stake" are tokens "77", "m", ...; the number goes, and its unit with it.
        "m",
        "bn",
        "%",
        "mln",
        "bln",
        "pct",
        "dlr",
        "million",
        "billion",
    }
)
# By hash: none of these words is a spaCy symbol, whose id would not be its hash.
_SKIP_HASHES = frozenset(hash_string(word) for word in _SKIP_WORDS)

# Words that say nothing of what an article is about when they stand alone: currency units,
# counts and the boilerplate of news copy. A phrase of only such words ranks at a tenth of its
# weight ("pounds", "people"), while a phrase they are part of ("council tax", "fuel prices") keeps
# its own.
GENERIC = frozenset(
    {
        "people", "pounds", "pound", "dollars", "dollar", "euros", "euro", "yen", "cents", "pence",
        "mln", "dlrs", "cts", "pct", "stg", "billion", "million", "bn", "per cent", "percent",
        "year", "years", "time", "times", "way", "ways", "thing", "things", "lot", "part", "number",
        "club", "clubs", "week", "weeks", "month", "months", "day", "days", "end", "place", "world",
        "country", "man", "men", "woman", "women", "group", "official", "officials", "company",
        "firm", "report", "news", "statement", "spokesman", "spokeswoman", "reuter", "reuters",
        "issue", "issues", "case", "point", "side", "deal", "move", "plan", "plans", "rise", "share",
        "note",
    }
)
GENERIC_WEIGHT = 0.1
# The labels of Reuters' results and dividend tables ("Shr loss", "Oper net profit", "Qtly div",
# "Avg shrs"), in thousands of its stories: the form of the copy, not what it reports. A phrase
# with one of them ranks as a generic one.
TABLE_LABELS = frozenset({"shr", "shrs", "oper", "qtr", "qtly", "div", "revs", "avg", "mths"})

# Words of the media: a name with nothing but these beside it names an outlet that carried or
# said something ("told the BBC News website", "the Reuters news agency", "the BBC World Service
# programme Go Digital"), not what the article is about; the outlet itself is an actor. (Not
# "network", "site", "service", "show": a "BitTorrent network" or a memorial service is a topic.)
MEDIA_WORDS = frozenset(
    {
        "website", "programme", "news", "agency", "newspaper", "paper", "magazine", "channel",
        "radio", "tv", "television", "correspondent", "reporter", "editor", "broadcaster",
        "bulletin", "blog", "column", "columnist", "commentator", "presenter",
    }
)


# Noun groups come from the part-of-speech tags, not the dependency parse: the parse is only run
# on sentences that quotations need. A group is a run of these, ending at its last noun.
_DET, _NUM, _ADJ, _NOUN, _PROPN = IDS["DET"], IDS["NUM"], IDS["ADJ"], IDS["NOUN"], IDS["PROPN"]
_SKIP_POS = frozenset(IDS[p] for p in ("DET", "PRON", "NUM"))
_HONORIFIC_HASHES = [hash_string(word) for word in ("mr", "mrs", "ms", "dr")]
_INSIDE_ENTITY = 1  # ENT_IOB's "I": the token continues the entity before it


def _noun_groups(pos, tag, space, entity, strings) -> list[tuple[int, int]]:
    """Runs of determiners, numbers, adjectives and nouns, with possessive 's and word-internal
    hyphens ("Britain's long-term plan"), cut after their last noun; a determiner or number
    after a noun starts a new group. Names of people and dates break a group ("Tory leader |
    Michael Howard", "chief | last month"): people are actors, shown elsewhere, and key phrases
    say what is talked about. Token ranges, from the arrays of POS, TAG, SPACY and ENT_TYPE,
    computed on the whole arrays at once."""
    n = len(pos)
    if not n:
        return []
    # Ids through the vocabulary: "POS" and "PERSON" are also spaCy symbols, whose id is not
    # their hash.
    possessive, hyphen = strings.add("POS"), strings.add("HYPH")
    person, date, time = (strings.add(label) for label in ("PERSON", "DATE", "TIME"))
    breaking = (entity == person) | (entity == date) | (entity == time)
    member = ~breaking & (
        (pos == _DET) | (pos == _NUM) | (pos == _ADJ) | (pos == _NOUN) | (pos == _PROPN)
    )
    head = (pos == _NOUN) | (pos == _PROPN)
    space = space.astype(bool)
    previous_space = numpy.concatenate(([True], space[:-1]))
    previous_head = numpy.concatenate(([False], head[:-1]))
    joins = ~breaking & ((tag == possessive) | ((tag == hyphen) & ~previous_space & ~space))
    # What keeps an open group going at a token; any other token ends it.
    continues = joins | (member & ~(((pos == _DET) | (pos == _NUM)) & previous_head))
    # A member is always in a group; another word only when it joins (the possessive, the
    # hyphen) and the last word before it that does not join is a member.
    chained = ~member & joins
    index = numpy.arange(n)
    anchor = numpy.maximum.accumulate(numpy.where(chained, -1, index))
    in_group = member | (chained & (anchor >= 0) & member[numpy.maximum(anchor, 0)])
    starts = member & ~(numpy.concatenate(([False], in_group[:-1])) & continues)
    group = numpy.cumsum(starts) - 1
    heads = numpy.flatnonzero(in_group & head)
    last_head = numpy.full(int(starts.sum()), -1)
    numpy.maximum.at(last_head, group[heads], heads)
    return [
        (start, end + 1)
        for start, end in zip(numpy.flatnonzero(starts).tolist(), last_head.tolist())
        if end >= 0
    ]


def candidate_phrases(doc: Doc) -> list[str]:
    """Noun-group phrases of an article, normalised (no determiners, pronouns or numbers).
    Read from the integer arrays: a Token object per word cost more than the rest together."""
    strings = doc.vocab.strings
    pos, tag, space, entity, iob, lower, orth, like_num, stop = doc.to_array(
        [POS, TAG, SPACY, ENT_TYPE, ENT_IOB, LOWER, ORTH, LIKE_NUM, IS_STOP]
    ).T
    groups = _noun_groups(pos, tag, space, entity, strings)
    if not groups:
        return []
    # Names keep their capitals ("Japanese Finance Minister"), other words go lower case.
    form = numpy.where((pos == _PROPN) | (entity != 0), orth, lower).tolist()
    name = (pos == _PROPN) | numpy.isin(lower, _HONORIFIC_HASHES)
    # The hyphen of "Mr Kilroy-Silk" belongs to the name it joins, and so does a possessive
    # inside an entity the model found: "Moody's Investors Service Inc" (a key phrase of 136
    # Reuters stories) is an organisation, left to actors, while "Prime Minister's Questions",
    # no entity, stays the phrase that "prime minister's questions" is.
    inside = numpy.concatenate(([False], name[:-1])) & numpy.concatenate((name[1:], [False]))
    joining = (tag == strings.add("HYPH")) | ((tag == strings.add("POS")) & (iob == _INSIDE_ENTITY))
    name = (name | (joining & inside)).tolist()
    # Running count of words that are not stop words, for "are all of these stop words".
    content = numpy.concatenate(([0], numpy.cumsum(stop == 0))).tolist()
    lower, pos, tag, like_num, space = lower.tolist(), pos.tolist(), tag.tolist(), like_num.tolist(), space.tolist()
    leading_tags = {strings.add("POS"), strings.add("HYPH")}
    media = {strings.add(word) for word in MEDIA_WORDS}
    number = strings.add("number")
    out: list[str] = []
    for start, end in groups:
        while start < end and (
            lower[start] in _SKIP_HASHES or pos[start] in _SKIP_POS or like_num[start] or tag[start] in leading_tags
        ):
            start += 1
        # A rank is the figure after "number": a group ends at its last noun, which left "former
        # world number" of "former world number one".
        if start < end < len(lower) and lower[end - 1] == number and like_num[end]:
            end += 1
        # A role before a name ("Worldcom boss Bernie Ebbers", "security firm F-Secure", "pop
        # group Busted") says what is talked about; the name is an actor, shown elsewhere.
        named = end
        while named > start and name[named - 1]:
            named -= 1
        if start < named < end and pos[named - 1] == _NOUN:
            end = named
        # Names alone ("Mr Blair", "United States") are actors, shown elsewhere; key phrases say
        # what is talked about.
        if start >= end or content[end] == content[start] or all(name[start:end]):
            continue
        # An outlet: a name with only words of the media beside it ("BBC News website").
        if any(name[start:end]) and all(name[i] or lower[i] in media for i in range(start, end)):
            continue
        words = strings_of(doc, form[start:end])
        phrase = "".join(word + " " if space[i] else word for i, word in enumerate(words, start))
        phrase = " ".join(phrase.split())
        if len(phrase) >= 3 and any(c.isalpha() for c in phrase):
            out.append(phrase)
    return out


def keyphrases(
    candidates: list[str],
    *,
    limit: int = 10,
    document_frequency: dict[str, int] | None = None,
    documents: int = 0,
) -> list[str]:
    """Rank an article's phrases: frequency, longer phrases first among equals, and, given
    corpus document frequencies, TF-IDF so phrases common to every article sink."""
    counts = Counter(candidates)
    first = {p: i for i, p in reversed(list(enumerate(candidates)))}

    def weight(phrase: str) -> float:
        tf = counts[phrase] * (1 + 0.5 * (phrase.count(" ")))
        words = phrase.lower().split()
        if all(word in GENERIC for word in words) or any(word in TABLE_LABELS for word in words):
            tf *= GENERIC_WEIGHT
        if document_frequency and documents:
            tf *= math.log((1 + documents) / (1 + document_frequency.get(phrase, 0))) + 1
        return tf

    ranked = sorted(counts, key=lambda p: (-weight(p), first[p]))
    return ranked[:limit]
