"""Entities resolved to canonical actors.

An analyst filters by actor, so an actor must be one thing however an article names it:
"the United States", "US" and "Washington" are all "United States"; "General Liu" and "Liu" are
the "Liu Zhenli" named earlier; "Nancy Pelosi's" is "Nancy Pelosi"; a "General Brown" that the
model tagged ORG is the PERSON "Charles Q. Brown". Rules, in order of application:

1. strip determiners, possessives and titles from the mention (the title is kept as an attribute);
2. acronyms the article defines ("Central Military Commission (CMC)") resolve to the full name;
3. the alias table (analysis/data/aliases.yaml, merged with a user file) maps common forms;
4. metonyms (Beijing -> China) and demonyms (Chinese -> China), each behind a switch;
5. a short person mention links to the full name the article gives for it.

Before these, entity spans are repaired by what the article itself says (a fragment of a name it
spells out elsewhere, two firms joined by "and", an acronym whose letters one named
organisation gives, party names the model left untagged, one-word entities split out of one
name), person spans are cut to the name (no role, honour or demonym), and names that are no
actor are set aside (works, events, laws, slogans, table labels, currencies, titles alone).
People the model left untagged are found after an honorific ("Ms Ensler") or a title, and
before a description ("Hugo Lueders, European director"). `corpus_full_names` resolves a
surname alone across a whole store after an ingest ("Mr Blair" -> Tony Blair).
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span

from analysis.errors import ConfigError
from analysis.extract.keyphrases import TABLE_LABELS
from analysis.nlp import doc_text

DEFAULT_ALIASES = Path(__file__).parent.parent / "data" / "aliases.yaml"

# Entity labels that name someone or something that acts or is acted upon.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
# Other labels kept as entities (highlighted, searchable) but not made actors.
ENTITY_LABELS = ACTOR_LABELS | {"EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}

# Titles that only ever stand before a person's name.
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "mx", "madam", "baroness", "baron"}
)
# Honorifics that stand before a surname; "Sir", "Lord" and "Dame" stand before a first name.
SURNAME_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "mx"})
# Titles that may also begin the name of an organisation ("General Motors", "President Hotel"):
# stripped from a non-PERSON entity only when what remains is a person the article names.
TITLES = tuple(
    sorted(
        {
            "general",
            "gen",
            "president",
            "vice president",
            "prime minister",
            "deputy prime minister",
            "pm",
            "professor",
            "prof",
            "chancellor",
            "foreign secretary",
            "home secretary",
            "defence secretary",
            "defense secretary",
            "health secretary",
            "culture secretary",
            "education secretary",
            "trade secretary",
            "transport secretary",
            "work and pensions secretary",
            "environment secretary",
            "shadow chancellor",
            "shadow home secretary",
            "shadow foreign secretary",
            "secretary of state",
            "secretary",
            "minister",
            "senator",
            "sen",
            "rep",
            "representative",
            "congressman",
            "congresswoman",
            "governor",
            "gov",
            "mayor",
            "judge",
            "justice",
            "chief justice",
            "chairman",
            "chairwoman",
            "chief",
            "admiral",
            "adm",
            "colonel",
            "col",
            "lieutenant",
            "lt",
            "major",
            "captain",
            "capt",
            "sergeant",
            "sgt",
            "commander",
            "marshal",
            "field marshal",
            "king",
            "queen",
            "prince",
            "princess",
            "pope",
            "rev",
            "reverend",
            "father",
            "bishop",
            "archbishop",
            "cardinal",
            "ambassador",
            "commissioner",
            "treasurer",
            "speaker",
            "premier",
            "inspector",
            "detective",
            "chief executive",
            "coach",
            "manager",
            "striker",
            "defender",
            "midfielder",
            "goalkeeper",
            "then-president",
            "former president",
            "ex-president",
            "leader",
            "spokesman",
            "spokeswoman",
            "director",
            "officer",
            "agent",
            "emperor",
            "crown prince",
            "sheikh",
            # Clerics' ranks and styles ("Hojatoleslam Ali Akbar Hashemi Rafsanjani").
            "ayatollah",
            "grand ayatollah",
            "hojatoleslam",
            "hojjatoleslam",
            "imam",
            "mullah",
            "rabbi",
            "president-elect",
            "senior",
            "chief of staff",
            "councillor",
            "constable",
            "chief constable",
            # Church styles before a name: "the Rt Rev Dr Tom Wright".
            "rt rev",
            "rt hon",
            "right reverend",
            "most reverend",
        }
        | HONORIFICS,
        key=lambda t: -len(t.split()),
    )
)

# Titles written short, which only ever stand before a person's name.
ABBREVIATED_TITLES = frozenset({"gen", "sen", "rep", "gov", "col", "lt", "capt", "sgt", "adm", "prof", "rev"})

# Legal forms dropped from organisation names: "Alza Corp" and "Alza" are one company.
LEGAL_SUFFIXES = frozenset(
    {
        "inc",
        "corp",
        "corporation",
        "co",
        "ltd",
        "limited",
        "plc",
        "llc",
        "ag",
        "sa",
        "nv",
        "gmbh",
        "bv",
        "spa",
        "lp",
        "llp",
        "cos",
    }
)
# Imperatives that open a slogan naming a person ("Vote Blair", "Free Nelson Mandela"); none is
# a first name.
SLOGAN_VERBS = frozenset(
    {"vote", "elect", "re-elect", "get", "back", "sack", "dump", "ditch", "stop", "free", "save", "impeach", "oust"}
)
# Nouns that present the name beside them as a work: "the comedy Coupling", "the film Ray",
# "the Focus on Africa programme".
WORK_NOUNS = frozenset(
    {
        "film", "movie", "comedy", "drama", "serial", "series", "sitcom", "soap", "show", "programme",
        "program", "documentary", "album", "single", "song", "novel", "book", "musical", "opera",
        "thriller", "biopic", "cartoon", "animation", "blockbuster", "play", "trilogy", "sequel", "remake",
    }
)
# Nouns that present a name as a product, a technology or an index: "the Cell processor", "the
# Skulls program", "its Windows Media Center software", "the Smart brand", "France's Cac index",
# "a technology called XDR", "programs such as Ad-Aware and Spybot". Singular after a name: a
# plural names what a maker makes ("Nokia smartphones", "Intel chips").
PRODUCT_NOUNS = frozenset(
    {
        "processor", "microprocessor", "chip", "chipset", "program", "software", "application",
        "browser", "console", "handset", "drug", "vaccine", "brand", "aircraft", "jet", "helicopter",
        "missile", "upgrade", "format", "technology", "virus", "worm", "malware", "spyware", "codec",
        "gadget", "device", "index",
    }
)
# The singular nouns of a work or a product, looked up at every name in a list (`_in_list_of_works`).
_KIND_NOUNS = WORK_NOUNS | PRODUCT_NOUNS
# Words before such a name that make the noun after it the name's own: "the", "its", "Microsoft's"
# (not "a": "aboard a U.S. Air Force jet" names its owner).
_PRODUCT_OPENERS = frozenset({"the", "its", "their", "this", "that", "'s", "’s"})
# Words that give the name of a thing of the kind just named: "a technology called XDR".
_NAMING_WORDS = frozenset({"called", "named", "nicknamed", "dubbed", "codenamed"})
# Nouns after a name that make it a film or show: "Aviator actor", "the Ray soundtrack".
# ("star" is not among them: "former Westlife star Brian McFadden" is a band's.)
WORK_PARTS = frozenset({"actress", "actor", "premiere", "sequel", "soundtrack", "screenplay"})
# Two words before a name that present it as a work: "star of Bride and Prejudice", "starred
# in Ray", "his role in Closer" (not "starring": actors follow it; not "appeared in", "stars in":
# places follow them as often, "appeared in Hollywood").
WORK_PHRASES = frozenset(
    {
        ("star", "of"), ("starred", "in"), ("role", "in"), ("roles", "in"), ("cast", "of"),
        ("sequel", "to"), ("remake", "of"),
        ("episode", "of"), ("episodes", "of"), ("screening", "of"), ("premiere", "of"),
    }
)
# Last words of a law's name: "the Serious Organised Crime and Police Bill".
LAW_WORDS = frozenset({"Bill", "Act", "Bills", "Acts"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
POSSESSIVE_TAILS = frozenset({"'s", "’s", "'", "’"})
# Metonyms that are buildings of government, not cities: they speak whatever the model tags them.
# Any other metonym (a capital) tagged an organisation is still read for governing use ("the Paris,
# Amsterdam, Brussels and Lisbon bourses" are exchanges in those cities).
SEATS_OF_GOVERNMENT = frozenset({"kremlin", "downing street", "whitehall", "zhongnanhai", "elysee", "élysée", "holy see"})
# Words that make "Washington" (and other metonyms) literal when they follow it.
METONYM_BLOCKERS = frozenset(
    {
        "state",
        "post",
        "times",
        "redskins",
        "wizards",
        "capitals",
        "nationals",
        "university",
        "county",
        "street",
        "zoo",
        "airport",
        "journal",
        "stock",
        "fashion",
        "marathon",
        "city",
        "underground",
    }
)


@lru_cache(maxsize=1 << 16)
def normal_form(name: str) -> str:
    """The key under which a name is looked up: lower case, no full stops, no leading 'the'."""
    key = re.sub(r"\s+", " ", name.replace(".", "").replace("’", "'")).strip().lower()
    return key[4:] if key.startswith("the ") else key


@dataclass(frozen=True)
class AliasTable:
    """Canonical names for alias, metonym and demonym forms, keyed by `normal_form`."""

    aliases: dict[str, tuple[str, str]]
    metonyms: dict[str, tuple[str, str]]
    demonyms: dict[str, tuple[str, str]]
    fingerprint: str
    # Country names the table knows (targets of metonyms and demonyms), by normal form.
    countries: dict[str, tuple[str, str]]
    # Names that are never actors whatever the model tags them ("Budget": an event), by normal form.
    not_actors: frozenset[str] = frozenset()
    # Party -> the country whose politics it belongs to: "Democrats" is the US Democratic Party
    # only in an article set in the United States.
    party_countries: dict[str, str] = field(default_factory=dict)
    # A capital two states have held -> both, the default first: "Moscow" is Russia, but the
    # Soviet Union in a story that names the Soviet Union and never Russia.
    metonym_states: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)

    @classmethod
    def load(cls, user_file: str | Path | None = None) -> AliasTable:
        """The shipped table, with a user's alias file merged over it.

        Raises:
            ConfigError: the user file is not a valid alias file; the message names it.
        """
        return _load_table(str(user_file) if user_file else None)


def _read_alias_yaml(path: str) -> dict:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not a readable alias file ({exc})") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: an alias file is a mapping with aliases/metonyms/demonyms")
    return data


@lru_cache(maxsize=8)
def _load_table(user_file: str | None) -> AliasTable:
    layers = [_read_alias_yaml(str(DEFAULT_ALIASES))]
    if user_file:
        layers.append(_read_alias_yaml(user_file))
    aliases: dict[str, tuple[str, str]] = {}
    metonyms: dict[str, tuple[str, str]] = {}
    demonyms: dict[str, tuple[str, str]] = {}
    types: dict[str, str] = {}
    party_countries: dict[str, str] = {}
    metonym_states: dict[str, tuple[tuple[str, str], ...]] = {}
    not_actors: set[str] = set()
    for layer in layers:
        not_actors.update(normal_form(str(n)) for n in layer.get("not_actors") or [])
        for name, spec in (layer.get("aliases") or {}).items():
            spec = spec or {}
            if not isinstance(spec, dict):
                raise ConfigError(f"alias entry {name!r} must be a mapping with type and forms")
            kind = str(spec.get("type", "ORG")).upper()
            types[name] = kind
            if spec.get("country"):
                party_countries[name] = str(spec["country"])
            for form in [name, *(spec.get("forms") or [])]:
                aliases[normal_form(str(form))] = (name, kind)
        layer_metonyms: dict[str, list[tuple[str, str]]] = {}
        for target, section in (("metonyms", metonyms), ("demonyms", demonyms)):
            for name, forms in (layer.get(target) or {}).items():
                kind = types.get(name, "GPE")
                for form in forms or []:
                    key = normal_form(str(form))
                    if target == "metonyms":
                        # A form a layer gives two states stands for the first by default.
                        layer_metonyms.setdefault(key, []).append((name, kind))
                        section[key] = layer_metonyms[key][0]
                    else:
                        section[key] = (name, kind)
        for key, states in layer_metonyms.items():
            if len(states) > 1:
                metonym_states[key] = tuple(states)
            else:
                metonym_states.pop(key, None)  # a user's file naming a form decides it
    countries = {
        normal_form(name): (name, kind)
        for section in (metonyms, demonyms)
        for name, kind in section.values()
        if kind == "GPE"
    }
    for layer in layers:
        for name in layer.get("countries") or []:
            countries.setdefault(normal_form(str(name)), (str(name), "GPE"))
    for key, (name, kind) in list(countries.items()):
        if key.endswith("a"):
            # The regular demonym of a country in -a: Uganda -> Ugandan, Algeria -> Algerian.
            demonyms.setdefault(key + "n", (name, kind))
            demonyms.setdefault(key + "ns", (name, kind))
    fingerprint = hashlib.sha1(
        json.dumps(
            [aliases, metonyms, demonyms, countries, sorted(not_actors), party_countries, metonym_states],
            sort_keys=True,
        ).encode()
    ).hexdigest()[:12]
    return AliasTable(
        aliases, metonyms, demonyms, fingerprint, countries, frozenset(not_actors), party_countries, metonym_states
    )


@dataclass(frozen=True)
class ActorOptions:
    """Switches that change how mentions resolve to actors."""

    metonyms: bool = True
    demonyms: bool = True
    alias_file: str | None = None

    def table(self) -> AliasTable:
        return AliasTable.load(self.alias_file)

    @property
    def fingerprint(self) -> str:
        return f"{self.table().fingerprint}-m{int(self.metonyms)}d{int(self.demonyms)}"


@dataclass
class Mention:
    """One entity mention in an article, with the actor it resolves to."""

    start: int
    end: int
    text: str
    label: str
    actor: str | None = None
    actor_type: str | None = None
    title: str | None = None


@dataclass
class _Draft:
    span: Span
    tokens: list = field(default_factory=list)
    label: str = ""
    title: str | None = None


def _strip(span: Span, known=None) -> _Draft:
    """Remove determiners, a trailing possessive and a leading title from an entity span."""
    tokens = list(span)
    # "Lane\n - Best musical": a name ends at a line break (a heading, a table's next row).
    for k, t in enumerate(tokens[:-1]):
        if "\n" in t.whitespace_ or "\n" in tokens[k + 1].text:
            tokens = tokens[: k + 1]
            break
    # "non-OPEC Mexico": a stance before a name is no part of it (but "Non-European Union" is
    # one stance).
    if len(tokens) > 3 and _stance(tokens) and known is not None and known(tokens[3:]):
        tokens = tokens[3:]
    # A quotation mark, a determiner or a word the model took into the name: '" Mr Bussereau',
    # "bank UFJ Holdings", "rang Lucy"; not a particle that begins one ("de Villepin", "al-Qaeda").
    while tokens and (
        tokens[0].lower_ in DETERMINERS
        or tokens[0].is_punct
        or tokens[0].is_quote
        or (
            len(tokens) > 1
            and tokens[0].is_lower
            and tokens[0].is_alpha
            and tokens[0].pos_ != "PROPN"
            and tokens[0].lower_ not in _LEADING_SMALL
            and tokens[1].text[:1].isupper()
            and tokens[1].lower_ not in ORG_WORDS  # "dixons Group PLC": a name written small
        )
    ):
        tokens = tokens[1:]
    # "<Hallmark Cards Inc>": Reuters' brackets around a company's name are no part of it.
    while tokens and (tokens[-1].text in POSSESSIVE_TAILS or tokens[-1].is_punct or tokens[-1].text == ">"):
        tokens = tokens[:-1]
    # "Ex-Home Secretary David Blunkett", "the ex-BBC presenter": the prefix is no part of the
    # name, and the rest is read as it would be alone ("Home" opening a title).
    # Only where the rest is a name or word known without the prefix: not "Ex-Im Bank".
    while (
        known is not None
        and len(tokens) > 2
        and tokens[0].lower_ in ("ex", "then")
        and tokens[1].text == "-"
        and not tokens[0].whitespace_
        and known(tokens[2:])
    ):
        tokens = tokens[2:]
        span = Span(span.doc, tokens[0].i, tokens[-1].i + 1, label=span.label_)
    if tokens and _name_exclamation(tokens[-1]):
        tokens = [*tokens, span.doc[tokens[-1].i + 1]]
    if span.label_ in ("ORG", "GPE", "LOC", "FAC", "NORP"):
        # "the Associated Press news agency": the description after the name is no part of it,
        # nor a role or honour ("Mid-Bedfordshire MP", "Guy Mansfield QC"), nor a figure after
        # it ("Senegal 1.8", "San Luis 90 mm").
        while len(tokens) > 1 and (
            (tokens[-1].is_lower and tokens[-1].is_alpha)
            or tokens[-1].lower_.rstrip(".") in ROLE_WORDS | HONOURS
            # "Sound of 2004": a figure after a small word is part of the name.
            or (_FIGURE.fullmatch(tokens[-1].text) and not tokens[-2].is_lower)
        ):
            tokens = tokens[:-1]
    elif span.label_ == "PERSON":
        # "Varig 2bn": no one's name ends in a figure.
        while len(tokens) > 1 and _FIGURE.fullmatch(tokens[-1].text):
            tokens = tokens[:-1]
    if span.label_ in ACTOR_LABELS:
        # "Analysing Mr Brown", "Commons after Mr Brown": the name starts after an inner honorific.
        inner = [i for i, t in enumerate(tokens[1:-1], 1) if t.lower_.rstrip(".") in HONORIFICS]
        if inner:
            tokens = tokens[inner[-1] :]
        # "former Tory Treasurer Lord Ashcroft" tagged "Treasurer Lord": an honorific ends no
        # name, it opens the next one.
        doc = span.doc
        while (
            len(tokens) > 1
            and tokens[-1].lower_.rstrip(".") in HONORIFICS
            and tokens[-1].i + 1 < len(doc)
            and doc[tokens[-1].i + 1].text[:1].isupper()
        ):
            tokens = tokens[:-1]
        # "The Conservative Party Co-Chairman said": a party and the title of one of its people.
        if known is not None and len(tokens) > 1 and tokens[-1].lower_ in _TITLE_LAST_WORDS and tokens[-1].text[:1].isupper():
            cut = len(tokens) - 1
            while cut > 1 and (tokens[cut - 1].text in _DASHES or tokens[cut - 1].lower_ in ("co", "vice", "deputy")):
                cut -= 1
            if cut >= 2 and known(tokens[:cut]):  # not "Scottish Executive"
                tokens = tokens[:cut]
    draft = _Draft(span=span, tokens=tokens, label=span.label_)
    title, rest = _leading_title(tokens)
    if title and rest:
        draft.title = title
        # A non-PERSON entity keeps its title until the resolver finds a person behind it.
        if span.label_ == "PERSON":
            draft.tokens = rest
    if not draft.title:
        draft.title = _title_before(span)
    return draft


# Titles by their first word, each list in TITLES order (longest first), for one lookup a name.
_TITLES_BY_FIRST: dict[str, list[list[str]]] = {}
for _title in TITLES:
    _TITLES_BY_FIRST.setdefault(_title.split()[0], []).append(_title.split())


_TITLE_SET = frozenset(TITLES)
SOLE_TITLES = frozenset({"queen", "king", "pope", "prince", "princess", "crown prince", "emperor"})
# The last word of every title, for ruling most names out with one lookup.
_TITLE_LAST_WORDS = frozenset(title.split()[-1] for title in TITLES)


def _leading_title(tokens: list) -> tuple[str | None, list]:
    if not tokens or tokens[0].lower_.rstrip(".") not in _TITLES_BY_FIRST:
        return None, tokens
    words = [t.lower_.rstrip(".") for t in tokens]
    for parts in _TITLES_BY_FIRST[words[0]]:
        if len(words) > len(parts) and words[: len(parts)] == parts:
            return " ".join(t.text for t in tokens[: len(parts)]), tokens[len(parts) :]
    return None, tokens


def _title_before(span: Span) -> str | None:
    """A title standing just before the entity: "General" in "General Liu"."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_.rstrip(".") not in _TITLE_LAST_WORDS:
        return None
    before = [t.lower_.rstrip(".") for t in doc[max(0, span.start - 3) : span.start]]
    for width in (3, 2, 1):
        start = span.start - width
        if width > len(before):
            continue
        if " ".join(before[-width:]) in TITLES and doc[start].text[:1].isupper():
            return _text_of(doc[start : span.start])
    return None


def _name_exclamation(last) -> bool:
    """An exclamation mark glued to a name's last word belongs to the name when the sentence goes
    on after it in small letters or past a comma or dash ("Kerrang! magazine", "his days in Wham!
    through", "OutRage! said", "Salaam Bombay! - nominated"): a sentence that ended there would
    go on with a capital."""
    doc = last.doc
    if not _glued_exclamation(last) or last.i + 2 >= len(doc) or "\n" in doc[last.i + 1].whitespace_:
        return False
    after = doc[last.i + 2].text
    return after[:1].islower() or after in (",", *_DASHES)


def _glued_exclamation(last) -> bool:
    return not last.whitespace_ and last.i + 1 < len(last.doc) and last.doc[last.i + 1].text == "!"


def _exclaimed_names(drafts: list[_Draft]) -> None:
    """A name the article once writes with its exclamation mark ("Wham! partner") keeps it where
    a sentence ends on it ("his days in Wham!."), so that both are one name."""
    exclaimed = {_text_of(d.tokens[:-1]) for d in drafts if len(d.tokens) > 1 and d.tokens[-1].text == "!"}
    if not exclaimed:
        return
    for d in drafts:
        if d.tokens and _glued_exclamation(d.tokens[-1]) and _text_of(d.tokens) in exclaimed:
            d.tokens = [*d.tokens, d.span.doc[d.tokens[-1].i + 1]]


def _text_of(tokens) -> str:
    if not len(tokens):
        return ""
    # A slice of the article text, not doc.text (which joins the whole document on every call)
    # nor Span.text (which joins the span's tokens).
    first, last = tokens[0], tokens[-1]
    return doc_text(first.doc)[first.idx : last.idx + len(last)]


