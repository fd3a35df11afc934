"""The cue lexicon: the words and constructions that attribute words to someone.

A quotation's speaker is the subject of the cue that governs it. Cues are of three sorts:

- reporting verbs proper ("said", "told", "added", "wrote", "tweeted");
- verbs that name or characterise in someone's words ("called it "...", "dubbed", "branded",
  "described as", "referred to as", "likened to", "accused ... of"), which attribute a fragment
  as surely as "said" does; PolNeAR annotates them as attributions, and a fragment they govern
  is a partial quotation, never a scare quote;
- verbs of other speech acts that take what was said as their object ("thanked him for",
  "promised", "proclaimed", "chanted", "cited", "estimated").

"according to X" is a cue whose source is the object of "to" (quotes.subject_of). Kept in one place so that the parser's planning (which sentences to parse)
and the speaker search read the same list.
"""

from __future__ import annotations

# Lemmas. Bare forms (VB, VBP) of these are not cues (see quotes.BARE_FORMS).
REPORTING_VERBS = frozenset(
    """
believe think feel fear consider insist point defend
say tell add warn emphasize emphasise urge describe brand call deny insist claim argue state
declare explain note stress announce admit reply respond ask suggest accuse dismiss label term
write comment confirm report predict promise vow pledge acknowledge agree conclude contend
continue maintain recall remember reveal remark complain concede view regard condemn criticise criticize
praise hail quip joke shout tweet assert caution observe demand reject question wonder plead boast
scoff retort counter describe characterise characterize dub decry lament brand blast slam testify
exclaim whisper mutter recount told reiterate underline underscore charge threaten signal hint
post retweet blog email text message chant sing yell scream cry shriek holler bellow roar
liken compare coin refer nickname deride mock ridicule tout trumpet portray accord
proclaim pronounce pitch cite quote thank congratulate applaud commend salute laud tease
estimate reckon guess project forecast posit allege aver swear guarantee assure reassure
remind inform advise recommend propose disclose divulge confess grant recount narrate
elaborate clarify specify detail outline summarize summarise echo reaffirm dispute refute rebut
sneer muse marvel gush rave enthuse rail rant scold chide rebuke lash denounce bemoan fret
ponder inquire enquire implore beg counsel preach lecture vent concur interject
answer reference blame credit retaliate bark boom blare beam exhort deem repeat
""".split()
)

# Verbs whose quoted object is a name or label the subject gave to something ("called it
# "a disaster"", "dubbed him "Little Marco""): a fragment they govern is the subject's words.
NAMING_VERBS = frozenset(
    "call dub brand label term describe characterise characterize nickname liken compare refer coin "
    "deride mock ridicule portray hail tout".split()
)

# Verbs of wanting and intending: a quoted fragment in what they govern is the subject's words
# ("The East Midlands MEP wants his new group to "change the face" of UK politics", BBC
# politics/333). Cues for fragments only: a clause after them is rarely reported speech.
INTENT_VERBS = frozenset("want hope intend aim seek wish".split())

# "according to X" (the participle's lemma is "accord"): X is the source.
ACCORDING = "accord"
