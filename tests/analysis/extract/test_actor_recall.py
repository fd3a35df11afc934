"""Actor recall on Reuters-21578's hand tags (a smaller fixed sample than bench/actor_recall.py):
the actor layer must not lose the people bare spaCy finds, and must find the places stories name."""

from __future__ import annotations

import re
import sys

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import actor_recall  # noqa: E402

from analysis.extract.actors import ActorOptions, count_actors, resolve_mentions  # noqa: E402
from analysis.nlp import parse  # noqa: E402


def test_people_and_places_recall(nlp):
    table = ActorOptions().table()
    people = actor_recall.sample(120, 7, "people")
    places = actor_recall.sample(120, 7, "places")
    ours = bare = total = 0
    for article, doc in zip(people, parse(nlp, [a.text for a in people])):
        words = {
            w.lower().strip(".,")
            for a in count_actors(resolve_mentions(doc))
            if a.type == "PERSON"
            for w in re.split(r"[\s-]+", a.name)
        }
        bare_words = {t.lower_ for e in doc.ents if e.label_ == "PERSON" for t in e}
        for code in article.meta["people"]:
            total += 1
            ours += actor_recall.surname(code) in words
            bare += actor_recall.surname(code) in bare_words
    assert total > 100
    assert ours >= bare, f"actor layer lost people: {ours} vs bare spaCy {bare} of {total}"
    found = named = 0
    for article, doc in zip(places, parse(nlp, [a.text for a in places])):
        names = {a.name for a in count_actors(resolve_mentions(doc))}
        for code in article.meta["places"]:
            name = actor_recall.place_name(code)
            if actor_recall.named_in_text(name, article.text, table):
                named += 1
                found += name in names
    assert named > 50
    assert found / named >= 0.9, f"places named in the text found: {found}/{named}"
