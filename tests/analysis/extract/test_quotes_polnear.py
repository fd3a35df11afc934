"""Kinds and speakers on snippets of PolNeAR's training text (US newsrooms, issue 16), each from
the tuning part of bench/polnear_quotes.py: the mechanisms its error list asked for."""

from __future__ import annotations

from analysis.extract.actors import resolve_mentions
from analysis.extract.quotes import extract_quotes
from analysis.nlp import parse


def quotes_of(nlp, text):
    doc = parse(nlp, [text])[0]
    return {q.text.rstrip(",.!?"): q for q in extract_quotes(doc, resolve_mentions(doc))}


def starting(quotes: dict, prefix: str):
    """The quote of `quotes_of` whose text begins with `prefix`."""
    return next(q for t, q in quotes.items() if t.startswith(prefix))


def test_a_quotation_the_reporter_finishes_is_partial(nlp):
    # wash-post_2016-06-14_we-are-in-shock: the reporter's words go on after the closing mark.
    text = (
        "Pierce mosque has drawn people from other parts of central Florida, including Abusalha, who "
        "had lived farther north, in Vero Beach, before leaving for Syria.\n\n"
        '"We are frustrated and horrified" by the mass shooting at a gay nightclub in Orlando that had '
        "drawn worldwide attention and more local scrutiny, Nefzi said.\n\n"
        '"We don\'t teach anything" against homosexuality in the mosque meetings, he said. Asked what '
        "he personally believed about the lifestyle of gay people, he said, \"It's the wrong thing, but "
        'for sure we have no right to judge people."'
    )
    quotes = quotes_of(nlp, text)
    assert quotes["We are frustrated and horrified"].kind == "partial"
    assert quotes["We don't teach anything"].kind == "partial"
    assert quotes["It's the wrong thing, but for sure we have no right to judge people"].kind == "direct"


def test_a_title_after_a_noun_for_a_work_is_nobodys_words(nlp):
    # wash-post_2016-01-16_ex-cia-chief and nyt_2016-04-21_espn-fires-schilling.
    movie = quotes_of(
        nlp,
        'The movie, "13 Hours: The Secret Soldiers of Benghazi," is based on a book co-written by U.S. '
        "contractors hired to protect the CIA base in Benghazi. Bob said he was familiar with it.",
    )
    book = quotes_of(
        nlp,
        "''ESPN wants its people to communicate publicly and always err on the side of caution and "
        "responsibility,'' said James Andrew Miller, a co-author of ''Those Guys Have All the Fun: "
        "Inside the World of ESPN.''",
    )
    for quote in (
        movie["13 Hours: The Secret Soldiers of Benghazi"],
        book["Those Guys Have All the Fun: Inside the World of ESPN"],
    ):
        assert (quote.kind, quote.speaker) == ("scare", None)
    assert (
        book[
            "ESPN wants its people to communicate publicly and always err on the side of caution and responsibility"
        ].speaker
        == "James Andrew Miller"
    )


def test_a_colon_gives_the_quotation_to_the_subject_of_its_clause(nlp):
    # nyt_2016-02-09_rubio-is-tested: "gloated" is no reporting verb, yet Christie speaks, not
    # Jeb Bush, the subject of the reporting verb the sentence before.
    text = (
        "Jeb Bush, the former Florida governor, who has resented Mr. Rubio's glide path as he has "
        "struggled, called his rival ''totally scripted and kind of robotic.''\n\n"
        "And Mr. Christie gloated: ''I told you he wouldn't be ready.''"
    )
    quote = quotes_of(nlp, text)["I told you he wouldn't be ready"]
    assert quote.speaker == "Christie" and quote.cue == "gloated"


def test_an_utterance_set_off_before_its_attribution_is_direct(nlp):
    # usa-today_2016-05-03_ted-cruz-says-heckler: three words, but a whole reply.
    text = (
        "\"Apparently there's a young man who's having some problems,\" Cruz said as the heckler "
        'yelled: "You suck!"\n\n"Thank you, son," Cruz replied, before adding that he thinks '
        '"children should actually speak with respect."'
    )
    quote = quotes_of(nlp, text)["Thank you, son"]
    assert (quote.kind, quote.speaker, quote.cue) == ("direct", "Cruz", "replied")


def test_a_title_with_a_full_stop_does_not_end_the_sentence(nlp):
    # nyt_2016-06-28_clinton-and-warren: "Mrs." between the quotation and "asked".
    text = (
        "Hillary Clinton and Elizabeth Warren campaigned in Cincinnati on Monday.\n\n"
        "''Why do the richest Americans and biggest corporations get away with manipulating the tax "
        "code so they pay lower rates than you do?'' Mrs. Clinton asked.\n\nBoth women framed their "
        "remarks on Monday by attacking Donald Trump."
    )
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("Why do"))
    assert quote.speaker == "Hillary Clinton" and quote.cue == "asked"


def test_the_subject_outside_the_quotation_speaks(nlp):
    # nyt_2016-02-01_iowa-caucus: the parser reads the list ending the quotation as a subject of
    # "said" too; the continuation after it is Mr. Trump's as well.
    text = (
        "Donald J. Trump spoke in Iowa on Friday.\n\n''Our popularity is strong enough to put states "
        "in play in November that Republicans don't usually win anymore: Michigan, Pennsylvania, "
        "Virginia, Florida, Ohio,'' Mr. Trump said. ''I'm a little surprised that I've done this well, "
        "to tell you the truth.''"
    )
    quotes = quotes_of(nlp, text)
    assert {q.speaker for q in quotes.values()} == {"Donald J. Trump"}