def defined_acronyms(text: str, table: AliasTable) -> dict[str, str]:
    """Acronyms the article defines: "the Central Military Commission (CMC)" -> CMC."""
    found: dict[str, str] = {}
    for match in re.finditer(r"\(([A-Z][A-Za-z]{1,7})\)", text):
        acronym = match.group(1)
        letters = [c for c in acronym if c.isupper()]
        if len(acronym) >= 3 and acronym[1:].islower():
            # "the Scottish Environment Protection Agency (Sepa)", "(Wada)": the BBC writes an
            # acronym said as a word with one capital; every letter is still an initial ("(Canada)"
            # spells no run of names).
            letters = list(acronym.upper())
        elif len(letters) < 2 or len(letters) * 2 < len(acronym):
            continue  # "(CanWest)" is a name in brackets, not an acronym
        before = text[max(0, match.start() - 200) : match.start()].split()
        words: list[str] = []
        needed = len(letters)
        while before and needed:
            word = before.pop()
            words.insert(0, word)
            if word[:1].isupper():
                needed -= 1
            elif word.lower() not in ("of", "and", "for", "the", "&", "de", "on", "in", "du"):
                break
        capitals = [w[0] for w in words if w[:1].isupper()]
        if needed == 0 and capitals == letters:
            # "the Chicago Board of Trade's (CBT) proposals": the owner's name, without its 's.
            phrase = re.sub(r"['’]s$", "", " ".join(words).strip(",;:"))
            # "Oil & Natural Gas Corp (ONGC)": the letters may spell the legal form, the name is
            # the organisation's without it, as everywhere else.
            named = phrase.split()
            while len(named) > 1 and named[-1].lower().rstrip(".,") in LEGAL_SUFFIXES:
                named.pop()
                if len(named) > 1 and named[-1].lower() in ("and", "&"):
                    named.pop()
            canonical = table.aliases.get(normal_form(phrase), (" ".join(named), "ORG"))[0]
            found[normal_form(acronym)] = canonical
    return found


_SMALL_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "to", "a"})


def noun_acronyms(text: str) -> set[str]:
    """Acronyms the article defines by words it writes small: "the drug could cause progressive
    multifocal leukoencephalopathy (PML)", "digital rights management (DRM)", "gross domestic
    product (GDP)". Such an acronym stands for a thing, not an organisation; by normal form."""
    found = set()
    for match in re.finditer(r"\(([A-Z]{2,6})s?\)", text):
        acronym = match.group(1)
        before = text[max(0, match.start() - 200) : match.start()].split()
        words = [w for w in before if w.lower() not in _SMALL_WORDS]
        words = words[-len(acronym) :]
        if (
            len(words) == len(acronym)
            and all(w[:1].islower() for w in words)
            and "".join(w[0] for w in words) == acronym.lower()
        ):
            found.add(normal_form(acronym))
    return found


def initials_acronyms(drafts: list, table: AliasTable) -> dict[str, str]:
    """Acronyms of organisations the article names in full without defining them: "the British
    Retail Consortium ... The BRC said", "Trans World Airlines Inc ... TWA", "Marks & Spencer ...
    M&S". An acronym goes to the one organisation whose capitalised words (legal form dropped)
    give its letters."""
    by_letters: dict[str, set[str]] = {}
    for d in drafts:
        if d.label != "ORG" or len(d.tokens) < 2:
            continue
        name = _org_name(d.tokens)
        words = [w for w in re.split(r"[\s-]+", name) if w]
        # An acronym inside the name gives all its letters: "UK Independence Party" is UKIP.
        capitals = [w if w.isupper() and w.isalpha() else w[0] for w in words if w[:1].isupper()]
        if len(capitals) >= 2 and all(w[:1].isupper() or w.lower() in _CONNECTORS | {"the"} for w in words):
            canonical = table.aliases.get(normal_form(name), (name, "ORG"))[0]
            by_letters.setdefault("".join(capitals).lower(), set()).add(canonical)
    # The alias table's actors the article names otherwise than by an acronym.
    named = {
        table.aliases[key][0]
        for d in drafts
        if not (len(d.tokens) == 1 and d.tokens[0].text.isupper())
        and (key := normal_form(_text_of(d.tokens))) in table.aliases
    }
    found = {}
    for d in drafts:
        word = d.tokens[0].text if len(d.tokens) == 1 else ""
        key = normal_form(word)
        # "DrKW" for "Dresdner Kleinwort Wasserstein": a short word's capitals spell the initials.
        capitals = "".join(c for c in word if c.isupper())
        letters = capitals.lower() if word[:1].isupper() and len(capitals) >= 2 else ""
        if 2 <= len(word) <= 6 and letters and (
            key not in table.aliases
            # An acronym with two expansions takes the one the article writes out: "EC" is the
            # table's European Commission, but the European Community in a 1987 story that
            # names "the European Community" and never the Commission.
            or table.aliases[key][0] not in named
        ):
            # "M&S" for "Marks & Spencer", "P&O" for "Peninsular and Oriental": the letters only.
            names = by_letters.get(letters, set())
            if len(names) == 1 and (key not in table.aliases or _table_actor(next(iter(names)), table)):
                found[key] = next(iter(names))
    return found


def _table_actor(name: str, table: AliasTable) -> bool:
    """Whether `name` is the canonical name of one of the alias table's actors."""
    return table.aliases.get(normal_form(name), ("",))[0] == name


# Words that open a title when a title word follows them ("House Speaker", "Home Secretary",
# "Senate Majority Leader"): there the entity the model found is part of a title, not an actor.
TITLE_OPENERS = frozenset({"house", "senate", "home", "foreign", "shadow", "majority", "minority"})
_TITLE_FOLLOWERS = frozenset({"majority", "minority", "republican", "democratic"})
# "Some House Democrats": the chamber names which members, it is not an actor itself.
_MEMBERS = frozenset({"democrats", "republicans", "democrat", "republican", "democratic"})
# Prepositions after which a city is a place ("in London", "travelling to London").
LOCATIVE = frozenset(
    {"in", "at", "near", "outside", "around", "across", "via", "into", "throughout", "within", "from", "to", "through", "of"}
)
# Words that name a part of a city, which only a place has: "central London", "north-west London",
# "inner London", "downtown Washington".
AREA_WORDS = frozenset(
    {
        "central", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
        "inner", "outer", "greater", "downtown", "suburban", "uptown", "midtown",
    }
)
# Words of time and standing that open a sentence before the name they qualify: "New Home
# Secretary Charles Clarke", "Former ...".
STATUS_WORDS = frozenset(
    {"new", "former", "past", "acting", "outgoing", "incoming", "interim", "current", "future", "previous", "retiring"}
)
# Regional branches of a national party or broadcaster: "Scottish Conservative Party" is the party.
BRANCH_PREFIXES = ("scottish ", "welsh ", "english ", "northern irish ", "ulster ")
_CONNECTORS = frozenset({"and", "of", "for", "&"})


# Words that name a minister's brief: "Education Secretary Ruth Kelly", "the Trade and Industry
# Secretary", "Secretary of State for Culture, Media and Sport".
PORTFOLIO_WORDS = frozenset(
    {
        "education", "skills", "health", "defence", "defense", "trade", "industry", "culture", "media",
        "sport", "transport", "environment", "work", "pensions", "constitutional", "affairs",
        "communities", "energy", "agriculture", "fisheries", "food", "rural", "development",
        "employment", "science", "technology", "innovation", "housing", "social", "security",
        "welfare", "finance", "economy", "commerce", "interior", "heritage", "arts", "tourism",
        "children", "schools", "families", "justice", "home", "foreign", "international", "local",
        "government", "state", "treasury", "immigration", "industries",
    }
)
_PORTFOLIO_JOINS = frozenset({"and", "&", ",", "for", "of", "the"})


def _portfolio(span: Span) -> bool:
    """"Education" in "Education Secretary Ruth Kelly", "State for Culture" in "Secretary of State
    for Culture", "Health" in "the Secretary of Health": the brief inside a minister's title."""
    first = span[1] if len(span) > 1 and span[0].lower_ in DETERMINERS else span[0]
    if first.lower_ not in PORTFOLIO_WORDS:
        return False  # most spans: asked first, cheaply
    words = [t.lower_ for t in span if t.lower_ not in DETERMINERS]
    if any(w not in PORTFOLIO_WORDS | _PORTFOLIO_JOINS for w in words):
        return False
    doc = span.doc
    following = doc[span.end] if span.end < len(doc) else None
    if following is not None and following.lower_ in _BRIEF_HOLDERS:  # "Education minister Ivan Lewis"
        return True
    before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
    return len(before) == 2 and before[0] in _BRIEF_HOLDERS and before[1] in ("of", "for")


# Titles a brief names: "Health Secretary", "Minister for Sport", "Defence spokesman".
_BRIEF_HOLDERS = frozenset({"secretary", "secretaries", "minister", "ministers", "spokesman", "spokeswoman", "spokesperson"})


def _in_title(span: Span) -> bool:
    """"House" in "then-House Speaker Nancy Pelosi": an institution word opening a title."""
    doc = span.doc
    if _portfolio(span):
        return True
    if len(span) != 1 or span[0].lower_ not in TITLE_OPENERS:
        return False
    following = list(doc[span.end : span.end + 2])
    if not following or not following[0].text[:1].isupper():
        return False
    first = following[0].lower_
    return (
        first in _TITLE_LAST_WORDS
        or first in _MEMBERS
        # "Senate Majority Leader", "former Senate Republican leader Howard Baker"
        or first in _TITLE_FOLLOWERS and len(following) > 1 and following[1].lower_ in _TITLE_LAST_WORDS
    )


def _article_names(doc: Doc, drafts: list[_Draft], defined: frozenset[str] = frozenset()) -> list[_Draft]:
    """Organisation spans repaired by the names the article itself gives. A fragment of a name
    written in full elsewhere in the article takes the full name where the text spells it
    ("Cable and Wireless Plc" ... "the Cable and Wireless bid", tagged "Cable" and "Wireless");
    then two names joined by "and" are two organisations when the article names one of them
    alone ("firms such as Dell and Hewlett-Packard" beside "direct-sales giant Dell")."""
    full = {
        tuple(t.text for t in _org_tokens(d.tokens))
        for d in drafts
        if d.label == "ORG" and any(t.lower_ in _CONNECTORS for t in d.tokens[1:-1])
    }
    # "the Office for National Statistics (ONS)" tagged "the Office for National": the names the
    # article defines acronyms for are spelled out too.
    full |= {tuple(name.split()) for name in defined if " " in name}
    repaired: list[_Draft] = []
    for d in drafts:
        wider = _spelled_out(doc, d.tokens, full) if full else None
        if wider is None:
            repaired.append(d)
        elif not (repaired and repaired[-1].span.start == wider.start and repaired[-1].span.end == wider.end):
            repaired.append(_Draft(span=wider, tokens=list(wider), label="ORG", title=d.title))
    alone = {normal_form(_text_of(d.tokens)) for d in repaired}
    places = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC")}
    out: list[_Draft] = []
    for d in repaired:
        inner = [
            i
            for i, t in enumerate(d.tokens[1:-1], 1)
            if t.is_lower and t.tag_ in ("NN", "NNS") and t.lower_ not in NAME_PARTICLES and d.tokens[i - 1].text != "-"
        ]
        if d.label == "ORG" and len(inner) == 1 and all(t.text[:1].isupper() for t in (d.tokens[0], d.tokens[-1])):
            # "Devon county Labour group": a common noun inside is no part of one name.
            left, right = d.tokens[: inner[0]], d.tokens[inner[0] + 1 :]
            for part in (left, right):
                kind = "GPE" if _text_of(part) in places else "ORG"
                out.append(_Draft(span=doc[part[0].i : part[-1].i + 1], tokens=part, label=kind))
            continue
        # "and", never "&", which joins the names of one firm ("Marsh & McLennan").
        joins = [i for i, t in enumerate(d.tokens) if t.lower_ == "and"]
        if d.label == "ORG" and len(joins) == 1 and 0 < joins[0] < len(d.tokens) - 1:
            left, right = d.tokens[: joins[0]], d.tokens[joins[0] + 1 :]
            if (
                all(t.text[:1].isupper() or t.is_punct for t in left + right)
                # "Mitsui and Co Ltd" is one firm: a legal form alone is no second name.
                and not all(t.lower_.rstrip(".") in LEGAL_SUFFIXES for t in right)
            ) and (
                normal_form(_text_of(left)) in alone or normal_form(_text_of(right)) in alone
            ):
                out.extend(_Draft(span=doc[p[0].i : p[-1].i + 1], tokens=p, label="ORG") for p in (left, right))
                continue
        out.append(d)
    return out


# Lower-case words inside names that are part of them: "Bank of England", "Banco de Brasil".
# Particles written small inside a person's name: "Jeroen van der Veer", "Alwaleed bin Talal".
SURNAME_PARTICLES = frozenset(
    {"de", "du", "des", "la", "le", "el", "del", "van", "von", "der", "den", "di", "da", "dos", "al", "bin", "ibn"}
)
NAME_PARTICLES = _CONNECTORS | {"the", "de", "du", "des", "la", "le", "los", "las", "el", "del", "van", "von", "der", "den", "di", "da", "y", "et", "on", "in", "upon", "at", "al", "bin"}
# Small words a name may start with before its capitals, and ones a person's name may hold; built
# once here rather than on every token tested.
_LEADING_SMALL = NAME_PARTICLES | {"ex", "then"}
_PERSON_SMALL = SURNAME_PARTICLES | {"the", "y", "of"}


def _spelled_out(doc: Doc, tokens: list, names: set[tuple[str, ...]]) -> Span | None:
    """The span of a longer name that the text around `tokens` spells, if any."""
    words = [t.text for t in tokens]
    start = tokens[0].i
    for name in names:
        for offset in range(len(name) - len(words) + 1 if len(name) > len(words) else 0):
            begin = start - offset
            if list(name[offset : offset + len(words)]) == words and begin >= 0:
                span = doc[begin : begin + len(name)]
                if tuple(t.text for t in span) == name:
                    return span
    return None


def _org_tokens(tokens: list) -> list:
    """An organisation's tokens without its legal form ("Cable and Wireless Plc")."""
    kept = list(tokens)
    while len(kept) > 1 and kept[-1].lower_.rstrip(".,>") in LEGAL_SUFFIXES:
        kept.pop()
        if len(kept) > 1 and kept[-1].lower_ in ("and", "&"):
            kept.pop()
    return kept


# Nouns after a party's name that make it the party: "Conservative spokesman", "Labour MPs".
_PARTY_NOUNS = _TITLE_LAST_WORDS | {
    "party", "mp", "mps", "msp", "msps", "mep", "meps", "candidate", "candidates", "member", "members",
    "government", "campaign", "peer", "peers", "voters", "supporters", "councillor", "councillors",
    "activists", "manifesto", "conference", "rebels", "backbenchers", "politicians", "figures", "sources",
}


def _untagged_parties(doc: Doc, table: AliasTable) -> list[_Draft]:
    """Party names the model left untagged ("Plaid Cymru's local government spokesman",
    "Conservative local government spokesman", "the Tories"): a capitalised word or two outside
    every entity that the alias table knows as a party's name."""
    found = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.ent_iob_ != "O" or not token.text[:1].isupper() or not token.is_alpha:
            i += 1
            continue
        for width in (2, 1):
            span = doc[i : i + width]
            if len(span) < width or any(t.ent_iob_ != "O" or not t.text[:1].isupper() for t in span):
                continue
            hit = table.aliases.get(normal_form(span.text))
            after = doc[i + width] if i + width < len(doc) else None
            first = token.is_sent_start or (i > 0 and (doc[i - 1].is_quote or doc[i - 1].is_punct))
            if after is not None and (
                # '"Labour markets firmed', but '"Conservative leader Michael Howard'.
                (first and width == 1 and after.tag_ == "NNS" and after.lower_ not in _PARTY_NOUNS)
                or (after.text[:1].isupper() and after.lower_ in _TITLES_BY_FIRST)  # "Labour Minister"
            ):
                continue
            if hit and hit[0] in table.party_countries:
                found.append(_Draft(span=span, tokens=list(span), label="ORG"))
                i += width - 1
                break
        i += 1
    return found


def _owner(tokens: list, people: set[str], places: set[str], table: AliasTable) -> tuple[list, str] | None:
    """The owner before a possessive inside a name, with its label, when it is a person or a
    place the article names, or a country: not "Moody's Investors Service", "Schindler's List"."""
    inner = [i for i, t in enumerate(tokens[:-2]) if t.text in ("'s", "’s") and i > 0]
    if not inner:
        return None
    owner = tokens[: inner[0]]
    key = normal_form(_text_of(owner))
    place = table.countries.get(key) or table.aliases.get(key)
    if (place and place[1] == "GPE") or _text_of(owner) in places:
        return owner, "GPE"
    if len(owner) <= 3 and owner[-1].text in people and all(t.text[:1].isupper() for t in owner):
        return owner, "PERSON"  # "Craxi's", "Mr Brown's"
    return None


def _before_noun(token) -> bool:
    """Whether the token qualifies a noun after it: "Hollywood movies", "Hollywood classic",
    "his role in Labour's campaign", "a remake of Roald Dahl's classic"."""
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return following is not None and (following.pos_ in ("NOUN", "PROPN", "ADJ") or following.tag_ == "POS")


def _makes(token) -> bool:
    """Whether a name ending at `token` qualifies a common noun after it as its owner or maker
    ("Ben Stiller comedy", "the Stephen King adaptation", "Mexican movie"), not a series ("the
    James Bond films")."""
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (
        following is not None
        and following.is_lower
        and following.pos_ in ("NOUN", "ADJ")
        and not (_work_noun(following) and following.lower_ not in WORK_NOUNS)
    )


