"""Speaker mechanisms of the pronoun and cue work on PolNeAR training text (issue 16)."""

from __future__ import annotations

from tests.analysis.extract.test_quotes_polnear import polnear_article, quotes_of, starting


def test_a_mentions_own_title_gives_its_gender(nlp):
    # nyt_2015-12-31_trump-turns-attacks: "Mr. Clinton" and "Mrs. Clinton" go to one actor, so
    # the actor has no one gender; "Mrs." on the mention says who "she" is. The words after
    # "New Hampshire," are the next clause's subject, no apposition making it a person.
    text = (
        "A spokesman for Mr. Clinton declined to comment.\n\n"
        "Mr. Trump's tactics could backfire. Mrs. Clinton had some of her highest approval ratings "
        "ever after revelations that Mr. Clinton had a relationship with Ms. Lewinsky, a 22-year-old "
        "White House intern.\n\n"
        "At a recent town hall meeting in New Hampshire, a young woman asked Mrs. Clinton about "
        "several women who said they were sexually harassed by Mr. Clinton.\n\n"
        "''You say that all rape victims should be believed,'' the woman said. ''Should we believe "
        "them as well?''\n\n"
        "Mrs. Clinton did not hesitate. ''Well, I would say that everybody should be believed at "
        "first until they are disbelieved based on evidence,'' she said, with an awkward smile, as "
        "the crowd applauded."
    )
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("Well, I would say"))
    assert quote.speaker == "Clinton"


def test_a_participle_opening_a_flat_sentence_is_not_its_verb(nlp):
    # breitbart_2016-02-08_former-mexico-leader-calderon: the sentence before "he said" is not
    # parsed (no quotation, no reporting verb); its subject is the person named before its first
    # finite verb, Trump, not nobody because "launching" comes first.
    text = (
        "Former Mexican President Felipe Calderon blasted Republican presidential candidate Donald "
        "Trump on Saturday.\n\n"
        "\u201cThe first loser of such a policy would be the United States,\u201d Calderon "
        "continued.\n\n"
        "Since launching his White House bid, Trump has taken a firm stance against illegal "
        "immigration \u2014 and last June stirred controversy with an assertion that the migrants "
        "crossing into the United States are largely the dregs of Mexico\u2019s jails.\n\n"
        "\u201cWhen Mexico sends its people, they\u2019re not sending their best,\u201d he said."
    )
    quote = quotes_of(nlp, text)["When Mexico sends its people, they\u2019re not sending their best"]
    assert quote.speaker == "Donald Trump"


def test_a_quotations_own_sentences_are_not_counted_back(nlp):
    # wash-post_2016-02-14_nomination-questions: six sentences of quotation stand between "she
    # replied" and Hillary Clinton, who was asked.
    text = (
        "Justice Antonin Scalia died on Saturday, and Senator Ted Cruz said the Senate should wait.\n\n"
        "Democratic front-runner Hillary Clinton caused a recent stir when an Iowa voter asked if she "
        "might consider appointing Obama.\n\n"
        '"Wow, what a great idea. Nobody has ever suggested that to me. Wow. I love that. Wow. He may '
        "have a few other things to do, but I tell you, that's a great idea,\" she replied."
    )
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("Wow, what a great idea"))
    assert quote.speaker == "Hillary Clinton"


def test_answered_is_a_reporting_verb(nlp):
    # breitbart_2016-02-06_republican-presidential-candidat: a one-word answer.
    text = (
        "Carson defied the question, and didn\u2019t make a choice. \u201cWith 100 percent "
        "certainly, I will predict the winner \u2013 it will either be Denver or Carolina,\u201d he "
        "said.\n\n"
        "Governor Chris Christie \u2013 a Dallas Cowboys fan \u2013 gave a one word answer on the "
        "question. \u201cDenver,\u201d he answered."
    )
    quote = quotes_of(nlp, text)["Denver"]
    assert (quote.speaker, quote.cue) == ("Chris Christie", "answered")


def test_the_one_asked_is_not_the_speaker(nlp):
    # breitbart_2016-05-27_sanders-clinton-email-story: the passive's subject was asked; the
    # agent asks.
    text = (
        "Democratic presidential candidate Senator Bernie Sanders (I-VT) stated that the story on "
        "rival Democratic candidate former Secretary of State Hillary Clinton\u2019s emails has moved "
        "on Friday\u2019s broadcast of HBO\u2019s \u201cReal Time.\u201d\n\n"
        "Sanders was asked by host Bill Maher, who is supporting Sanders, but has previously "
        "dismissed the story about Clinton\u2019s emails, \u201cNow, you famously said, in one of "
        "the first debates with Hillary Clinton, oh, I\u2019m tired of hearing about the emails. "
        "Has the story moved?\u201d"
    )
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("Now, you famously said"))
    assert quote.speaker == "Bill Maher"


