"""HTML reader: the main text of a saved or fetched news page, and what its metadata says.

The main text comes from trafilatura (navigation, ads, comments and other boilerplate left out);
title, date, author, site name and the page's own URL from its metadata (trafilatura and htmldate
read `<meta>`, JSON-LD and the markup), the language from the page's declared language.

Around trafilatura, each for a failure seen on real news pages:

- Blocks that sit inside article bodies on many sites but are not the article are pruned first:
  calls to action ("write a letter to the editor", class `...-cta`) and editorial-standards
  badges (class `trust-badge`).
- trafilatura keeps the first container that matches its content selectors. Pages that split
  their text over several containers of one class (an article broken around an advert, the
  stories of a newsletter) lose everything after the first; those later containers are
  extracted too and appended, when the first one is what trafilatura kept.
- A standfirst (the page's description shown as a paragraph under the headline) is kept as the
  first paragraph when trafilatura left it out.
- The date is the publication date the page declares (article:published_time, JSON-LD
  datePublished) when it declares one; htmldate can prefer a revision date.
- The title is the headline shown on the page (its h1) when og:title or the JSON-LD headline
  says the same; trafilatura takes og:title first, which is often a title for social media.

An article from the web has a stable id per URL (`url_id`), so fetching the same URL again, or
reading the same page from an archive, does not store it twice.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from analysis.readers.base import Article, ReadError, ReadResult, ReadWarning, make_id, parse_date

# Main text shorter than this is a page without an article (an index, a paywall stub, an error).
MIN_TEXT_CHARS = 80

_RE_NS = {"re": "http://exslt.org/regular-expressions"}
_BOILERPLATE_CLASSES = r"(^|[\s_-])(cta|trust-?badge)([\s_-]|$)"
_CHARSET_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_TRACKING_PARAMS = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)$", re.I)


# ----------------------------------------------------------------------------------------------
# URLs


def is_web_url(url: object) -> bool:
    """True for an absolute http(s) URL: the only links an article may carry."""
    if not isinstance(url, str):
        return False
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def normalize_url(url: str) -> str:
    """The form of a URL that identifies a page: scheme and host lower-cased, default port,
    fragment and tracking parameters (utm_*, fbclid, ...) dropped."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING_PARAMS.match(k)]
    )
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def url_id(url: str) -> str:
    """The article id of the page at `url`: the same for every fetch of that URL."""
    return make_id(normalize_url(url), "")


# ----------------------------------------------------------------------------------------------
# bytes -> tree


def decode_html(data: bytes, *, charset: str | None = None) -> str:
    """Decode a page: UTF-8 when it is valid UTF-8, else the charset the server or the page
    declares, else trafilatura's guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = [charset] if charset else []
    match = _CHARSET_META.search(data[:4096])
    if match:
        declared.append(match.group(1).decode("ascii"))
    for name in declared:
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    from trafilatura.utils import decode_file

    return decode_file(data)


def _language(tree) -> str | None:
    """The page's declared language as an ISO 639 code ("en" for "en-GB" or "en_US")."""
    candidates = (
        tree.xpath("/html/@lang")
        + tree.xpath("/html/@xml:lang")
        + tree.xpath(
            "//meta[translate(@http-equiv,'CONTENT-LANGUAGE','content-language')='content-language']/@content"
        )
        + tree.xpath("//meta[@property='og:locale']/@content")
        + tree.xpath("//meta[@name='language']/@content")
    )
    for value in candidates:
        code = re.split(r"[-_,;\s]", value.strip(), maxsplit=1)[0].lower()
        if re.fullmatch(r"[a-z]{2,3}", code):
            return code
    return None


# ----------------------------------------------------------------------------------------------
# main text


_PUBLISHED_XPATH = (
    "//meta[@property='article:published_time' or @property='og:article:published_time'"
    " or @name='article:published_time' or @itemprop='datePublished']/@content"
    " | //*[@itemprop='datePublished']/@datetime"
)
_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report", re.I)


def _json_ld_articles(tree) -> list[dict]:
    """The schema.org Article objects (NewsArticle, BlogPosting, ...) of the page's JSON-LD."""
    import json

    found = []
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and _ARTICLE_TYPES.search(k) for k in kinds):
                    found.append(item)
                stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
    return found