def test_a_surname_tagged_as_a_nationality_is_the_person(nlp):
    # politico_2016-05-22_mark-cuban: "Cuban said" is Mark Cuban, and so is his next "he said".
    text = (
        "Mark Cuban, the billionaire owner of the Dallas Mavericks, said Sunday he would consider "
        "serving as vice president.\n\nTrump's grasp of policy and temperament are worrying, Cuban "
        "said.\n\n\"You know, it's possible for anybody to change,\" he said when asked about Trump's "
        "temperament."
    )
    doc = parse(nlp, [text])[0]
    mentions = resolve_mentions(doc)
    at = text.index("Cuban said")
    assert next(m for m in mentions if m.start == at).actor == "Mark Cuban"
    assert quotes_of(nlp, text)["You know, it's possible for anybody to change"].speaker == "Mark Cuban"


def polnear_article(name):
    from tests.conftest import SHARED

    return (SHARED / "corpora" / "polnear-train" / "text" / f"{name}.txt").read_text(encoding="utf-8")


def test_a_name_with_a_person_apposition_is_a_person(nlp):
    # The model tags "Maryam Violet, an Iranian journalist visiting Nice on vacation," as an
    # organisation in the whole article (not in a short snippet), so her "she said" went to the
    # attacker named before her.
    text = polnear_article("wash-post_2016-07-15_truck-attack-in-france-kills-at-")
    quote = quotes_of(nlp, text)["I saw that suddenly people were fleeing and shouting"]
    assert quote.speaker == "Maryam Violet"


def test_an_untagged_surname_is_the_person_named_in_full(nlp):
    # "Schlafly invoked the title of the book she wrote ..." carries no entity in the article; the
    # "she wrote" after it is Phyllis Schlafly, not Trump, whom her column talks about.
    text = polnear_article("west-journal_2016-09-06_schlafly-s-final-column-explains")
    doc = parse(nlp, [text])[0]
    at = text.index("Schlafly invoked")
    assert any(m.start == at and m.actor == "Phyllis Schlafly" for m in resolve_mentions(doc))
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("Trump’s strong stance"))
    assert quote.speaker == "Phyllis Schlafly"


def test_someone_of_a_body_is_the_description_not_the_body(nlp):
    # politico_2016-05-12_the-trump-gop-feud: an aide of the party is not the party.
    text = (
        "\u201cThis is crucial for both of them, but it\u2019s probably more crucial for Trump,\u201d "
        "said one former GOP leadership aide."
    )
    quote = quotes_of(nlp, text)[
        "This is crucial for both of them, but it\u2019s probably more crucial for Trump"
    ]
    assert quote.speaker == "one former GOP leadership aide"
    # politico_2016-02-04_insiders-trump: the model tags "Democrat" itself as the party.
    text = (
        "Two-thirds of Democratic insiders said Clinton\u2019s deficit meant that she would not be "
        "able to generate the momentum necessary to surpass Sanders in New Hampshire.\n\n"
        "\u201cShe is too far behind,\u201d said an Iowa Democrat, \u201cand Iowa was not a decisive "
        "win.\u201d"
    )
    assert quotes_of(nlp, text)["She is too far behind"].speaker == "an Iowa Democrat"


def test_the_second_half_of_a_split_quotation_is_the_first_halfs(nlp):
    # nyt_2016-03-21_factory-workers: "builds ..." has no subject of its own and no reporting
    # verb above it, yet it finishes the sentence "Our company, with American workers," began.
    text = (
        "Robert McDonough, the head of the company's climate division, spoke to analysts.\n\n"
        "''This was a really tough decision,'' he said.\n\n"
        "''Our company, with American workers,'' he added, ''builds a heck of a lot of stuff in the "
        "U.S.''"
    )
    quotes = quotes_of(nlp, text)
    second = quotes["builds a heck of a lot of stuff in the U.S"]
    first = quotes["Our company, with American workers"]
    assert (second.kind, second.speaker) == ("direct", "Robert McDonough") == (first.kind, first.speaker)


def test_the_company_is_an_organisation_named_before_not_a_place(nlp):
    # usa-today_2016-05-13_auction-of-gun: "the company" went to Florida, the last place named;
    # the model tags no organisation here, so the description stands.
    text = (
        "George Zimmerman tried a second time Thursday to auction off the firearm he used to kill "
        "17-year-old Trayvon Martin in Florida in 2012, but both gun-selling websites yanked the "
        'listing before bidding was to begin on what Zimmerman described as a "piece of history."\n\n'
        "A statement posted on the website GunBroker.com said listings are user generated, and that "
        "the company reserved the right to reject any at its discretion.\n\n"
        '"Mr. Zimmerman never contacted anyone at GunBroker.com prior to or after the listing was '
        'created," the company wrote in its statement.'
    )
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("Mr. Zimmerman never"))
    assert (quote.speaker, quote.speaker_type) == ("the company", "NOMINAL")


def test_a_surname_before_a_generational_suffix_is_the_person(nlp):
    # "Luther Stan Pate IV" is named in full; "Pate claimed in an interview ..." carries no entity,
    # and the "he said" after it went to Rubio, whom the sentence names later: the surname is the
    # word before "IV", not "IV".
    text = polnear_article("breitbart_2016-01-01_jeb-bush-super-pac-chief-praises")
    quotes = quotes_of(nlp, text)
    assert quotes["I have not had any conversations with any campaign in almost a year"].speaker == "Luther Stan Pate IV"
    assert quotes["This is all me"].speaker == "Luther Stan Pate IV"


def test_an_untagged_full_name_whose_surname_is_tagged_is_a_person(nlp):
    # "Naureen Jahangir, a Sanders supporter from Hemet, California, ..." carries no entity; the
    # article tags "Jahangir" alone later. Her "she said" went to John Burton, quoted before her.
    text = polnear_article("politico_2016-07-02_sanders-california-supporters-ca")
    doc = parse(nlp, [text])[0]
    at = text.index("Naureen Jahangir")
    assert any(m.start == at and m.actor == "Naureen Jahangir" for m in resolve_mentions(doc))
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("false choice"))
    assert quote.speaker == "Naureen Jahangir"