def _works(drafts: list[_Draft], lower: set[str]) -> set[str]:
    """Names of works (films, programmes, books, albums, laws) by normal form: whatever label the
    model gives, a name that the article once presents as a work is one throughout
    ("BBC comedy Coupling", "ABC serial Desperate Housewives", "star of Bride and Prejudice",
    "the Serious Organised Crime and Police Bill"). `lower`: the words the article writes in
    lower case."""
    found = set()
    speaking = {normal_form(_text_of(d.tokens)) for d in drafts if _speaks(d.tokens[0], d.tokens[-1])}
    for d in drafts:
        tokens = d.tokens
        if d.label != "PERSON" and len(tokens) >= 2 and tokens[-1].text in LAW_WORDS:
            found.add(normal_form(_text_of(tokens)))
            continue
        if d.label == "PERSON" and d.title:
            continue  # "Mr Coupling" is a person whatever stands before him
        doc, start = d.span.doc, tokens[0].i
        # Step back over the capitalised words the model left out ("Desperate" Housewives).
        back = start
        while back > 0 and start - back < 3 and doc[back - 1].text[:1].isupper() and not doc[back].is_sent_start:
            back -= 1
        before = doc[back - 1] if back > 0 else None
        before2 = doc[back - 2].lower_ if back > 1 else ""
        after = doc[tokens[-1].i + 1].lower_ if tokens[-1].i + 1 < len(doc) else ""
        title_like = any(t.is_lower and not t.is_punct for t in tokens[1:-1])
        # Where a title the model tagged only the end of would begin.
        title_start = start if title_like else _title_start(doc, start)
        if (
            not title_like
            and not (d.label == "PERSON" and len(tokens) >= 2)  # "biopic Ray and Mike Leigh's drama"
            and after not in POSSESSIVE_TAILS
            and _after_work_noun(doc, title_start, start)
        ):
            found.add(normal_form(_text_of(tokens)))
            continue
        if not title_like and after in WORK_NOUNS:
            # "the Lord of the Rings trilogy" tagged "Rings": the title's words the model left
            # out before it hold its small words.
            title_like = any(t.lower_ in _TITLE_SMALL for t in doc[title_start:start])
        # "Gangs Of New York", "Get Rich And Die Tryin", "Songs In The Key Of Life": small words
        # capitalised inside a name are a title's casing; an organisation's name writes them
        # small ("Bank of England", "Wendy Ide of The Times"), or says what it is ("Development
        # Bank Of Singapore" in Reuters).
        title_cased = (
            not any(t.is_lower and t.is_alpha for t in tokens[1:-1])
            and any(t.text in _TITLE_CASED_SMALL for t in tokens[1:-1])
            and not any(t.lower_ in _BODY_WORDS for t in tokens)
        )
        if (
            len(tokens) >= 2
            and len(tokens[-1].text) == 1
            and tokens[-1].is_digit
            and d.label in ("PERSON", "WORK_OF_ART", "PRODUCT")
            and not any(t.lower_ in lower for t in tokens[:-1])
        ):
            # "Shrek 2", "Spider-Man 2" tagged PERSON: no one's name ends in a figure; a name and
            # the number of its sequel is a film or a game, and so is the name alone ("the
            # original Shrek"). (Tagged ORG, such a name is as often a channel's: "Radio 4".)
            found.add(normal_form(_text_of(tokens)))
            alone = normal_form(_text_of(tokens[:-1]))
            # Not a place the article names ("the generating units Chesterfield 7 and 8").
            if not any(o.label in ("GPE", "LOC") and normal_form(_text_of(o.tokens)) == alone for o in drafts):
                found.add(alone)
            continue
        if len(tokens) >= 2 and d.label not in ("PERSON", "GPE", "NORP") and any(_small_capped(t.text) for t in tokens):
            # "iPod Photo", "iTunes Music Store": a word that opens small and goes on with a
            # capital is a product's or a service's brand; a name holding it is the product (not
            # "eBay" alone, a firm; a maker before it was cut off as the actor).
            found.add(normal_form(_text_of(tokens)))
            continue
        if len(tokens) >= 2 and _MODEL.fullmatch(tokens[-1].text) and d.label not in ("GPE", "NORP"):
            # "the Orange E200", "SonyEricsson P900", "Airbus A380", "Windows XP" (tagged LOC): a
            # name and its model or version is a product (its maker, named alone, stays an actor).
            found.add(normal_form(_text_of(tokens)))
            continue
        if len(tokens) >= 2 and tokens[0].lower_ in WORK_NOUNS and _sentence_initial(tokens[0]):
            # "Comedy Meet The Fockers took ...": the kind of work opening a sentence, capitalised
            # and taken into the span, presents the name after it.
            found.add(normal_form(_text_of(tokens)))
            found.add(normal_form(_text_of(tokens[1:])))
            continue
        if (
            # "Super Size Me", "Shall We Dance", "Have I Got News For You": a name that speaks in
            # the first or second person is a title (not "the US Senate").
            any(t.text == "I" or (t.lower_ in _PRONOUNS and not t.text.isupper()) for t in tokens[1:])
            or title_cased
            or
            # "Aviator actor Leonardo DiCaprio", "the Ray soundtrack": what a film has.
            (after in WORK_PARTS and d.label in ("ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "FAC"))
            or
            # A noun, not "play EC shipments" or "a single market".
            (before is not None and before.lower_ in WORK_NOUNS and before.tag_.startswith("NN"))
            # "The film, A Different Story, chronicles", "The technology, OMAP-Vox, is being
            # tested": a name set off after the noun of a work or a product.
            or (
                before is not None
                and before.text == ","
                and back > 2
                and doc[back - 2].lower_ in _KIND_NOUNS
                and doc[back - 3].lower_ in DETERMINERS
                and tokens[-1].i + 1 < len(doc)
                and doc[tokens[-1].i + 1].text == ","
            )
            # The name ends the phrase: not "sequel to Ben Stiller comedy Meet The Parents".
            or (before is not None and (before2, before.lower_) in WORK_PHRASES and not _before_noun(tokens[-1]))
            # "who directed Titanic", not "directed by James Cameron".
            or (before is not None and before.lower_ == "directed" and d.label != "PERSON" and not _before_noun(tokens[-1]))
            # "The Last Samurai, starring Tom Cruise", "House of Flying Daggers, directed by
            # Yimou Zhang": what follows the comma presents a film or a show.
            or _work_apposition(doc, tokens[-1].i + 1)
            # "the BBC's Focus on Africa programme": a title-cased name with small words in it.
            or (after in WORK_NOUNS and title_like)
            # "the Cell processor", "a technology called XDR": a product, unless it speaks.
            or (_presented_as_product(d, before, back) and normal_form(_text_of(tokens)) not in speaking)
            # Not "shows such as Channel 4's gameshow ...", "the sequel to Ben Stiller comedy Meet
            # The Parents": the owner or maker of a work after it (but "the James Bond films" are
            # the series).
            or (
                _in_list_of_works(doc, back)
                and after not in POSSESSIVE_TAILS
                and not _makes(tokens[-1])
                # "consoles like the Sony PSP and the Nintendo DS": the maker of a thing whose name
                # the model left untagged after it (not "Songs like Sunday Bloody Sunday").
                and not (
                    tokens[-1].i + 1 < len(doc)
                    and doc[tokens[-1].i + 1].tag_ == "NNP"
                    and doc[tokens[-1].i + 1].ent_iob_ == "O"
                )
            )
        ):
            found.add(normal_form(_text_of(tokens)))
    # "the Colombian drama Maria Full of Grace", tagged "Maria Full" and "Grace": a name right
    # after a work's, joined by "of" or "of the", is the rest of its title (not "Gangs of New
    # York"'s place, nor a person's: "a film of Mike Leigh").
    for d, following in zip(drafts, drafts[1:]):
        if normal_form(_text_of(d.tokens)) not in found or following.label in ("PERSON", "GPE", "LOC"):
            continue
        between = [t.lower_ for t in d.span.doc[d.tokens[-1].i + 1 : following.tokens[0].i]]
        if between in (["of"], ["of", "the"]):
            found.add(normal_form(_text_of(following.tokens)))
    # "Microsoft's Xbox", "Apple's iPod", "the BBC's EastEnders": one word an organisation owns,
    # which never speaks (not "Time Warner's AOL said"), is no place ("GM's Detroit plant") and
    # heads no body, person or deal ("USX Corp's USS division", "the party's Holyrood leader",
    # "SBC's AT&T deal"), is its product or its work, in every mention.
    for d in drafts:
        first = d.tokens[0]
        doc = d.span.doc
        following = doc[first.i + 1] if first.i + 1 < len(doc) else None
        if (
            len(d.tokens) == 1
            and d.label not in ("PERSON", "GPE", "LOC", "NORP")
            and first.i > 1
            and doc[first.i - 1].tag_ == "POS"
            and doc[first.i - 2].ent_type_ == "ORG"
            and normal_form(first.text) not in speaking
            and not (following is not None and following.is_lower and following.lower_ in _OWNED_BODY_NOUNS)
        ):
            found.add(normal_form(first.text))
    # One name, one sense: a name the model tags a product or work more often than anything else
    # is one in every mention ("The AutoLink feature", tagged PRODUCT five times and ORG twice).
    votes: dict[str, list[int]] = {}
    for d in drafts:
        vote = votes.setdefault(normal_form(_text_of(d.tokens)), [0, 0])
        vote[d.label in _THING_LABELS] += 1
    found.update(key for key, (actor, thing) in votes.items() if thing > actor)
    # "copies of The Da Vinci Code", "users of Skype", "PCs running Windows", "installed Firefox": a
    # name the article uses as a thing so, and never as one that acts (speaks, owns, does), is a
    # work or a product in every mention.
    used: dict[str, bool] = {}
    for d in drafts:
        if d.label in ("GPE", "LOC", "NORP") or d.title:
            continue
        key = normal_form(_text_of(d.tokens))
        if _acts(d.tokens[0], d.tokens[-1]):
            used[key] = False
        elif _used_as_thing(d) and used.get(key, True):
            used[key] = True
    found.update(key for key, thing in used.items() if thing)
    # "AutoLinks": the plural of such a name is the same thing, and so is the name spaced
    # otherwise ("Rip Guard" beside "RipGuard").
    spaced = {key.replace(" ", "") for key in found}
    found.update(key for key in votes if (key.endswith("s") and key[:-1] in found) or key.replace(" ", "") in spaced)
    return found


def _small_capped(word: str) -> bool:
    """"iPod", "iTunes", "miniMIXA"; not a surname's particle run into it ("diCaprio")."""
    m = _SMALL_CAPPED.fullmatch(word)
    return m is not None and m.group(1) not in SURNAME_PARTICLES


_SMALL_CAPPED = re.compile(r"([a-z]{1,4})[A-Z][A-Za-z]*")
# A model's or a version's mark: one to three capitals and a number of two to four figures
# ("E200", "P900", "A380", "C180"), "XP", "SP".
_MODEL = re.compile(r"[A-Z]{1,3}-?\d{2,4}[a-z]?|XP|SP")
# "version of X", "copies of X": nouns of a work's or a product's copies, uses and issues (not
# "sales of": a carmaker's too, "sales of Alfa Romeo").
USE_OF_NOUNS = frozenset(
    {
        "version", "versions", "copy", "copies", "user", "users", "launch", "episode", "episodes",
        "edition", "editions", "release", "download", "downloads", "installation",
    }
)
# Of those, the ones whose object may be a name the model tags a person: "her version of
# Giselle", "copies of Harry Potter" (not "the release of Asif Zardari").
_WORK_OF_NOUNS = frozenset(
    {"version", "versions", "copy", "copies", "episode", "episodes", "edition", "editions"}
)
# Verbs whose object is a work or a product ("installed Firefox", "downloading Kazaa"); not
# "play" (teams and grounds are played, "U2 will play Hampden"), "use" (a studio or a bank is used
# as often) or "run" ("continue to run Roc-A-Fella"), but "running" after the machine ("PCs
# running Windows Media Center").
USE_VERBS = frozenset(
    {
        "install", "installs", "installed", "installing", "download", "downloads", "downloaded",
        "downloading", "watch", "watches", "watched", "watching", "read", "reads", "reading",
    }
)
# Words after a name that make it act: it speaks, decides, owns or has people ("a Skype spokesman").
ACTING_WORDS = frozenset(
    {
        "said", "says", "told", "tells", "added", "adds", "announced", "announces", "plans",
        "planned", "agreed", "agrees", "wants", "wanted", "bought", "buys", "hired", "launched",
        "launches", "released", "releases", "sued", "signed", "warned", "decided", "claimed",
        "argued", "denied", "confirmed", "urged", "refused", "owns", "owned", "acquired", "invested",
        "spokesman", "spokeswoman", "spokesperson", "chief", "boss", "founder", "founders",
        "executive", "executives", "chairman", "president", "staff",
    }
)


def _acts(first, last) -> bool:
    """Whether a name is used as one that acts: it speaks, owns ("X's"), does ("X launched"),
    has people ("an X spokesman") or is the agent ("made by X")."""
    doc = last.doc
    following = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return (
        _speaks(first, last)
        or (following is not None and (following.tag_ == "POS" or following.lower_ in ACTING_WORDS))
        or (first.i > 0 and doc[first.i - 1].lower_ == "by")
    )


def _used_as_thing(d: _Draft) -> bool:
    """Whether the name stands as a thing used, bought or issued: "a new version of Windows",
    "copies of The Da Vinci Code", "users of Skype" (a person only so), "installed Firefox",
    "PCs running Windows" (not a person); the name ends the phrase ("users of Skype software" are
    the maker's)."""
    doc, first, last = d.span.doc, d.tokens[0], d.tokens[-1]
    i = first.i - 1
    if i >= 0 and doc[i].lower_ in ("the", "a", "an"):
        i -= 1
    if i < 0 or _before_noun(last):
        return False
    if last.i + 1 < len(doc) and doc[last.i + 1].lower_ in ("and", "&") and d.label == "PERSON":
        return False  # "a film version of the Rogers and Hammerstein classic"
    if doc[i].lower_ == "of":
        return i > 0 and doc[i - 1].lower_ in (_WORK_OF_NOUNS if d.label == "PERSON" else USE_OF_NOUNS)
    verb = doc[i]
    return (
        d.label != "PERSON"
        and verb.tag_.startswith("VB")
        and (verb.lower_ in USE_VERBS or (verb.lower_ == "running" and i > 0 and doc[i - 1].tag_ == "NNS"))
    )


# Nouns after a name an organisation owns that make it a body of it, not a product: "USX
# Corp's USS division", "the party's Holyrood leader", "SBC's AT&T deal".
_OWNED_BODY_NOUNS = frozenset(
    {
        "division", "divisions", "unit", "units", "subsidiary", "subsidiaries", "arm", "branch",
        "business", "businesses", "operation", "operations", "deal", "deals", "stake", "stakes",
        "interests", "shares", "shareholders", "leader", "leaders", "spokesman", "spokeswoman",
        "spokesperson", "team", "staff", "chief", "chairman", "boss", "executive", "executives",
        "director", "directors", "president", "board", "management", "group", "bid", "takeover",
        "merger", "plant", "factory", "office", "offices", "headquarters",
    }
)
# Words that open a list of examples after a work noun: "films such as", "films including",
# "whose previous films have included".
_EXAMPLE_OPENERS = frozenset({"as", "including", "like", "include", "includes", "included"})
# Words inside a list of names, between them or inside one ("The Devil's Advocate").
_LIST_JOINS = frozenset({",", "and", "or", "&", "the", "'s", "’s", "of", "a"})


def _title_start(doc: Doc, start: int) -> int:
    """Where a title that the model tagged only the end of (at token `start`) begins: back over
    the capitalised words and small words before it, within its sentence and five words at
    most, leaving out small words at its front."""
    first = start
    while first > 0 and start - first < 6 and not doc[first].is_sent_start and (
        doc[first - 1].text[:1].isupper() or doc[first - 1].lower_ in _TITLE_SMALL
    ):
        first -= 1
    while first < start and doc[first].lower_ in _TITLE_SMALL:
        first += 1
    return first


def _after_work_noun(doc: Doc, first: int, start: int) -> bool:
    """Whether the name at token `start` ends a title that a work's noun opens, small words and
    all: "festive comedy Christmas with the Kranks", "the drama Maria Full of Grace" (tagged
    "Kranks", "Grace"). The title runs back from the name to `first` (`_title_start`), which must
    be a capital just after the noun."""
    if first == start or first == 0 or not doc[first].text[:1].isupper():
        return False
    noun = doc[first - 1]
    return noun.tag_ == "NN" and noun.lower_ in WORK_NOUNS and any(t.is_lower for t in doc[first:start])


def _work_apposition(doc: Doc, i: int) -> bool:
    """Whether the words from token `i` set off what comes before as a film or a show: ",
    starring Tom Cruise", ", directed by Yimou Zhang" (not "director Spike Lee, starring in
    seven Lee films")."""
    if i + 2 >= len(doc) or doc[i].text != ",":
        return False
    after, following = doc[i + 1].lower_, doc[i + 2].lower_
    if (after == "starring" and following != "in") or (after == "directed" and following == "by"):
        return True
    if after not in ("a", "an"):
        return False
    # "The Life Aquatic, a quirky comedy starring Bill Murray": the noun of a work heads what the
    # comma sets off (not "Bill Murray, a comedy star", nor "a film's director").
    j = i + 2
    while j < len(doc) and j - i < 6 and (doc[j].tag_ in ("JJ", "JJR", "JJS", "HYPH", "VBN") or doc[j].text == "-"):
        j += 1
    following = doc[j + 1] if j + 1 < len(doc) else None
    return (
        j < len(doc)
        and doc[j].lower_ in WORK_NOUNS
        and doc[j].tag_ == "NN"
        and not (following is not None and (following.tag_.startswith("NN") or following.tag_ == "POS"))
    )


def _presented_as_product(d: _Draft, before, back: int) -> bool:
    """Whether the text presents the name as a product or a technology of its own: "the Cell
    processor", "the company's Smart brand" (a singular noun after it, the name standing where a
    determiner or owner leaves it), "a technology called XDR" (after a product's or a work's
    noun and "called")."""
    if d.label in ("PERSON", "GPE", "LOC", "NORP") or before is None:
        return False
    doc, last = d.span.doc, d.tokens[-1]
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    # "its new RipGuard technology": an adjective may stand between.
    if before.tag_ == "JJ" and before.is_lower and back > 1:
        before = doc[back - 2]
    if (
        after is not None
        and after.lower_ in PRODUCT_NOUNS
        and after.tag_ == "NN"
        and before.lower_ in _PRODUCT_OPENERS
        # The noun heads the phrase: not "the Argonaut software division"; nor does it present a
        # title ("the NBC program "Today"": a broadcaster's).
        and not (after.i + 1 < len(doc) and (doc[after.i + 1].tag_.startswith("NN") or doc[after.i + 1].is_quote))
        and not (after.i + 2 < len(doc) and doc[after.i + 1].text == "," and doc[after.i + 2].is_quote)
    ):
        return True
    naming = before.lower_ in _NAMING_WORDS
    if before.lower_ == "as" and back > 2 and doc[back - 2].lower_ == "known":
        naming, back = True, back - 1  # "technology known as Janus" names the thing as "called" does
    return naming and back > 1 and (_product_noun(doc[back - 2]) or _work_noun(doc[back - 2]))


def _product_noun(token) -> bool:
    """A noun for a kind of product, singular or plural ("program", "programs")."""
    low = token.lower_
    return token.tag_.startswith("NN") and (low in PRODUCT_NOUNS or (low.endswith("s") and low[:-1] in PRODUCT_NOUNS))


def _work_noun(token) -> bool:
    """A noun for a kind of work, singular or plural ("film", "blockbusters", "comedies")."""
    low = token.lower_
    return token.tag_.startswith("NN") and (
        low in WORK_NOUNS
        or (low.endswith("s") and low[:-1] in WORK_NOUNS)
        or (low.endswith("ies") and low[:-3] + "y" in WORK_NOUNS)
    )


def _in_list_of_works(doc: Doc, start: int) -> bool:
    """Whether the name at token `start` is one of a list that a work noun or a work phrase
    presents: "blockbusters such as Speed, The Devil's Advocate and the Matrix series", "smaller
    films including My Own Private Idaho", "whose previous films have included Captain Corelli's
    Mandolin and Elizabeth", "hit singles Time Is Running Out, Hysteria, and Butterflies And
    Hurricanes", "supporting roles in Closer and Hotel Rwanda". The list runs back over names and
    the words that join them to the noun or phrase; a name right after a singular noun ("the
    film, Smith said") is no list."""
    i = start - 1
    while i >= 0 and start - i < 40:
        token = doc[i]
        if not (token.text[:1].isupper() or token.lower_ in _LIST_JOINS or token.is_digit):
            break
        if token.is_sent_start:
            return False
        i -= 1
    if i < 1 or doc[i + 1].is_punct:
        return False
    if (doc[i].lower_, doc[i + 1].lower_) in WORK_PHRASES:
        # "star of Crouching Tiger, Hidden Dragon, Hero and House of Flying Daggers": the run
        # back takes the phrase's "of" for a word joining names.
        return True
    if doc[i].lower_ in _EXAMPLE_OPENERS:
        # The noun the examples are of stands just before the opener, or before "such", an
        # auxiliary ("films have included") or a comma ("reality shows, such as American
        # Idol"); not "opera houses worldwide including", "films such as", nor "the show
        # include" (whose subject is the "actors in" it).
        j = i - 1
        while j > 0 and (doc[j].lower_ in ("such", "have", "has", "had", "also") or doc[j].text == ","):
            j -= 1
        plural_only = doc[i].lower_ not in ("as", "including", "like")
        return (_work_noun(doc[j]) or _product_noun(doc[j])) and not (plural_only and doc[j].lower_ in _KIND_NOUNS)
    if (doc[i - 1].lower_, doc[i].lower_) in WORK_PHRASES:
        return True
    return _work_noun(doc[i]) and doc[i].lower_ not in WORK_NOUNS


_THING_LABELS = ENTITY_LABELS - ACTOR_LABELS
# Small words a title holds between its capitalised words.
_TITLE_SMALL = frozenset({"of", "the", "and", "in", "on", "a", "to", "with", "for"})
# The same words as a title capitalises them ("Gangs Of New York").
_TITLE_CASED_SMALL = frozenset({"Of", "And", "The", "In", "On", "At", "To", "For", "With", "From", "An", "Is", "Are"})
_PRONOUNS = frozenset({"me", "you", "we", "us", "my", "your", "our", "i"})


# Events a demonym only qualifies: "the European elections", "the Scottish Cup final".
EVENT_NOUNS = frozenset({"election", "elections", "poll", "polls", "referendum", "championship", "championships"})


# Last words of the names of events, awards and shows: "Berlin Film Festival", "Grammy Awards",
# "the Australian Open", "Flora London Marathon", "Consumer Electronics Show", "The Catherine
# Tate Show" (not "Games": "Rockstar Games" is a firm as often as "Commonwealth Games" an event).
EVENT_LAST_WORDS = frozenset(
    {
        "festival", "awards", "award", "prize", "prizes", "bowl", "cup", "olympics", "championship", "championships",
        "election", "elections", "by-election", "open", "marathon", "marathons", "slam", "prix", "indoors",
        "tournament", "trophy", "show", "expo", "summit", "lecture", "lectures",
    }
)
# Words that stand capitalised for a description, not a name: "the Government", "the Public".
GENERIC_WORDS = frozenset(
    {"government", "administration", "public", "state", "party", "office", "treaty", "ministry", "department"}
)
# Feasts and holidays: a time of year, never an actor.
HOLIDAYS = frozenset(
    {"christmas", "christmases", "easter", "thanksgiving", "ramadan", "hanukkah", "diwali", "halloween", "passover"}
)
# Roles and units written as capitalised words or letters: "MPs", "a Labour MEP", "GMT".
ROLE_WORDS = frozenset({"mp", "mps", "mep", "meps", "msp", "msps", "am", "ams", "qc", "pm", "gmt", "bst", "est", "cet"})
_CURRENCY = re.compile(r"(?:(?:[A-Z]\.){2,3} ?|[A-Z]{1,3} ?)?(?i:dollars?|pounds?|euros?|yen|francs?|marks?|lire|dlrs?)")
# An amount or a figure: "2bn", "11.50", "261bn", "1987", a price in pence ("700p for each IC
# Gas ordinary").
_AMOUNT = re.compile(r"[$£€]?\d[\d.,/]*(?:bn|m|mln|k|pct|%|p)?", re.IGNORECASE)
# A figure after a name that is no part of it: a decimal, an amount or a number of two digits or
# more ("Senegal 1.8", "Varig 2bn", "San Luis 90 mm"), not a channel's one digit ("Channel 4").
_FIGURE = re.compile(r"[$£€]?(?:\d+[.,]\d+|\d*\.?\d+(?:bn|m|mln|pct|%)|\d{2,})", re.IGNORECASE)


def _no_name(tokens: list, key: str, table: AliasTable) -> bool:
    """Entities that name no actor whatever their label: events and awards by their last word,
    a lone generic word, role, legal form or label of a results table ("Revs", "Shr" in Reuters'
    earnings tables), a currency ("USdollars")."""
    if key in table.aliases:
        return False
    last = tokens[-1].lower_
    return (
        all(t.lower_.rstrip(".") in LEGAL_SUFFIXES for t in tokens)  # a lone "Co Inc"
        # "Cardinal", "Speaker": an office names no one, but "the Queen" and "the Pope" are the
        # one person who holds theirs.
        or (key in _TITLE_SET and key not in SOLE_TITLES)
        or
        (len(tokens) > 1 and last in EVENT_LAST_WORDS)
        or (len(tokens) == 1 and (last in GENERIC_WORDS or last in ROLE_WORDS or last in TABLE_LABELS))
        or all(t.lower_ in HOLIDAYS for t in tokens)  # "Easter" tagged PERSON, "Christmases"
        or bool(_CURRENCY.fullmatch(_text_of(tokens)))
        or all(_AMOUNT.fullmatch(t.text) for t in tokens)  # "261bn"
        # "6GB", "a 30GB version": letters written onto a figure are its unit (tagged PERSON).
        or (len(tokens) == 1 and _glued_to_figure(tokens[0]))
        # "anti-Tory", "non-US", "pan-European bourse": a stance or a reach, not who holds it.
        or (len(tokens) > 2 and _stance(tokens))
    )


def _glued_to_figure(token) -> bool:
    """Whether the token follows a figure with no space between ("6GB" split as "6", "GB")."""
    doc = token.doc
    return token.i > 0 and doc[token.i - 1].like_num and not doc[token.i - 1].whitespace_


# Prefixes that turn a name into a stance or a reach: "anti-American", "non-EU", "pro-European".
STANCE_PREFIXES = frozenset({"anti", "non", "pro", "pan", "neo"})


def _stance(tokens: list) -> bool:
    """Whether a name opens with a stance prefix ("anti-Tory", "Non-Opec Egypt"); not "the
    Pro-Life Alliance", whose capital inside a sentence says the prefix is part of its name."""
    first = tokens[0]
    return (
        first.lower_ in STANCE_PREFIXES
        and tokens[1].text == "-"
        and not first.whitespace_
        and (first.is_lower or _sentence_initial(first))
    )


def _language(span: Span) -> bool:
    """"the Spanish speaking world", "a Spanish-language site", "sung in Spanish": a language."""
    doc = span.doc
    after = [t.lower_ for t in doc[span.end : span.end + 2]]
    if after[:2] == ["-", "language"] or after[:1] == ["language"]:
        return True  # not "a black South African language": one of the country's
    if after and after[0] == "-":
        after = after[1:]
    if after and after[0] in ("speaking", "speakers"):
        return True
    # "sung in Spanish." (a language), not "in Spanish waters" (the country's).
    return span.start > 0 and doc[span.start - 1].lower_ == "in" and (span.end == len(doc) or doc[span.end].is_punct)


def _languages(ents: list[tuple], table: AliasTable) -> set[str]:
    """Names the model tags a language more often than an actor in the article are the language
    throughout: "Spanish" eleven times a language ("Spanish-speaking world", "rap in Spanish")
    is one too in "the Spanish hip-hop scene". Not a demonym the alias table gives a country
    ("French", "German"): those stand for the country wherever they are not the language."""
    if not any(label == "LANGUAGE" for _, label, _ in ents):
        return set()
    votes: dict[str, list[int]] = {}
    for _, label, text in ents:
        if label == "LANGUAGE" or label in ACTOR_LABELS:
            votes.setdefault(normal_form(text), [0, 0])[label == "LANGUAGE"] += 1
    return {
        key
        for key, (actor, language) in votes.items()
        if language > actor and key not in table.demonyms and key not in table.aliases and key not in table.countries
    }


def _before_bracket(tokens: list) -> str:
    """The text of the tokens before the first opening bracket among them."""
    cut = next((i for i, t in enumerate(tokens) if t.text == "("), len(tokens))
    return _text_of(tokens[:cut])


def _sentence_initial(token) -> bool:
    """The first word of a sentence, or of a quotation or bracket that opens one."""
    doc, i = token.doc, token.i
    while i > 0 and (doc[i - 1].is_quote or doc[i - 1].is_bracket or doc[i - 1].text in ("-", "--", "*")):
        i -= 1
    return i == 0 or doc[i].is_sent_start or doc[i - 1].text in (".", "!", "?", ":", "\n", "\n\n")


class _CommonWords:
    """Capitalised words that the article writes in lower case wherever they stand inside a
    sentence: "Viruses written to make headlines" beside "viruses", "Broadband has become hugely
    competitive" beside "broadband". At the start of a sentence they are the same common word,
    not a name (a name keeps its capital inside a sentence: "Vince Cable" beside "cable").
    Asked word by word (`word in common`); the search of the text is done once a word: a few
    words an article."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.doc, self.text = doc, text
        # The words the article writes in lower case.
        self.lower = set(_LOWER_WORD.findall(text))
        self._opening: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        low, lower = word.lower(), self.lower
        if not (low in lower or (low.endswith("s") and low[:-1] in lower) or low + "s" in lower):
            return False
        return self.opens_only(word)

    def opens_only(self, word: str) -> bool:
        """Whether the article writes the word capitalised only where it opens a sentence
        (searched once a word)."""
        hit = self._opening.get(word)
        if hit is None:
            hit = self._opening[word] = self._opens_only(word)
        return hit

    def _opens_only(self, word: str) -> bool:
        if not (word[:1].isupper() and word[1:].islower()):
            return False
        for m in re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", self.text):
            span = self.doc.char_span(m.start(), m.end())
            if span is not None and len(span) == 1 and not _sentence_initial(span[0]):
                return False  # written with its capital inside a sentence: a name
        return True


# Penn tags of a common word: noun, adjective, gerund.
_COMMON_TAGS = frozenset({"NN", "NNS", "JJ", "VBG"})
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z]+(?!\w)")


# Bodies of a state that a country's name and one word name: "U.S. Army", "British Embassy".
STATE_BODIES = frozenset(
    {
        "army", "navy", "marines", "embassy", "consulate", "mint", "treasury", "senate", "congress",
        "parliament", "police", "military", "cabinet", "customs",
    }
)


def _country_and_word(tokens: list, table: AliasTable, lower: set[str]) -> bool:
    """"U.S. Exporters", "U.K. Authorities", "U.S. Government securities": a country and one word
    the article writes in lower case elsewhere is the country and a common noun, no organisation
    (the country is still mentioned). Not "U.S. Treasury" where "treasury" is never written so."""
    part = _country_part(tokens, table)
    if part is None or part[0] is not tokens[0] or part[1].i != tokens[-2].i:
        return False
    low = tokens[-1].lower_
    if low in STATE_BODIES:
        return False  # "U.S. Army", "US Embassy": a body of the state, named so
    return tokens[-1].is_alpha and (low in lower or low + "s" in lower or (low.endswith("s") and low[:-1] in lower))


_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,4}s?")


def _acronym_noun(word: str, text: str) -> bool:
    """An acronym the article counts is a thing or a role, not an organisation: "NGOs", "DJs",
    "a GP" beside "GPs", "the LCD" beside "LCDs" (no one writes "IBMs")."""
    if not _ACRONYM.fullmatch(word):
        return False
    if word.endswith("s"):
        return word[:-1].isupper() and len(word) > 2
    return re.search(r"(?<![\w-])" + re.escape(word) + r"s(?![\w-])", text) is not None


def _known(key: str, table: AliasTable) -> bool:
    return key in table.aliases or key in table.countries or key in table.demonyms or key in table.metonyms


def _qualifies_event(span: Span) -> bool:
    doc = span.doc
    after = span.end
    while after < len(doc) and doc[after].text in ("]", ")"):
        after += 1  # "the [European] election": an editor's brackets
    return after < len(doc) and doc[after].lower_ in EVENT_NOUNS


# A row of a results table ("Revs 12.3 mln vs 11.1 mln", "Avg shrs 2,212,000 vs 1,482,000"):
# its capitalised first word is a column label, not a name.
_TABLE_ROW = re.compile(r"^[^\n]{0,60}\bvs\.?\s[^\n]{0,60}$", re.MULTILINE)


def _in_rows(at: int, rows: list[tuple[int, int]]) -> bool:
    return any(start <= at < end for start, end in rows)


def _home_town(span: Span) -> bool:
    """"Malcolm Shipley, of Shipley", "Stephen Douglas, from Wales": where a person comes from,
    never the person's surname."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].lower_ in ("of", "from") and doc[span.start - 2].text == ","


# What a city has and a government does not: "London's major rail terminals", "Paris's streets".
CITY_NOUNS = frozenset(
    {
        "streets", "street", "terminals", "stations", "station", "airport", "airports", "hotel", "hotels",
        "hotspot", "hotspots", "museum", "museums", "theatres", "theatre", "restaurants", "shops", "suburbs",
        "skyline", "residents", "population", "mayor", "boroughs", "hospitals", "schools", "traffic",
        "underground", "transport", "clubs", "parks", "buildings", "landmarks", "nightlife", "bid", "marathon",
        "markets", "market", "exchange", "bourse", "bourses", "stock", "media", "press", "newspapers",
        "police", "officer", "officers", "prize", "festival", "pharmacies", "galleries", "venues", "fans",
        "commuters", "citizens", "people", "homes", "housing", "property", "roads", "bridges", "nightclubs",
        "pubs", "bars", "universities", "art", "music",
    }
)
# Adjectives after "is"/"was" by which a government takes a stance: "Paris was more subdued",
# "Tokyo was ready to". Anything else a city "is" describes the place: "London is very special to
# me", "Bangkok is a relatively recent addition to the festival calendar".
_STANCE_ADJECTIVES = frozenset(
    {
        "ready", "keen", "willing", "unwilling", "reluctant", "prepared", "determined", "eager", "anxious",
        "subdued", "unhappy", "happy", "pleased", "satisfied", "concerned", "worried", "opposed", "adamant",
        "confident", "cautious", "wary", "angry", "furious", "critical", "supportive", "likely", "unlikely",
        "expected", "due", "bound", "right", "wrong", "responsible", "firm", "silent", "committed", "open",
        "aware", "interested", "neutral", "unconvinced", "convinced", "able", "unable", "favourable",
        "unfavourable", "sceptical", "skeptical", "hostile", "friendly", "sympathetic", "optimistic",
        "pessimistic", "hopeful", "doubtful", "disappointed", "dissatisfied", "insistent", "content", "free",
    }
)
# Nouns that make what a city "is" a state's part: "Moscow is Finland's largest trading partner",
# "London is one of the most resolutely opposed countries".
_STATE_NOUNS = frozenset(
    {
        "country", "countries", "partner", "partners", "ally", "allies", "member", "members", "signatory",
        "supplier", "exporter", "importer", "buyer", "creditor", "debtor", "government", "power", "state",
        "nation", "rival", "enemy", "opponent", "supporter", "backer", "party", "side",
    }
)
# Nouns after "on" of what bears on a government: "pressure on Tokyo", "sanctions on Moscow" (not
# "the Blitz on London", "a day on Broadway").
_PRESSURE_NOUNS = frozenset(
    {
        "pressure", "pressures", "sanctions", "embargo", "demands", "demand", "call", "calls", "influence",
        "ban", "restrictions", "tariffs", "duties", "criticism", "attacks", "stance", "position", "views",
        "deal", "talks", "agreement", "dependence", "reliance", "claims", "ultimatum", "policy", "line",
    }
)
# Verbs whose object is a government, never a place: "urged Washington to respect", "accused
# Tokyo of failing", "warned Moscow".
_ADDRESS_VERBS = frozenset(
    {
        "urge", "warn", "accuse", "press", "ask", "tell", "criticise", "criticize", "blame", "persuade",
        "lobby", "pressure", "condemn", "reassure", "convince", "remind", "thank", "defy", "threaten",
        "sanction", "punish", "recognise", "recognize", "attack", "pressurise", "pressurize", "assure",
    }
)
# Prepositions before a city that make it its government: "toward Beijing", "efforts by Seoul",
# "relations with Brussels", "sanctions against Moscow" ("on" depends on the word before it:
# _PRESSURE_NOUNS).
_GOVERNING_PREPOSITIONS = frozenset({"by", "with", "against", "toward", "towards"})
# Participles after a hyphen that make a city its government: "Moscow-backed candidate" (not
# "London-based firm").
_GOVERNING_PARTICIPLES = frozenset(
    {"backed", "led", "sponsored", "brokered", "funded", "imposed", "controlled", "friendly", "supported", "installed"}
)


# Nouns of what one addresses to a government, which make the city after "to" its government: "a
# request to Washington", "an offer to Moscow", "a challenge to Washington" (not "a visit to
# Washington", "a trip to Moscow").
_ADDRESSED_NOUNS = frozenset(
    {
        "request", "requests", "offer", "offers", "appeal", "appeals", "message", "messages", "letter",
        "letters", "challenge", "challenges", "warning", "warnings", "proposal", "proposals", "plea",
        "pleas", "ultimatum", "ultimatums", "demand", "demands", "overture", "overtures", "reply",
        "note", "protest", "protests", "concession", "concessions",
    }
)
# Nouns after a city that make it its government: "Moscow officials", "the Beijing authorities".
_GOVERNING_NOUNS = frozenset(
    {"officials", "authorities", "government", "regime", "administration", "negotiators", "diplomats"}
)


def _place_group(span: Span) -> tuple[int, int]:
    """The token range of a place together with the places listed beside it ("Paris, Amsterdam
    and Lisbon", "New York and London"), which share what follows and precedes the list."""
    doc = span.doc
    start, end = span.start, span.end
    while start >= 2 and doc[start - 1].lower_ in (",", "and", "or") and doc[start - 2].ent_type_ in ("GPE", "LOC"):
        start -= 2
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
    while end + 1 < len(doc) and doc[end].lower_ in (",", "and", "or") and doc[end + 1].ent_type_ in ("GPE", "LOC"):
        end += 2
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    return start, end


def _located(span: Span) -> bool:
    """Whether a preposition of place stands just before the name: "in Copenhagen"."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in ("in", "near")


def _literal_place(span: Span) -> bool:
    """Whether a city is named as a place, not as its government. A city is its government only in
    governing use, which the words around it show: it acts ("London said", "Beijing says",
    "Washington has claimed", "Tokyo was ready to"), is addressed ("urged Washington to respect",
    "accused Tokyo"), stands after a preposition of dealings ("toward Beijing", "efforts by
    Seoul", "relations with Brussels"), owns a decision or a law ("Washington's trade laws",
    "Beijing's decision") or backs someone ("Moscow-backed candidate"). Everything else is the
    place: "in London", "a London news conference", "London-based", "Greenwich, London", "cities
    such as London and Sydney", "auctioned in New York and London", "chosen London for its
    listing", "London's famous Savoy hotel", a dateline ("LONDON - Gold bullion")."""
    doc = span.doc
    start, end = _place_group(span)
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if after is not None and after.tag_ == "POS":
        # "Washington's tough trade remedy laws", "sympathetic to Tokyo's efforts": the
        # government's; but a place holds what has a name ("London's Evening Standard", "London's
        # famous Savoy hotel", "Tokyo's Nikkei"), what only a city has ("London's major rail
        # terminals") and what stands in it ("in London's West End").
        if before is not None and before.lower_ in ("in", "at", "near", "around", "across", "throughout"):
            return True
        owned = end + 1
        while owned < len(doc) and doc[owned].is_lower and doc[owned].tag_.startswith(("JJ", "RB", "VBG")):
            owned += 1
        if owned == len(doc) or not doc[owned].is_alpha or not doc[owned].is_lower:
            return True
        head = owned
        while head + 1 < len(doc) and doc[head + 1].is_lower and doc[head + 1].tag_.startswith("NN"):
            head += 1  # "trade remedy laws"
        return doc[head].lower_ in CITY_NOUNS
    if before is not None and before.lower_ == "to" and start > 1 and doc[start - 2].lower_ in _ADDRESSED_NOUNS:
        return False
    if before is not None and (before.lower_ in LOCATIVE or before.lower_ in AREA_WORDS):
        return True
    if after is not None and after.text in _DASHES and end + 1 < len(doc):
        return doc[end + 1].lower_ not in _GOVERNING_PARTICIPLES
    if after is not None and after.lower_ in _GOVERNING_NOUNS and after.is_lower:
        return False  # "Moscow officials have dismissed", "the Beijing authorities"
    if after is not None and after.pos_ in ("NOUN", "PROPN"):
        return True  # "urged London mayor Ken Livingstone", "meetings with Beijing ministers"
    if before is not None and before.lower_ == "on":
        # "called on Washington to cut", "pressure on Tokyo", but "the Blitz on London".
        if start > 1 and (doc[start - 2].tag_.startswith(("VB", "MD")) or doc[start - 2].lower_ in _PRESSURE_NOUNS):
            return False
    elif before is not None and (
        before.lower_ in _GOVERNING_PREPOSITIONS or (before.pos_ == "VERB" and (before.lemma_ or before.lower_).lower() in _ADDRESS_VERBS)
    ):
        return False
    verb = end
    while verb < len(doc) and doc[verb].tag_ == "RB" and verb - end < 2:
        verb += 1  # "Beijing also has been threatened"
    if not (verb < len(doc) and doc[verb].tag_ in ("VBD", "VBZ", "VBP", "MD")):
        return True
    return _describes_place(doc, verb)


def _describes_place(doc: Doc, verb: int) -> bool:
    """Whether the verbs from `verb` on say what a city is rather than what its government does:
    "London is very special", "Athens would be the first Games", "Madrid is the first small step"
    (but "Paris was more subdued", "Madrid is being represented by", "Tokyo was ready to")."""
    i = verb
    while i < len(doc) and (doc[i].tag_ == "MD" or doc[i].lower_ in ("not", "n't", "also", "still", "now")):
        i += 1
    if i >= len(doc) or doc[i].lower_ not in _BE_FORMS:
        return False
    while i < len(doc) and (doc[i].lower_ in _BE_FORMS or doc[i].tag_ in ("RB", "RBR", "RBS", "``", "''")):
        i += 1  # 'Washington was "not doing anything', "was still unconvinced"
    if i >= len(doc) or doc[i].tag_ in ("VBN", "VBG", "TO", "IN"):
        return False  # a passive, a progressive or "is to", "is in talks": the verb decides
    # The predicate, up to the end of its phrase: a stance or a state's part is the government's.
    for token in doc[i : min(len(doc), i + 8)]:
        if token.is_punct:
            break
        if token.lower_ in _STANCE_ADJECTIVES or token.lower_ in _STATE_NOUNS:
            return False
    return True


_BE_FORMS = frozenset({"is", "was", "are", "were", "be", "been", "being", "'s", "’s"})


# Nouns of bodies whose names join two fields with "and": "the Finance and Economy Ministry".
_JOINED_BODY_WORDS = frozenset({"ministry", "department", "project"})


def _name_before_and(doc: Doc, ent: Span, taken: int) -> int | None:
    """The start of up to three capitalised words the model left untagged before "and" and an
    organisation whose name (or the small noun after it) is a body's, or None: the name of the
    body begins there. Not where the words before "and" are a name the model tagged, nor where
    no body is named ("Rover and SAIC", "the Golden and Silver Bear awards")."""
    i = ent.start - 1
    # Not "Pact and the UK Film Council": a name of its own after "and" takes an article.
    if i < 1 or doc[i].lower_ not in ("and", "&") or not ent[0].text[:1].isupper():
        return None
    # "Public and Commercial Services union": the body's noun may follow the name, small.
    after = doc[ent.end].lower_ if ent.end < len(doc) and doc[ent.end].is_lower else ""
    if not any(word in _BODY_WORDS or word in _JOINED_BODY_WORDS for word in (ent[-1].lower_, after)):
        return None
    start = i
    while (
        start - 1 > taken
        and i - start < 3
        and doc[start - 1].text[:1].isupper()
        and doc[start - 1].ent_iob_ == "O"
        and doc[start - 1].tag_ in ("NNP", "NNPS", "JJ")
    ):
        start -= 1
        if _sentence_initial(doc[start]):
            break
    return start if start < i else None


def _name_after_of(doc: Doc, i: int) -> int | None:
    """The end of the capitalised words after "of" (or "of the") at `i` that go on a one-word
    name, or None. Not a place ("Samsung of South Korea": a firm and its seat) nor an owner
    ("an acquisition by Paccar of Trico's shares": the name takes an object)."""
    if i + 1 >= len(doc) or doc[i].lower_ != "of":
        return None
    end = start = i + 1 + (doc[i + 1].lower_ == "the")
    while end < len(doc) and doc[end].text[:1].isupper() and not doc[end].is_sent_start:
        if doc[end].ent_type_ in ("GPE", "LOC", "NORP"):
            return None
        end += 1
    if end == start or (end < len(doc) and doc[end].lower_ in ("'s", "’s")):
        return None
    return end


def _widened(doc: Doc, ents: list[Span], table: AliasTable) -> list[tuple[Span, str]]:
    """Entity spans repaired where the model cut a name: "Liberal" + "Democrat" tagged apart,
    "Democrats" without the "Liberal" before it, "Cable and" without "Wireless". A span is
    widened by up to two words either side when the wider text is a name the alias table
    knows, and an organisation ending in a connector takes the capitalised words after it.
    Entities the wider span covers are dropped."""
    out: list[tuple[Span, str]] = []
    taken = -1
    for ent in ents:
        if ent.start < taken:
            continue
        if (
            all(t.lower_.rstrip(".") in LEGAL_SUFFIXES for t in ent)
            and out
            and out[-1][0].end == ent.start - 1
            and doc[ent.start - 1].lower_ in ("and", "&")
        ):
            # "Baring Brothers and Co Ltd" tagged as "Baring Brothers" and "Co Ltd": one firm.
            out[-1] = (doc[out[-1][0].start : ent.end], "ORG")
            taken = ent.end
            continue
        if (opening := _firm_opening(doc, ent, out[-1] if out else None)) is not None:
            # "Goodyear Tire and Rubber Co", "Rohm and Haas Co": the model tags the words
            # before "and" a person or a place and the rest a firm.
            if out and out[-1][0].start >= opening:
                out.pop()
            out.append((doc[opening : ent.end], "ORG"))
            taken = ent.end
            continue
        best, label = ent, ent.label_
        for left in (2, 1, 0):
            for right in (2, 1, 0):
                start, end = ent.start - left, ent.end + right
                if (left, right) == (0, 0) or start < max(0, taken) or end > len(doc):
                    continue
                extra = list(doc[start : ent.start]) + list(doc[ent.end : end])
                if not all(t.text[:1].isupper() or t.lower_ == "party" for t in extra):
                    continue
                key = normal_form(_text_of(doc[start:end]))
                hit = table.aliases.get(key) or table.aliases.get(_branch_key(key, table) or "")
                if not hit and any(key.startswith(p) and key[len(p) :] in table.aliases for p in BRANCH_PREFIXES):
                    hit = ("", "ORG")  # "the English Democrats": a party of its own name
                if hit:
                    best, label = doc[start:end], hit[1]
                    break
            if best is not ent:
                break
        if (
            best is ent
            and ent.label_ == "ORG"
            and len(ent) >= 2  # not "US TV Fox"
            and ent.start - 1 > taken
            and doc[ent.start - 1].ent_iob_ == "O"
            and doc[ent.start - 1].tag_ == "NNP"
            and _firm_initials(doc[ent.start - 1].text, table)
        ):
            # "RJ Reynolds Tobacco" tagged without its initials: a fragment of the firm's name,
            # which the article may also shorten ("Reynolds").
            best = doc[ent.start - 1 : ent.end]
        if best is ent and ent.label_ == "ORG" and ent[-1].lower_ in _CONNECTORS:
            end = ent.end
            while end < len(doc) and doc[end].text[:1].isupper() and not doc[end].is_sent_start:
                end += 1
            best = doc[ent.start : end]
        if best is ent and ent.label_ == "ORG" and (start := _name_before_and(doc, ent, taken)) is not None:
            # "the Finance and Economy Ministry", "the Pew Internet and American Life Project",
            # "Public and Commercial Services union": the model tags the words after "and" alone.
            best = doc[start : ent.end]
        if best is ent and ent.label_ == "ORG" and len(ent) == 1 and (end := _name_after_of(doc, ent.end)):
            # "House of Fraser", "House of Flying Daggers", "House of the Dead": the model tags
            # the word before "of" alone, which as an actor of its own ("House") is nothing the
            # article names.
            best = doc[ent.start : end]
        if (
            best is ent
            and ent.label_ == "GPE"
            and normal_form(ent.text) not in table.countries
            and normal_form(ent.text) not in table.aliases
        ):
            # "the Hollywood Reporter trade newspaper", "Devon County Council": capitalised words
            # the model left untagged after a place make the name of an organisation (after a
            # country they are mostly a title or a description: "US Undersecretary").
            end = ent.end
            while (
                end < len(doc)
                and doc[end].text[:1].isupper()
                and doc[end].tag_.startswith("NN")
                and doc[end].ent_iob_ == "O"
                and not doc[end].is_sent_start
                and doc[end].lower_ not in _TITLES_BY_FIRST
            ):
                end += 1
            # Not "New York Attorney General Eliot Spitzer": a title runs on into a name.
            if end > ent.end and (end == len(doc) or not doc[end].text[:1].isupper()):
                best, label = doc[ent.start : end], "ORG"
        if best is not ent and out and out[-1][0].end > best.start:
            out.pop()  # "Liberal" was its own entity: the wider span replaces it
        out.append((best, label))
        taken = best.end
    return out


_INITIALS = re.compile(r"[A-Z]{2}|(?:[A-Z]\.){1,3}")


def _firm_initials(word: str, table: AliasTable) -> bool:
    """Whether a word is a firm's initials ("RJ", "J.P."), not an abbreviation the alias table or
    the text's roles know ("US", "MP")."""
    key = normal_form(word)
    return (
        _INITIALS.fullmatch(word) is not None
        and key not in table.aliases
        and key not in table.countries
        and key.replace(".", "") not in ROLE_WORDS
    )


# An initial: "C." in "C. Itoh and Co Ltd"; a first name's in a team list may drop its stop ("S Grimes").
_INITIAL = re.compile(r"[A-Z]\.")
_INITIAL_OF = re.compile(r"[A-Z]\.?")


def _firm_opening(doc: Doc, ent: Span, previous: tuple[Span, str] | None) -> int | None:
    """Where a firm's name begins when the model cut it at "and": an organisation ending in a
    legal form ("Rubber Co") right after "and" and capitalised words that are no organisation of
    their own (untagged, or tagged a person or a place: "Goodyear Tire", "Rohm"). In Reuters
    "A and B Co" is one firm nearly always ("Pacific Gas and Electric Co", "Tate and Lyle Plc");
    two organisations ("Ford and General Motors Corp", "Trust Co and Lloyds Bank Plc") or a
    titled person ("Mr Smith and Acme Corp") before it are left apart."""
    before = ent.start - 1
    if not (
        ent.label_ == "ORG"
        and len(ent) >= 2
        and ent[-1].lower_.rstrip(".") in LEGAL_SUFFIXES
        and before >= 1
        and doc[before].lower_ in ("and", "&")
        and doc[before - 1].text[:1].isupper()
    ):
        return None
    # One word after "and" ("Rubber", "Sons", "Poor's"); two or more name a firm of their own
    # ("S.G. Warburg and Goldman Sachs Co", "Asher Edelman and Dominion Textile Inc").
    rest = [t for t in _org_tokens(list(ent)) if t.tag_ != "POS"]
    if len(rest) > 1:
        return None
    if previous is not None and previous[0].end == before:
        span, label = previous
        if (
            label in ("ORG", "FAC")
            or len(span) > 3
            or _title_before(span)
            or span[0].lower_ in DETERMINERS
            or any(t.lower_.rstrip(".") in LEGAL_SUFFIXES for t in span)  # "Wood Gundy Inc and ..."
        ):
            return None
        return span.start
    start = before
    while (
        start > 0
        and before - start < 3
        and doc[start - 1].text[:1].isupper()
        and (doc[start - 1].is_alpha or _INITIAL.fullmatch(doc[start - 1].text))  # "C. Itoh and Co Ltd"
        and doc[start - 1].ent_iob_ == "O"
        and doc[start - 1].lower_ not in DETERMINERS
    ):
        if doc[start - 1].lower_ in LEGAL_SUFFIXES:
            return None  # "Wood Gundy Inc and Gordon Capital Corp": two firms
        start -= 1
        if doc[start].is_sent_start:
            break
    if start == before or _title_before(doc[start:before]):
        return None
    return start


_SPEECH_VERBS = frozenset({"said", "says", "told", "tells", "added", "adds"})


def _speaks(first, last) -> bool:
    """Whether a reporting verb follows a name ("Meridian said", "Meridian also said") or comes
    just before it, the name closing the clause ("said Texas.", "said Texas, which ...")."""
    doc = last.doc
    i = last.i + 1
    if i < len(doc) and doc[i].tag_ == "RB":
        i += 1
    if i < len(doc) and doc[i].lower_ in _SPEECH_VERBS:
        return True
    return first.i > 0 and doc[first.i - 1].lower_ in _SPEECH_VERBS and (last.i + 1 == len(doc) or doc[last.i + 1].is_punct)


def _incorporated(ent: Span) -> Span:
    """"Niagara Mohawk Power Co", "Ultramar Plc" tagged PERSON: no one's name ends in a legal form."""
    if len(ent) > 1 and ent[-1].lower_.rstrip(".,>") in LEGAL_SUFFIXES and ent[-1].text[:1].isupper():
        return Span(ent.doc, ent.start, ent.end, label="ORG")
    return ent


def _speaking(ent: Span) -> Span:
    """A work, product, event or law that speaks is a person or a firm the model mistook:
    '"... ambitions," Jean-Michel Lemetayer, from the FNSEA agricultural union, told the
    Associated Press', "Prof Gellhorn said", "F-Secure said it". The speech verb follows the name,
    or the apposition after it."""
    doc = ent.doc
    if not 2 <= len(ent) <= 4 or not all(t.text[:1].isupper() or t.text == "-" for t in ent):
        return ent
    after = ent.end
    if after < len(doc) and doc[after].text == ",":
        close = after + 1
        while close < len(doc) and close - after < 15 and doc[close].text != "," and not doc[close].is_sent_start:
            close += 1
        after = close + 1
    if after >= len(doc) or doc[after].lower_ not in _SPEECH_VERBS:
        return ent
    # "Jean-Michel Lemetayer" is a name, "F-Secure" a firm's.
    person = _leading_title(list(ent))[0] or all((t.is_alpha and len(t) > 1) or t.text == "-" for t in ent)
    return Span(doc, ent.start, ent.end, label="PERSON" if person else "ORG")


def _briefs_joined(doc: Doc, ents: list[Span]) -> list[Span]:
    """"the Department for Education and Skills", "Department for Culture, Media and Sport": the
    model ends a ministry's name at its first brief and tags the others apart ("Skills", "Media");
    briefs joined to it by "and" or a comma are the rest of the one name."""
    out: list[Span] = []
    taken = -1
    for ent in ents:
        if ent.start < taken:
            continue
        end = ent.end
        if (
            ent.label_ == "ORG"
            and ent[-1].lower_ in PORTFOLIO_WORDS
            and any(t.lower_ in ("for", "of") for t in ent[1:-1])
        ):
            while (
                end + 1 < len(doc)
                and doc[end].lower_ in (",", "and", "&")
                and doc[end + 1].text[:1].isupper()
                and doc[end + 1].lower_ in PORTFOLIO_WORDS
            ):
                end += 2
        if end > ent.end:
            out.append(Span(doc, ent.start, end, label="ORG"))
            taken = end
        else:
            out.append(ent)
    return out


def _listed_pair(doc: Doc, ents: list[Span], table: AliasTable, entity_texts: set[str]) -> list[Span]:
    """"newer acts like The Darkness and Lostprophets", "Arsenal and Real Madrid", "Hayden Tanner
    and Willie Davies": an organisation or person the model tagged over two names joined by "and"
    is the two (not "&", which joins the names of one firm: "Marsh & McLennan", "Tate & Lyle").
    Only where the words on both sides are all capitalised (not "Department for
    Education and Skills"), the whole ends in no body's noun (not "Standards and Privileges
    Committee", "Pew Internet and American Life Project") and the table does not know it, and
    where one side shows itself a name of its own: it is one the article or the table names
    alone, or it opens with its article ("The Times"), or both sides are full names of people."""
    out: list[Span] = []
    for ent in ents:
        ands = [t.i for t in ent[1:-1] if t.lower_ == "and"]
        if ent.label_ not in ("ORG", "PERSON") or len(ands) != 1:
            out.append(ent)
            continue
        left, right = doc[ent.start : ands[0]], doc[ands[0] + 1 : ent.end]
        words = [t for t in (*left, *right) if t.is_alpha]
        opens_with_the = [side for side in (left, right) if side[0].text == "The" and len(side) > 1]
        if left[0].text == "The" and _sentence_initial(left[0]):
            opens_with_the = [side for side in opens_with_the if side is not left]
        split = (
            all(t.text[:1].isupper() for t in words)
            and ent[-1].lower_ not in _BODY_WORDS | _JOINED_BODY_WORDS | LEGAL_SUFFIXES
            and not _known(normal_form(_text_of(ent)), table)
            and (
                opens_with_the
                or any(side.text in entity_texts or _known(normal_form(side.text), table) for side in (left, right))
                or (ent.label_ == "PERSON" and len(left) >= 2 and len(right) >= 2)
            )
        )
        out.extend(
            (Span(doc, left.start, left.end, label=ent.label_), Span(doc, right.start, right.end, label=ent.label_))
            if split
            else (ent,)
        )
    return out


def _surnames_left_out(doc: Doc, ents: list[Span]) -> list[Span]:
    """"singer-songwriters Feargal Sharkey, Lucie Silvas and ..." tagged "Lucie" (ORG) and later
    "Silvas said" untagged: a one-word name the model tagged, followed by a capitalised proper
    noun it left out that the article makes speak alone, is a person's full name."""
    out: list[Span] = []
    for ent in ents:
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if (
            nxt is not None
            and len(ent) == 1
            and ent.label_ in ("PERSON", "ORG")
            and ent[0].is_alpha
            and ent[0].whitespace_ == " "
            and nxt.ent_iob_ == "O"
            and nxt.pos_ == "PROPN"
            and nxt.is_alpha
            and nxt.text[:1].isupper()
            and not nxt.is_upper
            and any(t.text == nxt.text and t.i != nxt.i and t.ent_iob_ == "O" and _speaks(t, t) for t in doc)
        ):
            ent = Span(doc, ent.start, ent.end + 1, label="PERSON")
        out.append(ent)
    return out


def _firms_in_lists(doc: Doc, ents: list[Span]) -> list[Span]:
    """"Philip Morris, Lorillard Tobacco, Liggett Group and Brown and Williamson": two surnames
    joined by "and" after a list's last "and" that follows an organisation are one firm's name,
    not two people, where neither word is a surname the article gives anyone in full or after a
    title."""
    named = {t.text for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if (
            nxt is not None
            and ent.label_ == nxt.label_ == "PERSON"
            and len(ent) == len(nxt) == 1
            and nxt.start == ent.end + 1
            and doc[ent.end].lower_ in ("and", "&")
            and not ({ent.text, nxt.text} & named)
            # The list's own "and" stands before them: in "Athlete, Ciara and Feeder" the one
            # "and" is the list's, and Ciara and Feeder are two.
            and ent.start >= 2
            and doc[ent.start - 1].lower_ == "and"
            and out
            and out[-1].label_ == "ORG"
            and out[-1].end == ent.start - 1
            and _title_before(ent) is None
        ):
            out.append(Span(doc, ent.start, nxt.end, label="ORG"))
            i += 2
            continue
        out.append(ent)
        i += 1
    return out


def _party_word(text: str, table: AliasTable) -> bool:
    """Whether a word is a party's name in the alias table ("Democrats", "Conservative")."""
    hit = table.aliases.get(normal_form(text))
    return bool(hit and hit[0] in table.party_countries)


def _adjacent_joined(doc: Doc, ents: list[Span], table: AliasTable) -> list[Span]:
    """One-word entities the model split out of one name, touching with nothing but a space
    between: "the Swan Hunter shipyard" (Swan NORP, Hunter PERSON), "Sony Ericsson", "Newton
    Aycliffe", and a party's name after a word that makes it another party's ("the Christian
    Democrats" of Italy, tagged "Christian" and "Democrats": not the US party). Not where either
    word is a country, demonym or alias ("US Google", "Welsh Labour"): those are two names side
    by side; nor where the first opens a title ("Senate Democratic leader")."""
    out: list[Span] = []
    for ent in ents:
        last = out[-1] if out else None
        if (
            last is not None
            and last.end == ent.start
            and len(last) == 1
            and len(ent) == 1
            and last[0].whitespace_
            and not _in_title(last)  # "Senate Democratic leader Robert Byrd"
            and ent.label_ in ACTOR_LABELS
            and last.label_ in ACTOR_LABELS
            # Two organisations side by side are the model's reading: "Cadillac BLS" is a car.
            and (ent.label_, last.label_) != ("ORG", "ORG")
            and not _known(normal_form(last.text), table)
            # "Texas Democrat Jim Wright" is the US party's member from Texas.
            and (not _known(normal_form(ent.text), table) or (_party_word(ent.text, table) and last.label_ == "NORP"))
        ):
            labels = {last.label_, ent.label_}
            label = "GPE" if labels & {"GPE", "LOC"} and "ORG" not in labels else "ORG"
            out[-1] = Span(doc, last.start, ent.end, label=label)
        else:
            out.append(ent)
    return out


def _branch_key(key: str, table: AliasTable) -> str | None:
    """The national name behind a regional branch: "welsh liberal democrat" -> "liberal democrat"."""
    for prefix in BRANCH_PREFIXES:
        if key.startswith(prefix) and key[len(prefix) :] in table.aliases:
            name, kind = table.aliases[key[len(prefix) :]]
            # The prefixes are the UK's nations: the "English Democrats" are no branch of a US party.
            if kind == "ORG" and table.party_countries.get(name, "United Kingdom") == "United Kingdom":
                return key[len(prefix) :]
    return None


def resolve_mentions(doc: Doc, options: ActorOptions = ActorOptions()) -> list[Mention]:
    """Entity mentions of a parsed article, each resolved to a canonical actor where it is one."""
    table = options.table()
    text = doc_text(doc)
    acronyms = defined_acronyms(text, table)
    defined_names = set(acronyms.values())
    things = noun_acronyms(text)
    # The entities once: each read of doc.ents builds its spans anew.
    all_ents = [(e, e.label_, e.text) for e in doc.ents]
    ents = [
        _speaking(e) if label in _THING_LABELS else _incorporated(e) if label == "PERSON" else e
        for e, label, _ in all_ents
        if label in ENTITY_LABELS
    ]
    languages = _languages(all_ents, table)
    common = _CommonWords(doc, text)
    lower_words = common.lower
    entity_texts = {t for _, _, t in all_ents}
    ents = _surnames_left_out(doc, _listed_pair(doc, ents, table, entity_texts))
    repaired = _widened(doc, _adjacent_joined(doc, _firms_in_lists(doc, _briefs_joined(doc, ents)), table), table)
    drafts = []
    people = {e[-1].text for e, label, _ in all_ents if label == "PERSON"}
    places = {t for _, label, t in all_ents if label in ("GPE", "LOC")}
    # Surnames the article uses alone for a person: a one-word PERSON entity, or after "Mr".
    surnames = {t for e, label, t in all_ents if label == "PERSON" and len(e) == 1}
    surnames.update(m.group(2) for m in _HONOURED.finditer(text))
    # Where the names of organisations, laws and works end: a place after "of" there is part of
    # the name ("the Board of Deputies of British Jews").
    name_ends = {
        e.end - 1
        for e, label, _ in all_ents
        if label in ("ORG", "FAC") or label in _THING_LABELS
        # "Boliden AB of Sweden", "<Motown Industries> of Los Angeles": a company and its seat.
        if e[-1].lower_.rstrip(".") not in LEGAL_SUFFIXES and e[-1].text != ">"
    }

    def known(tokens: list) -> bool:
        """Whether words make a name by themselves: the alias table's, the article's, or a title's
        opening ("Home" Secretary)."""
        key = normal_form(_text_of(tokens))
        return _known(key, table) or _text_of(tokens) in entity_texts or tokens[0].lower_ in TITLE_OPENERS

    for span, label in repaired:
        draft = _strip(span, known)
        draft.label = label
        brand = next((k for k, t in enumerate(draft.tokens) if _small_capped(t.text)), None)
        if brand and label == "ORG" and all(t.text[:1].isupper() for t in draft.tokens[:brand]):
            # "Apple iPod", "SSEYO miniMIXA": the maker, before the product's brand, is the actor.
            draft.tokens = draft.tokens[:brand]
        if (
            label == "ORG"
            and len(draft.tokens) >= 2
            and _sentence_initial(draft.tokens[0])
            and normal_form(_text_of(draft.tokens)) not in table.aliases
            and (
                (draft.tokens[0].lower_ in STATUS_WORDS or known(draft.tokens[1:]))
                and draft.tokens[0].text in common
                # The article spells an acronym in brackets from the words after the first alone
                # ("Past Congressional Budget Office (CBO)", "Recent International Coffee
                # Organization (ICO)"), even where it never writes "past" small.
                or _before_bracket(draft.tokens[1:]) in defined_names
            )
        ):
            # "New Metropolitan Police Commissioner Sir Ian Blair", "New Home Secretary Charles
            # Clarke", "Past Congressional Budget Office (CBO) forecasts", "Rapper 50 Cent has
            # ended": a word the article writes small, capitalised only to open the sentence,
            # qualifies what follows (a status, or a name the article gives alone).
            draft.tokens = draft.tokens[1:]
            draft.span = Span(doc, draft.tokens[0].i, draft.tokens[-1].i + 1, label=span.label_)
        if draft.tokens:
            owner = _owner(draft.tokens, people, places, table)
            if owner:
                # "Craxi's Socialist Party", "Denmark's Crown Prince Frederik": the model took a
                # person's or a country's name into the next one; it is a mention of its own.
                owner_tokens, owner_label = owner
                owner_draft = _Draft(span=doc[owner_tokens[0].i : owner_tokens[-1].i + 1], tokens=owner_tokens, label=owner_label)
                title, rest = _leading_title(owner_tokens)
                if owner_label == "PERSON" and title and rest:
                    # "Mr Brown's International Finance Facility": the owner is Brown, titled.
                    owner_draft.tokens, owner_draft.title = rest, title
                drafts.append(owner_draft)
                draft.tokens = draft.tokens[len(owner_tokens) + 1 :]
        if (
            draft.label == "ORG"
            and len(draft.tokens) == 2
            and draft.tokens[1].lower_ == "administration"
            and draft.tokens[0].text in people | surnames
        ):
            # "Reagan Administration officials" beside "President Reagan": a government named
            # after its head names him, as "the Reagan administration" (the model's "Reagan") does.
            draft.tokens, draft.label = draft.tokens[:1], "PERSON"
            draft.span = Span(doc, draft.tokens[0].i, draft.tokens[0].i + 1, label="PERSON")
        if draft.tokens and draft.label == "ORG" and (cut := _person_tail(draft.tokens, surnames, table)):
            # "For the Lib Dems David Laws said", "aerospace group EADS Philippe Camus is to
            # leave" (later "Mr Camus"): an organisation and a person the model ran together.
            head, tail = draft.tokens[:cut], draft.tokens[cut:]
            draft.tokens = head
            drafts.append(draft)
            draft = _Draft(span=doc[tail[0].i : tail[-1].i + 1], tokens=tail, label="PERSON")
        if (
            draft.tokens
            and draft.label == "NORP"
            and len(draft.tokens) >= 3
            and normal_form(draft.tokens[0].text) in table.demonyms
            and all(t.text[:1].isupper() and t.is_alpha for t in draft.tokens[1:])
        ):
            # "Russian Irina Shevchenko" tagged NORP: a nationality and a person's name, as
            # "Briton Clive Owen" tagged PERSON.
            draft.label = "PERSON"
        for piece in _comma_parts(draft) if draft.tokens else []:
            if piece.label == "PERSON":
                drafts.extend(_person_parts(piece, table))
                continue
            parts = _dash_parts(piece)
            if len(parts) == 2 and piece.label == "ORG":
                # "IRI - Istituto per la Ricostruzione Industriale": an acronym and its name.
                short, long_ = sorted(parts, key=lambda p: len(p.tokens))
                word = short.tokens[0].text
                initials = "".join(t.text[0] for t in long_.tokens if t.text[:1].isupper()).lower()
                if len(short.tokens) == 1 and word.isupper() and word.isalpha() and initials == word.lower():
                    acronyms.setdefault(normal_form(word), _org_name(long_.tokens))
            drafts.extend(parts)

    drafts = _article_names(doc, drafts, frozenset(acronyms.values()))
    drafts = sorted(drafts + _untagged_parties(doc, table) + _untagged_full_names(doc, drafts, table), key=lambda d: d.tokens[0].i)

    for acronym, name in initials_acronyms(drafts, table).items():
        acronyms.setdefault(acronym, name)

    _exclaimed_names(drafts)
    _one_sense(drafts)

    # A name the model tagged ORG ("Saxon Spence") is a person when the article later gives its
    # surname an honorific ("Mrs Spence"), whatever the model tags that mention ("Mr Ebbers",
    # tagged ORG like "Bernie Ebbers"): an honorific only ever stands before a person's name.
    honoured = {
        d.tokens[-1].text
        for d in drafts
        if (d.label == "PERSON" and (d.title or "").lower().rstrip(".") in HONORIFICS)
        or (len(d.tokens) == 2 and d.tokens[0].lower_.rstrip(".") in SURNAME_HONORIFICS)
    }
    # Also where the model tagged nothing after the honorific ("Ms Errigo told the BBC" beside
    # "Empire's Angie Errigo", tagged ORG); "Dr" names brands too ("Dr Pepper").
    honoured.update(m.group(2) for m in _HONOURED.finditer(text) if m.group(1) != "Dr")
    for d in drafts:
        if (
            d.label in ("ORG", "NORP", "GPE")
            and 2 <= len(d.tokens) <= 3
            and d.tokens[-1].text in honoured
            and not _leading_title(d.tokens)[0]  # "Mr Balls" tagged ORG goes the title's way
            and all(t.text[:1].isupper() for t in d.tokens)
            and normal_form(_text_of(d.tokens)) not in table.aliases
        ):
            d.label = "PERSON"

    _drop_slogan_verbs(drafts)
    _bracketed_companies(drafts, text)
    # Whether the article capitalises names: most of its names are capitalised.
    cased = 2 * sum(d.tokens[0].text[:1].isupper() for d in drafts) >= len(drafts)
    works = _works(drafts, lower_words)
    table_rows = [(m.start(), m.end()) for m in _TABLE_ROW.finditer(text)]

    # Full person names the article gives, in order, for linking short mentions to them.
    full_names: list[tuple[int, list[str], str]] = []
    for d in drafts:
        if (
            d.label == "PERSON"
            and len(d.tokens) >= 2
            and any(t.whitespace_ for t in d.tokens[:-1])  # "Udvar-Hazy" is a surname alone
            # "Jurgen den Hartog", "Alwaleed bin Talal": a particle inside a name is written small.
            and all(t.text[:1].isupper() or t.is_punct or t.lower_ in SURNAME_PARTICLES for t in d.tokens)
            and d.tokens[0].text[:1].isupper()
            and d.tokens[-1].text[:1].isupper()
        ):
            words = [t.text for t in d.tokens]
            # "Luther Stan Pate IV", "Brent Bozell III", "Martin Luther King Jr.": the surname is
            # the word before a generational suffix, so that "Pate said" is that person.
            while len(words) > 2 and words[-1].rstrip(".").lower() in GENERATIONAL:
                words.pop()
            full_names.append((d.tokens[0].idx, words, _text_of(d.tokens)))

    by_last: dict[str, list] = {}
    by_first: dict[str, list] = {}
    for entry in full_names:
        by_last.setdefault(entry[1][-1], []).append(entry)
        by_first.setdefault(entry[1][0], []).append(entry)

    surname_uses = Counter(d.tokens[-1].text for d in drafts if d.label == "PERSON")

    def person_for(words: list[str], at: int, *, surname_only: bool = False) -> str | None:
        """The full name a short mention stands for: by surname, or ("Kate") by first name,
        except after an honorific ("Mr Howard" is never Howard Flight)."""
        words = _name_words(words)
        if not words:
            return None
        best: tuple[tuple[int, bool, int], str] | None = None
        candidates = by_last.get(words[-1], []) + ([] if surname_only else by_first.get(words[0], []))
        for start, full, written in candidates:
            full = _name_words(full)
            if len(words) > len(full):
                continue
            matches = (
                full[-len(words) :] == words
                or (not surname_only and len(words) == 1 and full[0] == words[0])
                # "Carl Icahn" and "Carl C. Icahn": the same first and last names.
                or (len(words) >= 2 and full[0] == words[0] and full[-1] == words[-1])
                # "S Borthwick" in a team list beside "Steve Borthwick": an initial for the first.
                or (
                    len(words) == 2
                    and _INITIAL_OF.fullmatch(words[0]) is not None
                    and full[0][:1] == words[0][0]
                    and full[-1] == words[-1]
                )
            )
            if not matches:
                continue
            # Prefer the nearest full name introduced before the mention, else the first after;
            # a first name alone ("a room with Tony") is the person the article is most about.
            distance = at - start if start <= at else 10**9 + start
            by_first_name = len(words) == 1 and full[-1] != words[0]
            # "Kilroy Silk", two words, is the end of "Robert Kilroy Silk": the longer name wins
            # over the two words as a name of their own.
            # Not a span that runs two names together ("Florian Hamm - Borussia Dortmund") or
            # opens with a common word ("Bookmaker William Hill").
            shorter = len(words) >= 2 and (len(full) <= len(words) or _two_names(written) or full[0] in common)
            rank = (-surname_uses[full[-1]] if by_first_name else 0, shorter, distance)
            if best is None or rank < best[0]:
                best = (rank, re.sub(r"\s+", " ", written))
        if best is None and surname_only and len(words) == 1:
            # "Kim Yungmin ... Mr Kim", "Wang Xuebing ... Mr Wang": a family name written first,
            # where the article never uses the name's last word alone as a surname.
            family = {
                re.sub(r"\s+", " ", written)
                for _, full, written in by_first.get(words[0], [])
                if len(full) == 2 and full[-1] not in surnames
            }
            return family.pop() if len(family) == 1 else None
        return best[1] if best else None

    # Organisation names the article gives in full, for linking short forms ("Caltex") to them;
    # companies are those written once with their legal form ("Piedmont Aviation Inc").
    orgs_by_first: dict[str, set[str]] = {}
    org_first_at: dict[str, int] = {}
    companies: set[str] = set()
    for d in drafts:
        if d.label == "ORG" and (name := _org_name(d.tokens)):
            orgs_by_first.setdefault(name.split()[0], set()).add(name)
            if name.count(" ") >= 2 and _firm_initials(name.split()[0], table):
                # "Reynolds" for "RJ Reynolds Tobacco": the name after the firm's initials.
                orgs_by_first.setdefault(name.split()[1], set()).add(name)
            org_first_at.setdefault(name, d.tokens[0].idx)
            if len(_org_tokens(d.tokens)) < len(d.tokens):
                companies.add(name)
    first_seen: dict[str, int] = {}
    for d in drafts:
        first_seen.setdefault(_text_of(d.tokens), d.tokens[0].idx)
    org_names = set().union(*orgs_by_first.values()) if orgs_by_first else set()

    def org_for(name: str, at: int) -> str:
        """The one longer name the article gives for a short form: "Caltex" for "Caltex
        Petroleum", "Media Council" for "Ugandan Media Council", "Amazon" for "Amazon.com".
        A longer name that adds a place ("Daiwa Securities America") is the short form only when
        the article gives it first: "Yukos", named before "Yukos USA", is the parent."""
        if name.lower().endswith(".com") and name[:-4] in org_names:
            return name[:-4]
        if name in companies:
            return name  # "<Noranda Inc>" is Noranda, not its "Noranda Forest Inc unit"
        if " " not in name:
            # "Moody's" (its possessive cut) beside the company "Moody's Investors Service Inc"
            # (not "Gateshead" beside "Gateshead's Sage Centre").
            owned = [o for s in ("'s", "’s") for o in orgs_by_first.get(name + s, ()) if " " in o and o in companies]
            if len(owned) == 1:
                return owned[0]
        longer = [
            o
            for o in orgs_by_first.get(name.split()[0], ())
            if (o.startswith(name + " ") or o.partition(" ")[2].startswith(name + " "))
            and (
                org_first_at[o] < first_seen.get(name, at)
                or not _names_a_place(o[len(name) :], places, table)
            )
        ]
        if not longer and (
            " " in name or (name.lower() not in ORG_WORDS | GENERIC_WORDS | PORTFOLIO_WORDS and name not in common)
        ):
            # "Media Council" of "Ugandan Media Council"; "Kodak" of "Eastman Kodak", "Disney"
            # of "Walt Disney" (not "Bank" of "Den Danske Bank", nor "Elvis" of "European Elvis",
            # whose head is a name of its own).
            longer = [
                o
                for o in org_names
                if o.endswith(" " + name) and (" " in name or not _known(normal_form(o[: -len(name)]), table))
            ]
        if not longer and name.lower() in BODY_NOUNS and name[:1].isupper():
            # "the Treasury" beside "the UK Treasury", "the Committee" beside "the Senate Banking
            # Committee": a capitalised body noun alone is the one body the article names so
            # (not "Parliament" beside "the Houses of Parliament", a name of its own).
            longer = [
                o for o in org_names if o.endswith(" " + name) and o.split()[-2].lower() not in _CONNECTORS | {"the"}
            ]
        if len(longer) > 1:
            # "Merrill" beside "Merrill Lynch" and "Merrill Lynch Capital Markets": the shortest,
            # when the others only lengthen it, and whatever that one stands for.
            shortest = min(longer, key=len)
            if all(o == shortest or o.startswith(shortest + " ") for o in longer):
                return org_for(shortest, at)
        return longer[0] if len(longer) == 1 else name

    def company_for(name: str) -> str | None:
        """"Piedmont" tagged a place in a story about "Piedmont Aviation Inc": the company."""
        longer = [o for o in companies if o.startswith(name + " ")]
        return longer[0] if len(longer) == 1 else None

    mentions: list[Mention] = []
    for d in drafts:
        label = d.label
        tokens = d.tokens
        words = [t.text for t in tokens]
        at = tokens[0].idx
        actor: str | None = None
        actor_type: str | None = None

        if label != "PERSON" and d.title:
            # "General Brown" tagged ORG: a person if what follows the title is one.
            title, rest = _leading_title(tokens)
            rest_words = [t.text for t in rest] if title else words
            linked = person_for(rest_words, at) if rest_words else None
            # An abbreviated title ("Gen Pervez Musharraf") begins no organisation's name.
            is_honorific = (title or d.title).lower().rstrip(".") in HONORIFICS | ABBREVIATED_TITLES
            if linked or (is_honorific and 1 <= len(rest_words) <= 3):
                label = "PERSON"
                if title:
                    tokens = rest
                    words = rest_words
                actor, actor_type = linked or " ".join(words), "PERSON"

        key = normal_form(_text_of(tokens))
        key = _branch_key(key, table) or key
        if (
            actor is None
            and label in ("NORP", "GPE")
            and len(tokens) == 1
            and words[0] in by_last
            and not _modifies_noun(tokens[0])
        ):
            # The surname of someone the article named in full, standing as a noun ("Cuban
            # said" after "Mark Cuban", which the model tags NORP), is that person, not Cuba.
            linked = person_for(words, at, surname_only=True)
            if linked:
                actor, actor_type, label = linked, "PERSON", "PERSON"
        if actor is None and label in ACTOR_LABELS and (
            key in table.not_actors
            or (key.endswith("s") and key[:-1] in table.not_actors)  # "Budgets", "Oscars"
            # "Britain's role in Iraq": a name the alias table knows is never a work.
            or (key in works and key not in table.aliases and key not in table.countries)
            or _in_title(d.span)
            or _no_name(tokens, key, table)
            or _in_rows(tokens[0].idx, table_rows)
            or key in languages
            or (len(tokens) == 1 and _sentence_initial(tokens[0]) and tokens[0].text in common and not _known(key, table))
            # "Mystery firm Baikal", "Teamwork is essential", "Quirky comedy Sideways": a word the
            # tagger reads as a common noun or adjective, capitalised only where it opens a
            # sentence, is that word, though the article never writes it small.
            or (
                len(tokens) == 1
                and label in ("ORG", "PERSON", "FAC")
                and tokens[0].tag_ in _COMMON_TAGS
                and _sentence_initial(tokens[0])
                and common.opens_only(tokens[0].text)
                and not _known(key, table)
            )
            or (label == "ORG" and _country_and_word(tokens, table, lower_words))
            or (len(tokens) == 1 and key not in table.aliases and _acronym_noun(tokens[0].text, text))
            or (label in ("GPE", "LOC", "NORP") and _of_a_name(tokens[0], name_ends))
            or key in things
        ):
            pass  # "Budget", "House" in "House Speaker", "comedy Coupling": an entity, never an actor
        elif actor is None and label in ACTOR_LABELS:
            if key in acronyms:
                actor, actor_type = acronyms[key], "ORG"
            elif key in table.aliases and not (label == "PERSON" and d.title):
                # The model often tags a party or country ("Labour") as a PERSON.
                actor, actor_type = table.aliases[key]
            elif key in table.countries and label != "PERSON":
                actor, actor_type = table.countries[key]  # also "colombia" in an all-lower-case story
            elif key.endswith("s") and key[:-1] in table.countries and label != "PERSON":
                actor, actor_type = table.countries[key[:-1]]  # "building two Canadas"
            elif label == "PERSON" and not d.title and len(tokens) == 1 and key in table.demonyms:
                actor, actor_type = table.demonyms[key]  # "Welsh", "Britons" tagged PERSON
            elif label == "PERSON" and not d.title and len(tokens) == 1 and tokens[0].text in LAW_WORDS:
                pass  # "the Bill": legislation, not a man called Bill
            elif label == "PERSON" and cased and not any(w[:1].isupper() for w in words):
                # "pornography", "node": in cased text a person's name has a capital ("de
                # Villepin" too); some Reuters stories are lower case throughout.
                pass
            elif label == "PERSON":
                # "Mr Howard" is a surname, never Howard Flight; "Sir Digby" is a first name.
                honorific = (d.title or "").lower().rstrip(".") in SURNAME_HONORIFICS
                actor = person_for(words, at, surname_only=honorific)
                actor_type = "PERSON"
                if (
                    actor is None
                    and len(tokens) == 1
                    and not d.title
                    and (org := org_for(words[0], at)) != words[0]
                ):
                    # "Cairn said" in a story about "Cairn Energy": the first word of the one
                    # organisation the article names so, no person's.
                    actor, actor_type, label = org, "ORG", "ORG"
                elif not d.title and len(tokens) >= 2 and (company := company_for(_text_of(tokens))):
                    # "Niagara Mohawk said" in a story about "Niagara Mohawk Power Corp", "Mark
                    # IV" beside "Mark IV Industries Inc": a company's name the article gives
                    # with its legal form, shortened.
                    actor, actor_type, label = company, "ORG", "ORG"
                actor = actor or _text_of(tokens)
            elif (
                options.metonyms
                and key in table.metonyms
                and label in ("GPE", "LOC", "FAC", "ORG")
                and not _metonym_blocked(d.span)
            ):
                place = Span(doc, tokens[0].i, tokens[-1].i + 1)
                clubs = [
                    o
                    for o in org_names
                    if len(o.split()) == 2 and o.endswith(" " + _text_of(tokens)) and o.split()[0].lower() not in ORG_WORDS
                ]
                if len(clubs) == 1 and not _located(place):
                    # "Madrid know my situation" in a story that names Real Madrid: the club,
                    # whose name ends with its city's, not Spain.
                    actor, actor_type, label = clubs[0], "ORG", "ORG"
                elif (label == "GPE" or _located(place) or key not in SEATS_OF_GOVERNMENT) and _literal_place(place):
                    # A city as a place ("in London") is the city; seats of government
                    # ("Downing Street", "the Kremlin") are tagged FAC or ORG and speak, unless
                    # the text puts something in them ("a concert in Copenhagen", tagged ORG).
                    name = re.sub(r"\s+", " ", _text_of(tokens))
                    # A dateline's "LONDON - Gold bullion was fixed" is London.
                    actor, actor_type = name.title() if name.isupper() else name, "GPE"
                else:
                    actor, actor_type = table.metonyms[key]
            elif key in table.demonyms and _qualifies_event(d.span) or label == "NORP" and _language(d.span):
                pass  # "the European elections": the word says which elections, it names no one
            elif key in table.demonyms and (label == "NORP" or (label == "ORG" and len(tokens) == 1)):
                # "a third of Welsh households": a lone demonym the model tagged ORG.
                actor, actor_type = _nationality(key, _text_of(tokens), table, options)
            elif not _home_town(d.span) and (linked := person_for(words, at)):
                # A surname the model mistook for a place or an organisation.
                actor, actor_type, label = linked, "PERSON", "PERSON"
            elif not any(w[:1].isupper() or w[:1].isdigit() for w in words):
                pass  # "cts", "mln": lower-case words are not a name
            elif label == "ORG" and (body := _state_body(tokens, table)):
                # "the US Securities and Exchange Commission" is the SEC (its country is still
                # mentioned, below).
                actor, actor_type = body
            elif label == "ORG":
                name = _org_name(tokens)
                actor, actor_type = (org_for(name, at) if name else _text_of(tokens)), "ORG"
            elif label in ("GPE", "LOC", "FAC") and (company := company_for(_text_of(tokens))):
                actor, actor_type, label = company, "ORG", "ORG"
            elif (
                label in ("GPE", "LOC", "FAC", "NORP")
                and _speaks(tokens[0], tokens[-1])
                and (org := org_for(_text_of(tokens), at)) != _text_of(tokens)
            ):
                # "Meridian said" (tagged NORP) beside "Meridian Diagnostics", "Union Texas said"
                # (the model's "Texas") beside "Union Texas Petroleum": a place the alias table
                # does not make a government speaks as the organisation named after it.
                actor, actor_type, label = org, "ORG", "ORG"
            else:
                actor, actor_type = re.sub(r"\s+", " ", _text_of(tokens)), label
        start = tokens[0].idx
        end = tokens[-1].idx + len(tokens[-1].text)
        mentions.append(
            Mention(
                start=start,
                end=end,
                text=text[start:end],
                label=label,
                actor=actor,
                actor_type=actor_type,
                title=d.title,
            )
        )
        if label == "ORG" and len(tokens) > 1:
            country = _country_part(tokens, table)
            # "the Bank of England", "the Church of England": a nation within a state is no state
            # an institution speaks for; the name is the institution's alone.
            if country and country[2] not in NATIONS_OF and (actor is None or _state_named(tokens, country)):
                # "the U.S. Agriculture Department" speaks for the United States too, and "U.S.
                # exporters" (no organisation) name it; "UK Independence Party" does not.
                first, last, name = country
                c_start, c_end = first.idx, last.idx + len(last.text)
                mentions.append(
                    Mention(
                        start=c_start,
                        end=c_end,
                        text=text[c_start:c_end],
                        label="GPE",
                        actor=name,
                        actor_type="GPE",
                    )
                )
    untagged = _untagged_surnames(doc, text, mentions, by_last, person_for)
    if untagged:
        mentions = sorted(mentions + untagged, key=lambda m: m.start)
    untagged = (
        _untagged_organisations(doc, text, table, mentions)
        + _honoured_surnames(doc, text, mentions, person_for)
        + _titled_names(doc, text, person_for)
        + _described_names(doc, text, table, person_for)
    )
    if untagged:
        mentions = sorted(mentions + untagged, key=lambda m: m.start)
    mentions = _hyphenated_countries(mentions, table, options)
    _bracketed_acronyms(mentions, text)
    _parties_named_longer(mentions, table)
    _parties_by_context(mentions, table)
    _places_that_spoke(mentions, text)
    _one_actor_per_name(mentions)
    _same_person(mentions)
    _demonyms_of_named_places(mentions)
    _plurals_of_named(mentions)
    _members_of_named_parties(mentions)
    _seas_named_short(mentions, table)
    _capitals_of_named_states(mentions, table)
    _same_organisation(mentions, table)
    _misspelt_names(mentions)
    return mentions


_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december".split()
)


def _untagged_full_names(doc: Doc, drafts: list[_Draft], table: AliasTable) -> list[_Draft]:
    """A person's full name the model left untagged where it tags the surname elsewhere:
    "Naureen Jahangir, a Sanders supporter from Hemet, California, is among those ..." (no
    entity) and later "Jahangir told" (PERSON), in PolNeAR. One or two capitalised proper nouns
    before the surname, none of them tagged, a title, a weekday or month, or a name the alias
    table knows ("Iowa", "GOP"); the surname tagged PERSON somewhere in the article. Without it
    the speaker search passes over the person the text has just introduced."""
    alone, of_full_names = set(), set()
    for d in drafts:
        if d.label != "PERSON" or not d.tokens:
            continue
        words = [t.text for t in d.tokens]
        while len(words) > 1 and words[-1].rstrip(".").lower() in GENERATIONAL:
            words.pop()
        (alone if len(words) == 1 else of_full_names).add(words[-1])
    # Only a surname the model tags alone and in no full name: where it tags "Hillary Clinton", an
    # untagged "Bill Clinton" would take the later "Clinton"s from her.
    surnames = {
        w for w in alone - of_full_names if len(w) >= 3 and w.isalpha() and w[0].isupper() and not w.isupper()
    }
    if not surnames:
        return []

    def first_name(t) -> bool:
        return (
            t.pos_ == "PROPN"
            and t.ent_iob_ == "O"
            and t.is_alpha
            and t.text[0].isupper()
            and not t.is_upper
            and t.whitespace_ == " "
            and t.lower_ not in _CALENDAR
            and t.lower_ not in _TITLES_BY_FIRST
            and t.lower_ not in ROLE_NOUNS
            and normal_form(t.text) not in table.aliases
            and normal_form(t.text) not in table.countries
            and normal_form(t.text) not in table.demonyms
            # A capitalised word the article writes in lower case too is a word, not a first
            # name ("Outside Carrier's plant", "Absent Sanders' plan").
            and re.search(r"\b" + re.escape(t.lower_) + r"\b", doc.text) is None
        )

    found = []
    for match in re.finditer(r"\b(?:" + "|".join(map(re.escape, sorted(surnames))) + r")\b", doc.text):
        span = doc.char_span(*match.span())
        if span is None or len(span) != 1:
            continue
        token = span[0]
        if token.ent_iob_ != "O" or token.pos_ != "PROPN" or token.i == 0:
            continue
        start = token.i
        while start > 0 and token.i - start < 2 and first_name(doc[start - 1]):
            start -= 1
        if start == token.i:
            continue
        before = doc[start - 1] if start > 0 else None
        if before is not None and before.pos_ == "PROPN" and before.text[:1].isupper():
            continue  # more capitalised words before: whose name it is, is not clear
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and after.pos_ == "PROPN" and after.text[:1].isupper():
            continue  # "Trump Tower", "Clinton Foundation"
        if doc[start].is_sent_start and not (after is not None and after.text == ","):
            # A capitalised word opening a sentence may be any word ("Outside Carrier's plant",
            # "Absent Sanders' plan"); a name opening one is introduced by an apposition.
            continue
        span = doc[start : token.i + 1]
        found.append(_Draft(span=span, tokens=list(span), label="PERSON", title=_title_before(span)))
    return found


def _names_a_place(words: str, places: set[str], table: AliasTable) -> bool:
    """Whether some words are the name of a place the article or the alias table knows."""
    words = words.strip()
    hit = table.aliases.get(normal_form(words)) or table.countries.get(normal_form(words))
    return words in places or bool(hit and hit[1] == "GPE")


def _modifies_noun(token) -> bool:
    """A word before the noun it qualifies: "Cuban immigrants", "Cuban-American voters"."""
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return following is not None and (following.pos_ in ("NOUN", "PROPN", "ADJ") or following.text == "-")


def _untagged_surnames(doc: Doc, text: str, mentions: list[Mention], by_last: dict, person_for) -> list[Mention]:
    """The surname of a person the article has named in full, standing alone where the model
    tagged nothing: 'Schlafly invoked the title of the book she wrote' after "Phyllis Schlafly",
    'Weaver didn't seem particularly impressed' after "Karen Weaver" (PolNeAR). The model misses
    such a name often enough that the speaker search took the person before for the speaker.
    Only a surname one person of the article has, as a proper noun of its own (not the start of
    another name: "Weaver Street"), after the full name."""
    first_at = {
        last: min(e[0] for e in entries)
        for last, entries in by_last.items()
        if len({e[2] for e in entries}) == 1 and len(last) >= 3 and last.isalpha() and last[0].isupper()
    }
    if not first_at:
        return []
    starts = [m.start for m in mentions]
    order = sorted(range(len(mentions)), key=starts.__getitem__)
    starts = [mentions[i].start for i in order]
    ends = [mentions[i].end for i in order]
    found = []
    for match in re.finditer(r"\b(?:" + "|".join(map(re.escape, first_at)) + r")\b", text):
        at, end = match.span()
        if at <= first_at[match.group()]:
            continue
        k = bisect_right(starts, at) - 1
        if k >= 0 and max(ends[: k + 1][-3:]) > at:
            continue  # inside a mention already
        span = doc.char_span(at, end)
        if span is None or len(span) != 1 or span[0].pos_ != "PROPN":
            continue
        token = span[0]
        neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
        if any(n.pos_ == "PROPN" and n.text[:1].isupper() for n in neighbours):
            continue
        actor = person_for([match.group()], at, surname_only=True)
        if actor:
            found.append(Mention(at, end, match.group(), "PERSON", actor, "PERSON"))
    return found


_HONOURED = re.compile(r"\b(Mrs|Mr|Ms|Miss|Dr|Mx)\.? ([A-Z][a-z][\w-]*)")


def _honoured_surnames(doc: Doc, text: str, mentions: list[Mention], person_for) -> list[Mention]:
    """A surname after an honorific where the model tagged nothing: '"It's not a slang word,"
    Ms Ensler told the BBC' after "US playwright Eve Ensler". An honorific stands only before a
    person's name, so the word is a person's whether or not the article names them in full (then
    it is that person); not a title ("Mr President"). "Dr" also names brands and characters
    ("Dr Pepper", "Dr Who"): after it, only the surname of a person the article names."""
    starts = sorted(m.start for m in mentions)
    ends = [m.end for m in sorted(mentions, key=lambda m: m.start)]
    found = []
    for match in _HONOURED.finditer(text):
        at, end = match.span(2)
        word = match.group(2)
        k = bisect_right(starts, at) - 1
        if (k >= 0 and max(ends[: k + 1][-3:]) > at) or word.lower() in _TITLES_BY_FIRST:
            continue  # inside a mention already, or "Mr Speaker"
        span = doc.char_span(at, end)
        if span is None or span[0].ent_iob_ != "O" or span[0].pos_ not in ("PROPN", "NOUN"):
            continue
        actor = person_for([t.text for t in span], at, surname_only=True)
        if actor is None and match.group(1) == "Dr":
            continue
        found.append(Mention(at, end, word, "PERSON", actor or word, "PERSON", title=match.group(1)))
    return found


# Nouns a reporter sets before a name as if a title: "comedian Chris Morris", "Backbencher
# Stephen Pound" (titles proper are in TITLES).
ROLE_NOUNS = frozenset(
    {
        "comedian", "comic", "actor", "actress", "singer", "rapper", "star", "writer", "author",
        "novelist", "playwright", "producer", "presenter", "broadcaster", "backbencher", "veteran",
        "tycoon", "billionaire", "businessman", "businesswoman", "entrepreneur", "economist",
        "analyst", "lawyer", "campaigner", "activist", "journalist", "columnist", "critic",
        "sprinter", "keeper", "skipper", "dj", "designer", "model", "chef", "musician", "guitarist",
        "drummer", "bassist", "songwriter", "composer", "pianist", "photographer", "artist", "poet",
        "dancer", "film-maker", "filmmaker", "boxer",
    }
)
# Honours written after a name: "William Haughey OBE".
HONOURS = frozenset({"obe", "mbe", "cbe", "kbe", "dbe", "frs"})
# Generational suffixes after a surname.
GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _comma_parts(draft: _Draft) -> list[_Draft]:
    """Names the model ran together over a comma are a list, each a name of its own: "Chris
    Martin, Dido", "Dell, Samsung", "House of Commons, European Parliament", "Hyypia, Traore".
    Not one name with a comma in it, whose list ends in "and" or which ends in a legal form
    ("Department for Culture, Media and Sport"), nor an organisation's name the text goes on
    with ("Smith Barney, Harris Upham and Co", "Peat, Marwick, Mitchell and Co", tagged without
    their ends)."""
    tokens = draft.tokens
    commas = [i for i, t in enumerate(tokens) if t.text == ","]
    if not commas:
        return [draft]
    doc = draft.span.doc
    # The words after the span, up to the first that no firm's name holds.
    after = []
    for t in doc[tokens[-1].i + 1 : tokens[-1].i + 8]:
        if t.is_space:
            continue
        if not (t.text[:1].isupper() or t.lower_ in ("and", "&", ",")):
            break
        after.append(t)
    if (
        any(t.lower_ in ("and", "&") for t in tokens[commas[-1] :])
        or tokens[-1].lower_.rstrip(".") in LEGAL_SUFFIXES
        or (
            draft.label == "ORG"
            and after
            and (
                # "Donaldson, Lufkin, and Jenrette", "Smith Barney, Harris Upham And Co Inc",
                # "Peat, Marwick, Mitchell and Co" (not "House of Commons, European
                # Parliament, Scottish Parliament").
                (len(after) > 2 and after[0].text == "," and after[1].lower_ in ("and", "&"))
                or (len(after) > 1 and after[0].lower_ in ("and", "&"))
                or any(t.lower_.rstrip(".") in LEGAL_SUFFIXES for t in after)
            )
        )
    ):
        return [draft]
    out, start = [], 0
    for cut in [*commas, len(tokens)]:
        part = tokens[start:cut]
        start = cut + 1
        if part and part[0].text[:1].isupper() and part[-1].text[:1].isupper():
            span = Span(doc, part[0].i, part[-1].i + 1, label=draft.label)
            out.append(_Draft(span=span, tokens=part, label=draft.label, title=draft.title if not out else None))
    return out or [draft]


def _dash_parts(draft: _Draft) -> list[_Draft]:
    """A spaced dash is never inside a name: "IRI - Istituto per la Ricostruzione Industriale",
    "its wine arm - Diageo Chateau & Estate Wines", "Guitar Greats - Jimmy Page". Each side with a
    capitalised word is a name of its own, under the span's label."""
    doc = draft.span.doc
    tokens = draft.tokens
    cuts = [i for i, t in enumerate(tokens) if t.text in ("-", "–", "—") and t.whitespace_ and t.i > 0 and doc[t.i - 1].whitespace_]
    if not cuts:
        return [draft]
    out, start = [], 0
    for cut in [*cuts, len(tokens)]:
        part = tokens[start:cut]
        start = cut + 1
        while part and (part[0].is_lower or part[0].is_punct):
            part = part[1:]
        while part and (part[-1].is_lower or part[-1].is_punct):
            part = part[:-1]
        if part and any(t.text[:1].isupper() for t in part):
            span = Span(doc, part[0].i, part[-1].i + 1, label=draft.label)
            out.append(_Draft(span=span, tokens=part, label=draft.label, title=draft.title if not out else None))
    return out


def _person_tail(tokens: list, surnames: set[str], table: AliasTable) -> int | None:
    """Where a person's first name and surname begin at the end of an organisation's span: the
    surname is one the article uses alone for a person, or the words before the name are a party
    the alias table knows; none of the three last words is a word of
    organisations' names."""
    if len(tokens) < 3:
        return None
    head = table.aliases.get(normal_form(_text_of(tokens[:-2])))
    if tokens[-1].text not in surnames and not (head and head[0] in table.party_countries):
        return None
    first, last = tokens[-2], tokens[-1]
    if not all(t.is_alpha and t.text[:1].isupper() and t.text[1:].islower() for t in (first, last)):
        return None
    if any(t.lower_ in ORG_WORDS or t.lower_ in _CONNECTORS for t in tokens[-3:]) or not first.whitespace_:
        return None
    return len(tokens) - 2


def _person_parts(draft: _Draft, table: AliasTable) -> list[_Draft]:
    """A PERSON span cut to the person's name. A spaced dash is never inside a name ("MPs -
    Keith Vaz", "Alan Milburn - the"): each side with a capitalised word is a name of its own.
    Honours and roles after the name go ("William Haughey OBE", "Lib Dem MPs"). A word before a
    name of two words or more that is a country's demonym, a party or country the alias table
    knows, or a reporter's role noun is no first name: "Briton Clive Owen" is Clive Owen and the
    United Kingdom, "Comedian Chris Morris" is Chris Morris."""
    doc = draft.span.doc
    cuts = [
        i
        for i, t in enumerate(draft.tokens)
        if t.text in ("-", "–", "—") and t.whitespace_ and t.i > 0 and doc[t.i - 1].whitespace_
    ]
    parts, start = [], 0
    for cut in [*cuts, len(draft.tokens)]:
        parts.append(draft.tokens[start:cut])
        start = cut + 1
    named = [p for p in parts if any(t.text[:1].isupper() and t.lower_ not in ROLE_WORDS for t in p)]
    if len(named) > 1:
        parts = [draft.tokens]  # two names either side: which one the span is, a cut cannot say
    out = []
    for tokens in parts:
        # "Anthony became Lopez", "Lil Jon and": a name ends at a word written small that is no
        # particle of it ("Jurgen den Hartog", "Mott the Hoople", "Ring of Fire") nor the end of
        # a hyphenated word ("Chung Mong-koo").
        small = next(
            (
                k
                for k, t in enumerate(tokens)
                if k
                and t.is_lower
                and t.is_alpha
                and t.lower_ not in _PERSON_SMALL
                and not (tokens[k - 1].text in _DASHES and not tokens[k - 1].whitespace_)
            ),
            None,
        )
        if small is not None and tokens[0].text[:1].isupper():
            tokens = tokens[:small]
        while tokens and (tokens[-1].lower_.rstrip(".") in ROLE_WORDS | HONOURS or tokens[-1].is_punct):
            tokens = tokens[:-1]
        while tokens and (tokens[0].lower_ in DETERMINERS or tokens[0].is_punct):
            tokens = tokens[1:]
        if not tokens or (len(parts) > 1 and not any(t.text[:1].isupper() for t in tokens)):
            continue  # "Alan Milburn - the": no name on that side of the dash
        title = draft.title
        if len(tokens) >= 3 and all(t.text[:1].isupper() or t.text == "-" for t in tokens):
            # "Tory David Heathcoat-Amory", "Lib Dem MP Lembit Opik": a party of up to three
            # words, and a role after it, before a name of two words or more.
            for n in (3, 2, 1):
                key = normal_form(_text_of(tokens[:n]))
                alias = table.aliases.get(key)
                kind = "NORP" if key in table.demonyms else alias[1] if alias and alias[1] in ("GPE", "ORG") else None
                rest = n
                while rest < len(tokens) and tokens[rest].lower_.rstrip(".") in ROLE_WORDS:
                    rest += 1
                if kind and len(tokens) - rest >= 2 and tokens[rest].text != "-":
                    out.append(_Draft(span=doc[tokens[0].i : tokens[n - 1].i + 1], tokens=tokens[:n], label=kind))
                    tokens = tokens[rest:]
                    break
            else:
                # "Comedian Chris Morris", "MSP Karen Whitefield", "MEP Nigel Farage".
                if tokens[0].lower_ in ROLE_NOUNS or tokens[0].lower_.rstrip(".") in ROLE_WORDS:
                    title, tokens = tokens[0].text, tokens[1:]
        span = draft.span if tokens == draft.tokens else doc[tokens[0].i : tokens[-1].i + 1]
        out.append(_Draft(span=span, tokens=tokens, label="PERSON", title=title))
    return out


# Words of organisations' names that no person's name has.
ORG_WORDS = LEGAL_SUFFIXES | {
    "international", "group", "holdings", "association", "council", "bank", "university", "party",
    "league", "trust", "foundation", "society", "union", "company", "committee", "agency", "institute",
}
# Nouns for a body that an article, having named it in full, may write alone and capitalised:
# "the Treasury", "the Committee", "the Bank".
BODY_NOUNS = (ORG_WORDS - LEGAL_SUFFIXES - {"international", "holdings"}) | STATE_BODIES | {
    "commission", "exchange", "court", "board", "authority", "fund", "assembly", "federation",
}


def _titled_names(doc: Doc, text: str, person_for) -> list[Mention]:
    """Two or three capitalised words after a title that the model left untagged: "said
    Nottingham City Councillor Brian Parbutt", "Suffolk Chief Constable Alastair McWhirter". A
    title so written stands before a person's name."""
    found = []
    n = len(doc)
    for token in doc:
        if token.ent_iob_ != "O" or not token.text[:1].isupper() or token.lower_ not in _TITLE_LAST_WORDS:
            continue
        end = token.i + 1
        while (
            end < n
            and end - token.i <= 3
            and doc[end].text[:1].isupper()
            and doc[end].ent_iob_ == "O"
            and doc[end].pos_ == "PROPN"
            and doc[end].lower_ not in _TITLES_BY_FIRST
            and doc[end].lower_ not in _TITLE_LAST_WORDS
        ):
            end += 1
        # Not when more capitalised words run on: a name's end must be seen; and no word of an
        # organisation's name ("King Arthur International category").
        if (
            2 <= end - token.i - 1 <= 3
            and (end == n or not doc[end].text[:1].isupper())
            and not any(t.lower_ in ORG_WORDS for t in doc[token.i + 1 : end])
        ):
            first, last = doc[token.i + 1], doc[end - 1]
            at, stop = first.idx, last.idx + len(last.text)
            words = [t.text for t in doc[token.i + 1 : end]]
            actor = person_for(words, at) or text[at:stop]
            found.append(Mention(at, stop, text[at:stop], "PERSON", actor, "PERSON", title=token.text))
    return found


# Words after a name and its comma that describe a person: "Hugo Lueders, European director
# for public policy at CompTIA", "Parul Jain, deputy chief economist at Nomura".
_DESCRIBING = (_TITLE_LAST_WORDS - HONORIFICS) | ROLE_NOUNS


def _described_names(doc: Doc, text: str, table: AliasTable, person_for) -> list[Mention]:
    """Two or three capitalised proper nouns the model left untagged, that a description of a
    person follows: the name, a comma, and a title or role within three words. Not after a
    determiner ("in the Sunday Telegraph, ..."), not a title ("Lord Chancellor"), not a name
    the alias table knows ("For the Lib Dems, Vince Cable")."""
    found = []
    n = len(doc)
    i = 0
    while i < n:
        end = i
        while (
            end < n
            and end - i < 3
            and doc[end].ent_iob_ == "O"
            and doc[end].pos_ == "PROPN"
            and doc[end].is_alpha
            and doc[end].text[:1].isupper()
            and not doc[end].is_upper
        ):
            end += 1
        if (
            end - i >= 2
            and end + 1 < n
            and doc[end].text == ","
            and (i == 0 or not (doc[i - 1].is_alpha and (doc[i - 1].text[:1].isupper() or doc[i - 1].pos_ == "DET")))
            and doc[i].lower_ not in _TITLES_BY_FIRST
            and not any(t.lower_ in ORG_WORDS for t in doc[i:end])
            and any(t.lower_ in _DESCRIBING for t in doc[end + 1 : min(n, end + 4)])
        ):
            at, stop = doc[i].idx, doc[end - 1].idx + len(doc[end - 1].text)
            if normal_form(text[at:stop]) not in table.aliases:
                words = [t.text for t in doc[i:end]]
                found.append(Mention(at, stop, text[at:stop], "PERSON", person_for(words, at) or text[at:stop], "PERSON"))
        i = max(end, i + 1)
    return found


# Nouns after a name that make it an organisation: "the FNSEA agricultural union".
ORG_NOUNS = frozenset(
    {
        "union", "group", "firm", "company", "association", "body", "organisation", "organization",
        "agency", "charity", "federation", "council", "watchdog", "regulator", "institute",
        "consultancy", "alliance", "lobby", "think-tank", "thinktank", "consortium",
    }
)
# Words that say a name is an organisation's, however it is cased.
_BODY_WORDS = BODY_NOUNS | ORG_NOUNS
# Words of three letters or more with two capitals or more: "FNSEA", "CompTIA".
# Last words of the names of organisations and treaties that end "of" or "for" a place: "the
# Treaty of Rome", "the Economic Commission for Europe", "the Muslim Association of Britain".
NAMED_FOR_PLACE = (
    ORG_NOUNS | ORG_WORDS | BODY_NOUNS | {"treaty", "convention", "academy", "college", "museum", "church"}
) - LEGAL_SUFFIXES


def _of_a_name(first, name_ends: set[int]) -> bool:
    """Whether a place (its first token) ends the name of an organisation, a treaty or a work:
    after "of" or "for" and the end of such a name the model tagged ("the Board of Deputies of
    British Jews") or a capitalised organisation noun ("the Treaty of Rome", "the United Nations
    Economic Commission for Europe"). A country named inside a name is not mentioned by it; a
    person's title is no such name ("Princess Marguerite of Romania")."""
    doc, i = first.doc, first.i
    if i < 2 or doc[i - 1].lower_ not in ("of", "for"):
        return False
    # "Standard Pacific Savings of Costa Mesa, Calif.": a seat, written with its state.
    end = next((t for t in doc[i : i + 4] if not t.text[:1].isupper()), None)
    if end is not None and end.text == ",":
        return False
    before = doc[i - 2]
    return i - 2 in name_ends or (
        before.text[:1].isupper() and before.lower_ in NAMED_FOR_PLACE and not _sentence_initial(before)
    )


_MIXED_CAPS_WORD = re.compile(r"(?<![\w-])(?=[A-Za-z]{3,}(?![\w-]))[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?![\w-])")


def _untagged_organisations(doc: Doc, text: str, table: AliasTable, mentions: list[Mention]) -> list[Mention]:
    """A word of two capitals or more the model left untagged ("FNSEA", "CompTIA") is an
    organisation where the text says so: a noun of organisations follows it, at most one word
    between ("from the FNSEA agricultural union"), or a person's role comes before it with "at"
    ("director for public policy at CompTIA")."""
    found = []
    for m in _MIXED_CAPS_WORD.finditer(text):
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) != 1:
            continue
        token = span[0]
        if (
            token.ent_iob_ != "O"
            or any(m.start <= token.idx < m.end for m in mentions)
            or token.lower_ in ROLE_WORDS
            or _known(token.lower_, table)
        ):
            continue
        after = [t.lower_ for t in doc[token.i + 1 : token.i + 3]]
        org_noun = bool(after) and (after[0] in ORG_NOUNS or (len(after) > 1 and after[1] in ORG_NOUNS and doc[token.i + 1].is_lower))
        before = doc[max(0, token.i - 8) : token.i]
        role_at = (
            token.i > 0
            and doc[token.i - 1].lower_ == "at"
            and any(t.lower_ in _DESCRIBING for t in before)
            and (token.i + 1 >= len(doc) or not doc[token.i + 1].text[:1].isupper())
        )
        if org_noun or role_at:
            at, stop = token.idx, token.idx + len(token.text)
            found.append(Mention(at, stop, text[at:stop], "ORG", token.text, "ORG"))
    return found


def _one_sense(drafts: list[_Draft]) -> None:
    """One name, one sense in an article: a lone word the model tags a place somewhere and a
    person elsewhere ("in Manchester" ... "Manchester said") is the place, unless the article
    gives it a title or a full name ends with it (then it is a surname)."""
    places = {d.tokens[0].text for d in drafts if d.label in ("GPE", "LOC") and len(d.tokens) == 1}
    if not places:
        return
    surnames = {d.tokens[-1].text for d in drafts if d.label == "PERSON" and (len(d.tokens) > 1 or d.title)}
    for d in drafts:
        if d.label == "PERSON" and len(d.tokens) == 1 and not d.title:
            word = d.tokens[0].text
            if word in places and word not in surnames:
                d.label = "GPE"


_ANGLE_NAME = re.compile(r"<([A-Za-z][^<>\n]{1,80})>")


def _bracketed_companies(drafts: list[_Draft], text: str) -> None:
    """Reuters writes a company's name in angle brackets the first time ("<Matra>", "<Citibank
    NA>", "<Kansallis-Osake-Pankki>"): a name that opens such brackets is an organisation,
    whatever the model tagged it."""
    if "<" not in text:
        return
    opens = {m.start(1) for m in _ANGLE_NAME.finditer(text)}
    for d in drafts:
        if d.tokens and d.label in ("PERSON", "GPE", "LOC", "FAC", "NORP") and d.tokens[0].idx in opens:
            d.label = "ORG"


def _drop_slogan_verbs(drafts: list[_Draft]) -> None:
    """"Vote Blair, Get Brown": the model reads a slogan's imperative as a first name. A person
    whose first word is a campaign imperative is the name after it."""
    for d in drafts:
        if (
            d.label == "PERSON"
            and len(d.tokens) >= 2
            and d.tokens[0].lower_ in SLOGAN_VERBS
            and d.tokens[1].text[:1].isupper()
        ):
            d.tokens = d.tokens[1:]


_DASHES = frozenset({"-", "–"})


def _name_words(words: list[str]) -> list[str]:
    """A person's name's words as two mentions are compared: "Kilroy Silk" and "Robert
    Kilroy-Silk" (a hyphen is written or left out), "Van Liemt" opening a sentence and "Hans van
    Liemt" (a particle's capital says nothing)."""
    return [w.lower() if w.lower() in SURNAME_PARTICLES else w for w in words if w not in _DASHES]


# How demonyms end: "Ukrainian", "Angolans", "Senegalese", "Kuwaiti".
_DEMONYM_ENDINGS = ("an", "ans", "ese", "ish", "i", "is")


def _demonym_of(word: str, place: str) -> bool:
    """Whether a word is the demonym of a place by the regular endings: "Senegalese" of Senegal,
    "Moroccan" of Morocco, "West German" of West Germany, "Yugoslav" of Yugoslavia."""
    word, place = word.lower(), place.lower()
    if place == word + " republic":
        return True  # "Czech" of the Czech Republic, "Kyrgyz" of the Kyrgyz Republic
    if len(place) < 4 or word == place or word.split()[:-1] != place.split()[:-1]:
        return False
    return (word.startswith(place[:-1]) and len(word) - len(place) <= 4) or (place.startswith(word) and len(place) - len(word) <= 2)


def _spelling_key(name: str) -> str:
    """An organisation's name with its spelling variants levelled: "Organisation"/"Organization",
    "Centre"/"Center", "Office for"/"Office of", "and"/"&"."""
    key = normal_form(name)
    key = re.sub(r"(?<=[a-z])iz(?=ation|e\b|ed\b|ing\b)", "is", key)
    key = re.sub(r"\bcenter\b", "centre", key)
    key = re.sub(r"\b(?:for|of)\b", "of", key)
    return key.replace(" & ", " and ")


# Words of bodies that carry a country's name without speaking for it: "UK Independence Party",
# "US Airways", "Muslim Council of Britain", "Writers Guild of America", "France Telecom".
NON_STATE_WORDS = frozenset(
    {
        "party", "airways", "airlines", "airline", "association", "council", "guild", "union", "league",
        "federation", "club", "telecom", "telecommunications", "daily", "weekly", "films", "records",
        "industries", "athletics", "football", "cricket", "rugby", "for",
    }
)


def _state_named(tokens: list, country: tuple) -> bool:
    """Whether an organisation named with its country speaks for it, as a body of its state does
    ("US Supreme Court", "Bank of Japan", "U.S. Agriculture Department"); not a party, firm or
    association that only carries the name ("UK Independence Party", "US Airways", "Writers Guild
    of America", "USA For Africa")."""
    first, last, _ = country
    rest = {t.lower_ for t in tokens if not first.i <= t.i <= last.i and t.is_alpha}
    return not rest & NON_STATE_WORDS


def _state_body(tokens: list, table: AliasTable) -> tuple[str, str] | None:
    """The alias table's organisation behind a country's name: "US Securities and Exchange
    Commission" is the Securities and Exchange Commission, "U.S. Federal Reserve" the Fed."""
    part = _country_part(tokens, table)
    if part is None or part[0] is not tokens[0]:
        return None
    rest = tokens[part[1].i - tokens[0].i + 1 :]
    hit = table.aliases.get(normal_form(_text_of(rest))) if rest else None
    return hit if hit and hit[1] == "ORG" else None


def _same_organisation(mentions: list[Mention], table: AliasTable) -> None:
    """"Institute for Fiscal Studies" and "Institute of Fiscal Studies", "International Coffee
    Organisation" and "... Organization", "US Supreme Court" and "Supreme Court", "TimeWarner"
    and "Time Warner", "Hewlett-Packard" and "Hewlett Packard" in one article are one
    organisation: under the name mentioned most (on a tie, the first)."""
    counts = Counter(m.actor for m in mentions if m.actor_type == "ORG" and m.actor)
    groups: dict[str, list[str]] = {}
    for name in counts:
        key = _spelling_key(name)
        words = key.split()
        # A state body qualified by its country is the body the article also names alone.
        for width in (2, 1):
            head = " ".join(words[:width])
            hit = table.aliases.get(head) or table.countries.get(head)
            if len(words) > width + 1 and hit and hit[1] == "GPE":
                key = " ".join(words[width:])
                break
        # Spaces, hyphens and full stops inside a name are written or left out.
        groups.setdefault(re.sub(r"[\s.-]", "", key), []).append(name)
    rename = {}
    for names in groups.values():
        if len(names) > 1:
            best = max(names, key=lambda n: counts[n])
            rename.update({n: best for n in names if n != best})
    for m in mentions:
        if m.actor in rename:
            m.actor = rename[m.actor]


def _one_actor_per_name(mentions: list[Mention]) -> None:
    """One name, one actor in an article: a mention left as written whose words another mention
    resolves ("the Commons" tagged NORP beside "the Commons" tagged ORG, which is the House of
    Commons; "Contrack" tagged FAC beside "Contrack" tagged ORG, Contrack International) is that
    actor too. Not a place: "in Washington" stays the city where "Washington said" is the country."""
    resolved: dict[str, set[tuple[str, str]]] = {}
    for m in mentions:
        if m.actor and m.actor != m.text and m.actor_type in ("ORG", "PERSON"):
            resolved.setdefault(m.text, set()).add((m.actor, m.actor_type))
    for m in mentions:
        if m.actor == m.text and m.label in ("ORG", "NORP", "FAC") and len(resolved.get(m.text, ())) == 1:
            ((m.actor, m.actor_type),) = resolved[m.text]


def _plurals_of_named(mentions: list[Mention]) -> None:
    """A name in the plural whose singular the article names is that name: "Vauxhalls" and
    "Saabs" (the makers' cars) beside "Vauxhall" and "Saab", "Muslims" beside "Muslim", "Christian
    Democrats" beside "Christian Democrat", not an actor of their own."""
    types = {m.actor: m.actor_type for m in mentions if m.actor}
    for m in mentions:
        name = m.actor or ""
        if not name.endswith("s") or len(name) < 4 or name != re.sub(r"\s+", " ", m.text):
            continue
        if " " in name and m.actor_type != "NORP":
            continue  # "Delta Airlines", "Arbor Networks": a firm's name ends as it ends
        single = name[:-1]
        if single in types and types[single] in ("ORG", "NORP", "PERSON", "GPE"):
            m.actor, m.actor_type = single, types[single]


def _hyphenated_countries(mentions: list[Mention], table: AliasTable, options: ActorOptions) -> list[Mention]:
    """A name of countries joined by hyphens ("U.S.-Japanese trade talks", "the U.S.-Greek bases
    accord", "U.S.-European Community relations"), one word to the model, names each of them:
    a mention for each part, when every part is a name or demonym the alias table knows (not
    "Oversea-Chinese Banking", "Guinea-Bissau"). So do a nationality and a group of people
    the model tags as one ("A British Muslim group")."""
    out = []
    for m in mentions:
        parts = _country_parts(m, table, options)
        if not parts:
            out.append(m)
            continue
        start = m.start
        for part, label, (actor, actor_type) in parts:
            out.append(Mention(start=start, end=start + len(part), text=part, label=label, actor=actor, actor_type=actor_type))
            start += len(part) + 1
    return out


def _country_parts(m: Mention, table: AliasTable, options: ActorOptions) -> list:
    """The parts of a mention that each name a country or a group, as (text, label, (actor,
    type)) in order, a hyphen or a space apart; [] unless every part does (`_hyphenated_countries`)."""
    if "-" in m.text and not any(c.isspace() for c in m.text):
        parts = []
        for part in m.text.split("-"):
            key = normal_form(part)
            if key in table.demonyms:
                parts.append((part, "NORP", _nationality(key, part, table, options)))
            elif key in table.countries or key in table.aliases:
                parts.append((part, "GPE", table.countries.get(key) or table.aliases[key]))
            else:
                return []
        return parts
    words = m.text.split(" ")
    return _nationality_and_group(words, table, options) if m.label == "NORP" and len(words) == 2 else []


def _nationality(key: str, written: str, table: AliasTable, options: ActorOptions) -> tuple[str, str]:
    """The actor a nationality word (`key`, its normal form) stands for: its country, or the word
    as written, a group, when demonyms are not resolved to countries (`ActorOptions.demonyms`)."""
    return table.demonyms[key] if options.demonyms else (written, "NORP")


def _places_that_spoke(mentions: list[Mention], text: str) -> None:
    """A place's name that the article once uses for the organisation named after it (it
    speaks: "said Texas" beside "Texas Instruments") is that organisation wherever "in" does not
    locate it ("Texas, which makes computer chips", "Texas is keen"): an article uses the short
    name in one sense."""
    spoke = {
        m.text: (m.actor, m.actor_type)
        for m in mentions
        if m.actor and m.label == "ORG" and m.actor.startswith(m.text + " ") and m.text[:1].isupper()
    }
    if not spoke:
        return
    for m in mentions:
        if (
            m.text in spoke
            and m.actor == m.text
            and m.label in ("GPE", "LOC", "NORP", "FAC")
            and not text[max(0, m.start - 3) : m.start] == "in "
        ):
            m.actor, m.actor_type = spoke[m.text]
            m.label = "ORG"


def _capitals_of_named_states(mentions: list[Mention], table: AliasTable) -> None:
    """A capital two states have held stands for the one the article names by its own name:
    "Moscow" and "the Kremlin" are the Soviet Union in a 1987 story naming the Soviet Union (or
    "Soviet") and never Russia; "Brussels" the European Community where the story names it and
    never the European Union. Otherwise the alias table's first state."""
    if not table.metonym_states:
        return
    # States the article names otherwise than by a capital.
    named = {m.actor for m in mentions if m.actor and normal_form(m.text) not in table.metonyms}
    for m in mentions:
        states = table.metonym_states.get(normal_form(m.text))
        if not states or m.actor != states[0][0] or states[0][0] in named:
            continue
        others = [state for state in states[1:] if state[0] in named]
        if len(others) == 1:
            m.actor, m.actor_type = others[0]


def _seas_named_short(mentions: list[Mention], table: AliasTable) -> None:
    """"The Aegean" beside "the Aegean Sea", "the Indian" beside "the Indian Ocean": a sea named
    without its noun is the sea the article names, not a place of its own (not "China" beside
    "China Sea", nor "North" beside "North Sea")."""
    seas = {
        words[0]: m.actor
        for m in mentions
        if m.actor
        and m.actor_type in ("LOC", "GPE")
        and len(words := m.actor.split()) == 2
        and words[1] in ("Sea", "Ocean")
        and words[0].lower() not in AREA_WORDS
        and not _known(normal_form(words[0]), table)
    }
    for m in mentions:
        if m.actor in seas and m.actor == m.text and m.label in ("LOC", "GPE", "NORP"):
            m.actor, m.actor_type = seas[m.actor], "LOC"


def _nationality_and_group(words: list[str], table: AliasTable, options: ActorOptions) -> list:
    """"British Muslim", "Pakistani Muslim", "Iraqi Kurds" (one NORP entity to the model): a
    nationality, which names its country, and a group of people of its own; [] for anything
    else ("North American", "Roman Catholic", "Irish Americans", "British Columbians")."""
    nationality, group = normal_form(words[0]), normal_form(words[1])
    if (
        nationality not in table.demonyms
        or _known(group, table)
        or not (words[1][:1].isupper() and words[1].isalpha())
        # "British Columbians" are the people of British Columbia, no Britons.
        or group.endswith(_DEMONYM_ENDINGS)
    ):
        return []
    actor = _nationality(nationality, words[0], table, options)
    return [(words[0], "NORP", actor), (words[1], "NORP", (words[1], "NORP"))]


def _members_of_named_parties(mentions: list[Mention]) -> None:
    """Members named in the plural are the party the article names so: "the Christian
    Democrats" beside the "Christian Democratic Party", "Communists" beside the "Communist
    Party", "Liberals" beside the "Liberal Party" (parties the alias table need not know)."""
    parties = {
        m.actor[: -len(" Party")]: m.actor
        for m in mentions
        if m.actor and m.actor_type == "ORG" and m.actor.endswith(" Party") and m.actor[:1].isupper()
    }
    if not parties:
        return
    for m in mentions:
        name = m.actor or ""
        if not name.endswith("s") or name != re.sub(r"\s+", " ", m.text) or not all(w[:1].isupper() for w in name.split()):
            continue
        # "Democrats" are of a "Democratic" party, "Socialists" of a "Socialist" one.
        for single in (name[:-1], name[:-1] + "ic" if name.endswith("ats") else ""):
            if single in parties:
                m.actor, m.actor_type = parties[single], "ORG"
                break


def _demonyms_of_named_places(mentions: list[Mention]) -> None:
    """A demonym the alias table does not list is the country or place the article names under
    its own name: "West German" beside "West Germany", "Senegalese" beside "Senegal", "Czech"
    beside "the Czech Republic"."""
    places = {m.actor for m in mentions if m.actor_type in ("GPE", "LOC") and m.actor}
    if not places:
        return
    for m in mentions:
        if not m.actor or m.actor_type not in ("NORP", "GPE", "LOC"):
            continue
        if m.actor_type == "NORP":
            if m.actor in places:
                continue
            hits = {p for p in places if _demonym_of(m.actor, p)}
        else:
            # "Ukrainian" the model tags a place beside "Ukraine": a word longer than the place's
            # name that ends as demonyms end (not "Iran" beside "Iraq").
            if " " in m.actor or not m.actor.lower().endswith(_DEMONYM_ENDINGS):
                continue
            hits = {p for p in places if len(p) < len(m.actor) and _demonym_of(m.actor, p)}
        if len(hits) == 1:
            m.actor = hits.pop()
            m.actor_type = "GPE"


def _two_names(name: str) -> bool:
    """A span that runs two names together: "Matt Lucas & David Walliams", "Florian Hamm - Borussia
    Dortmund"."""
    return bool(re.search(r" (?:-|–|&|and) ", name))


def _same_person(mentions: list[Mention]) -> None:
    """"Carl C. Icahn" and "Carl Icahn" in one article are one person: names with the same first
    and last word (a hyphen read as a space) go under the one mentioned most (on a tie, the shorter)."""
    counts = Counter(m.actor for m in mentions if m.actor_type == "PERSON" and m.actor)
    groups: dict[tuple[str, str], list[str]] = {}
    for name in counts:
        words = name.replace("-", " ").split()  # "Robert Kilroy Silk", "Robert Kilroy-Silk"
        if len(words) >= 2:
            groups.setdefault((words[0], words[-1]), []).append(name)
    rename = {}
    for names in groups.values():
        if len(names) > 1:
            best = min(names, key=lambda n: (-counts[n], len(n), n))
            rename.update({n: best for n in names if n != best})
    # "Kilroy Silk" (reached from "Kilroy" alone) is the end of "Robert Kilroy-Silk": a name of
    # two words or more that ends one longer name of the article is that person.
    words_of = {n: n.replace("-", " ").split() for n in counts if not _two_names(n)}
    for name, words in words_of.items():
        if len(words) < 2 or name in rename:
            continue
        longer = {
            rename.get(other, other)
            for other, ow in words_of.items()
            if len(ow) > len(words) and ow[-len(words) :] == words
        }
        if len(longer) == 1:
            rename[name] = longer.pop()
    for m in mentions:
        if m.actor in rename:
            m.actor = rename[m.actor]


def _one_letter_apart(a: str, b: str) -> bool:
    """Whether two different words differ by one letter left out, added, changed, or two
    neighbours swapped ("Monteith" and "Montieth")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        )
    short, long_ = sorted((a, b), key=len)
    i = next((i for i, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    return short[i:] == long_[i + 1 :]


def _misspelt_names(mentions: list[Mention]) -> None:
    """A name spelt two ways in one article is one actor: "Ian MacDonald" and "Ian McDonald",
    "Mr Montieth" beside "David Monteith", "Mr Peston's book" beside "Robert Preston",
    "Arcleor" beside "Arcelor". People: the same first name, or a surname alone after an
    honorific (not "Reagan" beside "Donald Regan", nor "Clapton" beside "Adam Clayton"), and
    surnames of six letters or more one letter apart, which the name of no one else in the
    article is; organisations: one-word names so. Under the fuller name, else the one mentioned
    most (on a tie, the first)."""
    counts = Counter((m.actor, m.actor_type) for m in mentions if m.actor and m.actor_type in ("PERSON", "ORG"))
    order = {key: i for i, key in enumerate(counts)}
    words_of = {key: key[0].split() for key in counts if len(key[0].split()[-1]) >= 6}
    honoured = {m.actor for m in mentions if (m.title or "").lower().rstrip(".") in SURNAME_HONORIFICS}

    def alone(key: tuple[str, str]) -> bool:
        return key[1] == "PERSON" and len(words_of[key]) == 1 and key[0] in honoured

    rename = {}
    for key, words in words_of.items():
        if key[1] == "ORG" and len(words) > 1:
            continue
        variants = [
            other
            for other, ow in words_of.items()
            if other[1] == key[1]
            and _one_letter_apart(words[-1], ow[-1])
            and (ow[:-1] == words[:-1] or alone(key) or alone(other))
        ]
        if len(variants) == 1:
            best = min((key, variants[0]), key=lambda k: (-len(words_of[k]), -counts[k], order[k]))
            rename[variants[0] if best == key else key] = best[0]
    for m in mentions:
        m.actor = rename.get((m.actor, m.actor_type), m.actor)


# Nations within a state, whose politics are the state's: the parties of the United Kingdom stand
# in Scotland and Wales.
NATIONS_OF = {
    "Scotland": "United Kingdom",
    "Wales": "United Kingdom",
    "England": "United Kingdom",
    "Northern Ireland": "United Kingdom",
}


def _parties_by_context(mentions: list[Mention], table: AliasTable) -> None:
    """Party names resolved by the article's country: "Democrats" is the US Democratic Party
    only where the article names the United States or another US party; elsewhere (Germany's
    "Democrats", Italy's "Republicans") the mention keeps its own name."""
    if not table.party_countries:
        return
    countries = {name for name, _ in table.countries.values()}
    votes: Counter[str] = Counter()
    for m in mentions:
        if m.actor in countries:
            # "Scotland" is the United Kingdom's: an article set there is set in the UK.
            votes[NATIONS_OF.get(m.actor, m.actor)] += 1
        elif m.actor in table.party_countries:
            votes[table.party_countries[m.actor]] += 1
        elif m.actor and m.actor_type == "ORG" and m.actor.endswith(" Party"):
            # Italy's "Christian Democratic Party" and "Socialist Party", which the table does
            # not know, set the article in a country of their own.
            votes[""] += 1
    if not votes:
        return
    # The party's own mentions vote for its country too: with none of the others, only the
    # party names the country, which is no evidence when another country leads. Counted once,
    # before any mention changes.
    own = Counter(m.actor for m in mentions if m.actor in table.party_countries)
    leader, lead = votes.most_common(1)[0]
    foreign = [
        m
        for m in mentions
        if (country := table.party_countries.get(m.actor or "")) is not None
        and votes[country] - own[m.actor] <= 0
        and leader != country
        and lead >= 2
    ]
    # "Hawke's Labour Party" and "Labour support" are one party: under the fullest name written.
    fullest: dict[str, str] = {}
    for m in foreign:
        written = re.sub(r"\s+", " ", m.text)
        if len(written) > len(fullest.get(m.actor or "", "")):
            fullest[m.actor or ""] = written
    for m in foreign:
        m.actor, m.actor_type = fullest[m.actor or ""], m.label if m.label in ACTOR_LABELS else "ORG"


def _bracketed_acronyms(mentions: list[Mention], text: str) -> None:
    """An acronym in brackets straight after an organisation's name is that organisation, whatever
    its letters: "the European Legal Affairs Committee (JURI)" (the French name's), "the Office
    for National Statistics (ONS)"; each later mention of it too."""
    named: dict[str, tuple[str, str]] = {}
    for before, m in zip(mentions, mentions[1:]):
        if (
            before.actor_type == "ORG"
            and before.actor
            and m.actor == m.text
            and _ACRONYM.fullmatch(m.text)
            and not m.text.endswith("s")
            and text[before.end : m.start] in (" (", "(")
            and text[m.end : m.end + 1] == ")"
        ):
            named.setdefault(m.text, (before.actor, "ORG"))
    for m in mentions:
        # "the Office for National (ONS) statistics", tagged "Office for National (ONS": the
        # model took the bracket into the name.
        inside = re.fullmatch(r".+ \(([A-Z][A-Z0-9]{1,5})", m.text)
        if inside and m.actor_type == "ORG" and m.actor and text[m.end : m.end + 1] == ")":
            named.setdefault(inside.group(1), (m.actor, "ORG"))
    for m in mentions:
        if m.actor in named and m.actor == m.text:
            m.actor, m.actor_type = named[m.actor]


def _parties_named_longer(mentions: list[Mention], table: AliasTable) -> None:
    """A party's short name where the article names a longer party it ends: "the Conservatives"
    beside Canada's "Progressive Conservative government", "Christian Democrat" beside the
    "Christian Democrats" of Italy, is that party, not the alias table's."""
    longer = {
        m.actor
        for m in mentions
        if m.actor
        and m.actor_type in ("ORG", "NORP")
        and m.actor not in table.party_countries
        and len(m.actor.split()) >= 2
        and all(w[:1].isupper() for w in m.actor.split())
    }
    if not longer:
        return
    for m in mentions:
        if m.actor not in table.party_countries or " " in m.text:
            continue
        stem = m.text.lower().rstrip("s")
        hits = {name for name in longer if name.split()[-1].lower().rstrip("s") == stem}
        if len(hits) == 1:
            m.actor = hits.pop()
            m.actor_type = "ORG"


def _country_part(tokens: list, table: AliasTable) -> tuple | None:
    """(first token, last token, country) when an organisation is named after a country:
    "U.S. Agriculture Department", "Bank of Japan"."""
    for width in (4, 3, 2, 1):
        if width >= len(tokens):
            continue
        for part, ok in ((tokens[:width], True), (tokens[-width:], tokens[-width - 1].lower_ == "of")):
            if not ok:
                continue
            key = normal_form(_text_of(part))
            hit = table.aliases.get(key) or table.countries.get(key)
            if hit and hit[1] == "GPE":
                return part[0], part[-1], hit[0]
    return None


def _org_name(tokens: list) -> str:
    """An organisation's name without its legal form ("Eli Lilly and Co" -> "Eli Lilly")."""
    name = re.sub(r"\s+", " ", _text_of(_org_tokens(tokens)))
    if name.count("(") > name.count(")"):
        name = name[: name.rindex("(")]  # "Institute for Fiscal Studies (IFS" lost its ")"
    return name.strip(" ,<>")


def _metonym_blocked(span: Span) -> bool:
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return bool(after is not None and after.lower_ in METONYM_BLOCKERS)


@dataclass(frozen=True)
class ActorCount:
    """An actor of one article: canonical name, type and how often it is mentioned."""

    name: str
    type: str
    mentions: int


def count_actors(mentions: list[Mention]) -> list[ActorCount]:
    """Actors of an article, most mentioned first; the type is the most common one given."""
    counts: Counter[str] = Counter()
    types: dict[str, Counter[str]] = {}
    for m in mentions:
        if m.actor is None:
            continue
        counts[m.actor] += 1
        types.setdefault(m.actor, Counter())[m.actor_type or m.label] += 1

    # On a tie a person wins: the model tags a full name ORG now and then, never the reverse.
    def kind(name: str) -> str:
        ranked = types[name].most_common()
        top = [t for t, c in ranked if c == ranked[0][1]]
        return "PERSON" if "PERSON" in top else top[0]

    return [
        ActorCount(name=name, type=kind(name), mentions=n)
        for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def corpus_full_names(
    surnames: list[tuple[str, str, str | None]], people: list[tuple[str, int, str | None]]
) -> dict[tuple[str, str], str]:
    """Full names for people that an article names by surname alone ("Mr Blair" in an article
    that never says "Tony Blair"), from the full names the rest of the corpus gives.

    `surnames` are (article id, surname, sex) and `people` (full name, articles, sex), sex "m" or
    "f" from the honorifics written before the mentions (Mr; Mrs, Ms, Miss) or None. A surname
    takes the full name that holds at least two thirds of the articles naming a person of that
    surname (or bearing it as their first name) and of a compatible sex, and at least two
    articles: "Blair" is Tony Blair in the BBC store, "Mrs Blair" Cherie Blair; a surname two
    people share evenly stays as written, and so does "James".
    Returns {(article id, surname): full name}."""
    by_surname: dict[str, list[tuple[str, int, str | None]]] = {}
    first_names: Counter[str] = Counter()
    for name, articles, sex in people:
        by_surname.setdefault(name.split()[-1], []).append((name, articles, sex))
        first_names[name.split()[0]] += articles
    found = {}
    for article, surname, sex in surnames:
        candidates = [c for c in by_surname.get(surname, []) if not (sex and c[2] and c[2] != sex)]
        if not candidates:
            continue
        name, articles, _ = max(candidates, key=lambda c: (c[1], c[0]))
        # A word that is also a first name ("James") may be anyone of that first name too.
        rivals = sum(c[1] for c in candidates) + first_names[surname]
        if articles >= 2 and 3 * articles >= 2 * rivals:
            found[(article, surname)] = name
    return found
