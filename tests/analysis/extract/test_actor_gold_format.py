"""The actor gold files are well formed: every form a scorer compares is really in the text.

A form that is not in the body (a typo, a title form filed as a body form) could never be matched,
so it would count as a miss of the resolver that is the annotator's. No spaCy here: the files are
read, not scored.
"""

from __future__ import annotations

import re
import sys

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from gold_common import gold_articles, label, load_gold  # noqa: E402

FILES = ("actors.yaml", "actors_fresh.yaml", "actors_fresh2.yaml", "actors_fresh3.yaml")
KEYS = {"file", "newid", "context", "actors", "optional", "title_only", "not_actors", "notes", "split"}
TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP"}


def occurs(form: str, text: str) -> bool:
    """`form` as a whole word run of `text` (so "May" is not found in "Mayor")."""
    return re.search(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text) is not None


@pytest.mark.parametrize("name", FILES)
def test_every_form_occurs_where_the_gold_says(name):
    entries = load_gold(name)
    missing = []
    for entry, article in zip(entries, gold_articles(entries), strict=True):
        assert set(entry) <= KEYS, (label(entry), set(entry) - KEYS)
        listed = [a["name"] for a in entry["actors"]]
        assert len(listed) == len(set(listed)), (label(entry), "an actor listed twice")
        for actor in entry["actors"]:
            assert actor["type"] in TYPES, (label(entry), actor)
        for actor in entry.get("optional") or []:
            # FAC is never required, so it appears only among the optional entries.
            assert actor["type"] in TYPES | {"FAC"}, (label(entry), actor)
        for actor in entry["actors"] + (entry.get("optional") or []):
            missing += [(label(entry), f) for f in actor["forms"] if not occurs(str(f), article.text)]
            titles = actor.get("title_forms", [])
            missing += [(label(entry), "title", f) for f in titles if not occurs(str(f), article.title)]
    assert not missing, missing


# The draws of tests/gold/README.md, in draw order: BBC files by section, then Reuters NEWIDs.
DRAWS = {
    "actors_fresh2.yaml": (  # seed 20261201
        {
            "politics": "073 128 120 035",
            "business": "121 430 501 208",
            "tech": "024 150 094 323",
            "entertainment": "097 282 294 219",
        },
        "1977 11522 6450 12333 3334 16128 545 10418",
    ),
    "actors_fresh3.yaml": (  # seed 20261203
        {
            "politics": "023 090 159 139",
            "business": "033 429 476 484",
            "tech": "384 056 232 335",
            "entertainment": "257 126 092 280",
        },
        "4382 6245 10309 11539 16949 6992 10825 9276",
    ),
}


@pytest.mark.parametrize("name", DRAWS)
def test_a_blind_set_holds_exactly_its_draw(name):
    bbc, newids = DRAWS[name]
    expected = [f"bbc/{section}/{n}.txt" for section, ns in bbc.items() for n in ns.split()]
    expected += [f"reuters21578/reut2-{int(n) // 1000:03d}.sgm#{n}" for n in newids.split()]
    assert [label(e) for e in load_gold(name)] == expected