def test_a_name_after_the_closing_mark_speaks_when_the_parse_gives_no_subject(nlp):
    # '"...," Ramos, 58, told AFP': the parser hangs "Ramos" on the quotation's verb and makes
    # "told" a conj of it; '"Go back to Univision," Trump barked': "Trump" a compound of
    # "barked", tagged a participle. Both went to a description in the sentence before.
    text = polnear_article("breitbart_2016-04-12_mexican-anchor-crosses-swords-wi")
    quotes = quotes_of(nlp, text)
    assert quotes["Go back to Univision"].speaker == "Donald Trump"
    assert quotes["We were tremendously wrong to not have confronted him from the beginning"].speaker == "Jorge Ramos"


def test_a_relative_clause_on_an_apposition_is_the_named_persons(nlp):
    # '"...," says Geoffrey Garin, a Democratic pollster who advised Hillary Clinton's 2008
    # campaign ... "Democrats can't win without winning women, ..."': the quotation standing
    # alone after it goes by the last reporting verb before it, "advised", whose "who" is the
    # pollster, who is Garin.
    text = polnear_article("usa-today_2016-07-18_convention-is-trump-s-chance-to-")
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("Democrats can't win without"))
    assert quote.speaker == "Geoffrey Garin"


def test_a_name_set_off_before_a_subjectless_reporting_verb_speaks(nlp):
    # The parser gave "said" no subject: it hung "Col. Steven H. Warren, a military spokesman in
    # Baghdad," on the opening "on Dec. 2", and made "said" a parataxis of "noting" in "Sen.
    # Richard J. Durbin (D-Ill.), noting the size of Sanders's following, said". Both quotes had
    # no speaker.
    text = polnear_article("nyt_2015-12-29_u-s-commandos-take-on-larger-rol")
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("I mean, a raid is a combat operation"))
    assert quote.speaker == "Steven H. Warren"
    text = polnear_article("wash-post_2016-04-21_what-s-next-for-sanders-much-res")
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("Let me tell you, he's got a heck"))
    assert quote.speaker == "Richard J. Durbin"


def test_a_verb_left_as_an_unlabelled_dependent_shares_the_subject(nlp):
    # "Trump gestured as if to stop the ruckus, then leaned in and boomed: "Let's defeat her in
    # November."": the parser made "leaned" a dep of "gestured", so "boomed" had no subject.
    text = polnear_article("breitbart_2016-07-21_trump-fever-infects-convention-f")
    assert quotes_of(nlp, text)["Let’s defeat her in November"].speaker == "Trump"  # named so alone


def test_a_name_a_day_parts_from_its_verb_speaks(nlp):
    # "Bannon, who Beck on Wednesday called "a horrible, despicable human being."": the parser
    # made "Beck" a relative clause and gave "called" no subject; the fragment was a scare quote.
    text = polnear_article("west-journal_2016-08-26_glenn-beck-says-trump-alt-right-")
    quote = quotes_of(nlp, text)["a horrible, despicable human being"]
    assert (quote.kind, quote.speaker) == ("partial", "Glenn Beck")


def test_a_verb_joined_to_a_noun_goes_with_that_clauses_verb(nlp):
    # 'he only hinted at Donald Trump by mentioning the need for a wall on the Mexican border and
    # adding, "I've got an idea of who should build it."': the parser joined "adding" to "wall";
    # 'He called it "shameful" and called on leaders "not to feed ..."': to "shameful". Neither
    # quote had a speaker.
    text = polnear_article("wash-post_2016-02-12_cruz-reboots-his-attacks-on-trum")
    assert quotes_of(nlp, text)["I've got an idea of who should build it"].speaker == "Ted Cruz"
    text = polnear_article("wash-post_2015-11-17_republicans-turning-their-backs-")
    quote = quotes_of(nlp, text)["not to feed that dark impulse inside of us"]
    assert (quote.kind, quote.speaker) == ("partial", "Obama")


def test_role_words_between_the_verb_and_a_post_posed_name(nlp):
    # '"I'm not going to say it is a mistake, so forget about it," said retired neurosurgeon Ben
    # Carson, asked about ...': the parser made Carson the subject of "asked"; the quote went to
    # Carly Fiorina, quoted before.
    text = polnear_article("wash-post_2015-11-10_caught-fibbing-these-gop-candida")
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("I'm not going to say it is a mistake"))
    assert quote.speaker == "Ben Carson"


def test_a_colon_speaks_where_the_governing_verb_gives_no_one(nlp):
    # 'Rubio fired back forcefully: "If they sue us in a court in Miami, they're going to lose,"
    # referencing the large number of Cuban immigrants': the parser hung the quotation on the
    # subjectless "referencing"; it went to Trump, named before.
    text = polnear_article("politico_2016-03-10_trump-s-rivals-pull-their-punche")
    quote = quotes_of(nlp, text)["If they sue us in a court in Miami, they’re going to lose"]
    assert quote.speaker == "Marco Rubio"


def test_a_comma_after_a_persons_main_clause_presents_the_speaker(nlp):
    # 'Earlier this week, Clinton shared a bit of her anxiety with an audience at a fundraiser in
    # the Hamptons, "I do not know which Donald Trump will show up. ..."': no reporting verb;
    # the quote went to the spokeswoman quoted paragraphs before.
    text = polnear_article("politico_2016-09-01_debating-clinton-s-character")
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("I do not know which Donald Trump will show up"))
    assert quote.speaker == "Hillary Clinton"


def test_a_comma_clause_the_parser_hung_on_the_quotation_presents_the_speaker(nlp):
    # 'After former California Gov. Jerry Brown criticized Bill Clinton during a debate, Hillary
    # shot back, "I suppose I could have chosen to bake cookies ..."': "shot" is a ccomp of the
    # quotation's "suppose"; the quote went to Brown, whose "criticized" is a reporting verb.
    text = polnear_article("breitbart_2016-08-19_as-bill-clinton-turns-a-look-at-")
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("I suppose I could have chosen to bake cookies"))
    assert quote.speaker == "Hillary Clinton"