def test_a_person_named_after_the_verb_that_follows_a_quotation_speaks(nlp):
    # nyt_2016-06-15_clinton-s-chance: the relative clause took "Robert Reich" as its subject,
    # leaving "said" without one.
    text = (
        "But the mantra that worked in the 1990s is nonetheless ill-matched to the momentous "
        "challenges posed by a nation split by vast inequities of income and opportunity.\n\n"
        "''She needs one or two big ideas that are proportionate to the scale of the problems we are "
        "facing,'' said Robert Reich, who served as labor secretary during Mr. Clinton's first term "
        "yet endorsed Bernie Sanders in the Democratic primary. ''Her instinct is to be "
        "incrementalist.''"
    )
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("She needs one or two"))
    assert quote.speaker == "Robert Reich"


def test_a_name_typed_as_a_place_that_speaks_as_he_is_a_person(nlp):
    # wash-post_2016-06-14_we-are-in-shock: the model types "Nefzi" as a place; "Nefzi said.
    # He said ..." makes him the person "he" is.
    text = (
        '"We are a low-key small town, and we are hearing that we have two radicalized Muslims," '
        "said Dennis Gaskin, a retiree who worked at the Tropicana plant here.\n\n"
        '"We are frustrated and horrified" by the mass shooting at a gay nightclub in Orlando that had '
        "drawn worldwide attention and more local scrutiny, Nefzi said. He said Mateen \"has not done "
        'this because he is a Muslim but because he has a psychological problem."'
    )
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("has not done this"))
    assert quote.speaker == "Nefzi"


def test_put_it_reports_words(nlp):
    # huff-post_2016-01-12_tuesday-s-morning-email.
    text = (
        "JUSTIN BIEBER IS NUMBER ONE\n\n"
        "As Vulture put it, \u201cHello, it\u2019s the Biebs.\u201d Justin Bieber has finally "
        "dethroned Adele on the Billboard charts."
    )
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("Hello, it"))
    assert (quote.speaker, quote.cue) == ("Vulture", "put")


def test_it_is_not_the_last_place_named(nlp):
    # usa-today_2016-05-13_auction-of-gun: "It added" is the company that wrote the statement,
    # not Florida, the last place named; a place speaks as "it" only when presented speaking.
    text = (
        "George Zimmerman tried a second time Thursday to auction off the firearm he used to kill "
        "17-year-old Trayvon Martin in Florida in 2012, but both gun-selling websites yanked the "
        'listing before bidding was to begin on what Zimmerman described as a "piece of history."\n\n'
        "A statement posted on the website GunBroker.com said listings are user generated, and that "
        "the company reserved the right to reject any at its discretion.\n\n"
        '"Mr. Zimmerman never contacted anyone at GunBroker.com prior to or after the listing was '
        'created," the company wrote in its statement.\n\n'
        'It added, "We want no part in the listing on our web site or in any of the publicity it is '
        'receiving."'
    )
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("We want no part"))
    assert quote.speaker == "the company"


def test_words_between_that_and_the_quotation_make_it_partial(nlp):
    # politico: the reported clause opens with the reporter's words, the quotation ends it.
    text = (
        "Cruz declined to comment on any plans to campaign for Senate and House candidates. By "
        "contrast, Sen. Marco Rubio said that once the Senate goes on recess, \u201cI intend to do as "
        "much as I can, wherever I can be helpful.\u201d"
    )
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("I intend"))
    assert (quote.kind, quote.speaker) == ("partial", "Marco Rubio")


def test_a_headline_names_its_speaker_before_a_colon(nlp):
    # huff-post_2016-03-15_ted-cruz-physically-assaulting and breitbart_2016-04-14_the-latest.
    cruz = quotes_of(
        nlp,
        "Ted Cruz: \u2018Physically Assaulting A Reporter Is A Fireable Offense.\u2019\n\n"
        "Sen. Ted Cruz said on Tuesday that Donald Trump should fire his campaign manager.",
    )
    latest = quotes_of(
        nlp,
        "The Latest: Trump delivers defense of \u2018New York values.\u2019\n\n"
        "Donald Trump spoke in New York on Thursday.",
    )
    assert cruz["Physically Assaulting A Reporter Is A Fireable Offense"].speaker == "Ted Cruz"
    # Nobody is named before the colon: the fragment is Trump's through his own verb (PolNeAR's
    # attribution: source "Trump", cue "delivers defense of"), not through the headline's colon.
    new_york = latest["New York values"]
    assert (new_york.speaker, new_york.cue) == ("Donald Trump", "delivers")


def test_a_paragraph_ending_on_a_colon_introduces_the_next(nlp):
    # west-journal_2016-07-23_trump-addresses-munich-attack: "issued" is no reporting verb and
    # its sentence holds no quotation, yet it presents the speaker; the parse plan reads it.
    text = (
        "So far, no terrorist organization has claimed responsibility for the heinous slaying.\n\n"
        "In response to the tragic loss of life, Republican presidential nominee Donald Trump issued "
        "the following statement:\n\n"
        "\u201cOur prayers are with all those affected by the horrible attacks in Munich. This cannot "
        "continue.\u201d"
    )
    quote = next(q for t, q in quotes_of(nlp, text).items() if t.startswith("Our prayers"))
    assert quote.speaker == "Donald Trump"


