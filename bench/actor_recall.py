"""Actor recall against the hand-assigned PEOPLE and PLACES tags of Reuters-21578.

For fixed random samples of stories that carry such tags: the share of tagged people whose
surname is among the extracted PERSON actors' words, and the share of tagged places whose
country name is among the extracted actors, for the actor layer and for bare spaCy entities
side by side (bare: PERSON entity words; GPE/LOC/NORP entity text as written). Reuters tags
places the story never names (most US company news is tagged "usa"), so recall is printed over
all tags and over the tags whose name (or an alias, metonym or demonym) the text contains.

    .venv/bin/python bench/actor_recall.py [--sample 300] [--seed 1987]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.extract.actors import ActorOptions, count_actors, resolve_mentions  # noqa: E402
from analysis.readers import Article, read_paths  # noqa: E402
from analysis.nlp import parse  # noqa: E402
from analysis.pipeline import load_pipeline  # noqa: E402

REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578"

# Reuters place codes whose country name is not the code title-cased.
PLACE_NAMES = {
    "usa": "United States",
    "uk": "United Kingdom",
    "ussr": "Soviet Union",
    "uae": "United Arab Emirates",
    "west-germany": "West Germany",
    "east-germany": "East Germany",
    "south-korea": "South Korea",
    "north-korea": "North Korea",
    "hong-kong": "Hong Kong",
    "new-zealand": "New Zealand",
    "saudi-arabia": "Saudi Arabia",
    "south-africa": "South Africa",
    "sri-lanka": "Sri Lanka",
    "el-salvador": "El Salvador",
    "ivory-coast": "Ivory Coast",
    "costa-rica": "Costa Rica",
    "dominican-republic": "Dominican Republic",
    "papua-new-guinea": "Papua New Guinea",
    "trinidad-tobago": "Trinidad and Tobago",
    "burkina-faso": "Burkina Faso",
    "puerto-rico": "Puerto Rico",
    "czechoslovakia": "Czechoslovakia",
    "netherlands-antilles": "Netherlands Antilles",
}


def place_name(code: str) -> str:
    return PLACE_NAMES.get(code, code.replace("-", " ").title())


def surname(code: str) -> str:
    return code.split("-")[-1].lower()


def sample(n: int, seed: int, tag: str) -> list[Article]:
    """n stories carrying at least one `tag` (people or places), drawn with a fixed seed."""
    stories = [
        a for a in read_paths(sorted(REUTERS.glob("*.sgm"))) if isinstance(a, Article) and a.meta.get(tag)
    ]
    random.Random(seed).shuffle(stories)
    return stories[:n]


def named_in_text(name: str, text: str, table) -> bool:
    """Whether the story names the place at all: as the name or an alias, or a metonym or
    demonym that is not part of a proper name ("American Express", "Lloyd's of London" and
    "Writers Guild of America" name no country)."""
    plain = text.replace(".", "")
    forms = [(name, False)] + [
        (form, section is not table.aliases)
        for section in (table.aliases, table.metonyms, table.demonyms)
        for form, (canonical, _) in section.items()
        if canonical == name
    ]
    for form, in_names in forms:
        for m in re.finditer(rf"\b{re.escape(form.replace('.', ''))}\b", plain, re.I):
            following = plain[m.end() :].lstrip()[:1]
            preceding = (plain[: m.start()].rstrip().split()[-1:] or [""])[0]
            # A demonym or a city inside a proper name: "American Express", "Lloyd's of London".
            if (
                in_names
                and (following.isupper() or preceding == "of")
                or preceding == "of"
                and form == "America"
            ):
                continue
            return True
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1987)
    args = parser.parse_args()
    nlp = load_pipeline()
    table = ActorOptions().table()
    started = time.perf_counter()
    rows = []
    for tag in ("people", "places"):
        stories = sample(args.sample, args.seed, tag)
        docs = parse(nlp, [a.text for a in stories])
        total = named = 0
        hits = {"bare": 0, "actors": 0, "bare_named": 0, "actors_named": 0}
        missed: dict[str, int] = {}
        for article, doc in zip(stories, docs):
            actors = count_actors(resolve_mentions(doc, ActorOptions()))
            for code in article.meta[tag]:
                total += 1
                if tag == "people":
                    want = surname(code)
                    got = want in {
                        w.lower().strip(".,")
                        for a in actors
                        if a.type == "PERSON"
                        for w in re.split(r"[\s-]+", a.name)
                    }
                    bare = want in {t.lower_ for e in doc.ents if e.label_ == "PERSON" for t in e}
                    is_named = want in article.text.lower()
                else:
                    want = place_name(code)
                    got = want in {a.name for a in actors}
                    bare = want in {e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "NORP")}
                    is_named = named_in_text(want, article.text, table)
                hits["actors"] += got
                hits["bare"] += bare
                if is_named:
                    named += 1
                    hits["actors_named"] += got
                    hits["bare_named"] += bare
                    if not got:
                        missed[want] = missed.get(want, 0) + 1
        rows.append((tag, len(stories), total, named, hits, missed))
    seconds = time.perf_counter() - started
    print(
        f"Reuters-21578, fixed samples (seed {args.seed}) of {args.sample} stories per tag, {seconds:.1f} s"
    )
    print("recall: all tags / tags whose name the story's text contains")
    print(f"{'tag':8} {'stories':>8} {'tags':>6} {'named':>6} {'bare spaCy':>18} {'actor layer':>18}")
    for tag, n, total, named, hits, missed in rows:
        bare = f"{hits['bare'] / total:.3f} / {hits['bare_named'] / max(1, named):.3f}"
        ours = f"{hits['actors'] / total:.3f} / {hits['actors_named'] / max(1, named):.3f}"
        print(f"{tag:8} {n:>8} {total:>6} {named:>6} {bare:>18} {ours:>18}")
        worst = sorted(missed.items(), key=lambda kv: -kv[1])[:8]
        print(f"   named but missed: {', '.join(f'{k} ({v})' for k, v in worst) or 'none'}")


if __name__ == "__main__":
    main()