def test_a_name_speaking_without_a_subject_role_is_the_subject_for_he(nlp):
    # '"...," Ramos, 58, told AFP ...' is found the speaker though the parse makes "Ramos" an
    # npadvmod; the '"Many governments and many media ...," he said' that follows went to Trump
    # ("the real estate tycoon", the subject of the sentence before) while Ramos was no subject.
    text = polnear_article("breitbart_2016-04-12_mexican-anchor-crosses-swords-wi")
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("Many governments and many media"))
    assert quote.speaker == "Jorge Ramos"


def test_a_person_after_a_place_the_parser_took_for_the_subject_speaks(nlp):
    # 'Tuesday at Baldwin Wallace University in Berea, OH, after winning Ohio ..., Gov. John
    # Kasich (R-OH), said, "I'm getting ready to rent a covered wagon. ..."': the parser made
    # the first "OH" the subject of "said".
    text = polnear_article("breitbart_2016-03-15_kasich-we-are-going-to-go-all-th")
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("I’m getting ready to rent a covered wagon"))
    assert quote.speaker == "John Kasich"


def test_the_attribution_right_after_the_quotation_beats_a_later_verb(nlp):
    # '"I never said that. I never said that," Trump said, after CNBC's Becky Quick said the
    # billionaire front-runner had ...': the parser hung the quotation on Quick's "said" and made
    # Trump's a parataxis; the quote went to Quick.
    text = polnear_article("wash-post_2015-11-10_caught-fibbing-these-gop-candida")
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("I never said that. I never said that"))
    assert quote.speaker == "Donald Trump"


def test_as_someone_put_it_with_put_tagged_a_bare_form(nlp):
    # "Or, as Tom Ridge, a former secretary of homeland security, put it: ''The barbarians are
    # no longer at the gate. ...''": the tagger reads "put" as VB, which no report is; the quote
    # went to Chris Coons, quoted before.
    text = polnear_article("nyt_2015-11-17_terrorism-moves-to-fore-of-u-s-c")
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("The barbarians are no longer at the gate"))
    assert quote.speaker == "Tom Ridge"


def test_a_name_and_any_verb_ending_the_sentence_after_a_set_off_quotation(nlp):
    # '"The New York Times is claiming today that ...," Hannity started.': "start" is no
    # reporting verb, but a name and a verb closing the sentence after the quotation's own
    # comma are its attribution.
    text = polnear_article("politico_2016-03-01_trump-my-immigration-plans-aren-")
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("The New York Times is claiming today"))
    assert quote.speaker == "Hannity"  # the actor the article's mentions of him resolve to


def test_a_quotation_finishing_the_reporters_clause_is_partial(nlp):
    # The quotation hangs on a clause the reporter wrote under "said" ("Polling shows that",
    # "the British vote was the clearest sign yet that"): the speaker's words finish a paraphrase.
    # A whole quotation the verb reports ("said that "...") stays direct.
    quotes = quotes_of(nlp, polnear_article("nyt_2016-06-07_germany-pledges-to-expand-its-mi"))
    assert quotes["the general public is not very comfortable with the military dimension"].kind == "partial"
    quotes = quotes_of(nlp, polnear_article("nyt_2016-06-27_britain-s-exit-looms-over-clinto"))
    quote = starting(quotes, "the intensity against the status quo")
    assert (quote.kind, quote.speaker) == ("partial", "Mike DuHaime")
    quotes = quotes_of(nlp, polnear_article("breitbart_2016-02-08_the-latest-nh-towns-cast-first-v"))
    assert quotes["I need you tomorrow"].kind == "direct"


def test_an_aide_named_by_whom_they_work_for_is_the_aide(nlp):
    # "said a senior Cruz adviser", "one Clinton aide said": the model tags the principal, a
    # person, inside the speaker's noun phrase; the aide speaks, not Cruz or Clinton.
    quotes = quotes_of(nlp, polnear_article("politico_2016-05-31_cruz-looks-to-ease-bad-blood-wit"))
    assert quotes["That can go a long way toward establishing good relationships"].speaker == "a senior Cruz adviser"
    quotes = quotes_of(nlp, polnear_article("politico_2016-09-01_debating-clinton-s-character"))
    assert quotes["That doesn’t mean no response"].speaker == "one Clinton aide"


def test_a_person_described_by_age_is_the_person_just_presented(nlp):
    # '"Donald is, and always has been, an amazing leader," said the 46-year-old.' after
    # Melania Trump's speech: the parser makes "old" (an adjective) the subject, which gave no one.
    quotes = quotes_of(nlp, polnear_article("breitbart_2016-07-19_republicans-begin-roll-call-vote"))
    assert quotes["Donald is, and always has been, an amazing leader"].speaker == "Melania Trump"


def test_a_name_after_the_closing_mark_with_a_title_or_apposition_speaks(nlp):
    # "''Is Donald Trump running ...?'' asked Mr. Manafort": the title's full stop stopped the
    # search past the verb. "''That was a good speech ..., Mr. President,'' Representative Steve
    # Cohen, Democrat of Tennessee, told Mr. Obama": the parser made Cohen an apposition of "Mr.
    # President", inside the quotation, and gave "told" that subject.
    quotes = quotes_of(nlp, polnear_article("nyt_2016-04-23_campaign-for-trump-says-he-ll-re"))
    assert quotes["Is Donald Trump running against the Republican National Committee"].speaker == "Paul Manafort"
    quotes = quotes_of(nlp, polnear_article("nyt_2015-12-15_white-house-schmoozing-season-ho"))
    quote = starting(quotes, "That was a good speech you gave last night")
    assert quote.speaker == "Steve Cohen"


def test_a_quotation_after_its_attribution_goes_to_an_earlier_verb_when_the_last_gives_no_one(nlp):
    # wash-post_2016-06-27_the-revolutionary-s-next-tactic: the attribution's last reporting verb
    # is a relative clause's ("but who suggested that ..."), which gave no one; "said" gives him.
    text = polnear_article("wash-post_2016-06-27_the-revolutionary-s-next-tactic-")
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("In El Paso, she crushed him"))
    assert quote.speaker == "Beto O'Rourke"