def _declared_date(tree, ld_articles: list[dict]) -> str | None:
    """The publication date the page declares in its metadata (Open Graph article tags,
    schema.org microdata or JSON-LD), or None. htmldate, which trafilatura asks, weighs these
    against other dates on the page and can prefer a revision date; a declared publication
    date is what a news page means by its date."""
    values = list(tree.xpath(_PUBLISHED_XPATH))
    values += [a["datePublished"] for a in ld_articles if isinstance(a.get("datePublished"), str)]
    for value in values:
        try:
            parsed = parse_date(value)
        except (ValueError, OverflowError):
            continue
        if parsed:
            return parsed
    return None


def _headline(tree, ld_articles: list[dict], title: str | None) -> str | None:
    """The headline the page shows (its h1) when its metadata says the same (og:title or the
    JSON-LD headline); else None. Pages often give social media a different title than the
    one above the article, and trafilatura takes og:title first."""
    headings = [_norm(h.text_content()) for h in tree.xpath("//body//h1")]
    if not headings or (title and _norm(title) in headings):
        return None
    declared = [
        _norm(t) for t in tree.xpath("//meta[@property='og:title' or @name='twitter:title']/@content")
    ]
    declared += [_norm(a["headline"]) for a in ld_articles if isinstance(a.get("headline"), str)]
    return next((h for h in headings if h and h in declared), None)


def _strip_site_suffix(title: str, sitename: str | None) -> str:
    """A title without the site's name after it: "Losing face: ... | The Japan Times" ->
    "Losing face: ..." (some pages put their name in og:title too)."""
    if sitename:
        for sep in (" | ", " - ", " – ", " — "):
            if title.endswith(sep + sitename) and len(title) > len(sep + sitename) + 10:
                return title[: -len(sep + sitename)].strip()
    return title


def _norm(text: str) -> str:
    return " ".join(text.split())


def _prune_boilerplate(tree) -> None:
    for element in tree.xpath(f"//*[re:test(@class, '{_BOILERPLATE_CLASSES}', 'i')]", namespaces=_RE_NS):
        if element.getparent() is not None:
            element.drop_tree()


def _split_containers(tree) -> list[list]:
    """Groups of two or more containers that share one class attribute and each hold text in
    paragraphs: candidates for a main text split over several blocks. Only the innermost
    groups are kept (a wrapper of each block repeats the same structure one level up)."""
    groups: dict[str, list] = {}
    for element in tree.iter("div", "section", "article"):
        cls = element.get("class")
        if not cls:
            continue
        paragraphs = [p for p in element.iter("p", "li")]
        if len(paragraphs) >= 2 and len(_norm(" ".join(p.text_content() for p in paragraphs))) >= 200:
            groups.setdefault(cls, []).append(element)
    candidates = []
    for elements in groups.values():
        # A container nested in another of the same class (a recursive layout) is not a block.
        blocks = [e for e in elements if not any(o is not e and e in o.iterdescendants() for o in elements)]
        if len(blocks) >= 2 and len({len(list(b.iterancestors())) for b in blocks}) == 1:
            candidates.append(blocks)
    inner = []
    for blocks in candidates:
        holds_other = any(
            other is not blocks and any(o in b.iterdescendants() for b in blocks for o in other)
            for other in candidates
        )
        if not holds_other:
            inner.append(blocks)
    return inner


def _extract_fragment(element, options: dict) -> str:
    from lxml import html as lxml_html
    import trafilatura

    page = (
        "<html><body><article>" + lxml_html.tostring(element, encoding="unicode") + "</article></body></html>"
    )
    return trafilatura.extract(page, **options) or ""


def _later_blocks(tree, text: str, options: dict) -> list[str]:
    """Text of the containers after the first of a split main text (see the module docstring)."""
    kept = _norm(text)
    added: list[str] = []
    for blocks in _split_containers(tree):
        starts = [_norm(b.text_content())[:100] for b in blocks]
        firsts = [_norm(" ".join(p.text_content() for p in b.iter("p", "li")))[:100] for b in blocks]
        inside = [s in kept or f in kept for s, f in zip(starts, firsts)]
        if not inside[0] or all(inside):
            continue
        for block, already in zip(blocks[1:], inside[1:]):
            if not already:
                extra = _extract_fragment(block, options)
                if extra and _norm(extra)[:100] not in kept:
                    added.append(extra)
                    kept += " " + _norm(extra)
    return added


def _standfirst(tree, description: str | None, text: str) -> str | None:
    """The description when the page shows it as a paragraph of its body and the text lacks it."""
    if not description or len(description) < 40:
        return None
    wanted = _norm(description)
    if wanted in _norm(text):
        return None
    for element in tree.xpath("//body//*[self::p or self::h2 or self::div or self::span]"):
        if _norm(element.text_content()) == wanted:
            if not element.xpath("ancestor::nav or ancestor::footer or ancestor::aside"):
                return description.strip()
    return None