def test_a_name_before_a_colon_gives_the_turn(nlp):
    # usa-today_2015-12-01_for-gop-a-golden-opportunity.
    text = (
        "Jeb Bush and Hillary Clinton, among others, reject the term containment.\n\n"
        'Clinton: "Our goal is not to deter or contain ISIS, but to defeat and destroy ISIS." Bush: '
        '"The mission is to destroy ISIS -- not to contain it."'
    )
    quotes = quotes_of(nlp, text)
    clinton = quotes["Our goal is not to deter or contain ISIS, but to defeat and destroy ISIS"]
    assert clinton.speaker == "Hillary Clinton"
    assert quotes["The mission is to destroy ISIS -- not to contain it"].speaker == "Jeb Bush"


def test_a_name_the_parser_made_the_root_is_its_sentences_subject(nlp):
    # wash-post_2015-11-10_caught-fibbing: the parser read "steam-rolls" as nouns and made
    # "Trump" the root of "Trump, when asked about his own contradictions or factual errors, often
    # steam-rolls through the questions"; "he told CNN's Chris Cuomo" went past him to Carson.
    quotes = quotes_of(nlp, polnear_article("wash-post_2015-11-10_caught-fibbing-these-gop-candida"))
    quote = starting(quotes, "We made a terrible mistake getting involved")
    assert quote.speaker == "Donald Trump"


def test_a_name_after_a_dash_before_a_colon_gives_the_turn(nlp):
    # huff-post_2016-02-03_huffpollster (a digest): "RED STATES OUTNUMBER BLUE STATES FOR THE
    # FIRST TIME - Jeffrey M. Jones: "Gallup's analysis ..."", and "Pollsters agree - Carl
    # Bialik: "..."", where the clause before the dash is not who speaks.
    quotes = quotes_of(nlp, polnear_article("huff-post_2016-02-03_huffpollster-a-seismic-shift-amo"))
    assert starting(quotes, "Gallup’s analysis of political").speaker == "Jeffrey M. Jones"
    assert starting(quotes, "One of the biggest lessons").speaker == "Carl Bialik"


def test_a_flat_sentence_without_a_verb_has_no_subject(nlp):
    # politico_2016-07-11_playbook-passes-the-torch: "(Subscribe to POLITICO's Off Message
    # podcast with Glenn Thrush.)" stands between Palmer and "she said"; with no finite verb, the
    # whole sentence had counted as before its first one, and the show (tagged a person) was "she".
    quotes = quotes_of(nlp, polnear_article("politico_2016-07-11_playbook-passes-the-torch"))
    assert starting(quotes, "I covered lobbying").speaker == "Anna Palmer"


def test_a_name_after_a_preposition_is_no_flat_sentences_subject(nlp):
    # nyt_2016-03-21_factory-workers-feel-sting-of-gl: "Outside Carrier's plant on Hermenegildo
    # Galeana Street in the suburb of Santa Catarina, a worker named Antonio Arroyo has nothing
    # but positive things to say about his job" (flat: no quotation, no reporting verb); the
    # street, tagged a person, came first before the verb and was "he".
    quotes = quotes_of(nlp, polnear_article("nyt_2016-03-21_factory-workers-feel-sting-of-gl"))
    assert starting(quotes, "The atmosphere is relaxed").speaker == "Antonio Arroyo"


def test_a_name_before_an_aside_and_a_finite_verb_is_a_flat_sentences_subject(nlp):
    # nyt_2016-03-04_republicans-have-stake-in-a-deal: "there is also the possibility that Mrs.
    # Clinton, if elected, might nominate Mr. Obama himself" (flat) is followed by "''Wow, what a
    # great idea,'' she said"; with no subject found there, "she" went to a professor quoted
    # three sentences before.
    quotes = quotes_of(nlp, polnear_article("nyt_2016-03-04_republicans-have-stake-in-a-deal"))
    assert starting(quotes, "Wow, what a great idea").speaker == "Hillary Clinton"


def test_a_speaking_pronoun_prefers_who_was_presented_speaking(nlp):
    # huff-post_2016-06-17_trump-s-supporters-may-be-the-re: 'Trump, Sexton said, has created a
    # "strange, reality-bending political correctness-free zone." / "So afterwards, his
    # supporters feel justified," he said.' Trump is the main clause's subject, but the one the
    # sentence presents speaking is Sexton.
    quotes = quotes_of(nlp, polnear_article("huff-post_2016-06-17_trump-s-supporters-may-be-the-re"))
    assert starting(quotes, "So afterwards, his supporters feel justified").speaker == "Jared Sexton"


def test_an_untagged_surname_of_one_person_is_that_person(nlp):
    # politico_2016-07-06_atlantic-city-officials-welcome-: "Trump blamed local officials on
    # Twitter before the speech. "Hillary Clinton should ask why ...," he wrote." The model tags
    # nothing on "Trump" (the tagger reads a common noun), so "he" went to Chris Christie, the
    # subject of the sentence before.
    quotes = quotes_of(nlp, polnear_article("politico_2016-07-06_atlantic-city-officials-welcome-"))
    assert starting(quotes, "Hillary Clinton should ask why").speaker == "Donald Trump"