def test_a_message_put_out_speaks_with_its_senders_words(nlp):
    # "His office put out a statement saying ...", "Trump issued a statement saying ...",
    # "Trump released a marketing video that said, ..." (PolNeAR): the sender speaks, not nobody
    # and not the video.
    office = quotes_of(nlp, polnear_article("huff-post_2016-07-26_obama-administration-to-expand-p"))
    quote = starting(office, "does not have the capacity to properly vet")
    assert quote.speaker == "His office"
    statement = quotes_of(nlp, polnear_article("wash-post_2016-02-14_nomination-questions-are-likely-"))
    quote = starting(statement, "a remarkable person and a brilliant")
    assert (quote.kind, quote.speaker) == ("partial", "Donald Trump")
    video = quotes_of(nlp, polnear_article("wash-post_2016-05-29_internal-trump-university-record"))
    quote = starting(video, "We are going to have professors")
    assert quote.speaker == "Donald Trump"


def test_a_name_followed_by_her_or_his_is_a_person(nlp):
    # The model tags Carly Fiorina an organisation in the whole article, so "she said" went to
    # Ted Cruz, the one person named before it: "Carly Fiorina threw her support behind Sen. Ted
    # Cruz" says she is a person (huff-post_2016-03-09, politico_2015-12-28, PolNeAR).
    quotes = quotes_of(nlp, polnear_article("huff-post_2016-03-09_carly-fiorina-endorses-ted-cruz-"))
    quote = starting(quotes, "Ted Cruz has stood up and fought")
    assert quote.speaker == "Carly Fiorina"
    quotes = quotes_of(nlp, polnear_article("politico_2015-12-28_carly-fiorina-bill-clinton-s-fai"))
    quote = starting(quotes, "Look, how about an honest woman?")
    assert quote.speaker == "Carly Fiorina"


def test_a_quotation_finishing_the_sentence_the_reporter_began_before_the_attribution_is_partial(nlp):
    # 'If Clinton is elected, he said, "she might be going back and forth ..."' (usa-today
    # 2016-01-15) and "Whether the issue is ..., Mr. Garin added, ''it becomes harder ...''" (nyt
    # 2015-11-09): the reporter's words begin the sentence the quotation finishes.
    bush = quotes_of(nlp, polnear_article("usa-today_2016-01-15_republicans-pile-on-obama-clinto"))
    quote = starting(bush, "she might be going back and forth")
    assert quote.kind == "partial"
    garin = quotes_of(nlp, polnear_article("nyt_2015-11-09_jobs-report-gives-democrats-a-li"))
    quote = starting(garin, "it becomes harder and harder")
    assert (quote.kind, quote.speaker) == ("partial", "Geoff Garin")
    # Not the second half of a split quotation, nor a quotation after a participle's comma.
    fallon = quotes_of(nlp, polnear_article("politico_2016-03-10_hillary-clinton-s-backseat-drive"))
    assert starting(fallon, "we know you are rooting").kind == "direct"
    christie = quotes_of(nlp, polnear_article("politico_2016-08-28_christie-doubles-down-on-trump-s"))
    assert christie["the advice I give to Donald is to Donald"].kind == "direct"


def test_a_name_closing_an_apposition_before_the_verb_speaks(nlp):
    # "In a statement to the Observer, her senior policy adviser, Jake Sullivan, said:" and '"...!"
    # the presumptive GOP presidential nominee, Donald Trump, tweeted Sunday': the parser gave
    # the verb no subject, and only the comma closing the apposition parts the name from it.
    quotes = quotes_of(nlp, polnear_article("breitbart_2016-04-23_clinton-wades-in-urges-britain-t"))
    quote = starting(quotes, "Hillary Clinton believes that transatlantic")
    assert quote.speaker == "Jake Sullivan"
    quotes = quotes_of(nlp, polnear_article("usa-today_2016-06-15_obama-rips-rhetoric-over-radical"))
    quote = starting(quotes, "Is President Obama going to finally mention")
    assert quote.speaker == "Donald Trump"


def test_a_colon_after_a_clause_the_parser_hung_on_the_quotation_presents_the_speaker(nlp):
    # 'Clinton has since apologized for what happened: "Yes, I should have used two email
    # addresses ..."' (wash-post_2016-03-03): "apologized" and the colon hang on "used".
    quotes = quotes_of(nlp, polnear_article("wash-post_2016-03-03_staffer-who-set-up-clinton-email"))
    quote = starting(quotes, "Yes, I should have used two email addresses")
    assert quote.speaker == "Hillary Clinton"


def test_a_participle_hung_on_those_addressed_is_the_reporters(nlp):
    # 'The Vermont senator emailed supporters saying: "The struggle continues"' (breitbart
    # 2016-06-08): the parser made "saying" a modifier of "supporters".
    quotes = quotes_of(nlp, polnear_article("breitbart_2016-06-08_ready-to-back-clinton-obama-work"))
    assert quotes["The struggle continues"].speaker == "Bernie Sanders"


def test_went_on_to_say_reports(nlp):
    # 'He went on to say Clinton's behavior is "very different from somebody misinterpreting
    # ..."' (west-journal_2015-11-10): the bare "say" after "went on to" reports as "said" does.
    quotes = quotes_of(nlp, polnear_article("west-journal_2015-11-10_ben-carson-slams-hillary-and-the"))
    quote = starting(quotes, "very different from somebody misinterpreting")
    assert (quote.kind, quote.speaker) == ("partial", "Ben Carson")