@dataclass(frozen=True)
class Page:
    """What was extracted from one HTML page."""

    text: str
    title: str | None = None
    date: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None
    language: str | None = None
    description: str | None = None
    warnings: list[str] = field(default_factory=list)


_EXTRACT_OPTIONS = {"include_comments": False, "include_tables": True, "deduplicate": False}


def extract_page(html_text: str, *, url: str | None = None) -> Page | None:
    """Main text and metadata of a page, or None when it holds no article text."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html_text)
    if tree is None:
        return None
    language = _language(tree)
    _prune_boilerplate(tree)
    # trafilatura rewrites the tree it is given; the later passes read the pruned original.
    doc = trafilatura.bare_extraction(deepcopy(tree), url=url, with_metadata=True, **_EXTRACT_OPTIONS)
    if doc is None or not (doc.text or "").strip():
        return None
    text = doc.text.strip()
    later = _later_blocks(tree, text, _EXTRACT_OPTIONS)
    if later:
        text = "\n".join([text, *later])
    lead = _standfirst(tree, doc.description, text)
    if lead:
        text = f"{lead}\n{text}"
    warnings: list[str] = []
    ld_articles = _json_ld_articles(tree)
    date = _declared_date(tree, ld_articles)
    if date is None:
        try:
            date = parse_date(doc.date)
        except ValueError as exc:
            warnings.append(f"{exc}; date left empty")
    title = (doc.title or "").strip() or None
    sitename = (doc.sitename or "").strip() or None
    if sitename and title and _norm(sitename) == _norm(title):
        sitename = None  # a page without a site name gets its title there from trafilatura
    title = _headline(tree, ld_articles, title) or title
    if title:
        title = _strip_site_suffix(title, sitename)
    return Page(
        text=text,
        title=title,
        date=date,
        author=(doc.author or "").strip() or None,
        sitename=sitename,
        url=doc.url if is_web_url(doc.url) else None,
        language=language,
        description=(doc.description or "").strip() or None,
        warnings=warnings,
    )


# ----------------------------------------------------------------------------------------------
# the reader


def page_article(
    page: Page, *, path: str, origin: str, section: str | None = None, url: str | None = None
) -> Article:
    """The article of an extracted page. `url` is where the page was fetched from (a crawl,
    an archive record); without it, the page's own canonical URL stands for it."""
    own = page.url
    url = url if is_web_url(url) else own
    meta = {
        k: v
        for k, v in (
            ("author", page.author),
            ("language", page.language),
            ("description", page.description),
            ("canonical_url", own if own and url and normalize_url(own) != normalize_url(url) else None),
        )
        if v
    }
    source = page.sitename or (urlsplit(url).hostname if url else None)
    if source and source.startswith("www."):
        source = source[4:]
    return Article(
        id=url_id(url) if url else make_id(origin, page.text),
        text=page.text,
        path=path,
        title=page.title,
        date=page.date,
        source=source,
        section=section,
        url=url,
        meta=meta,
    )


def parse_html(
    data: bytes,
    *,
    path: str,
    origin: str,
    section: str | None = None,
    url: str | None = None,
    charset: str | None = None,
) -> list[ReadResult]:
    """One article from the bytes of an HTML page.

    Args:
        data: the page as served or saved.
        path: where it was read from, for messages and the article's `path`.
        origin: what the id of a page without any URL is made from (the file name).
        section: the article's section (a folder's name).
        url: the URL it was fetched from, when known (it then gives the article's id and URL).
        charset: the charset the server declared, when known.
    """
    if not data.strip():
        return [ReadError(path, "empty file")]
    if b"\x00" in data[:8192]:
        return [ReadError(path, "binary file (contains NUL bytes), not an HTML page")]
    try:
        page = extract_page(decode_html(data, charset=charset), url=url if is_web_url(url) else None)
    except Exception as exc:  # noqa: BLE001 - heuristic parsing of arbitrary markup; a failure is the page's
        return [ReadError(path, f"cannot parse the page ({type(exc).__name__}: {exc})")]
    if page is None or len(page.text) < MIN_TEXT_CHARS:
        return [ReadError(path, "no article text found in the page")]
    out: list[ReadResult] = [ReadWarning(path, w) for w in page.warnings]
    out.append(page_article(page, path=path, origin=origin, section=section, url=url))
    return out


def content_type(value: str | None) -> tuple[str, str | None]:
    """(media type, charset) of a Content-Type header."""
    if not value:
        return "", None
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'") or None
    return media.strip().lower(), charset