def test_a_participle_the_parser_hung_on_the_quotations_own_verb_is_the_main_subjects(nlp):
    # huff-post_2016-01-19_flint-water-response: the parser made "seem" a ccomp of the quoted
    # "said", and the climb from "telling" went on to that verb's subject, "A lot of people";
    # the quotation then fell to the previous quotation's speaker, Brockovich.
    quotes = quotes_of(nlp, polnear_article("huff-post_2016-01-19_flint-water-response-perfectly-c"))
    assert starting(quotes, "A lot of people said the governor").speaker == "Karen Weaver"


def test_a_fragment_no_reporting_verb_governs_is_the_words_of_the_person_whose_verb_does(nlp):
    # wash-post_2016-03-30_as-clinton-sanders-answer-union: "Clinton supports "appropriate pay
    # raises," opposes "across-the-board arbitrary pay freezes" and recalled ..." gives her words
    # with no verb of speech; they had been nobody's scare quotes.
    quotes = quotes_of(nlp, polnear_article("wash-post_2016-03-30_as-clinton-sanders-answer-union-"))
    raises = starting(quotes, "appropriate pay raises")
    assert (raises.kind, raises.speaker) == ("partial", "Hillary Clinton")


def test_an_attribution_that_is_all_its_sentence_takes_a_quotation_closed_by_a_full_stop(nlp):
    # breitbart_2016-07-27_obama-to-frame-election: '"Russia, if you're listening, I hope you're
    # able to find the 30,000 emails that are missing." Trump said.' (a full stop where the comma
    # belongs) had no speaker.
    quotes = quotes_of(nlp, polnear_article("breitbart_2016-07-27_obama-to-frame-election-as-comma"))
    assert starting(quotes, "Russia, if you’re listening").speaker == "Donald Trump"


def test_a_report_joined_to_the_reported_clauses_verb_is_the_first_reporters(nlp):
    # west-journal_2016-08-03_pence-endorses-paul-ryan: "Pence said in politics it takes time
    # to develop those relationships but added, "I strongly support Paul Ryan ..."": the parser
    # joined "added" to "takes", whose "it" went to the last organisation, Fox News.
    quotes = quotes_of(nlp, polnear_article("west-journal_2016-08-03_pence-endorses-paul-ryan-with-tr"))
    assert starting(quotes, "I strongly support Paul Ryan").speaker == "Mike Pence"


def test_a_participle_hung_on_the_quotations_words_goes_with_the_clause_before_its_comma(nlp):
    # breitbart_2016-02-02_red-hot-chili-peppers: "Band member Flea shared the news on social
    # media last week, writing "Feels great to support someone I believe in. ..."": the parser
    # made "writing" the subject of "Feels"; the quotation fell to the band that "announced" in
    # the sentence before.
    quotes = quotes_of(nlp, polnear_article("breitbart_2016-02-02_red-hot-chili-peppers-in-final-s"))
    assert starting(quotes, "Feels great to support someone").speaker == "Flea"


def test_an_utterance_a_reporting_verb_and_its_comma_present_is_direct(nlp):
    # nyt_2016-07-31_sisterhood-of-the-skateboard: "when a young boy shouted, ''Brujas coming,
    # yo!''" has no verb of its own; it was a scare quote of nobody's.
    quotes = quotes_of(nlp, polnear_article("nyt_2016-07-31_sisterhood-of-the-skateboard"))
    quote = starting(quotes, "Brujas coming")
    assert (quote.kind, quote.speaker) == ("direct", "a young boy")


def test_a_label_of_a_word_or_two_or_a_title_in_a_persons_clause_stays_a_scare_quote(nlp):
    # usa-today_2016-02-10_insurgent-tops-institution: 'won ... the "comeback kid"' label and
    # nyt_2016-06-27_britain-s-exit: 'shares ... "Stronger Together"' (a slogan in title case)
    # are the reporter's labels, PolNeAR annotates no attribution on them.
    for article, fragment in (
        ("usa-today_2016-02-10_insurgent-tops-institution-in-sa", "comeback kid"),
        ("nyt_2016-06-27_britain-s-exit-looms-over-clinto", "Stronger Together"),
    ):
        quote = starting(quotes_of(nlp, polnear_article(article)), fragment)
        assert (quote.kind, quote.speaker) == ("scare", None)


def test_one_of_a_group_is_the_speaker_not_whom_the_group_names(nlp):
    # wash-post_2016-04-10_why-new-york-is-pivotal: '"There won't be a path for Bernie to
    # succeed," said one of those advisers, who spoke on the condition of anonymity' had no
    # speaker ("one" a numeral the speaker search took for nobody).
    quotes = quotes_of(nlp, polnear_article("wash-post_2016-04-10_why-new-york-is-pivotal-for-clin"))
    quote = starting(quotes, "There won't be a path for Bernie")
    assert (quote.speaker, quote.speaker_type) == ("one of those advisers", "NOMINAL")


def test_a_description_after_a_verb_following_the_closing_mark_speaks(nlp):
    # wash-post_2016-01-07_germany-targets-a-surge: '"... #Cologne," tweeted a German user from
    # Hanover going by the handle Pulvermann': the parser made "Cologne" the subject and the user
    # an object, so the quotation had no speaker.
    quotes = quotes_of(nlp, polnear_article("wash-post_2016-01-07_germany-targets-a-surge-of-vitri"))
    quote = starting(quotes, "It's not politically correct")
    assert quote.speaker == "a German user from Hanover"


def test_a_name_the_parser_hung_on_as_before_put_it_speaks(nlp):
    # nyt_2016-03-04_republicans-have-stake-in-a-deal: "As Akhil Amar, professor of
    # constitutional law at Yale ..., put it, ''Senate Republicans should remember ...''": Amar
    # is the object of "As", and the climb from "put" went on to the quotation's own subject.
    quotes = quotes_of(nlp, polnear_article("nyt_2016-03-04_republicans-have-stake-in-a-deal"))
    assert starting(quotes, "Senate Republicans should remember").speaker == "Akhil Amar"


def test_no_verb_across_a_paragraphs_end_reports_a_quotation(nlp):
    # huff-post_2016-08-03_francois-hollande-says: '"Why are you still endorsing him?" Obama
    # asked Republican politicians. "What does this say about your party ...?"' then, in the
    # next paragraph, 'Several Republican leaders ... have since denounced Trump's comments': the
    # parser hung the question on "denounced", which gave it to the Republican leaders.
    quotes = quotes_of(nlp, polnear_article("huff-post_2016-08-03_francois-hollande-says-donald-tr"))
    assert starting(quotes, "What does this say about your party").speaker == "Barack Obama"


def test_a_name_and_any_verb_with_a_phrase_of_manner_ending_the_sentence(nlp):
    # huff-post_2016-02-12_the-unlikely-friendship: '"They're all here because he's promising
    # to give them all this free stuff," Bennett shot back with a laugh.' went to the quotation
    # before it (Sandra Paradis).
    quotes = quotes_of(nlp, polnear_article("huff-post_2016-02-12_the-unlikely-friendship-of-a-tru"))
    assert starting(quotes, "They’re all here because").speaker == "Jim Bennett"


def test_a_description_speaks_up_to_a_clause_on_its_words(nlp):
    # nyt_2015-12-01_puerto-rican-bank-left-debt-inst: "said one person with knowledge of the
    # governor's dilemma, who spoke on the condition of anonymity": the clause says more of the
    # speaker than who it is.
    quotes = quotes_of(nlp, polnear_article("nyt_2015-12-01_puerto-rican-bank-left-debt-inst"))
    quote = starting(quotes, "The decision matrix is like choosing")
    assert quote.speaker == "one person with knowledge of the governor's dilemma"


def test_a_he_after_a_name_and_a_described_person_gives_the_name_no_gender(nlp):
    # huff-post_2015-12-10_hillary-clinton-under-pressure: "his" is the general's and "he" the
    # mayor's, not Clinton's; learning "he" for her sent "she" to her spokesman.
    text = (
        "The general stumped for Clinton in Iowa on Veteran’s Day, and the campaign has touted his "
        "endorsement on its Facebook page.\n\n"
        "The groups points out that Clinton’s campaign immediately removed the mayor of Roanoke, "
        "Virginia, from its state leadership team in November after he suggested that the wartime "
        "imprisonment of Japanese-Americans during World War II could be a model for interning Syrian "
        "refugees.\n\n"
        "In a statement Thursday, Clinton spokesman Jesse Ferguson said, “Hillary has vocally opposed "
        "any discrimination against Muslims.”\n\n"
        "On Wednesday, Clinton bashed Trump’s proposal to ban Muslims from coming into the country. "
        "She addressed Muslim-Americans in an email to supporters, saying that “what you’re hearing "
        "from Trump and other Republicans is absolutely, unequivocally wrong.”\n\n"
        "“Now is the time for all of us to stand up to hateful, dangerous words and deeds,” she said."
    )
    quotes = quotes_of(nlp, text)
    assert "Clinton" in starting(quotes, "what you’re hearing").speaker
    assert "Clinton" in starting(quotes, "Now is the time").speaker


def test_a_surname_of_a_name_spelt_with_and_without_accents_is_one_person(nlp):
    # huff-post_2016-08-03_francois-hollande: the headline's "Francois Hollande" and the text's
    # "François Hollande" are one man, so the untagged "Hollande denounced" is him and "he said"
    # after it is not Khizr Khan, named before.
    text = (
        "Francois Hollande Says Donald Trump ‘Makes You Want To Retch.’\n\n"
        "French President François Hollande has joined a growing list of world leaders who have "
        "slammed U.S. presidential hopeful Donald Trump as the election looms closer.\n\n"
        "Khizr Khan, the father of a slain American soldier, decried Trump’s repeated calls to ban all "
        "Muslims from entering the U.S. during a speech at the DNC.\n\n"
        "Hollande denounced Trump’s remarks as “hurtful and humiliating” and warned of the global "
        "implications a Trump presidency would have. \n"
        "“If the Americans choose Trump, that will have consequences, because an American election is "
        "a world election,” he said."
    )
    quotes = quotes_of(nlp, text)
    assert starting(quotes, "If the Americans choose Trump").speaker == "François Hollande"


def test_the_senator_in_the_sentence_of_its_subject_is_the_subject(nlp):
    # wash-post_2015-12-24_ted-cruz-constitutional-conservative: the text titles only McCain a
    # senator, but "the senator" who speaks in the commercial is Cruz, the sentence's subject.
    text = (
        "There's a history of outsider mavericks faltering when voters judge that they're not that "
        "different from the insiders they're challenging. Recall Sen. John McCain (Ariz.) damaging his "
        "reputation for candor in 2000 when he equivocated on whether South Carolina should remove the "
        "Confederate flag from the state capitol.\n\n"
        "Cruz defends his outsider bona fides in a commercial running on Iowa TV: \"Securing our borders "
        "and stopping illegal immigration is a matter of national security,\" the senator says directly "
        "to the camera."
    )
    quotes = quotes_of(nlp, text)
    assert starting(quotes, "Securing our borders").speaker == "Cruz"


def test_a_quotation_after_the_reporters_article_or_preposition_is_a_noun_phrase_not_speech(nlp):
    # nyt_2016-04-21_espn-fires-schilling and nyt_2016-08-31_the-human-face-of-coal-power: long
    # and capitalised, they were direct quotes; the "a" and the "as" are the reporter's.
    schilling = quotes_of(
        nlp,
        "Schilling, a six-time All-Star, has often shared his views. Schilling describes himself on his "
        "Facebook account as a ''Conservative pro life pro 2nd amendment American who wants to help "
        "those that cannot help themselves.''",
    )
    coal = quotes_of(
        nlp,
        "Forcing coal miners into jobs in newfangled energy industries is a cop-out.\n\nThe world's "
        "energy transition cannot be portrayed simply as ''Big Coal vs. virtuous wind and solar.'' "
        "Horrible as this might sound to economists, the energy transition needs losers to be compensated.",
    )
    assert starting(schilling, "Conservative pro life").kind != "direct"
    assert coal["Big Coal vs. virtuous wind and solar"].kind != "direct"
    # A preposition the quotation's own clause opens with is not the reporter's
    # (breitbart_2016-08-29_trump-plans-major-ad-buy: PolNeAR's direct quotation).
    narrator = quotes_of(
        nlp,
        "“It’s more of the same, but worse,” says a narrator.\n\nThe narrator continues that, in “Donald "
        "Trump’s America, working families get tax relief. Millions of new jobs created, wages go up. "
        "Small businesses thrive.”",
    )
    assert starting(narrator, "Donald Trump’s America").kind == "direct"


def test_a_subject_straight_before_the_opening_mark_makes_the_quotation_its_predicate(nlp):
    # breitbart_2016-04-14_the-latest-trump-delivers-defens: the parser makes "if elected
    # president" the subject of the quoted "will work": the reporter's words in its clause.
    quotes = quotes_of(
        nlp,
        "Cruz has railed against what he calls the “Washington cartel” and cast himself as a Washington "
        "outsider, despite pursuing support from fellow lawmakers.\n\nCruz says if elected president “I "
        "will work very, very closely with leaders in Congress.”",
    )
    assert quotes["I will work very, very closely with leaders in Congress"].kind == "partial"


def test_a_quotation_titled_or_entitled_is_a_title_whatever_its_case(nlp):
    # politico_2016-01-29_clinton-camp-plans-to-roll-out-w: two editorials' titles were direct
    # quotes, the second given to "Post".
    quotes = quotes_of(
        nlp,
        "Clinton officials were thrilled with the editorial, entitled “Mr. Sanders Is Not a Brave "
        "Truth-Teller,” when it posted on Jan. 27.\n\nThat only escalated the fight. The Post responded "
        "with a second critical piece, entitled “Bernie Sanders’s ideas are not too bold. They are too "
        "facile.”",
    )
    for title in ("Mr. Sanders Is Not a Brave Truth-Teller", "Bernie Sanders’s ideas are not too bold"):
        assert (starting(quotes, title).kind, starting(quotes, title).speaker) == ("scare", None)


def test_the_second_half_of_a_split_partial_quote_is_partial(nlp):
    # usa-today_2016-01-12_energy-guns-top-young-voters-age: the first half's comma is cut from
    # the fragment, so the second half was not seen to go on from it and stood as direct.
    quotes = quotes_of(
        nlp,
        "\"I'm not really sure where I stand on him right now,\" says Acs, the student from New Mexico "
        "and a Republican. Trump's support nationwide and in key states means \"he must be doing "
        "something right,\" she says, \"but I don't know if I would vote for him.\"",
    )
    assert quotes["he must be doing something right"].kind == "partial"
    assert quotes["but I don't know if I would vote for him"].kind == "partial"
    # A title is nobody's words for a second half to go on from
    # (politico_2016-05-24_ken-starr-praises-laments-bill-c, PolNeAR's direct quotation).
    starr = quotes_of(
        nlp,
        'Starr said the situation reminds him of the 1969 book titled "The Tragedy of Lyndon Johnson," '
        'explaining, "because what could have been and so there are certain tragic dimensions of it, '
        'which we all lament."',
    )
    assert starting(starr, "because what could have been").kind == "direct"


def test_a_straight_mark_left_open_does_not_pair_with_a_curly_one_a_paragraph_later(nlp):
    # huff-post_2016-02-01_read-live-updates-on-the-iowa-ca: the reporter's paragraph after a
    # stray straight mark and the curly-quoted words of Sanders were one direct quote.
    quotes = quotes_of(
        nlp,
        "See live caucus results here.Read the latest updates below:\n\n\"Sen. Bernie Sanders (I-Vt.) "
        "took the stage in Iowa late Monday night trailing former Secretary of State Hillary Clinton by "
        "just 0.3 percentage points in the Democratic presidential caucus, so it was fitting that his "
        "speech resembled a version he would give for a victory more than one for a loss.\n“While the "
        "results are not yet known, it looks like we are in a virtual tie,” Sanders said.\nSanders said "
        "he just barely trailed Clinton.",
    )
    assert list(quotes) == ["While the results are not yet known, it looks like we are in a virtual tie"]
    assert quotes["While the results are not yet known, it looks like we are in a virtual tie"].kind == "direct"


def test_a_quotation_after_a_possessive_is_the_reporters_noun_phrase(nlp):
    # politico_2016-08-11_pence-blames-media and breitbart_2016-02-08_the-latest-nh-towns: the
    # parser hangs the quotations' words on the reporter's verbs; they were direct quotes.
    pence = quotes_of(
        nlp,
        "Pence blames media for Trump's 'Obama founded ISIS' flap.\n\nLA CROSSE, Wisc. — Gov. Mike Pence "
        "on Thursday blamed the media for making an issue out of Donald Trump’s claim.",
    )
    bush = quotes_of(
        nlp,
        "He dismissed critique of his performance at Saturday’s debate, saying Monday that it was his "
        "campaign’s “Despite what people want to say, it was our greatest fundraising night.”",
    )
    assert pence["Obama founded ISIS"].kind != "direct"
    assert starting(bush, "Despite what people want to say").kind != "direct"


def test_a_quotation_in_capitals_on_a_heading_in_capitals_is_the_headings(nlp):
    # breitbart_2016-08-25_things-to-know-for-today: an AP list's numbered heading.
    quotes = quotes_of(
        nlp,
        "The country’s civil protection agency increases the death toll from the disaster to 267.\n\n"
        "3. FOR AFGHAN WOMEN ‘GLASS IS HALF FULL.’\n\nAs the war against the Taliban grinds on, they are "
        "still largely treated as property despite constitutional guarantees.",
    )
    assert (quotes["GLASS IS HALF FULL"].kind, quotes["GLASS IS HALF FULL"].speaker) == ("scare", None)
