"""Exchange mentions: the prisoner exchanges one text describes, each with what the text claims about it.

Reads a normalized text the way a careful reader would:
- the handover the article is about (its "main" exchange), with counts from every
  sentence that reports people freed or returned;
- other handovers with their own date: background ones named attributively ("the
  March 19 exchange of 175 prisoners per side") and stages told sentence by sentence
  ("The first stage took place on Monday, when each side handed over 62 captives");
- a deal covering several handovers ("an agreement to swap 1,000 prisoners per side",
  "a deal under which Hamas will free 50 hostages"), with its date and place;
- planned stages ("further exchanges are planned for Saturday and Sunday").
Unilateral releases, body repatriations, negated and hypothetical swaps yield nothing.
Every claim keeps the span of the words that state it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from pipeline.extract.figures import GROUPS, LINKED, FigureMention, extract_figures
from pipeline.extract.parties import PartyMention, find_parties, is_place, main_sides, parties, party_of_word, stated_pair
from pipeline.lexicons import load, phrase_alternation
from pipeline.text.dates import DateMention, find_dates, resolve, safe_date
from pipeline.text.phrases import Found, PhraseIndex, WholePhrases, stretches
from pipeline.text.sentences import Sentence, split_sentences

COUNTED = {"prisoners": "returned_to", "people": "returned_to", "soldiers": "soldiers_to", "civilians": "civilians_to"}
HANDOVER_PREDICATES = {"released", "returned", "exchanged", None}
CUE_WINDOW = 45  # characters around an event word read for its kind
_PARTY_WORD = r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w’'-]*)?"
_EACH_AFTER = re.compile(r"\s*(?:per\s+side|(?:went|go|going|goes)\s+each\s+way|each\s+way|both\s+ways|in\s+each\s+direction|each|apiece|(?:from|on|for|to|by)\s+(?:each|both|either)\s+sides?|every)\b", re.I)
_EACH_LATER = re.compile(r"[^.;,]{0,40}?\b(?:freed|released|returned|handed\s+over|exchanged)\s+(?:by|from)\s+(?:each|both|either)\s+(?:side|sides|country|countries)\b", re.I)
_EACH_BEFORE = re.compile(r"\b(?:each\s+side|every\s+side|both\s+sides|each\s+country|both\s+countries|either\s+side|each)\b(?:\s+\w+){0,2}\s+$", re.I)
# "Russia released", "Hamas is to free", "Israel's prison service said it had freed"
_COUNT_AHEAD = r"(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds)\b)"  # a count starts here
_ASIDE = r"(?:\s*\([^()]{1,40}\))?"  # "Ansar Allah (the Houthis) freed ..."
_INSTITUTION = r"(?:\s+(?:rebel\s+|armed\s+)?(?:government|authorities|side|army|military|forces|coalition|prison\s+service|rebels|movement|militia|group))?"  # "the Yemeni government freed ..."
_GIVER = re.compile(rf"(?P<giver>{_PARTY_WORD}){_INSTITUTION}{_ASIDE}(?:(?:\s+[a-z][\w-]*){{0,3}}\s+said\s+(?:that\s+)?(?:it|they))?\s+(?:has\s+|had\s+|have\s+|will\s+|would\s+|was\s+|were\s+|(?:is|are|was|were)\s+(?:due\s+)?to\s+|agreed\s+to\s+)?(?:later\s+|also\s+|then\s+|\w+ly\s+)?(?:began\s+|started\s+|continued\s+)?(?:released|releasing|freed|freeing|free|release|handed\s+over|handing\s+over|hand\s+over|handed\s+back|handing\s+back|returned(?!\s+home)|returning|transferred|transferring|sent\s+back|repatriated|pardoned|granted\s+clemency\s+to)\s+(?:\w+\s+){{0,3}}$")
_GIVER_AFTER = re.compile(rf"\s*(?:\w+\s+){{0,3}}?(?:freed|released|handed\s+over|returned|transferred)\s+by\s+(?:the\s+)?(?P<giver>{_PARTY_WORD})")
_AND_BETWEEN = re.compile(r",?\s+and\s+")
# "of the OLA", "of the Saudi-backed government": whose people a count is (not "prisoners of X": those X holds)
_BELONGS_AFTER = re.compile(rf"\s+of\s+(?:the\s+)?(?:[\w.]+-(?:backed|supported|recogni[sz]ed)\s+)?(?:(?P<institution>[Gg]overnment|[Aa]rmy)\b|(?P<owner>{_PARTY_WORD}))"
                           r"(?![^.;\n]{0,30}\b(?:among|of)\s+(?:them|those)\b)")  # "62: soldiers of the Sudanese army among them": a part
_NAMED_BODY_AND = re.compile(r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,5}(?:\s+\([A-Z]{2,6}\))?)?,?\s+and\s+")  # "61 members of the Defence Force and 9 ..."
# A tally of every exchange so far: "N ... have been brought home since ...", "To date, N ...".
_CUMULATIVE_AFTER = re.compile(r"[^,;.]{0,80}?\b(?:have|has)\b[^,;.]{0,60}?\b(?:since|to\s+date|so\s+far)\b", re.I)
_CUMULATIVE_OPENING = re.compile(r"(?:[Ss]ince\s+(?:the\s+)?(?:start|beginning|outbreak)\s+of\s+[^,.;]{1,40}|[Ss]o\s+far|[Tt]o\s+date|[Ii]n\s+all),\s*(?:\w+\s+){0,3}$")
# "MIT has taken part in several exchanges since 2022, including the release of 215 ...": a count inside a tally of the past
_PERFECT_SINCE_BEFORE = re.compile(r"\b(?:has|have)\s+(?:\w+\s+){0,5}?since\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d\d\b[^.;]*$")
_CLAIM_LABEL = re.compile(r"[ \t]*(?:CLAIM|Claim|THE CLAIM|The claim)\s*:")
_FUTURE_AFTER = re.compile(r"(?:\s+[a-z]+){0,2}?\s+(?:will|would|is\s+to|are\s+to|to\s+be|(?:is|are)\s+due\s+to|(?:is|are)\s+expected\s+to)\b")  # "50 prisoners will be freed"
# The text says nothing went the other way: a one-way release, not an exchange.
_ONE_WAY = re.compile(r"\b(?:did\s+not|didn['’]t|has\s+not|hasn['’]t|had\s+not)\s+(?:release|free|return|hand\s+over)\s+(?:anyone|anybody|any\s+\w+)\s+in\s+return\b"
                      r"|\bno\s+one\s+(?:was|were|has\s+been)\s+(?:returned|released|freed|handed\s+over)\s+in\s+(?:return|the\s+other\s+direction)\b"
                      r"|\b(?:nothing|no\s+one|nobody)\s+in\s+return\b|\bunilateral(?:ly)?\b|\bone-way\b", re.I)
_BOTH_SWAPPED = re.compile(r"\b(?:the\s+two|both)\s+(?:sides|parties|countries)\s+(?:\w+\s+)?(?:swapped|exchanged|traded)\b", re.I)
_ALSO_HANDED = re.compile(r"\balso\s+(?:received|got\s+back|freed|released|returned|handed\s+over|brought\s+home)\s+(?:\w+\s+){0,3}$", re.I)
# "The fishermen, whose boat drifted across the border on May 30, were handed over": a date inside a relative clause
# tells of something else.
_RELATIVE_CLAUSE_OPEN = re.compile(r",\s+(?:whose|who)\b[^,;.]*$")  # not "which took place on Sunday"
_TALLY_BEFORE = re.compile(r"(?:\b\d[\d,]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|several|many|numerous|multiple))\s+(?:[a-z-]+\s+)?$", re.I)
# "the government", "the Saudi-backed government", "the internationally recognised government": which state's, read in context
_BARE_GOVERNMENT = re.compile(r"\b[Tt]he\s+(?:[\w.]+-(?:backed|supported|recogni[sz]ed)\s+|(?:internationally\s+)?recogni[sz]ed\s+)?(?P<word>[Gg]overnment)\b(?!\s+of\b)")
_GOVERNMENT_OF_BEFORE = re.compile(r"\b[Gg]overnment\s+of\s+(?:the\s+)?$")
_GOVERNMENT_AFTER = re.compile(r"(?:['’]s)?\s+[Gg]overnment\b")
# "the ceasefire deal that began on January 19": the day a deal took effect, neither a handover's nor the deal's agreement
_DEAL_BEGAN_BEFORE = re.compile(r"\b(?:deal|agreement|ceasefire|truce|accord)\b[^.;]{0,25}\b(?:began|started|took\s+effect|came\s+into\s+(?:force|effect)|went\s+into\s+(?:force|effect))\s+(?:on\s+)?$", re.I)
_ELIDED_RECEIVER = re.compile(rf"\b(?:received|receiving|got\s+back|getting\s+back)\b[^.;]*?,?\s+and\s+(?P<receiver>{_PARTY_WORD})\s+$")
# "followed an agreement reached by the parties in Switzerland on 20 March": the deal's day, not a handover's
_AGREEMENT_REACHED_BEFORE = re.compile(r"\b(?:agreement|deal|accord|truce|ceasefire)\s+(?:was\s+|had\s+been\s+)?(?:reached|signed|struck|concluded)\b[^.;]{0,45}$", re.I)
_ADDED = re.compile(r"\b(?:along\s+with|together\s+with|alongside|in\s+addition\s+to|as\s+well\s+as|plus)\s+(?:\w+\s+){0,2}$", re.I)
_HELD_BY_AFTER = re.compile(rf"[^.;]{{0,60}}?\b(?:from|out\s+of)\s+(?P<holder>{_PARTY_WORD})\s+captivity\b"
                            rf"|[^.;]{{0,80}}?\bwhom\s+(?P<keeper>{_PARTY_WORD})\s+(?:had\s+been\s+|has\s+been\s+|was\s+)?holding\b"
                            # "82 schoolgirls abducted by Boko Haram", "five commanders held by the Nigerian government"
                            rf"|\s+(?:\w+\s+){{0,2}}?(?:held|abducted|kidnapped|captured|seized|detained|jailed)\s+(?:by|in)\s+(?:the\s+)?"
                            # "109 held by the army": the state side, read in context
                            rf"(?:(?P<state_captor>(?i:army|military|government|junta|regime|authorities))\b|(?P<captor>{_PARTY_WORD}))")
# "203 held by the RSF went to army-controlled areas": held until now, then moved; the verb after the captor is the handover
_HELD_THEN_MOVED = re.compile(r"\s+(?:\w+\s+){0,2}?(?:held|detained)\s+by\s+(?:the\s+)?[\w.’'-]+(?:\s+[A-Z][\w’'-]*)?\s+"
                              r"(?:went|crossed|moved|headed|travelled|traveled|were\s+(?:taken|flown|bussed|moved|transferred|sent))\b")
_CLAUSE_BREAK = re.compile(r",\s+(?:and|while|whereas)\s+|;\s+")
_THE_EXCHANGE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]oday's)\s+(?:prisoner\s+)?(?:exchange|swap|handover)\b(?!s)")
_RELEASE_NOUN = re.compile(r"\b(?:release|releases|handover)\s+of\b")
_DEAL_STEP = re.compile(r"\b[Tt]he\s+(?:releases?|handovers?|transfers?)\b")
_ONE_PERSON = re.compile(r"(?:a|an|one)\s+(?:[A-Za-z-]+\s+){0,2}(?:ally|man|woman|businessman|businesswoman|diplomat|agent|spy|citizen|national|"
                         r"pilot|soldier|journalist|officer|official|associate|financier|hacker|smuggler|dealer|prisoner|convict|operative|aide|"
                         r"student|researcher|academic|tourist|worker|activist|scientist)\b")  # "an Iranian former official"
_POLITICAL_PRISONERS = re.compile(r"\bpolitical\s+(?:prisoners|detainees)\b")
_IN_ADDITION = re.compile(r"[\"“]?(?:In\s+addition|Additionally|Also|Separately),\s")
_IN_EXCHANGE_FOR = re.compile(r"\bin\s+(?:exchange|return)\s+for\s+(?:\w+\s+){0,2}$", re.I)
_RECEIVER_VERBS = r"(?:returned|released|handed\s+over|transferred|sent\s+back|went\s+back|brought\s+back|flown|taken|flew|bussed)"
_RECEIVER_AFTER = re.compile(rf"^[^.;]*?\b{_RECEIVER_VERBS}\s+(?:home\s+|back\s+)?to\s+(?:the\s+)?(?P<receiver>{_PARTY_WORD})"
                             # "13 were taken to Germany and three to the United States": the verb is elided
                             rf"|^\s+to\s+(?:the\s+)?(?P<elided>{_PARTY_WORD})")
# "14 foreign nationals, including six Lithuanians and three Poles": parts of one group freed, not two sides' people
_PARTS_BEFORE = re.compile(r"\b(?:including|among\s+(?:them|whom)|of\s+whom)\b[^.;:]*$", re.I)
_EACH_SIDE_RELEASE = re.compile(r"\b(?:each|both|either)\s+(?:side|sides|country|countries)\s+(?:also\s+|then\s+|has\s+|have\s+|had\s+)?(?P<verb>freed|released|handed\s+over)\s+(?:\w+\s+){0,2}?\d"
                                r"|\b(?P<verb2>freed|released|handed\s+over)\s+by\s+(?:each|both)\s+(?:side|sides)\b", re.I)
_EACH_DAY = re.compile(r"\b(?:each|every)\s+day\b|\bper\s+day\b|\bdaily\b|\bon\s+both\s+days\b", re.I)
_ASIDE_NAME = re.compile(r"\(([A-Z][\w’'-]*)\)")
_IN_RETURN_LATER = re.compile(r"\b(?:received|got\s+back|got)\b[^.;]*\bin\s+return\b")
_IN_RETURN_AFTER = re.compile(r"[^.;]{0,20}?\bin\s+(?:return|exchange)\b(?!\s+for\b)")
# "Kyrgyzstan handed over four Tajik servicemen at the checkpoint and received three ...": the giver is the receiver of what follows
_GAVE_AND_GOT = re.compile(rf"(?P<party>{_PARTY_WORD})\s+(?:has\s+|had\s+)?(?:handed\s+over|released|freed|returned|transferred)\b[^.;]*?"
                           r",?\s+and\s+(?:has\s+|had\s+)?(?:received|got\s+back|took\s+back|welcomed\s+home)\s+(?:\w+\s+){0,4}$")
_INCREMENT_BEFORE = re.compile(r"\b(?:another|a\s+further)\s+$", re.I)
_TOTALS = re.compile(r"\W*(?:totals?|in\s+total|altogether|overall)\b", re.I)
_RECEIVER_VERB = re.compile(rf"\b{_RECEIVER_VERBS}\b")
# "while the junta released 180 ...", "the rebels handed over 25": a side named in lower case by what it is, a state or an armed group
_STATE_GIVER = re.compile(r"\b(?:[Tt]he\s+)?(?:[a-z]+\s+)?(?:(?P<state>government|army|military|junta|regime|authorities)|(?P<group>rebels|insurgents|militants|guerrillas|militia))\s+(?:has\s+|had\s+|have\s+|will\s+|would\s+|also\s+|then\s+)?"
                          r"(?:released|freed|handed\s+over|returned|release|free|hand\s+over|return|releases|frees|hands\s+over|returns)\s+(?:\w+\s+){0,3}$")
_STATE_INSTITUTION = re.compile(r"[Tt]he\s+(?:[Gg]overnment|[Aa]rmy|[Mm]ilitary)\b")  # names no party: the state side, read in context
_RECEIVER_BEFORE = re.compile(rf"(?P<receiver>{_PARTY_WORD}){_INSTITUTION}\s+(?:said\s+(?:on\s+\w+\s+)?(?:it|that\s+it)\s+)?(?:has\s+|had\s+|have\s+)?(?:received|receiving|got\s+back|getting\s+back|got|gets|brought\s+home|brought\s+back|returned\s+home|welcomed\s+home|recovered|secured\s+the\s+release\s+of|won\s+the\s+release\s+of|obtained\s+the\s+release\s+of)\s+(?:\w+\s+){{0,3}}$")
# "Russia got 150 of its own back", "Kyiv brought 90 soldiers home": the receiver, the count, then "back" or "home"
_SPLIT_RECEIVER_BEFORE = re.compile(rf"(?P<receiver>{_PARTY_WORD}){_INSTITUTION}\s+(?:has\s+|had\s+|have\s+)?(?:got|gets|brought|brings|welcomed|welcomes|flew|flies)\s+(?:\w+\s+){{0,3}}$")
_BACK_HOME_AFTER = re.compile(r"\s+(?:back|home)\b")
_RATE_AFTER = re.compile(r"\s+(?:for|per)\s+(?:every|each)\s+(?!side\b)")  # not "for each side": that is each side's count
# Words before a deal's date; not when the date is when the deal began ("the ceasefire deal that began on January 19").
_DEAL_DATE_CONTEXT = re.compile(r"\b(?:talks|negotiations|meeting|summit|agreement|deal|agreed|signed|reached)\b"
                                r"(?![^.]*\b(?:began|begun|begins|started|starts|took\s+effect|takes\s+effect|came\s+into\s+(?:force|effect)|went\s+into\s+(?:force|effect))\b)"
                                r"[^.]{0,40}$", re.I)
_PLACE = re.compile(r"\b(?:talks|negotiations|meeting|summit|agreement|deal|agreed|signed|reached)\b[^.;]{0,50}?\bin\s+"
                    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b)"
                    r"(?P<place>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)")  # "agreed in January" names a month, not a place
_HANDOVER_PLACE = re.compile(r"\b(?:at|on|near|across)\s+the\s+(?P<place>(?:[A-Z][\w’'-]+[\s-]+){1,2}border|border\s+(?:between|with)\s+[^,.;]+)")
# "the last big swap between them": one adjective may come between (not "last night's", "last week": a time)
_BACKGROUND = re.compile(r"\b(?:earlier|previous|prior|past|last|former|first-ever|different)\s+(?:(?!(?:night|week|weekend|month|year|time)\b)[a-z-]+\s+)?$", re.I)
_REMEMBERED_BEFORE = re.compile(r"\b(?:recalls?|recalled|commemorates?|commemorated|remembers?|remembered|honou?rs?|honou?red|anniversary\s+of)"
                                r"\s+(?:the\s+|those\s+|these\s+|its\s+|their\s+)?(?:[a-z-]+\s+)?$", re.I)
_PLANNED_BEFORE = re.compile(r"\b(?:further|additional|more|next|upcoming|another|new)\s+(?:\w+\s+)?$", re.I)
_INTENT_BEFORE = re.compile(r"\b(?:will|shall|would|to)\s+(?:\w+\s+)?$", re.I)
_ATTRIBUTIVE = re.compile(r",?\s+(?:prisoner[s-]?\s+|POW\s+|prisoner-of-war\s+)?(?:exchange|swap|handover|trade)\b", re.I)
_PASSIVE = r"(?:was|were|had\s+been|has\s+been)\s+"  # "was agreed", "had been agreed"
_AGREED_CLAUSE = re.compile(rf"\b{_PASSIVE}agreed\b[^.;]*$")  # "... was agreed during talks in Jeddah on 1 March"
_NEW_CLAUSE = re.compile(r"\s+and\s+(?:was|were|is|are|has|have|had)\b")
_POSSESSIVE_ATTRIBUTIVE = re.compile(r"[’']s\s+(?:prisoner[s-]?\s+|POW\s+)?(?:exchange|swap|handover)\b", re.I)  # "Sunday's exchange of 200"
_NOT_EVENT_DATE = re.compile(r"\b(?:since|until|till|before|started\s+in|began\s+in|from|talks|negotiations|meeting|summit|agreement|agreed|signed|reached(?!\s+[A-Z]))\b[^.,]{0,12}$", re.I)  # not "reached Kyiv on Friday"
# "a journalist detained in Moscow in March 2023": the date someone was taken, not the date of the handover.
_CAPTURE_DATE = re.compile(r"\b(?:detained|arrested|captured|seized|jailed|abducted|kidnapped|convicted|sentenced|imprisoned|taken\s+prisoner)\b(?:\s+[\w,]+){0,3}?\s+(?:in|on|since)\s+$", re.I)
_ON_DATE = re.compile(r"\b(?:on|On)\s+$")
_SINCE_BEFORE = re.compile(r"\b[Ss]ince\s+$")
_SINCE_EVENT_BEFORE = re.compile(r"\b[Ss]ince\b[^.;,]*$")  # "since Russia's full-scale invasion in February 2022": another event's date
# "since a ceasefire took effect last Sunday": the date of the clause's own event (not "held since May were freed on Friday")
_SINCE_CLAUSE_BEFORE = re.compile(r"\b[Ss]ince\b[^.;,]{0,40}\b(?:took\s+effect|came\s+into\s+(?:force|effect)|went\s+into\s+effect|began|started|ended|broke\s+out|was\s+(?:signed|agreed|announced))\b[^.;,]{0,15}$")
_EVENT_KINDS = ("main", "planned", "background", "agreed")  # the kinds of event word that tell of a real exchange
# "MEMORANDUM OF UNDERSTANDING ON THE RELEASE AND EXCHANGE OF DETAINEES", "Agreement on the Exchange of Prisoners": a text
# that is the deal itself, signed where its last lines say ("Done at Juba on ...", "Signed in Doha, 3 May 2031").
_DEAL_TITLE = re.compile(r"\s*(?:[A-Za-z]+\s+){0,3}?(?:memorandum|agreement|accord|protocol)\b[^\n]{0,60}\b(?:on|for|concerning|regarding)\b[^\n]{0,40}\b(?:exchange|release|swap)", re.I)
_SIGNED_AT = re.compile(r"\b(?:[Dd]one|[Ss]igned)\s+(?:at|in)\b[^.\n]{0,60}$")
# "the agreement on the exchange", "MEMORANDUM ... ON THE RELEASE AND EXCHANGE": the exchange a deal is about
_DEAL_NAMED_BEFORE = re.compile(r"\b(?:agreement|deal|memorandum|understanding|accord|protocol|arrangement)\s+(?:on|for|about|concerning|regarding)\s+"
                                r"(?:the\s+)?(?:[a-z]+\s+and\s+)?$", re.I)
_AGREE_BEFORE = re.compile(r"\bagree(?:d|s)?\s+(?:on\s+(?:[A-Z]\w+\s+)?|in\s+[A-Z]\w+\s+)?(?:to\s+)?(?:(?:a|an|the|new|another|further|prisoner|prisoners?|POW)\s+){0,3}$", re.I)
_BASE_FORMS = frozenset({"release", "free", "hand", "return"})
_WILL = re.compile(r"\b(?:will|would|is\s+to|are\s+to)\s+(?:\w+\s+)?(?:release|free|hand\s+over|return|receive)\b")
_ANSWERING = re.compile(r"[\"“'‘]?In\s+(?:exchange|return|turn|its\s+turn|their\s+turn)\b")
_BOTH_SIDES = re.compile(r"\b(?:two|both|the|all|warring)\s+(?:sides|parties|countries)\b|\b(?:in\s+total|a\s+total\s+of)\b", re.I)
_PART_OF = re.compile(r"\s+of\s+(?:the|those|these|them|whom)\b", re.I)  # "114 of the freed prisoners": a part, already counted
_TOTAL_BEFORE = re.compile(r"\b(?:exchange|swap|trade|exchanged|swapped|traded|exchanging|swapping)\s+(?:\w+\s+)?$", re.I)
_RELEASES_AFTER = re.compile(_INSTITUTION + _ASIDE + r"(?:\s+on\s+[A-Z][a-z]+)?\s+(?:has\s+|have\s+|had\s+|also\s+|then\s+|later\s+|(?P<future>will\s+|would\s+|is\s+to\s+|are\s+to\s+))?(?:began\s+|started\s+)?(?P<verb>released|freed|handed\s+over|returned|pardoned|release|free|hand\s+over|return|releasing|freeing|releases|frees|hands\s+over)\s+(?:(?:or|and)\s+\w+\s+)?(?:\w+\s+){0,3}?"
                             + _COUNT_AHEAD)  # "Israel freed 90 ..."
_RELEASES_NAMED = re.compile(_INSTITUTION + _ASIDE + r"(?:\s+on\s+[A-Z][a-z]+)?\s+(?:has\s+|have\s+|had\s+|also\s+|then\s+|later\s+|(?P<future>will\s+|would\s+))?"
                             r"(?P<verb>released|freed|handed\s+over)\s+(?:[a-z-]+\s+){0,3}?(?=[A-Z][a-z])")  # "Hamas freed civilian hostages Noa Levi"
_FREES = re.compile(r"\b(?:released|releasing|freed|freeing|free|release|pardoned)\b")  # not "returned": "Ukraine returned 95 Ukrainians" brings them home
_AGREED_EARLIER = re.compile(rf"\b{_PASSIVE}agreed\b|\b(?:exchange|swap|deal|release|handover)s?\s+agreed\s+(?:at|in|on|during|last|earlier)\b|\b(?:signed|reached)\s+(?:an?\s+|the\s+)?(?:agreement|deal|accord)\b"
                             r"|\b(?:agreement|deal|accord)\s+(?:was\s+|had\s+been\s+)?(?:reached|signed|struck)\b", re.I)  # "a ceasefire agreement reached on Oct. 9", "a three-day swap agreed at talks in Geneva last month"
_AGREED_AFTER = re.compile(rf"\s+{_PASSIVE}(?:\w+ly\s+)?agreed\b", re.I)
_AGREED_WHAT = re.compile(r"\b(?:release|releases|exchange|swap|deal|agreement|accord|handover|transfer)\b", re.I)
# A handover verb, either way, before a count: "In return, Britain released four Iranians", "In return, Russia received 150 ..."
_HANDED_COUNT = re.compile(r"\b(?:released|freed|handed\s+over|returned|transferred|pardoned|received|got\s+back|exchanged|release|free|receive)\s+(?:\w+\s+){0,3}?"
                           + _COUNT_AHEAD)
_JUST_DONE = re.compile(r"\b(?:are|is)\s+(?:back|home)\b|\b(?:have|has)\s+(?:just\s+)?(?:returned|come\s+home|been\s+(?:released|freed|returned|exchanged|brought\s+home)"
                        r"|carried\s+out|completed|exchanged|swapped|freed|released|handed\s+over)\b", re.I)
_NAMED_RELEASE_VERB = re.compile(r"\b(?:freed|released|pardoned|granted\s+clemency\s+to|commuted\s+the\s+sentences?\s+of|handed\s+over|handed\s+back|repatriated"
                                 r"|(?:secured|won|obtained)\s+the\s+release\s+of)\s+"  # "an exchange that secured the release of U.S. citizens A and B"
                                 r"|(?P<exchange>\bin\s+(?:exchange|return)\s+for\s+)")
# "Anna Berg, a nurse jailed in Iran, was freed on Thursday in exchange for ...": a person freed, told in the passive.
_NAMED_PASSIVE = re.compile(rf"(?P<apposition>,[^;:()]{{1,160}},)?\s+(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:freed|released|swapped|exchanged|traded)\b"
                            rf"(?:\s+by\s+(?:the\s+)?(?P<giver>{_PARTY_WORD}))?|(?:has\s+|have\s+|had\s+)?(?:returned|come|came|arrived)\s+home\b)")
_DEMONYM_BEFORE = re.compile(r"(?P<demonym>[A-Z][\w.’'-]*)\s+(?:[a-z-]+\s+){1,2}$")  # "Dutch sailor Jan Vos", "U.S. journalist John ..."
_HELD_IN = re.compile(rf"\b(?:jailed|held|detained|imprisoned|arrested|convicted|sentenced)\s+(?:\w+\s+){{0,2}}?in\s+(?P<holder>{_PARTY_WORD})")
_CLAUSE_OPENERS = frozenset({"-", "–", "—", "when", "after", "as", "while", "and", "but"})
_NAMED_GIVER = re.compile(rf"(?P<giver>{_PARTY_WORD}){_INSTITUTION}{_ASIDE}(?:\s+on\s+[A-Z][a-z]+)?\s+(?:has\s+|had\s+|have\s+|also\s+|then\s+|later\s+)?$")
# "Iran freed a Swedish diplomat and another Swede, while Sweden released an Iranian": one person per indefinite demonym
_ONE_OF_A_PEOPLE = re.compile(r"\b(?:a|an|another)\s+(?P<demonym>[A-Z][\w-]*)")
_OBJECT_END = re.compile(r"[.;:()]|,\s+(?:while|as|but|after|who|which|and\s+[A-Z])\b|\s(?:in\s+(?:a|an|the)\s+(?:\w+\s+)?(?:exchange|swap|deal|trade)|in\s+(?:exchange|return)\s+for|on|at|after|before|from)\s")
_PERSON_NAME = re.compile(r"(?<![\w.’'])[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+(?:de\s+|van\s+|al-)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2}(?![\w’'])")
_NAME_LIST_END = re.compile(r"(?<![A-Z])\.(?=\s|$)|[;:()]|\s(?:on|in|at|after|before|who|whom|which|that|from|to|for|as|when|while|during|since|a|an)\s|,\s+(?!and\b|[A-Z])")
_REMAINING_BEFORE = re.compile(r"\b(?:remaining|other|last)\s+$", re.I)  # "the remaining 120"
_FIRST_OF_BEFORE = re.compile(r"\b(?:the\s+)?(?:first|initial)\s+(?:(?:batch|group|wave|tranche)\s+)?of\s+(?:the\s+)?$", re.I)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# "It was the second handover ..." and later "On Friday, the first day, ...": two handovers, not one told twice.
_STAGE_ORDINAL = re.compile(r"\b(?P<ordinal>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|last)\s+(?:[a-z-]+\s+)?"
                            r"(?:day|handover|exchange|swap|round|stage|phase|batch|group|release|leg)\b", re.I)
# A live blog's entry opens with its time of day on a line of its own ("9:58 p.m.", "14.32 GMT"): it happened on the blog's day.
_ENTRY_TIME = re.compile(r"[ \t]*\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|GMT|BST|UTC|CET|EET|ET|EST|EDT|PT))?[ \t]*\n", re.I)
_WHEN_AFTER = re.compile(r",?\s+when\b")
_HANDOVER_VERB = re.compile(r"\b(?:freed|released|exchanged|swapped|returned|handed\s+over|came\s+home)\b")
# "KYIV, May 24 (Reuters) -" dates the report, never a handover.
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?[-–—]\s")
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[A-Z][A-Z .'-]+,\s*$")
# A chronology item ("* March 12: 64 for 64 ..."): a line that starts with its own day.
_CHRONOLOGY_ITEM = re.compile(r"[*•·–-]?\s*(?=\S)")
_SPAN = re.compile(r".+", re.S)
_HEADLINE_YEAR_BEFORE = re.compile(r"\b(?:since|until|before|after|from|by)\s+$", re.I)
# "Ukraine said on Thursday ..." dates the statement, not the handover.
_STATEMENT_DATE = re.compile(r"\b(?:said|says|announced|declared|reported|told|confirmed|stated|added)\s+(?:\w+\s+)?(?:on|late\s+on|early\s+on)\s+$", re.I)
_ONE_PERSON_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.I)  # "a French teacher", "an Iranian engineer": one person by nationality
_NOUN_AFTER = re.compile(r"\s+(?!(?:who|was|has|had|is|and|or)\b)[a-z]{3,}\b")
_PEOPLE = re.compile(r"\b(?:prisoners?|POWs?|captives?|detainees?|hostages?|soldiers?|servicemen|civilians|troops|defenders|inmates|people|persons|nationals|citizens?)\b", re.I)
_MEDIATOR_WORDS = ("mediat", "broker", "facilitat", "hosted", "go-between", "intermediar", "helped", "good offices", "grateful", "thank", " role in ")  # the subject pattern runs only if one is there
_MEDIATOR_SUBJECT = re.compile(rf"(?P<who>{_PARTY_WORD})\s+(?:(?:had|has|have)\s+)?(?:(?:acted\s+as|served\s+as|was|were)\s+(?:the\s+|a\s+)?(?:mediators?|brokers?|go-betweens?|intermediar(?:y|ies))\b|(?:provided|offered)\s+(?:\w+\s+)?(?:mediation|good\s+offices)\b)"
                               rf"|(?P<who2>{_PARTY_WORD})(?:\s*,\s*(?:which|who))?\s+(?:(?:had|has|have)\s+)?(?:(?:again|also|once\s+again)\s+)?(?:mediated|brokered|facilitated)\s+(?:the|a|an|this)\s+(?:\w+\s+)?(?:exchange|swap|deal|agreement|handover|release|talks|negotiations)"
                               # "Türkiye hosted the handover": the host of the handover itself (not of talks, which may be years before)
                               rf"|(?P<who5>{_PARTY_WORD})\s+(?:(?:had|has|have)\s+)?(?:also\s+)?hosted\s+(?:the|this)\s+(?:\w+\s+)?(?:exchange|swap|handover)\b"
                               # "the sixth swap the UAE has brokered": the mediator in a clause after the swap
                               rf"|\b(?:exchange|swap|deal|handover|release)s?\s+(?:that\s+|which\s+)?(?:the\s+)?(?P<who4>{_PARTY_WORD})\s+(?:(?:had|has|have)\s+)?(?:(?:again|also)\s+)?(?:mediated|brokered|facilitated)\b"
                               # "... thanked the United Arab Emirates, which mediated the swap"
                               # "Ankara and Riyadh helped arrange an exchange": the sides arrange, a third party helps
                               # "We are grateful to the United Arab Emirates for their help"
                               # "We thank Qatar.", "Thank you to our partners from the United Arab Emirates."
                               rf"|(?:[Gg]rateful\s+to|[Tt]hank(?:s|ed|ing)?(?:\s+you)?(?:\s+to)?)\s+(?:our\s+(?:partners|friends)\s+(?:from|in)\s+)?(?:the\s+)?(?P<thanked>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,3}}(?:(?:\s*,\s*|,?\s+and\s+)(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,3}}){{0,3}})(?:\s+for\s+(?:(?:their|its|the)\s+)?(?:help|assist|mediation|assistance|efforts|support)\b|\s*[.!])"
                               # "thank him for Qatar's indispensable role in securing the release"
                               rf"|(?P<who3>{_PARTY_WORD})['’]s\s+(?:[a-z]+\s+){{0,2}}role\s+in\s+(?:securing|brokering|mediating|arranging|facilitating|negotiating|winning)\b"
                               rf"|(?P<helpers>{_PARTY_WORD}(?:\s*,\s*(?:the\s+)?{_PARTY_WORD})*(?:,?\s+and\s+(?:the\s+)?{_PARTY_WORD})?)\s+(?:(?:had|has|have)\s+)?(?:also\s+)?helped(?:\s+(?:to\s+)?(?:arrange|broker|negotiate|secure|mediate|facilitate)\b|(?=\s*[,.;]))")


@dataclass
class Claim:
    field: str
    value: str
    start: int
    end: int
    inferred: bool = False


@dataclass
class ExchangeMention:
    key: str
    status: str
    party_a: str
    party_b: str
    anchor: int
    event_date: dt.date | None = None
    date_precision: str | None = None
    date_confirmed: bool = False     # a stated weekday agrees with the date
    date_contradicted: bool = False  # a stated weekday contradicts the date: flagged, not trusted
    claims: list[Claim] = field(default_factory=list)
    other_parties: list[str] = field(default_factory=list)
    part_of: str | None = None
    figure_starts: list[int] = field(default_factory=list)

    def values(self, name: str) -> list[str]:
        return [c.value for c in self.claims if c.field == name]

    def packed(self) -> tuple:
        """The mention as plain tuples, in field order: the per-document cache unpickles these
        several times faster than dataclasses (10,000 documents' mentions: 0.9 s -> 0.6 s)."""
        return (self.key, self.status, self.party_a, self.party_b, self.anchor, self.event_date, self.date_precision,
                self.date_confirmed, self.date_contradicted, [(c.field, c.value, c.start, c.end, c.inferred) for c in self.claims],
                self.other_parties, self.part_of, self.figure_starts)

    @classmethod
    def unpacked(cls, packed: tuple) -> ExchangeMention:
        *head, claims, other_parties, part_of, figure_starts = packed
        return cls(*head, [Claim(*claim) for claim in claims], other_parties, part_of, figure_starts)

    def __reduce__(self):
        # Pickled packed: step outputs hold thousands of mentions, and pickling dataclasses field by field cost
        # 0.57 s for 10,000 documents' mentions.
        return (ExchangeMention.unpacked, (self.packed(),))


@cache
def _cue_lexicon() -> dict[str, list[str]]:
    """Cue phrases by kind, as the lexicon writes them."""
    by_kind: dict[str, list[str]] = {}
    for row in load("exchange_cues"):
        by_kind.setdefault(row["kind"], []).append(row["phrase"])
    return by_kind


@cache
def _cue_pattern(kind: str) -> re.Pattern:
    """A whole-sentence test for the few kinds still read by pattern (deal, future, next_day); compiled on first use."""
    return re.compile(rf"\b(?:{phrase_alternation(_cue_lexicon()[kind])})\b", re.I)


@cache
def _cue_index(kind: str) -> PhraseIndex:
    return PhraseIndex(" ".join(phrase.lower().split()) for phrase in _cue_lexicon()[kind])


@cache
def _things_exchanged() -> re.Pattern:
    """An event word's object when it is a thing: within three words, after an optional parenthetical."""
    things = phrase_alternation(_cue_lexicon()["thing"])
    return re.compile(rf"\s*(?:,[^,.;]{{1,40}},\s*)?(?:(?:of|a|an|the|their|its|his|her|new|updated|full|detailed|\d+)\s+){{0,3}}(?:{things})\b", re.I)


@lru_cache(maxsize=64)  # a text's cues of one kind are found once, in one pass, then read per sentence and window
def _cue_phrases(kind: str, text: str) -> WholePhrases:
    return WholePhrases(_cue_index(kind), text)


@dataclass
class _Reading:
    """Everything one text yields that the mention builders share."""
    text: str
    sentences: list[Sentence]
    dates: list[DateMention]
    figures: list[FigureMention]
    mediations: list[PartyMention]
    sides: tuple[str, str]
    linked_each: dict[int, bool]
    ends: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.ends = [s.end for s in self.sentences]  # sorted: sentences follow one another

    def sentence_of(self, pos: int) -> Sentence:
        return self.sentences[self.index_of(pos)]

    def index_of(self, pos: int) -> int:
        """The index of the sentence a position falls in (the last one, past the end)."""
        return min(bisect.bisect_right(self.ends, pos), len(self.sentences) - 1)

    def inside(self, i: int, pos: int) -> bool:
        return self.sentences[i].start <= pos < self.sentences[i].end


# "the 1,000-for-1,000 in May", "that one-for-one was": a ratio standing for the exchange (not "a one-for-one basis")
_RATIO_AS_NOUN = re.compile(r"\b(?:[Tt]he|[Tt]hat|[Tt]his|[Ii]ts|[Tt]heir)\s+(?P<ratio>(?:\d[\d,]*|[a-z]+)-for-(?:\d[\d,]*|[a-z]+))\b(?!-)"
                            r"(?=\s*[,.;:)]|\s+(?:in|on|of|at|was|were|is|had|has|last|earlier|this|that|between|with|brokered|mediated|agreed)\b)")


def _event_cues(sentence: Sentence, text: str) -> list[tuple[Found, str, bool]]:
    """Event words of a sentence, each typed (main, planned, background, hypothetical or negated) and marked if a stage word."""
    found = [(m, False) for m in _cue_phrases("event", text).within(sentence.start, sentence.end)]
    found += [(m, True) for m in _cue_phrases("stage", text).within(sentence.start, sentence.end)]
    if "-for-" in sentence.text:  # "The 1,000-for-1,000 in May was the big one": an exchange named by its ratio
        found += [(Found(m.start("ratio"), m.end("ratio"), text, -1), False) for m in _RATIO_AS_NOUN.finditer(text, sentence.start, sentence.end)]
    typed = []
    for m, stage in sorted(found, key=lambda x: x[0].start()):
        near = _cue_phrases("not_event", text).within(max(sentence.start, m.start() - 10), min(sentence.end, m.end() + 25))
        if any(n.start() <= m.start() < n.end() for n in near):
            continue
        if _things_exchanged().match(text, m.end(), sentence.end):
            continue  # "exchanged lists of prisoners", "handed over a list of 462 names": no one changed sides
        if _AGREED_AFTER.match(text, m.end(), sentence.end):
            continue  # "The exchange had been agreed in Muscat on 2 April": the deal's date, not a handover's
        if m.group().lower().endswith("s") and _TALLY_BEFORE.search(text, max(sentence.start, m.start() - 30), m.start()):
            continue  # "a dataset of 63 prisoner exchanges", "held 11 swaps": a count of exchanges, none of them told
        before_start, after_end = max(sentence.start, m.start() - CUE_WINDOW), min(sentence.end, m.end() + CUE_WINDOW)
        before = text[before_start:m.start()]
        if _REMEMBERED_BEFORE.search(before):
            continue  # "a plaque recalls the swaps": a memory of exchanges told elsewhere, none of its own
        if _cue_phrases("negated", text).any_within(before_start, m.start()):
            kind = "negated"
        elif _cue_phrases("hypothetical", text).any_within(before_start, m.start()):
            kind = "hypothetical"
        elif "agree" in before and _AGREE_BEFORE.search(before) or _DEAL_NAMED_BEFORE.search(before):
            kind = "agreed"  # "the delegations agreed on Monday to exchange all wounded prisoners": a deal, not a handover
        elif _BACKGROUND.search(before):
            kind = "background"
        elif (_cue_phrases("planned", text).any_within(before_start, m.start()) or _cue_phrases("planned", text).any_within(m.end(), after_end)
              or _cue_phrases("next_day", text).any_within(before_start, m.start()) or _INTENT_BEFORE.search(before)
              or (m.group().lower().endswith("s") and _PLANNED_BEFORE.search(before))):
            kind = "planned"
        else:
            kind = "main"
        typed.append((m, kind, stage))
    return typed


def _mediations(text: str, parties: list[PartyMention]) -> list[PartyMention]:
    """Party mentions credited with brokering: 'brokered by X', 'with the mediation of X, Y and Z', 'X-mediated swap', 'X acted as mediator'."""
    found = []
    for m in _cue_phrases("mediation", text).within():
        stop = re.search(r"[.;:\n]|,\s+(?!and\b|the\s+[A-Z]|[A-Z])|\b(?:during|in|on|at|after|before|which|who|that|to|for|with|amid|not)\b"
                         r"|\band\s+(?:did|does|do|was|were|is|are|has|have|had)\b", text[m.end():m.end() + 120])
        end = m.end() + (stop.start() if stop else 120)
        found += [p for p in parties if m.end() <= p.start < end]
    hyphened = any(f"-{verb}" in text for verb in ("mediated", "brokered", "facilitated"))  # the pattern below is slow to try everywhere
    for m in (re.finditer(r"(?P<who>[\w.]+)-(?:mediated|brokered|facilitated)\s+(?P<what>\w+(?:\s+\w+)?)", text) if hyphened else ()):
        code = party_of_word(m.group("who"))
        if code and re.search(r"exchange|swap|deal|agreement|handover|release", m.group("what"), re.I):
            found.append(PartyMention(m.start("who"), m.end("who"), code, m.group("who")))
    for m in _mediator_subjects(text):
        group = "helpers" if m.group("helpers") else "thanked" if m.group("thanked") else None
        if group:
            found += [p for p in parties if m.start(group) < p.end and p.start < m.end(group)]  # overlapping: "United Arab Emirates" is longer than a party word
            continue
        group = next(name for name in ("who", "who2", "who3", "who4", "who5") if m.group(name))
        words = m.group(group).split()
        code = party_of_word(m.group(group)) or party_of_word(words[-1]) or party_of_word(words[0])
        if code:
            found.append(PartyMention(m.start(group), m.end(group), code, m.group(group)))
    return sorted(set(found), key=lambda p: p.start)


def _answered(text: str, sentences: list[Sentence], i: int) -> list[int]:
    """The sentences an answering sentence ("In exchange, ...") answers: those before it in its paragraph, or, when it
    opens a paragraph, those of the paragraph before."""
    def paragraph_break_after(k: int) -> bool:
        return _PARAGRAPH_BREAK.search(text, sentences[k].end, sentences[k + 1].start) is not None

    answered, j = [], i - 1
    if j >= 0 and paragraph_break_after(j):
        answered.append(j)
        j -= 1
    while j >= 0 and not paragraph_break_after(j):
        answered.append(j)
        j -= 1
    return answered


def _releasing(sentence: Sentence, text: str, parties: list[PartyMention]) -> dict[str, re.Match]:
    """The parties a sentence says released people ('Israel freed 90 ...', 'Hamas freed hostages Noa Levi and ...'), each
    with its first release verb."""
    verbs: dict[str, re.Match] = {}
    for p in parties:
        if sentence.start <= p.start < sentence.end:
            m = _RELEASES_AFTER.match(text, p.end, sentence.end)
            if m is None:  # named people instead of a count
                m = _RELEASES_NAMED.match(text, p.end, sentence.end)
                if m is not None and not _names_after(text, m.end(), sentence.end):
                    m = None
            if m and (m.group("future") or m.group("verb").split()[0] not in _BASE_FORMS):  # "will release", "released"; not "release" alone
                verbs.setdefault(p.code, m)
    return verbs


def _party_kind(code: str) -> str:
    return parties()[code].kind


def _home_state(code: str) -> str | None:
    return parties()[code].fights


def _is_organization(code: str) -> bool:
    return _party_kind(code) == "organization"


def _own_pair(sentence: Sentence, text: str, parties: list[PartyMention]) -> tuple[str, str] | None:
    """The two sides a sentence names for its own handover: 'X and Y exchanged ...', or X and Y each releasing people."""
    stated = stated_pair(text, parties, [(sentence.start, sentence.end)])
    if stated:
        return stated
    releasing = sorted(_releasing(sentence, text, parties))
    if len(releasing) == 2:
        return releasing[0], releasing[1]
    # "23 people held in East Germany were exchanged for four agents held in the United States": the two holders
    holders = sorted({p.code for p in parties if sentence.start <= p.start < sentence.end
                      and _HELD_IN_BEFORE.search(text, max(sentence.start, p.start - 25), p.start)})
    if len(holders) == 2 and _TRADED_FOR.search(text, sentence.start, sentence.end):
        return holders[0], holders[1]
    return None


_HELD_IN_BEFORE = re.compile(r"\b(?:held|jailed|imprisoned|detained)\s+(?:in|by)\s+(?:the\s+)?$")
_TRADED_FOR = re.compile(r"\b(?:exchanged|swapped|traded)\s+for\b|\bin\s+(?:exchange|return)\s+for\b")


_PAST_HANDOVER = re.compile(r"\s+(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:freed|released|exchanged|swapped|returned|handed\s+over|repatriated)\b")


def _told_as_future(text: str, sentence: Sentence, figure: FigureMention) -> bool:
    """Whether a count's own clause is future: a future word before it in its sentence ("will free 50") or just after its
    noun ("33 hostages to be released"); not one in a relative clause after it ("five Iranians, two of whom will stay")."""
    if _PAST_HANDOVER.match(text, figure.phrase_end):
        return False  # "a deal under which 38 ... were freed": the count's own verb tells it done
    cues = list(_cue_pattern("future").finditer(text, sentence.start, figure.start))
    cue = cues[-1] if cues else None
    if cue is not None and _PAST_HANDOVER.search(text, cue.end(), figure.start):
        cue = None  # "under which 38 ... were freed in exchange for 41 ...": done, for both counts
    return bool(cue or _FUTURE_AFTER.match(text, figure.phrase_end))


def _release_cue(verbs: dict[str, re.Match], text: str, sentence: Sentence, sides_needed: int = 2) -> list[tuple[Found, str, bool]]:
    """'Hamas released three women ... and Israel freed 90 prisoners': sides releasing people (two in one sentence, or one
    each in neighbouring sentences) are an exchange even without the word; the first release verb stands as its (main)
    event word."""
    if len(verbs) < sides_needed:
        return []
    first = min(verbs.values(), key=lambda m: m.start("verb"))
    if first.group("future") and _cue_pattern("deal").search(text, sentence.start, first.start()):
        return []  # "Under the agreement, Hamas is to free 50 ...": the deal's terms, read as the deal
    kind = "planned" if first.group("future") else "main"  # "Azerbaijan will release 32 ... Armenia will release 2"
    return [(Found(first.start("verb"), first.end("verb"), text, -1), kind, False)]


def _answering_release(sentence: Sentence, text: str) -> list[tuple[Found, str, bool]]:
    """'In return, Washington released five Iranians.': people released in return is an exchange even without the word;
    "In return" stands as its (main) event word."""
    m = _ANSWERING.match(sentence.text)
    if m is None or not _HANDED_COUNT.search(text, sentence.start + m.end(), sentence.end):
        return []
    kind = "planned" if _WILL.search(sentence.text) else "main"
    return [(Found(sentence.start + m.start(), sentence.start + m.end(), text, -1), kind, False)]


def _each_side_release(sentence: Sentence, text: str) -> list[tuple[Found, str, bool]]:
    """'On Friday, each side freed 200 prisoners', '150 more were released by each side': both sides releasing people is an
    exchange even without the word; the release verb stands as its event word."""
    m = _EACH_SIDE_RELEASE.search(text, sentence.start, sentence.end)
    if m is None:
        return []
    kind = "planned" if _WILL.search(sentence.text) else "main"
    verb = "verb" if m.group("verb") else "verb2"
    return [(Found(m.start(verb), m.end(verb), text, -1), kind, False)]


def _same_paragraph(text: str, sentences: list[Sentence], i: int, j: int) -> bool:
    a, b = sorted((i, j))
    return not _PARAGRAPH_BREAK.search(text, sentences[a].start, sentences[b].start)


def _stage_ordinal(sentence_text: str) -> str | None:
    m = _STAGE_ORDINAL.search(sentence_text)
    return m.group("ordinal").lower() if m else None


def _entry_time(text: str, pos: int) -> re.Match | None:
    """The time line that opens the paragraph holding `pos`, if the paragraph is a timed live-blog entry."""
    breaks = list(_PARAGRAPH_BREAK.finditer(text, 0, pos))
    start = breaks[-1].end() if breaks else 0
    return _ENTRY_TIME.match(text, start)


def _mediator_subjects(text: str) -> list[re.Match]:
    """Matches of the mediator-subject pattern ('Qatar acted as mediator', 'Turkey brokered the swap'), tried only in the
    stretches around a mediation word: the match ends with that word and starts at most 80 characters before it."""
    low, anchors = text.lower(), []
    for word in _MEDIATOR_WORDS:
        i = low.find(word)
        while i >= 0:
            anchors.append((i, i + len(word)))
            i = low.find(word, i + 1)
    matches, covered = [], 0
    for start, end in stretches(anchors, 80, 120, len(text)):
        for m in _MEDIATOR_SUBJECT.finditer(text, max(start, covered), end):
            matches.append(m)
            covered = m.end()
    return matches


def _each_side(text: str, figure: FigureMention, sentence: Sentence) -> bool:
    if figure.kind == "pair":
        return True
    if _EACH_AFTER.match(text, figure.phrase_end, sentence.end) or _EACH_LATER.match(text, figure.phrase_end, sentence.end):
        return True
    return bool(_EACH_BEFORE.search(text, max(sentence.start, figure.start - 40), figure.start))


def _recipients(r: _Reading, figure: FigureMention, by_noun: bool = True, by_answer: bool = True) -> tuple[list[str], bool]:
    """Which side(s) the people a figure counts were handed over to, and whether that is inferred."""
    text, sentence, sides = r.text, r.sentence_of(figure.start), r.sides
    if figure.party in sides:
        giver = _GIVER.search(text[max(sentence.start, figure.start - 90):figure.start])
        if giver and _party_of_phrase(giver.group("giver")) == figure.party and _FREES.search(giver.group()):
            return [], False  # "Venezuela also freed 20 Venezuelan political prisoners": released at home, not handed over
        if "political" in text[figure.end:figure.phrase_end] and _POLITICAL_PRISONERS.search(text, figure.end, figure.phrase_end):
            return [], False  # "30 Cuban political prisoners were also freed by the president's government": their own state held them
        return [figure.party], False
    if figure.party is not None:  # "183 Palestinian prisoners" between Israel and Hamas: the side they go to is read from the verbs
        found = _recipients_from_verbs(r, figure, sentence)
        return found if found[0] or not by_noun else _recipients_by_noun(r, figure, sentence)
    if figure.kind == "pair":  # "64 for 64" gives each side its number; "230 for 248" does not say which is whose
        partner = next((f for f in r.figures if f.kind == "pair" and f.start != figure.start and abs(f.start - figure.start) < 40), None)
        return (list(sides), True) if partner is not None and partner.value == figure.value else ([], False)
    if _each_side(text, figure, sentence) or r.linked_each.get(figure.start):
        return list(sides), True
    window = text[max(sentence.start, figure.start - 90):figure.start]
    for pattern, giver in ((_GIVER, True), (_RECEIVER_BEFORE, False)):
        m = pattern.search(window)
        if m:
            aside = _ASIDE_NAME.search(m.group())  # "The National Liberation Army (ELN) released": the aside names it
            code = _party_of_phrase(m.group(1)) or (party_of_word(aside.group(1)) if aside else None)
            if code is None and _STATE_INSTITUTION.match(m.group()):
                code = _state_side(sides)
            if code in sides:
                return (_other_side(sides, code) if giver else [code]), True
    split = _SPLIT_RECEIVER_BEFORE.search(window) if _BACK_HOME_AFTER.match(text, figure.phrase_end) else None
    if split and _party_of_phrase(split.group("receiver")) in sides:  # "Russia got 150 of its own back"
        return [_party_of_phrase(split.group("receiver"))], True
    both_ways = _GAVE_AND_GOT.search(text, sentence.start, figure.start)
    if both_ways and _party_of_phrase(both_ways.group("party")) in sides:  # "Kyrgyzstan handed over four ... and received three"
        return [_party_of_phrase(both_ways.group("party"))], True
    given = _STATE_GIVER.search(window)
    giver = given and (_state_side(sides) if given.group("state") else _armed_group_side(sides))
    if giver:  # "while the junta released 180 detainees": the state side gave them; "the rebels handed over 25": the armed group
        return _other_side(sides, giver), True
    after = _GIVER_AFTER.match(text, figure.phrase_end, sentence.end)
    if after and _party_of_phrase(after.group("giver")) in sides:  # "17 soldiers and police officers handed over by the ELN"
        return _other_side(sides, _party_of_phrase(after.group("giver"))), True
    if after and _party_of_phrase(after.group("giver")) and _is_organization(_party_of_phrase(after.group("giver"))):
        return [], False  # "887 detainees released and transferred by the ICRC": both sides' people, carried by a third
    elided = _ELIDED_RECEIVER.search(text, max(sentence.start, figure.start - 120), figure.start)
    if elided and _party_of_phrase(elided.group("receiver")) in sides:  # "Armenia receiving six ... and Azerbaijan two servicemen"
        return [_party_of_phrase(elided.group("receiver"))], True
    held = _HELD_BY_AFTER.match(text, figure.phrase_end, sentence.end)
    if held:  # "60 of our defenders returned from Russian captivity", "5 civilians ... whom Russia had been holding"
        holder = held.group("holder") or held.group("keeper") or held.group("captor")
        # "jailed in the Netherlands.": the sentence's period is no part of the name (but "the U.S." keeps its own)
        code = _state_side(sides) if held.group("state_captor") else _party_of_phrase(holder) or _party_of_phrase(holder.rstrip("."))
        if code in sides:
            return _other_side(sides, code), True
    owner = _BELONGS_AFTER.match(text, figure.phrase_end, sentence.end) if figure.category not in ("prisoners", "bodies") else None
    if owner:  # "41 mercenaries of the Saudi-backed government", "143 members of the OLA": people go back to their own side
        code = _state_side(sides) if owner.group("institution") else (
            _party_of_phrase(owner.group("owner")) or _party_of_phrase(owner.group("owner").rstrip(".")))  # "of the KIA.", "of the U.S."
        if code in sides:
            return [code], True
    m = _RECEIVER_AFTER.match(text[figure.phrase_end:sentence.end])
    if m:
        code = _receiver_party(m)
        if code in sides:
            return [code], True
        if code is not None:
            return [], False  # "13 were taken to Germany": to a third party
    answered = None
    if _IN_EXCHANGE_FOR.search(text, max(sentence.start, figure.start - 40), figure.start):
        answered = (sentence.start, figure.start)  # "Russia handed over 215 Ukrainians ... in return for 55 prisoners"
    elif _ANSWERING.match(sentence.text):
        answered = (0, sentence.start)  # "In return, 84 prisoners ... were handed over": after the sentences it answers
    if answered is not None:  # these go the other way from the last count before them
        earlier = [f for f in r.figures if answered[0] <= f.start < answered[1] and f.category in COUNTED]
        given = _recipients(r, earlier[-1], by_noun, by_answer=False)[0] if earlier else []
        if len(given) == 1:
            return _other_side(sides, given[0]), True
    # "Eighty-four men stepped off it, and Russia received 84 of its own soldiers in return": the other way from the count
    # that answers them.
    answering = next((f for f in r.figures if figure.start < f.start < sentence.end and f.category in COUNTED
                      and _IN_RETURN_AFTER.match(text, f.phrase_end, sentence.end)), None) if by_answer else None
    if answering is not None:
        given = _recipients(r, answering, by_noun=False, by_answer=False)[0]
        if len(given) == 1:
            return _other_side(sides, given[0]), True
    # "50 hostages to be freed in exchange for 150 Palestinian prisoners": the other way from the count they answer.
    answer = next((f for f in r.figures if figure.start < f.start < sentence.end and f.category in COUNTED
                   and _IN_EXCHANGE_FOR.search(text, max(figure.end, f.start - 40), f.start)), None) if by_answer else None
    if answer is not None:
        given = _recipients(r, answer, by_noun=False, by_answer=False)[0]
        if len(given) == 1:
            return _other_side(sides, given[0]), True
    return _recipients_by_noun(r, figure, sentence) if by_noun else ([], False)


def _recipients_by_noun(r: _Reading, figure: FigureMention, sentence: Sentence) -> tuple[list[str], bool]:
    """'33 hostages are to be freed': the text's other hostages went to one side; not 'the two sides will exchange 887
    detainees', a total of both, nor '114 of the freed prisoners', a part, nor a count no verb hands over."""
    text = r.text
    if figure.predicate is None:
        return [], False  # "30.4M people in need" in a report's key figures: no verb hands them over
    if figure.predicate != "exchanged" and not _BOTH_SIDES.search(sentence.text) and not _TOTAL_BEFORE.search(
            text, max(sentence.start, figure.start - 30), figure.start) and not _PART_OF.match(text, figure.end):
        noun = _head_noun(text, figure)
        for other in r.figures if noun else ():
            if other.start != figure.start and other.category == figure.category and _head_noun(text, other) == noun:
                given = _recipients(r, other, by_noun=False)[0]
                if len(given) == 1:
                    return given, True
    return [], False


def _head_noun(text: str, figure: FigureMention) -> str:
    words = text[figure.end:figure.phrase_end].split()
    return words[-1].lower().strip(".,;:’'\"") if words else ""


def _recipients_from_verbs(r: _Reading, figure: FigureMention, sentence: Sentence) -> tuple[list[str], bool]:
    """'X freed N prisoners' or 'N prisoners freed by X' go to X's opponent; 'M hostages in exchange for N prisoners': the N go to the side the M came from."""
    code = _giver_of(r, figure, sentence)
    if code is not None:
        return _other_side(r.sides, code), True
    if _IN_EXCHANGE_FOR.search(r.text, max(sentence.start, figure.start - 40), figure.start):
        earlier = [f for f in r.figures if sentence.start <= f.start < figure.start and f.party in r.sides]
        if earlier:
            return _other_side(r.sides, earlier[-1].party), True
    # "150 Palestinian prisoners" in a deal, when the text says elsewhere who freed Palestinians: they go the same way.
    for other in r.figures:
        if other.start != figure.start and other.party == figure.party and other.category in COUNTED:
            code = _giver_of(r, other, r.sentence_of(other.start))
            if code is not None:
                return _other_side(r.sides, code), True
    return [], False


def _giver_of(r: _Reading, figure: FigureMention, sentence: Sentence) -> str | None:
    """The side a sentence says released the people a figure counts ('Israel freed 39 ...', '... freed by Hamas')."""
    m = _GIVER.search(r.text[max(sentence.start, figure.start - 90):figure.start]) or _GIVER_AFTER.match(r.text, figure.phrase_end, sentence.end)
    code = _party_of_phrase(m.group("giver")) if m else None
    return code if code in r.sides else None


def _totals_of_exchanges(text: str, sentence: Sentence) -> bool:
    """"Totals: 1,348 returned to Russia and 1,346 to Ukraine across 3 exchanges": counts summed over several exchanges."""
    return bool(_TOTALS.match(sentence.text)) or any(
        m.group().lower().endswith("s") and _TALLY_BEFORE.search(text, max(sentence.start, m.start() - 30), m.start())
        for m in _cue_phrases("event", text).within(sentence.start, sentence.end))


def _receiver_party(m: re.Match) -> str | None:
    """The party a `_RECEIVER_AFTER` match names: its first word ("... returned to Ukraine."), else the whole ("United States")."""
    receiver = m.group("receiver") or m.group("elided")
    first = receiver.split()[0]
    return party_of_word(first) or party_of_word(first.rstrip(".")) or party_of_word(receiver)


def _stated_receiver(text: str, sentence: Sentence, figure: FigureMention) -> str | None:
    """The party a count's own words say got the people: "41 were returned to Ukraine", "and 41 to Russia",
    "Ukraine got back 41"; None when no receiver is stated."""
    m = _RECEIVER_AFTER.match(text[figure.phrase_end:sentence.end])
    if m:
        # "flown to Germany", "taken to a hospital": carried somewhere, not given back
        verbs = _RECEIVER_VERB.findall(m.group() if m.group("receiver") else text[sentence.start:figure.start])
        if verbs and verbs[-1].split()[0] in ("flown", "taken", "flew", "bussed"):
            return None
        return _receiver_party(m)
    for pattern in (_RECEIVER_BEFORE, _ELIDED_RECEIVER):
        m = pattern.search(text, max(sentence.start, figure.start - 90), figure.start)
        if m:
            return _party_of_phrase(m.group("receiver"))
    return None


def _party_of_phrase(phrase: str) -> str | None:
    """The party a giver or receiver phrase names: its first word ('Russia's defence ministry'), else the whole ('United States')."""
    phrase = phrase.removeprefix("The ")  # "The Houthis (Ansar Allah) freed ..." opens a sentence
    words = phrase.split()
    if len(words) == 2 and words[0].endswith(("'s", "’s")) and party_of_word(words[1]):
        return party_of_word(words[1])  # "Yemen's Houthi rebels freed ...": the group, not its country
    first = words[0]
    return party_of_word(first) or party_of_word(first.removesuffix("'s").removesuffix("’s")) or party_of_word(phrase)


def _state_side(sides: tuple[str, str]) -> str | None:
    """The one state of two sides, if the other is not: "the army" in a war between a state and an armed group."""
    states = [code for code in sides if _party_kind(code) == "state"]
    return states[0] if len(states) == 1 else None


def _armed_group_side(sides: tuple[str, str]) -> str | None:
    """The one armed group of two sides, if the other is not: "the rebels" in a war between a state and an armed group."""
    groups = [code for code in sides if _party_kind(code) == "armed_group"]
    return groups[0] if len(groups) == 1 else None


def _other_side(sides: tuple[str, str], code: str) -> list[str]:
    return [s for s in sides if s != code]


def _add_counts(r: _Reading, mention: ExchangeMention, figures: list[FigureMention]) -> None:
    others = set(mention.other_parties)
    groups: dict[str, list[tuple[FigureMention, bool]]] = {}  # "three Israeli women": a side's only count may name a group
    joined: tuple[FigureMention, list[str]] | None = None  # the count before, and where it went
    added_before = False  # the count before was added to its side's total ("also received 31 ...")
    for fig in figures:
        # a group counted with a handover verb, or answered later in its sentence ("84 men stepped off it, and Russia received 84 ... in return")
        handed = fig.predicate in HANDOVER_PREDICATES - {None} or _IN_RETURN_LATER.search(r.text, fig.end, r.sentence_of(fig.start).end)
        if fig.category in GROUPS and handed and fig.qualifier in ("exact", "about") and not _PART_OF.match(r.text, fig.end):
            recipients, inferred = _recipients(r, fig)
            if len(recipients) == 1:
                groups.setdefault(recipients[0], []).append((fig, inferred))
        # "shall release 31 members of the Defence Forces and five (5) civilians held in Upper Nile": the verb of the count before
        conjunct = joined is not None and len(joined[1]) == 1 and fig.party in (None, joined[0].party) \
            and _NAMED_BODY_AND.fullmatch(r.text, joined[0].phrase_end, fig.start) is not None
        handed = fig.predicate in HANDOVER_PREDICATES | {"agreed"} or conjunct and fig.predicate in (None, "held") \
            or fig.predicate == "held" and _HELD_THEN_MOVED.match(r.text, fig.phrase_end, r.sentence_of(fig.start).end) is not None
        if fig.category not in COUNTED or not handed or fig.qualifier not in ("exact", "about") or fig.value_high is not None:
            continue
        if _RATE_AFTER.match(r.text, fig.phrase_end):
            continue  # "30 Palestinian prisoners for every hostage freed": a rate, no one's total
        if COUNTED[fig.category] == "returned_to" and _PART_OF.match(r.text, fig.end):
            continue  # "nine of the returning Ukrainians needed care": a part of a total, never the total
        if COUNTED[fig.category] == "returned_to" and joined is not None and r.sentence_of(joined[0].start) is r.sentence_of(fig.start) \
                and _PARTS_BEFORE.search(r.text, max(joined[0].end, fig.start - 50), fig.start):
            continue  # "handed five prisoners, among them two Lithuanian citizens, to Lithuania": people among the count before
        if _CUMULATIVE_AFTER.match(r.text, fig.end) or _CUMULATIVE_OPENING.match(r.text, r.sentence_of(fig.start).start, fig.start) \
                or _PERFECT_SINCE_BEFORE.search(r.text, r.sentence_of(fig.start).start, fig.start):
            continue  # "In total, 5,000 have been brought home since the start of the war": every exchange's, not this one's
        if _CLAIM_LABEL.match(r.text, r.text.rfind("\n", 0, fig.start) + 1):
            continue  # a fact check's "CLAIM: a post says 300 ...": what someone asserts, not what happened
        if mention.status == "completed" and _cue_phrases("hypothetical", r.text).any_within(
                max(r.sentence_of(fig.start).start, fig.start - 40), fig.start):
            continue  # "the Russian side proposed to transfer 1,200 prisoners": an offer, not what was handed over
        recipients, inferred = _recipients(r, fig)
        if not recipients and conjunct:
            recipients, inferred = joined[1], True  # "the OLA released 61 members of the army and 9 civilian officials": one handover
        if not recipients and fig.party and fig.party not in r.sides:
            others.add(fig.party)
        named = _named_before_count(r, fig) if len(recipients) == 1 else None
        # "He was freed on Nov. 13 along with two other Americans": the others and him
        with_others = len(recipients) == 1 and _ALONG_WITH_BEFORE.search(r.text, max(0, fig.start - 20), fig.start) \
            and r.text.startswith(" other", fig.end)
        for party in recipients:
            side = "a" if party == r.sides[0] else "b"
            if with_others and COUNTED[fig.category] == "returned_to":
                mention.claims.append(Claim(f"returned_to_{side}", str(int(fig.value) + 1), fig.start, fig.phrase_end, True))
                continue
            if named is None or COUNTED[fig.category] != "returned_to":
                mention.claims.append(Claim(f"{COUNTED[fig.category]}_{side}", str(int(fig.value)), fig.start, fig.end, inferred))
            if named is not None:  # "freed the dissident Anatoly Shcharansky and three Western agents": four people
                mention.claims.append(Claim(f"returned_to_{side}", str(int(fig.value) + 1), named.start(), fig.end, True))
        if len(recipients) == 1 and (_ADDED.search(r.text, max(0, fig.start - 30), fig.start) or _ALSO_HANDED.search(r.text, max(0, fig.start - 40), fig.start)
                                     or added_before and _IN_EXCHANGE_FOR.search(r.text, max(0, fig.start - 40), fig.start)):
            # "... 246 each; Ukraine also received 31 wounded soldiers in return for 15 wounded Russian servicemen": both added
            _add_to_total(mention, fig, "a" if recipients[0] == r.sides[0] else "b", within=None if added_before or not _ADDED.search(
                r.text, max(0, fig.start - 30), fig.start) else 120)
            added_before = True
            joined = (fig, recipients)
            mention.figure_starts.append(fig.start)
            continue
        elif len(recipients) == 1 and _IN_ADDITION.match(r.sentence_of(fig.start).text):
            # "Russia and Ukraine exchanged 90 each. ... In addition, five Russian civilians were returned home.": more for that side
            _add_to_total(mention, fig, "a" if recipients[0] == r.sides[0] else "b", within=None)
        elif len(recipients) == 1 and joined is not None and joined[1] == recipients and COUNTED[joined[0].category] == COUNTED[fig.category] \
                and fig.party in (None, joined[0].party) and fig.phrase_end > fig.end and _AND_BETWEEN.fullmatch(r.text, joined[0].phrase_end, fig.start):
            # "175 Ukrainian servicemen and 22 seriously wounded soldiers returned": two groups of one side, one total
            field = f"{COUNTED[fig.category]}_{'a' if recipients[0] == r.sides[0] else 'b'}"
            parts = [c for c in mention.claims if c.field == field and c.start in (joined[0].start, fig.start)]
            if len(parts) == 2:
                for c in parts:
                    mention.claims.remove(c)
                mention.claims.append(Claim(field, str(int(joined[0].value) + int(fig.value)), joined[0].start, fig.end, True))
        added_before = False
        joined = (fig, recipients)
        mention.figure_starts.append(fig.start)
    for party, found in groups.items():  # only where the side has no other count, so "387 men and three women" adds nothing
        side = "a" if party == r.sides[0] else "b"
        counted = any(c.field in (f"returned_to_{side}", f"soldiers_to_{side}", f"civilians_to_{side}") for c in mention.claims)
        if len({int(fig.value) for fig, _ in found}) == 1 and not counted:  # one count, maybe told twice (headline and text)
            fig, inferred = found[-1]
            mention.claims.append(Claim(f"returned_to_{side}", str(int(fig.value)), fig.start, fig.end, inferred))
            mention.figure_starts.append(fig.start)
    mention.other_parties = sorted(others)
    _drop_misplaced_echoes(mention)


def _drop_misplaced_echoes(mention: ExchangeMention) -> None:
    """A count whose side was only inferred ("Eight soldiers come home" in a headline), when the text states the same
    count for the other side and a count of its own for this one ("returned eight Armenian servicemen ... for three
    Azerbaijani soldiers"), is the other side's count told again: dropped from this side."""
    stated = {(c.field, c.value) for c in mention.claims if not c.inferred}
    stated_fields = {field for field, _ in stated}
    mention.claims = [c for c in mention.claims if not (
        c.inferred and c.field[-2:] in ("_a", "_b") and c.field in stated_fields and (c.field, c.value) not in stated
        and (c.field[:-1] + ("b" if c.field[-1] == "a" else "a"), c.value) in stated)]


_NAMED_AND_BEFORE = re.compile(r"\s+and\s+$")
_ALONG_WITH_BEFORE = re.compile(r"\b(?:along|together)\s+with\s+$")
_FREEING_VERB = re.compile(r"\b(?:freed|free|frees|freeing|released|release|releases|releasing|pardoned|handed\s+over|hand\s+over)\s+")


def _named_before_count(r: _Reading, fig: FigureMention) -> re.Match | None:
    """The one person a release names right before a count joined to it by "and" ("freed journalist Anna Berg and three
    aid workers"): one more person for the count's side."""
    sentence = r.sentence_of(fig.start)
    joint = _NAMED_AND_BEFORE.search(r.text, max(sentence.start, fig.start - 8), fig.start)
    if joint is None:
        return None
    verbs = list(_FREEING_VERB.finditer(r.text, max(sentence.start, fig.start - 120), joint.start()))
    names = _names_after(r.text, verbs[-1].end(), joint.start()) if verbs else []
    return names[0] if len(names) == 1 and names[0].end() == joint.start() else None


def _add_named_people(r: _Reading, mention: ExchangeMention, regions: list[tuple[int, int, int]]) -> None:
    """'Russia freed basketball star Brittney Griner in exchange for arms dealer Viktor Bout': each named person released is
    one person returned to a side, counted only for a side the text gives no number for. Regions are (sentence index,
    start, end): the parts of sentences that tell this handover."""
    named: dict[str, list[re.Match]] = {}
    one_for_one: list[tuple[re.Match, re.Match]] = []  # "A was freed in exchange for B", which way unsaid: one each
    unnamed: dict[str, list[re.Match]] = {}  # "a Swedish diplomat", per side
    for i, lo, hi in regions:
        s = r.sentences[i]
        giver_side, unplaced = None, None
        subject, passive = _passive_release(r.text, lo, hi)
        if subject is not None:  # "Paul Reid, an American teacher, was released by Moscow": to the side that is not Moscow
            held_in = _HELD_IN.search(passive.group("apposition") or "")
            giver = passive.group("giver") or (held_in.group("holder") if held_in else None)
            code = _party_of_phrase(giver) if giver else None
            demonym = _DEMONYM_BEFORE.search(r.text, max(lo, subject.start() - 40), subject.start())
            home = party_of_word(demonym.group("demonym")) if demonym else None
            if home in r.sides and code is None:  # "Dutch sailor Jan Vos has returned home": to his own side
                named.setdefault(home, []).append(subject)
                giver_side = _other_side(r.sides, home)[0]
            elif code in r.sides:
                named.setdefault(_other_side(r.sides, code)[0], []).append(subject)
                giver_side = code
            else:
                unplaced = subject
        for verb in _NAMED_RELEASE_VERB.finditer(r.text, lo, hi):
            people = _names_after(r.text, verb.end(), hi)
            if verb.group("exchange"):  # "in exchange for X": X goes to the side that released the people before
                side = giver_side
                if not people:  # "in exchange for a close ally of the president": one person, not named
                    people = [m for m in (_ONE_PERSON.match(r.text, verb.end(), hi),) if m is not None]
                if side is None and unplaced is not None and len(people) == 1:
                    one_for_one.append((unplaced, people[0]))
                    unplaced = None
                    continue
            else:
                giver = _NAMED_GIVER.search(r.text, s.start, verb.start())
                code = _party_of_phrase(giver.group("giver")) if giver else None
                side = _other_side(r.sides, code)[0] if code in r.sides else _answered_side(r, mention, s)
                demonym = _DEMONYM_BEFORE.search(r.text, verb.end(), people[0].start()) if people and "release" in verb.group() else None
                if code not in r.sides and demonym and party_of_word(demonym.group("demonym")) in r.sides:
                    side = party_of_word(demonym.group("demonym"))  # "secured the release of U.S. citizens A and B": they go home
                if code in r.sides:
                    giver_side = code  # "Venezuela released 10 Americans ... in exchange for ...": the other way
                elif people:
                    giver_side = None
                if code in r.sides and not people:  # "Iran on Saturday freed a Swedish diplomat and another Swede": counted
                    stop = _OBJECT_END.search(r.text, verb.end(), hi)  # below, for a side no name is given for
                    unnamed.setdefault(side, []).extend(m for m in _ONE_OF_A_PEOPLE.finditer(r.text, verb.end(), stop.start() if stop else hi)
                                                        if party_of_word(m.group("demonym")))
                    continue
            if side is not None and people:
                named.setdefault(side, []).extend(people)
    for side_code, people in unnamed.items():
        if people and side_code not in named:
            named[side_code] = people
    spans: dict[str, tuple[int, int]] = {}
    for freed, other in one_for_one:  # one person each way: each side gets one, whichever way each went
        for side_code in r.sides:
            named.setdefault(side_code, []).append(freed if side_code == r.sides[0] else other)
            spans[side_code] = (freed.start(), other.end())
    for side_code, people in named.items():
        side = "a" if side_code == r.sides[0] else "b"
        if any(c.field.endswith(f"_to_{side}") for c in mention.claims):
            continue  # the text counts this side's people: names are among them
        start, end = spans.get(side_code, (people[0].start(), people[-1].end()))
        mention.claims.append(Claim(f"returned_to_{side}", str(len({p.group() for p in people})), start, end, True))


def _passive_release(text: str, lo: int, hi: int) -> tuple[re.Match | None, re.Match | None]:
    """The person a passive release is about and its verb: a name opening a clause, maybe with an apposition, then the verb
    ('DOHA (Reuters) - Anna Berg, ..., was freed', '... when Paul Reid, an American teacher, was released')."""
    for name in _PERSON_NAME.finditer(text, lo, hi):
        passive = _NAMED_PASSIVE.match(text, name.end(), hi)
        if passive is None:
            continue
        lead = _DEMONYM_BEFORE.search(text, max(lo, name.start() - 40), name.start())  # "..., Russian national Pavel Orlov was released"
        opening = text[lo:lead.start() if lead and party_of_word(lead.group("demonym")) else name.start()].split()
        if any(party_of_word(w) for w in name.group().split()) or len(opening) > 3 and opening[-1] not in _CLAUSE_OPENERS \
                and not opening[-1].endswith(","):
            return None, None
        return name, passive
    return None, None


_ORGANIZATION_WORDS = frozenset("Force Forces Service Guard Guards Army Navy Ministry Committee Council Union Office Agency Bureau "
                                "Police Corps Brigade Battalion Regiment Command Headquarters Department Court Party Front Movement".split())


def _names_after(text: str, start: int, end: int) -> list[re.Match]:
    """Personal names in the object after a release verb: 'U.S. basketball star Brittney Griner', 'Alex Saab'; up to the
    first clause word ('on Thursday', 'in exchange'), the next release verb, or punctuation other than a list's commas."""
    stop = _NAME_LIST_END.search(text, start, end)
    stretch_end = stop.start() if stop else end
    verb = _NAMED_RELEASE_VERB.search(text, start, stretch_end)  # "A and B, and Sweden released C": C is the next verb's
    stretch_end = verb.start() if verb else stretch_end
    return [m for m in _PERSON_NAME.finditer(text, start, min(stretch_end, start + 120))
            if not any(party_of_word(word) or word in _ORGANIZATION_WORDS for word in m.group().split())]  # not "Border Patrol Force"


def _answered_side(r: _Reading, mention: ExchangeMention, sentence: Sentence) -> str | None:
    """'In exchange, President Biden granted clemency to Alex Saab': the other side from the one already counted."""
    if not _ANSWERING.match(sentence.text):
        return None
    counted = [c for c in mention.claims if c.field.startswith("returned_to_") and c.start < sentence.start]
    if not counted:
        return None
    return r.sides[1] if counted[-1].field.endswith("_a") else r.sides[0]


def _add_to_total(mention: ExchangeMention, fig: FigureMention, side: str, within: int | None = 120) -> None:
    """'175 prisoners each, along with 22 wounded soldiers whom Ukraine handed over': side a's total is 175 + 22, claimed over
    both numbers. The total is the side's last count before, within `within` characters (None: anywhere before)."""
    def before(field: str) -> list[Claim]:
        return [c for c in mention.claims if c.field == field and c.start < fig.start and (within is None or fig.start - c.end < within)]

    totals = before(f"returned_to_{side}")
    if totals:
        total = totals[-1]  # it, its restatements before ("swap 90 each" in the headline) and the added part give way to the sum
        mention.claims = [c for c in mention.claims if not (c.field == total.field and (c.value == total.value and c.start <= total.start
                                                                                        or c.start == fig.start))]
        mention.claims.append(Claim(total.field, str(int(total.value) + int(fig.value)), total.start, fig.end, True))
        return
    # "146 servicemen were returned ... In addition, 2 residents of the Kursk region were returned": soldiers and others,
    # the side's total is their sum; the soldiers' own count stays.
    own_field = f"{COUNTED[fig.category]}_{side}"
    parts = [c for field in (f"soldiers_to_{side}", f"civilians_to_{side}") if field != own_field for c in before(field)]
    if parts:
        part = max(parts, key=lambda c: c.start)
        mention.claims = [c for c in mention.claims if not (c.start == fig.start and c.field == own_field and own_field.startswith("returned_to"))]
        mention.claims.append(Claim(f"returned_to_{side}", str(int(part.value) + int(fig.value)), part.start, fig.end, True))


def _linked_each(text: str, figures: list[FigureMention], sentence_of) -> dict[int, bool]:
    """A figure joined to an 'each side' figure ('84 prisoners each, including 62 soldiers') shares its sides."""
    linked: dict[int, bool] = {}
    previous = None
    for fig in figures:
        sentence = sentence_of(fig.start)
        if previous is not None and previous.sentence == fig.sentence and fig.party is None and LINKED.search(
                text, max(sentence.start, fig.start - 20), fig.start):
            linked[fig.start] = linked.get(previous.start, False) or _each_side(text, previous, sentence)
        previous = fig
    return linked


def _reference_at(r: _Reading, date: DateMention, reference: dt.date | None) -> dt.date | None:
    """What a date without a year is read against: the text's date, or a later full date told before it ('- Jan. 25, 2025: ...
    The ceasefire agreed in January ...': January 2025, in a timeline whose first entry is from 2023)."""
    told = [resolve(d, None).date for d in r.dates if d.end <= date.start and d.year is not None and d.precision == "day"]
    latest = max(told, default=None)
    return latest if reference is None or latest is not None and latest > reference else reference


def _set_date(mention: ExchangeMention, date: DateMention, reference: dt.date | None, direction: str) -> bool:
    resolved = resolve(date, reference, direction)
    if resolved is None:
        return False
    mention.event_date, mention.date_precision = resolved.date, resolved.precision
    mention.date_confirmed, mention.date_contradicted = date.weekday_confirms, date.weekday_conflicts
    mention.claims.append(Claim("event_date", resolved.date.isoformat(), date.start, date.end, resolved.inferred))
    return True


def _event_date_candidates(r: _Reading, i: int, excluded: set[int], precisions: tuple[str, ...] = ("day", "weekday")) -> list[DateMention]:
    """Dates of a sentence that can be a handover's date: day or weekday, not 'since 2022', not the date of talks; 'on <date>' first."""
    s = r.sentences[i]
    found = [d for d in r.dates if s.start <= d.start < s.end and d.precision in precisions and d.start not in excluded
             and not _NOT_EVENT_DATE.search(r.text, s.start, d.start) and not _STATEMENT_DATE.search(r.text, max(s.start, d.start - 30), d.start)
             and not _is_dateline(r.text, d) and not _CAPTURE_DATE.search(r.text, max(s.start, d.start - 40), d.start)
             and not _AGREED_CLAUSE.search(r.text, max(s.start, d.start - 60), d.start)
             and not _SINCE_CLAUSE_BEFORE.search(r.text, max(s.start, d.start - 70), d.start)
             and not _RELATIVE_CLAUSE_OPEN.search(r.text, max(s.start, d.start - 90), d.start)
             and not _DEAL_BEGAN_BEFORE.search(r.text, max(s.start, d.start - 60), d.start)
             and not _AGREEMENT_REACHED_BEFORE.search(r.text, max(s.start, d.start - 70), d.start)]
    found = [d for d in found if not _dates_what_followed(r, s, d, found) and not _INTERVAL_AFTER.match(r.text, d.end, s.end)]
    return sorted(found, key=lambda d: (not (_ON_DATE.search(r.text, max(0, d.start - 4), d.start) or d.weekday is not None or d.relative is not None), d.start))


# "played on Friday night, seven days after he was freed in a swap": the date of what came an interval after the handover
_INTERVAL_AFTER = re.compile(r"(?:\s+(?:night|morning|evening|afternoon))?,?\s+(?:just\s+|only\s+|some\s+|about\s+)?(?:[\w-]+\s+){1,2}?"
                             r"(?:days?|weeks?|months?|hours?)\s+(?:after|since)\b", re.I)


# "300 people filled the church on Wednesday for a service of thanks after Azerbaijan returned eight servicemen on Monday":
# what followed the handover, told first; the handover's own verb comes after "after".
_AFTER_A_HANDOVER = re.compile(r"\bafter\s+(?:[\w'’.-]+\s+){0,4}?(?:returned|released|freed|handed|exchanged|swapped|traded|gave\s+back)\b")
_HANDOVER_VERB = re.compile(r"\b(?:returned|released|freed|handed|exchanged|swapped|traded|exchange|swap|return|release)\b", re.I)


def _dates_what_followed(r: _Reading, s: Sentence, date: DateMention, candidates: list[DateMention]) -> bool:
    """Whether a date is that of what followed a handover told later in its sentence, which has its own date."""
    after = _AFTER_A_HANDOVER.search(r.text, date.end, s.end)
    return after is not None and any(d.start > after.start() for d in candidates) and _HANDOVER_VERB.search(r.text, s.start, after.start()) is None


def _is_dateline(text: str, date: DateMention) -> bool:
    if text[date.start:date.end].isdigit():
        return False  # an almanac's "1991 - ...": a year alone never dates a report
    line_start = text.rfind("\n", 0, date.start) + 1
    return bool(_DATELINE_AFTER.match(text, date.end)) and (date.start == line_start or bool(_DATELINE_BEFORE.search(text, max(0, line_start - 1), date.start)))


def _chronology_items(text: str, sentences: list[Sentence], dates: list[DateMention], figures: list[FigureMention]) -> dict[int, re.Match]:
    """Sentences that open a line with their own day and count people swapped ('* June 25: Ninety prisoners each'): each item's date, as its cue."""
    items = {}
    for i, s in enumerate(sentences):
        line_start = text.rfind("\n", 0, s.start) + 1
        lead = _CHRONOLOGY_ITEM.match(text, line_start)
        first = next((d for d in dates if d.start >= s.start), None)
        if (first is None or first.precision != "day" or lead.end() != first.start or first.start >= s.end
                or not re.match(r"\s*[:–—-]\s", text[first.end:first.end + 3]) or _is_dateline(text, first)):
            continue
        if any(s.start <= f.start < s.end and (f.kind == "pair" or (f.category in COUNTED and f.predicate in HANDOVER_PREDICATES)) for f in figures):
            items[i] = _SPAN.match(text, first.start, first.end)
    return items


_YEAR_ITEM = re.compile(r"^[ \t]*[*•·]?[ \t]*(?P<year>1[89]\d\d|20\d\d)[ \t]*[:–—-][ \t]+\S", re.M)


def _almanac_dates(text: str, dates: list[DateMention]) -> list[DateMention]:
    """'On this day: 24 August' over lines that open with a year ('1991 - ... exchange 12 hostages each'): each line's
    year is that day of its year, under a heading day that names no year."""
    items = list(_YEAR_ITEM.finditer(text))
    if not items:
        return []
    heading = next((d for d in dates if d.start < items[0].start() and d.precision == "day" and d.year is None and d.weekday is None), None)
    if heading is None:
        return []
    return [DateMention(m.start("year"), m.end("year"), int(m.group("year")), heading.month, heading.day, None) for m in items
            if safe_date(int(m.group("year")), heading.month, heading.day) is not None]


def _headline_reference(r: _Reading) -> dt.date | None:
    """A year the headline names ('Prisoner swaps in 2024') dates the text's days that give no year."""
    first_line_end = r.text.find("\n")
    for d in r.dates:
        if first_line_end < 0 or d.start >= first_line_end:
            break
        if d.year is not None and not _HEADLINE_YEAR_BEFORE.search(r.text, max(0, d.start - 8), d.start):
            return dt.date(d.year, 12, 31)
    return None


def _names_a_country(place: str) -> bool:
    """'in Ukraine' says which country, not where: a place must be a city or a site."""
    code = party_of_word(place)
    return code is not None and parties()[code].name == place


def _mediator_claims(mentions: list[PartyMention], inferred: bool = False) -> list[Claim]:
    return [Claim("mediators", p.code, p.start, p.end, inferred) for p in mentions]


# A digest's item: a line opening with a label in capitals, maybe with a date, then a colon ("YEMEN (April 9): ...").
_ITEM_LABEL = re.compile(r"^[ \t]*[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+)*(?:[ \t]*\([^()\n]{1,30}\))?:[ \t]+\S", re.M)


def _government_mentions(text: str, parties: list[PartyMention]) -> list[PartyMention]:
    """'The Government released 706 detainees' after 'the Government of Yemen': a bare 'the government' names the state
    whose government the text named last before it ('Government of X', 'X's government', 'the X government')."""
    found = []
    only_state = None
    for m in _BARE_GOVERNMENT.finditer(text):
        named = [p for p in parties if p.end <= m.start() and _party_kind(p.code) == "state"
                 and (_GOVERNMENT_OF_BEFORE.search(text, max(0, p.start - 20), p.start) or _GOVERNMENT_AFTER.match(text, p.end))]
        if not named and only_state is None:
            # "Colombia's ELN frees 11 hostages ... the government freed three": the one state the text names that is not
            # a mediator ("brokered by Cuba") is the government's
            mediators = {p.code for p in _mediations(text, parties)}
            states = {p.code for p in parties if _party_kind(p.code) == "state" and not is_place(text, p)} - mediators
            # "38 of our heroes were freed for 41 of the Saudi-backed government's" with no state named as a side: the
            # government an armed group of the text fights at home
            homes = {_home_state(p.code) for p in parties} - {None}
            only_state = next(iter(states)) if len(states) == 1 else next(iter(homes)) if not states and len(homes) == 1 else ""
        code = named[-1].code if named else only_state
        if code:
            found.append(PartyMention(m.start("word"), m.end("word"), code, m.group("word")))
    return found


def _digest_items(text: str, parties: list[PartyMention]) -> list[tuple[int, int]]:
    """The items of a digest (a roundup of several exchanges, each under its own label), or none.

    Items are read apart only when the sides each names are disjoint: a live blog's "UPDATE:" entries about one exchange
    stay one text.
    """
    starts = [m.start() for m in _ITEM_LABEL.finditer(text)]
    if len(starts) < 2:
        return []
    items = list(zip(starts, [*starts[1:], len(text)]))
    named = [{p.code for p in parties if lo <= p.start < hi and not _is_organization(p.code)} for lo, hi in items]
    named = [codes for codes in named if codes]
    if len(named) < 2 or any(a & b for k, a in enumerate(named) for b in named[k + 1:]):
        return []
    return items


# A paragraph the newsroom adds about the article itself: a correction, a clarification, an editor's note, an update line.
_EDITORIAL_NOTE = re.compile(r"(?:^|(?<=\n))[ \t*_]*(?:(?:corrections?|clarifications?)(?=\s*(?:[:(,–—-]|appended\b|$))|editor[’']?s[’']?\s+note|note\s+to\s+readers|an\s+earlier\s+version\s+of\s+this"
                             r"|this\s+(?:article|story|report)\s+(?:has\s+been|was)\s+(?:updated|corrected|amended))\b[^\n]*(?:\n(?!\s*\n)[^\n]*)*", re.I)

# "Editor's note (Vilnius, 7 May): The three ... crossed ...": a note may add context rather than mend the article; it is
# about the article only where it says so.
_NOTE_OF_CONTEXT = re.compile(r"[ \t*_]*(?:editor[’']?s[’']?\s+note|note\s+to\s+readers)\b", re.I)
_ABOUT_THE_ARTICLE = re.compile(r"\b(?:this|an\s+earlier|a\s+previous)\s+(?:article|story|report|version)\b|\bcorrect(?:ed|ion)\b|\b(?:misstated|incorrectly|erroneously|wrongly)\b", re.I)


def _episodes(text: str, sentences: list[Sentence], cue_sentences: list[int], side_mentions: list[PartyMention],
              dates: list[DateMention]) -> list[list[tuple[int, int]]] | None:
    """The paragraphs of each pair of sides, when a text tells exchanges between two or more different pairs in different
    years, each pair's in paragraphs of its own that date it with its year ("on 4 April 1998 ... Iran ... Iraq", "On 9 March
    2016, the Houthis ... a Saudi corporal"). A paragraph that names no pair of its own goes with the pair before it;
    paragraphs before the first pair (a headline about "prisoner swaps" in general) go with none. One deal told over
    paragraphs dates them in one year, and its captives' origins ("including Saudis") make no pair of their own."""
    if len(cue_sentences) < 2:
        return None
    bounds = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)] + [len(text)]
    paragraphs = [(lo, hi) for lo, hi in zip(bounds, bounds[1:]) if text[lo:hi].strip()]
    owned: list[tuple[tuple[int, int], tuple[str, ...] | None]] = []
    years: dict[tuple[str, ...], set[int]] = {}
    for lo, hi in paragraphs:
        spans = [(sentences[i].start, sentences[i].end) for i in cue_sentences if lo <= sentences[i].start < hi]
        dated = {d.year for d in dates if lo <= d.start < hi and d.year is not None and d.precision in ("day", "month")}
        inside = [p for p in side_mentions if lo <= p.start < hi]
        pair = (stated_pair(text, inside, spans) or main_sides(inside, spans, text)) if spans and dated else ()
        if len(pair) == 1:  # "In Colombia he was patient again. On 2 August 2003 the FARC handed over ...": the paragraph names the other
            pair = pair + main_sides([p for p in inside if p.code not in pair], None, text)[:1]
        pair = tuple(sorted(pair))
        owned.append(((lo, hi), pair if len(pair) == 2 else None))
        if len(pair) == 2:
            years.setdefault(pair, set()).update(dated)
    if len(years) < 2 or any(years[x] & years[y] for x in years for y in years if x < y):
        return None
    episodes: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    current = None
    for span, pair in owned:
        current = pair or current
        if current:
            episodes.setdefault(current, []).append(span)
    return list(episodes.values())


def _blanked(text: str, keep: list[tuple[int, int]]) -> str:
    """The text with everything outside `keep` turned to spaces (line breaks kept), so every span stays where it was."""
    out, pos = [], 0
    for lo, hi in keep:
        out += [re.sub(r"[^\n]", " ", text[pos:lo]), text[lo:hi]]
        pos = hi
    return "".join(out) + re.sub(r"[^\n]", " ", text[pos:])


def extract_exchanges(text: str, reference_date: dt.date | None = None, figures: list[FigureMention] | None = None) -> list[ExchangeMention]:
    """Every prisoner exchange the text describes, as mentions with their claims (pass the text's figures if already extracted)."""
    sentences = split_sentences(text)
    if not sentences:
        return []
    notes = [(m.start(), m.end()) for m in _EDITORIAL_NOTE.finditer(text)
             if not _NOTE_OF_CONTEXT.match(m.group()) or _ABOUT_THE_ARTICLE.search(m.group())]
    if notes:  # "Correction: An earlier version of this article said 95 ...": about the article, not about any exchange
        keep = [(lo, hi) for lo, hi in zip([0] + [end for _, end in notes], [start for start, _ in notes] + [len(text)]) if lo < hi]
        return extract_exchanges(_blanked(text, keep), reference_date,
                                 None if figures is None else [f for f in figures if not any(lo <= f.start < hi for lo, hi in notes)])
    named = find_parties(text)
    parties = sorted(named + _government_mentions(text, named), key=lambda p: p.start)
    items = _digest_items(text, parties)
    if items:  # each item read on its own, under the digest's heading (which may date it)
        found: list[ExchangeMention] = []
        for lo, hi in items:
            keep = [(0, items[0][0]), (lo, hi)]
            own = None if figures is None else [f for f in figures if any(a <= f.start < b for a, b in keep)]
            item = _blanked(text, keep)
            label = _ITEM_LABEL.match(item, lo)  # "SUDAN (April 7):" names the item's country as "Sudan" would
            words = re.sub(r"[A-Z][A-Z'’.-]+", lambda w: w.group() if party_of_word(w.group()) else w.group().title(), item[lo:label.end() - 1])
            item = item[:lo] + words + item[label.end() - 1:]
            found += extract_exchanges(item, reference_date, own)
        return found
    dates = find_dates(text)
    almanac = _almanac_dates(text, dates)
    if len(almanac) >= 2:  # an almanac's lines are events of different years, each read on its own under the heading day
        ends = [text.find("\n", d.end) for d in almanac]
        items = [(text.rfind("\n", 0, d.start) + 1, len(text) if end < 0 else end) for d, end in zip(almanac, ends)]
        return [m for lo, hi in items for m in extract_exchanges(
            _blanked(text, [(0, items[0][0]), (lo, hi)]), reference_date,
            None if figures is None else [f for f in figures if f.start < items[0][0] or lo <= f.start < hi])]
    dates = sorted(dates + almanac, key=lambda d: d.start)
    mediations = _mediations(text, parties)
    mediation_spans = {(p.start, p.end) for p in mediations}
    side_mentions = [p for p in parties if (p.start, p.end) not in mediation_spans]
    # A party the text credits with mediating is no side where it is named again ("the Amir of Qatar", "accounts in Qatar"),
    # unless that would leave fewer than two sides.
    mediators = {p.code for p in mediations}
    if len({p.code for p in side_mentions} - mediators) >= 2:
        side_mentions = [p for p in side_mentions if p.code not in mediators]
    releasing = [_releasing(s, text, side_mentions) for s in sentences]
    all_cues = [_event_cues(s, text) or _release_cue(releasing[i], text, s) or _answering_release(s, text) or _each_side_release(s, text)
                for i, s in enumerate(sentences)]
    # "Hamas on Friday released 13 Israelis ... Hours later Israel released 39 Palestinians": two sides releasing people in
    # neighbouring sentences are one exchange too.
    for i, j in ((i, j) for i in range(len(sentences)) for j in (i + 1, i + 2) if j < len(sentences)):
        if len(releasing[i]) == 1 and len(releasing[j]) == 1 and releasing[i].keys() != releasing[j].keys():
            for k in (i, j):
                all_cues[k] = all_cues[k] or _release_cue(releasing[k], text, sentences[k], sides_needed=1)
    figures = extract_figures(text, parties) if figures is None else figures
    deal_cue = _cue_pattern("deal")
    future = _cue_pattern("future")
    # "resulting in the release of 84 Ukrainian prisoners and 84 Russian prisoners", "41 soldiers were returned to Ukraine
    # and 41 to Russia": two sides' people freed in one sentence, each side named as whose they are or as who got them
    for i, s in enumerate(sentences):
        freed = [] if all_cues[i] else [(f.party or _stated_receiver(text, s, f), f) for f in figures if s.start <= f.start < s.end
                                       and f.category in COUNTED and f.predicate in ("released", "returned", "exchanged")]
        freed = [(code, f) for code, f in freed if code is not None and not _is_organization(code)
                 and not _PARTS_BEFORE.search(text, max(s.start, f.start - 50), f.start)]
        if len({code for code, _ in freed}) >= 2 and not future.search(s.text) and not _cue_phrases("planned", text).any_within(s.start, s.end) \
                and not _totals_of_exchanges(text, s):
            all_cues[i] = [(Found(freed[0][1].start, freed[0][1].end, text, -1), "main", False)]
    # "... the release of five American citizens ... [new paragraph] As part of the arrangement, the United States granted
    # clemency to five Iranian nationals": two sides' people freed in neighbouring sentences, each told as done.
    done = [[f for f in figures if s.start <= f.start < s.end and f.category in COUNTED and f.party is not None and not _is_organization(f.party)
             and f.predicate in ("released", "returned") and not _told_as_future(text, s, f)]
            for s in sentences]
    for i, j in ((i, j) for i in range(len(sentences)) for j in (i + 1, i + 2) if j < len(sentences)):
        parties_i, parties_j = {f.party for f in done[i]}, {f.party for f in done[j]}
        if parties_i and parties_j and len(parties_i | parties_j) == 2 and parties_i != parties_j and not all_cues[i] and not all_cues[j] \
                and not any(_cue_phrases("planned", text).any_within(sentences[k].start, sentences[k].end) for k in (i, j)):
            for k in (i, j):
                all_cues[k] = [(Found(done[k][0].start, done[k][0].end, text, -1), "main", False)]
    cues = {i: [(m, kind) for m, kind, stage in typed if not stage] for i, typed in enumerate(all_cues)}
    has_event = any(kind in _EVENT_KINDS for typed in cues.values() for _, kind in typed)
    # A deal's terms may follow the sentence that names it: "The ceasefire took effect ... Under its first phase, 33 hostages are to be freed ..."
    # A deal's own text ("MEMORANDUM OF UNDERSTANDING ON THE RELEASE AND EXCHANGE OF DETAINEES ... The First Party shall
    # release ..."): every count it says shall be handed over is one of its terms.
    deal_document = bool(sentences) and _DEAL_TITLE.match(sentences[0].text) is not None
    deal_sentences = [i for i, s in enumerate(sentences) if (deal_document or deal_cue.search(s.text) or (i > 0 and deal_cue.search(sentences[i - 1].text) and future.search(s.text))) and any(
        s.start <= f.start < s.end and f.category in COUNTED and not _PART_OF.match(text, f.end) and (f.predicate == "agreed" or (f.predicate in HANDOVER_PREDICATES and (
            _told_as_future(text, s, f)))
                                                                  or _deal_total(text, f))
        for f in figures)]
    if has_event:  # stage words count as event words only where the text is already about an exchange
        cues = {i: [(m, kind) for m, kind, _ in typed] for i, typed in enumerate(all_cues)}
        for i, date_cue in _chronology_items(text, sentences, dates, figures).items():
            cues[i] = sorted([*cues[i], (date_cue, "main")], key=lambda cue: cue[0].start())
        # "A second release of several hundred more detainees is planned": in a text about an exchange, a release of
        # people still to come is its next stage.
        for i, s in enumerate(sentences):
            release = _RELEASE_NOUN.search(text, s.start, s.end) if not cues[i] and "release" in s.text else None
            if release is None and deal_document and not cues[i]:  # a deal's own text: "(a) The releases shall take place within 14 days"
                release = _DEAL_STEP.search(text, s.start, s.end)
            if release and _cue_phrases("planned", text).any_within(s.start, s.end) and (_PEOPLE.search(s.text) or deal_document):
                cues[i] = [(release, "planned")]
    # "In exchange, the United States released ...": the sentence answers the ones before it, which tell what the other
    # side got back; they are read as part of the same handover.
    for i, s in enumerate(sentences):
        main_cue = next((m for m, kind in cues[i] if kind == "main"), None) if _ANSWERING.match(s.text) else None
        for j in (_answered(text, sentences, i) if main_cue else ()):
            if not cues[j]:
                cues[j] = [(main_cue, "main")]
    cue_sentences = sorted({i for i, typed in cues.items() if any(kind in _EVENT_KINDS for _, kind in typed)} | set(deal_sentences))
    def tells_of_people(j: int) -> bool:  # a people word, a count of people ("90 Ukrainians"), people released by name,
        s = sentences[j]                    # or one person told by a nationality ("a French teacher")
        return bool(_PEOPLE.search(s.text)) or any(s.start <= f.start < s.end and f.category in COUNTED for f in figures) or any(
            _names_after(text, verb.end(), s.end) for verb in _NAMED_RELEASE_VERB.finditer(text, s.start, s.end)) or any(
            s.start <= p.start < s.end and _ONE_PERSON_BEFORE.search(text, max(0, p.start - 4), p.start) and _NOUN_AFTER.match(text, p.end)
            for p in side_mentions)

    # "150 Ukrainians returned home ... This is our 62nd exchange.": the people may be in the sentence before.
    # A sentence about "the exchange" may follow its people in a paragraph of its own: "Also 8 civilians came home. [new
    # paragraph] The exchange took place with the mediation of the UAE."
    if not cue_sentences or not any(tells_of_people(j) for i in cue_sentences for j in (i - 1, i)
                                    if 0 <= j and (_same_paragraph(text, sentences, i, j) or _THE_EXCHANGE.search(sentences[i].text))):
        return []
    episodes = _episodes(text, sentences, cue_sentences, side_mentions, dates)
    if episodes:  # an obituary, a feature: exchanges between different pairs of sides, each told in paragraphs of its own
        return [m for keep in episodes for m in extract_exchanges(
            _blanked(text, keep), reference_date, None if figures is None else [f for f in figures if any(lo <= f.start < hi for lo, hi in keep)])]
    cue_spans = [(sentences[i].start, sentences[i].end) for i in cue_sentences]
    sides = stated_pair(text, side_mentions, cue_spans) or main_sides(side_mentions, cue_spans, text)
    if len(sides) < 2:  # the one side the exchange sentences name stays a side; the text names the other
        sides = sides + tuple(code for code in main_sides([p for p in side_mentions if p.code not in sides], None, text))[:2 - len(sides)]
    if len(sides) < 2:
        return []
    # "Hamas released three Israeli hostages in exchange for 183 Palestinian prisoners", "Israel releases 183": the people's
    # origin (Palestinian) weighs as much as the side that freed them, but only a side that acts is a side.
    actors = {code for verbs in releasing for code in verbs if not _is_organization(code)}
    idle = [code for code in sides if code not in actors]
    outside = sorted(actors - set(sides))
    if len(idle) == 1 and len(outside) == 1 and not stated_pair(text, side_mentions, cue_spans):
        sides = tuple(code for code in sides if code != idle[0]) + (outside[0],)
    sides = tuple(sorted(sides))
    a, b = sides
    r = _Reading(text, sentences, dates, figures, mediations, sides, {})
    r.linked_each = _linked_each(text, figures, r.sentence_of)
    mentions: list[ExchangeMention] = []
    # Without a stated publication date, the first full date of the exchange sentences dates the text.
    if reference_date is None:
        full = [d for d in r.dates for i in cue_sentences if r.inside(i, d.start) and d.precision == "day" and d.year is not None]
        reference_date = resolve(full[0], None).date if full else _headline_reference(r)
        if reference_date is None:  # "The deal, announced Dec. 20, 2023, ...": a full date anywhere anchors the weekdays
            anywhere = [d for d in r.dates if d.precision == "day" and d.year is not None]
            reference_date = resolve(anywhere[0], None).date if anywhere else None

    # Attributive segments: "the March 19, 2025, exchange of 175 prisoners per side or the April 19 swap of 277 Ukrainians".
    segments: list[tuple[int, int, DateMention]] = []
    for i in cue_sentences:
        s = sentences[i]
        # Not "last month's exchange": in a follow-up text that is most often the very exchange it is about.
        anchors = [d for d in r.dates if s.start <= d.start < s.end and d.relative_months is None and (
            d.precision != "weekday" and _ATTRIBUTIVE.match(text, d.end, s.end) or _POSSESSIVE_ATTRIBUTIVE.match(text, d.end, s.end))]
        for j, d in enumerate(anchors):
            end = anchors[j + 1].start if j + 1 < len(anchors) else s.end
            clause = _NEW_CLAUSE.search(text, d.end, end)  # "... Sunday's exchange of 200 per side and was agreed at talks on 1 March"
            segments.append((d.start, clause.start() if clause else end, d))
        # "the first exchange since December 2023, when 32 soldiers were freed": the counts after "when" are that earlier handover's.
        anchored = {x.start for x in anchors}
        for d in r.dates:
            if (s.start <= d.start < s.end and d.precision != "weekday" and d.start not in anchored
                    and _SINCE_BEFORE.search(text, max(s.start, d.start - 8), d.start) and _WHEN_AFTER.match(text, d.end, s.end)
                    and _HANDOVER_VERB.search(text, d.end, s.end)):
                segments.append((d.start, s.end, d))

    def in_segment(pos: int) -> bool:
        return any(start <= pos < end for start, end, _ in segments)

    kinds_of: dict[int, set[str]] = {}

    def kinds(i: int) -> set[str]:  # asked per figure and sentence below; cues and segments are settled by now
        if i not in kinds_of:
            kinds_of[i] = {kind for m, kind in cues[i] if not in_segment(m.start())}
        return kinds_of[i]

    # The deal covering the handovers.
    deal: ExchangeMention | None = None
    deal_context: list[int] = []
    if deal_sentences:
        first = sentences[deal_sentences[0]]
        cue = deal_cue.search(first.text)
        if cue is None:  # its terms follow the sentence naming the deal, or the deal's title
            first = sentences[0] if deal_document else sentences[deal_sentences[0] - 1]
            cue = deal_cue.search(first.text)
        deal = ExchangeMention(f"m{first.start + cue.start()}", "agreed", a, b, first.start + cue.start())
        deal.claims.append(Claim("status", "agreed", first.start + cue.start(), first.start + cue.end()))
        pair_side = "a"
        terms: list[FigureMention] = []
        for fig in [f for f in figures if any(r.inside(i, f.start) for i in deal_sentences)]:
            if fig.kind == "pair":  # "N-for-M": one number for each side, which is which unsaid
                if fig.predicate == "agreed":
                    deal.claims.append(Claim(f"returned_to_{pair_side}", str(int(fig.value)), fig.start, fig.end, True))
                    deal.figure_starts.append(fig.start)
                    pair_side = "b" if pair_side == "a" else "a"
            elif _INCREMENT_BEFORE.search(text, max(0, fig.start - 12), fig.start):
                continue  # "the Arakan Army will free another 40 soldiers": one more stage's part, never the deal's total
            elif fig.predicate == "agreed" or future.search(r.sentence_of(fig.start).text) or _deal_total(text, fig):
                terms.append(fig)
        _add_counts(r, deal, terms)  # together, so a count joined to the one before it by "and" goes where that one went
        deal.claims[1:] = sorted(deal.claims[1:], key=lambda c: c.start)  # in the text's order, the pairs' among the others'
        deal.figure_starts.sort()
        _add_named_people(r, deal, [(i, sentences[i].start, sentences[i].end) for i in deal_sentences])
        deal_context = sorted({j for i in deal_sentences for j in (i - 1, i, i + 1) if 0 <= j < len(sentences) and deal_cue.search(sentences[j].text)}
                              | {i - 1 for i in deal_sentences if i > 0})
        for i in deal_context:
            s = sentences[i]
            found = [d for d in r.dates if s.start <= d.start < s.end and (d.precision != "weekday" or reference_date is not None)
                     and _DEAL_DATE_CONTEXT.search(text, s.start, d.start)]  # "agreed on Saturday": the Saturday before the text's date
            if found and deal.event_date is None:
                _set_date(deal, found[0], _reference_at(r, found[0], reference_date), "past")
            m = _PLACE.search(s.text)
            if m and not deal.values("location") and not _names_a_country(m.group("place")):
                deal.claims.append(Claim("location", m.group("place"), s.start + m.start("place"), s.start + m.end("place")))
        for d in r.dates if deal_document and deal.event_date is None else ():  # "Done at Juba on this 6th day of October 2026"
            if d.precision == "day" and _SIGNED_AT.search(text, max(0, d.start - 80), d.start):
                _set_date(deal, d, reference_date, "past")
        if not any(c.field.startswith(("returned_to", "soldiers_to", "civilians_to")) for c in deal.claims):
            deal = None
    deal_mediations = [p for p in mediations if deal is not None and any(r.inside(i, p.start) for i in deal_context) and not in_segment(p.start)]

    # The main handover: the first sentence whose event word is neither planned, background nor hypothetical.
    main_sentences = [i for i in cue_sentences if "main" in kinds(i)]
    main: ExchangeMention | None = None
    stage_sentences: dict[int, DateMention] = {}
    later_months: dict[int, DateMention] = {}
    if main_sentences:
        first_cue = next(m for m, kind in cues[main_sentences[0]] if kind == "main" and not in_segment(m.start()))
        main = ExchangeMention(f"m{first_cue.start()}", "completed", a, b, first_cue.start())
        main.claims.append(Claim("status", "completed", first_cue.start(), first_cue.end()))
        deal_dates = {c.start for c in deal.claims if c.field == "event_date"} if deal else set()
        main_ordinal = _stage_ordinal(sentences[main_sentences[0]].text)
        for i in main_sentences:
            candidates = [d for d in _event_date_candidates(r, i, deal_dates) if not in_segment(d.start)]
            another = main_ordinal is not None and i != main_sentences[0] and _stage_ordinal(sentences[i].text) not in (None, main_ordinal)
            if candidates and main.event_date is None and not another:
                _set_date(main, candidates[0], reference_date, "past")
            elif candidates and "planned" not in kinds(i):
                stage_sentences[i] = candidates[0]  # a handover on another day, told in its own sentence
            elif not candidates and i != main_sentences[0] and "planned" not in kinds(i):
                months = [d for d in _event_date_candidates(r, i, deal_dates, ("month",)) if not in_segment(d.start)]
                ratio = "-for-" in sentences[i].text and _RATIO_AS_NOUN.search(sentences[i].text)
                # "The 1,000-for-1,000 in May was the big one": a ratio names the exchange, so a month next to it is its month
                if (months and (months[0].year is not None and _HANDOVER_VERB.search(sentences[i].text) or ratio and reference_date is not None)
                        and not _SINCE_EVENT_BEFORE.search(text, max(sentences[i].start, months[0].start - 60), months[0].start)):
                    later_months[i] = months[0]  # "In January 2016, ... Iran freed four Americans": an earlier handover, if the main one is dated apart
        for i in main_sentences if main.event_date is None else ():  # "In return, Washington released five Iranians.": dated by what it answers
            for j in _answered(text, sentences, i) if _ANSWERING.match(sentences[i].text) else ():
                candidates = [d for d in _event_date_candidates(r, j, deal_dates) if not in_segment(d.start)]
                if candidates and _set_date(main, candidates[0], reference_date, "past"):
                    break
            if main.event_date is not None:
                break
        first = main_sentences[0]
        for j in (first + 1, first - 1) if main.event_date is None else ():  # "The second day of the exchange has ended. Today 357 ..."
            if 0 <= j < len(sentences) and j not in cue_sentences and _same_paragraph(text, sentences, first, j):
                candidates = [d for d in _event_date_candidates(r, j, deal_dates) if not in_segment(d.start)]
                if candidates:
                    _set_date(main, candidates[0], reference_date, "past")
                    break
        # "Ukraine has brought home 103 defenders, the president announced on <date>": the handover is as old as its announcement.
        told = sorted(set(main_sentences) | {i for i, sentence in enumerate(sentences) for f in figures if sentence.start <= f.start < sentence.end
                                             and f.category in COUNTED and f.predicate in ("released", "returned", "exchanged")
                                             and not in_segment(f.start)}) if main.event_date is None else []
        for i in told:
            if i in stage_sentences or "planned" in kinds(i):
                continue
            stated = [d for d in r.dates if sentences[i].start <= d.start < sentences[i].end and d.precision in ("day", "weekday")
                      and _STATEMENT_DATE.search(text, max(sentences[i].start, d.start - 30), d.start) and not in_segment(d.start)]
            if stated and _set_date(main, stated[0], reference_date, "past"):
                break
        # "Today 60 of our defenders returned ..." told apart from "The exchange took place ...": the count's own day.
        for i in told if main.event_date is None else ():
            if i not in main_sentences and i not in stage_sentences and "planned" not in kinds(i):
                candidates = [d for d in _event_date_candidates(r, i, deal_dates) if not in_segment(d.start)]
                if candidates and _set_date(main, candidates[0], reference_date, "past"):
                    break
        if main.event_date is None and reference_date is not None:
            entry = next(filter(None, (_entry_time(text, sentences[i].start) for i in main_sentences if i not in stage_sentences)), None)
            if entry is not None:
                main.event_date, main.date_precision = reference_date, "day"
                main.claims.append(Claim("event_date", reference_date.isoformat(), entry.start(), entry.end(), True))
        for i in main_sentences if main.event_date is None else ():  # "In September 2022, ... an exchange": only a month is said
            candidates = [d for d in _event_date_candidates(r, i, deal_dates, ("month",)) if not in_segment(d.start)]
            if candidates:
                _set_date(main, candidates[0], reference_date, "past")
                break
        # "The ICRC on Sunday completed an operation to transfer detainees released by the parties. ... X freed 181 detainees,
        # and Y freed 706.": a dated sentence of people released, close before or after the handover, dates it.
        nearby = sorted({k for i in main_sentences for k in range(i - 2, i + 3) if 0 <= k < len(sentences)} - set(cue_sentences),
                        key=lambda k: min(abs(k - i) for i in main_sentences))
        for k in nearby if main.event_date is None else ():
            if _HANDOVER_VERB.search(sentences[k].text) and tells_of_people(k):
                candidates = [d for d in _event_date_candidates(r, k, deal_dates) if not in_segment(d.start)]
                if candidates and _set_date(main, candidates[0], reference_date, "past"):
                    break
        # "189 Ukrainians are back from captivity" in a post dated 31 December: told as just done, so done that day.
        for i in main_sentences if main.event_date is None and reference_date is not None else ():
            done = _JUST_DONE.search(text, sentences[i].start, sentences[i].end)
            if done is not None and i not in stage_sentences and "planned" not in kinds(i):
                main.event_date, main.date_precision = reference_date, "day"
                main.claims.append(Claim("event_date", reference_date.isoformat(), done.start(), done.end(), True))
                break
    for i, month in later_months.items():
        if main is not None and main.event_date is not None and (month.year, month.month) != (main.event_date.year, main.event_date.month):
            stage_sentences[i] = month
    for i in cue_sentences:  # "In the previous swap, on Aug. 24, each side released 115 POWs." / "... took place in August 2023"
        if i not in stage_sentences and kinds(i) == {"background"}:
            candidates = [d for d in _event_date_candidates(r, i, set(), ("day", "weekday", "month")) if not in_segment(d.start)]
            if candidates:
                stage_sentences[i] = candidates[0]
    reference = reference_date or (main.event_date if main and main.date_precision == "day" else None)

    # Handovers told in their own sentence with their own day ("The first stage took place on Monday ...").
    stage_mentions = []
    main_clauses: list[ExchangeMention] = []  # a clause of a stage sentence that tells the main handover's day
    for i, date in sorted(stage_sentences.items()):
        # "... Russia and Ukraine exchanged 95 each. On Friday, Armenia handed over two soldiers and Azerbaijan released 32":
        # a handover whose sentence names two other sides is theirs.
        own = _own_pair(sentences[i], text, side_mentions)
        pair = own if own is not None and not any(_is_organization(code) for code in own) else sides
        clauses = _dated_clauses(r, i, date, in_segment)
        for lo, hi, clause_date in clauses:
            mention = ExchangeMention(f"m{clause_date.start}", "completed", *pair, clause_date.start)
            cue = next(m for m, kind in cues[i] if kind in ("main", "background"))
            mention.claims.append(Claim("status", "completed", cue.start(), cue.end()))
            _set_date(mention, clause_date, reference, "past")
            same_as_main = main is not None and mention.event_date == main.event_date and pair == sides
            if same_as_main and len(clauses) == 1:
                del stage_sentences[i]
                continue
            reading = r if pair == sides else replace(r, sides=pair)
            _add_counts(reading, mention, [f for f in figures if lo <= f.start < hi and f.predicate != "agreed"])
            _add_named_people(reading, mention, [(i, lo, hi)])
            mention.claims += _mediator_claims([p for p in mediations if lo <= p.start < hi])
            (main_clauses if same_as_main else stage_mentions).append(mention)

    planned_sentences = [i for i in cue_sentences if "planned" in kinds(i)]
    if main is not None:
        deal_figures = set(deal.figure_starts) if deal is not None else set()
        not_main = set(stage_sentences) | {i for i in (*planned_sentences, *deal_sentences) if "main" not in kinds(i)}
        handover_figures = [f for f in figures if not in_segment(f.start) and f.predicate != "agreed" and f.start not in deal_figures
                            and not ((at_sentence := r.index_of(f.start)) in not_main and r.inside(at_sentence, f.start))]
        _add_counts(r, main, handover_figures)
        for clause in main_clauses:  # "..., and the last 350 per side were exchanged on Sunday", the main handover's day
            main.claims += [c for c in clause.claims if c.field not in ("status", "event_date")]
        main_spans = [(sentences[i].start, sentences[i].end) for i in main_sentences if i not in stage_sentences]
        # "Dutch sailor Jan Vos has returned home ...": a sentence with no event word and no date of its own (a deal's
        # terms may be in it too) tells a named person's part of the handover.
        told_by_name = [i for i, s in enumerate(sentences) if not all_cues[i] and not any(r.inside(i, d.start) for d in dates)
                        and _passive_release(text, s.start, s.end)[0] is not None]
        # "In return, Georgia repatriated a Russian border guard": the answer to a handover told just before
        told_by_name += [i for i, s in enumerate(sentences) if _ANSWERING.match(s.text) and {i - 1, i - 2} & set(main_sentences)]
        _add_named_people(r, main, [(i, sentences[i].start, min([start for start, _, _ in segments if sentences[i].start < start < sentences[i].end], default=sentences[i].end))
                                    for i in sorted({*main_sentences, *told_by_name}) if i not in stage_sentences and not in_segment(sentences[i].start)])
        main.figure_starts = sorted(set(main.figure_starts) | {f.start for f in handover_figures if f.category in COUNTED and f.predicate in HANDOVER_PREDICATES
                                                                 and any(s <= f.start < e for s, e in main_spans)})
        for i in main_sentences:
            m = _HANDOVER_PLACE.search(sentences[i].text)
            if m and i not in stage_sentences:
                main.claims.append(Claim("location", m.group("place"), sentences[i].start + m.start("place"), sentences[i].start + m.end("place")))
                break
        stage_spans = {(p.start, p.end) for sm in stage_mentions for c in sm.claims if c.field == "mediators" for p in [c]}
        own = [p for p in mediations if not in_segment(p.start) and p not in deal_mediations and (p.start, p.end) not in stage_spans]
        main.claims += _mediator_claims(own)
        if not own and deal is not None:
            main.claims += _mediator_claims(deal_mediations, inferred=True)
        mentions.append(main)
    mentions += stage_mentions
    if deal is None and main is not None and main.event_date is not None:
        deal = _earlier_agreement(r, main, reference_date, in_segment)
    if deal is None:
        deal = _agreement_without_terms(r, cues, cue_sentences, reference_date, in_segment)
    if deal is not None:
        deal.claims += _mediator_claims(deal_mediations)
        mentions.append(deal)
        if main is not None:
            _move_stage_total(main, [m for m in stage_mentions if m.status == "completed"], deal)

    for start, end, d in segments:
        mention = ExchangeMention(f"m{d.start}", "completed", a, b, d.start)
        status_cue = _ATTRIBUTIVE.match(text, d.end, end) or _POSSESSIVE_ATTRIBUTIVE.match(text, d.end, end)
        if status_cue is not None:
            mention.claims.append(Claim("status", "completed", status_cue.end() - len(status_cue.group().split()[-1]), status_cue.end()))
        else:  # a "since <date>, when ... were freed" segment: the verb says it happened
            verb = _HANDOVER_VERB.search(text, d.end, end)
            mention.claims.append(Claim("status", "completed", verb.start(), verb.end()))
        _set_date(mention, d, reference, "past")
        _add_counts(r, mention, [f for f in figures if start <= f.start < end])
        _add_named_people(r, mention, [(r.index_of(start), start, end)])
        mention.claims += _mediator_claims([p for p in mediations if start <= p.start < end])
        if main is not None and mention.event_date == main.event_date and mention.event_date is not None:
            main.claims += [c for c in mention.claims if c.field != "status"]
            main.figure_starts += mention.figure_starts
            continue
        mentions.append(mention)

    deal_date_starts = {c.start for c in deal.claims if c.field == "event_date"} if deal is not None else set()
    mentions += _planned(r, cues, planned_sentences, main, reference_date, in_segment, deal_date_starts)
    if deal is not None and main is not None:
        mentions += _remaining(r, deal, main, future, planned_sentences)

    if main is not None and main.event_date is None and not any(c.field.endswith(("_to_a", "_to_b")) for c in main.claims) \
            and any(m is not main and m.status == "completed" for m in mentions):
        mentions.remove(main)  # "How the prisoner swaps work": a headline's swaps, undated and uncounted, beside the dated ones
    for mention in mentions:
        unique: dict[tuple, Claim] = {}
        for claim in mention.claims:
            unique.setdefault((claim.field, claim.value, claim.start, claim.end), claim)
        mention.claims = list(unique.values())
    if _ONE_WAY.search(text):  # "no one was returned in the other direction": a handover counted one way is no exchange
        kept = []
        for m in mentions:
            if m.status != "completed" or {c.field[-1] for c in m.claims if c.field.endswith(("_to_a", "_to_b"))} == {"a", "b"}:
                kept.append(m)
            elif _BOTH_SWAPPED.search(r.sentence_of(m.anchor).text) or _own_pair(r.sentence_of(m.anchor), text, side_mentions):
                # "In April 2023, the two sides swapped nearly 900 prisoners": an exchange told apart, whose counts are not the release's
                m.claims = [c for c in m.claims if not c.field.endswith(("_to_a", "_to_b"))]
                kept.append(m)
        mentions = kept
    if deal is not None:
        segment_keys = {f"m{d.start}" for _, _, d in segments}
        for mention in mentions:
            if mention is not deal and mention.key not in segment_keys:
                if deal.event_date is None or mention.event_date is None or deal.event_date <= mention.event_date:
                    mention.part_of = deal.key
    return sorted(mentions, key=lambda m: m.anchor)


def _earlier_agreement(r: _Reading, main: ExchangeMention, reference_date: dt.date | None, in_segment) -> ExchangeMention | None:
    """'The release was agreed by the parties in Switzerland on 20 March.': a dated agreement before the handover is a deal
    of its own, even when it states no numbers."""
    for s in r.sentences:
        cue = _AGREED_EARLIER.search(s.text)
        if cue is None or in_segment(s.start + cue.start()) or not _AGREED_WHAT.search(s.text):
            continue
        for d in r.dates:
            if s.start + cue.end() <= d.start < s.end and d.precision in ("day", "month") and _DEAL_DATE_CONTEXT.search(r.text, s.start, d.start):
                deal = ExchangeMention(f"m{s.start + cue.start()}", "agreed", *r.sides, s.start + cue.start())
                deal.claims.append(Claim("status", "agreed", s.start + cue.start(), s.start + cue.end()))
                if _set_date(deal, d, _reference_at(r, d, reference_date), "past") and deal.event_date < main.event_date:
                    return deal
                break
    return None


def _dated_clauses(r: _Reading, i: int, date: DateMention, in_segment) -> list[tuple[int, int, DateMention]]:
    """The clauses of a stage sentence that each have their own day ('On Saturday, each side released 350 more, and the
    last 350 per side were exchanged on Sunday'), each with the clauses after it that have none; else the whole sentence."""
    s = r.sentences[i]
    bounds = [s.start] + [m.start() for m in _CLAUSE_BREAK.finditer(r.text, s.start, s.end)] + [s.end]
    dated: list[tuple[int, int, DateMention]] = []
    candidates = [d for d in _event_date_candidates(r, i, set()) if not in_segment(d.start)]
    for lo, hi in zip(bounds, bounds[1:]):
        own = [d for d in candidates if lo <= d.start < hi]
        if len(own) > 1 and _EACH_DAY.search(r.text, lo, hi):  # "On Saturday and Sunday, 150 more were released on each day"
            dated += [(lo, hi, d) for d in own]
        elif own:
            dated.append((lo, hi, own[0]))
        elif dated:
            dated[-1] = (dated[-1][0], hi, dated[-1][2])
    if len(dated) < 2:
        return [(s.start, s.end, date)]
    return [(s.start if k == 0 else lo, hi, d) for k, (lo, hi, d) in enumerate(dated)]  # the first also takes any undated opening


def _move_stage_total(main: ExchangeMention, stages: list[ExchangeMention], deal: ExchangeMention) -> None:
    """'... completed a three-day exchange in which each side handed over 1,000 people. The swap began on Friday, when 300
    ... On Saturday, 350 more, and the last 350 per side on Sunday.': a count of the main handover that is the sum of every
    day's is the whole exchange's, so it goes to the deal (when the deal states none)."""
    for side in ("a", "b"):
        field = f"returned_to_{side}"
        values = {int(v) for v in main.values(field)}
        stage_sum = sum(int(st.values(field)[0]) for st in stages if st.values(field) and (st.party_a, st.party_b) == (main.party_a, main.party_b))
        if len(values) < 2 or not stage_sum or deal.values(field):
            continue
        total = max(values)
        if any(stage_sum + part == total for part in values - {total}):
            moved = [c for c in main.claims if c.field == field and int(c.value) == total]
            main.claims = [c for c in main.claims if c not in moved]
            deal.claims += [replace(c, inferred=True) for c in moved]


def _agreement_without_terms(r: _Reading, cues, cue_sentences: list[int], reference_date: dt.date | None, in_segment) -> ExchangeMention | None:
    """'Russian and Ukrainian delegations agreed on Monday to exchange all severely wounded prisoners': a deal, dated by its
    sentence, though it counts no one."""
    found = []
    for i in cue_sentences:
        cue = next((m for m, kind in cues[i] if kind == "agreed" and not in_segment(m.start())), None)
        if cue is None:
            continue
        deal = ExchangeMention(f"m{cue.start()}", "agreed", *r.sides, cue.start())
        deal.claims.append(Claim("status", "agreed", cue.start(), cue.end()))
        s = r.sentences[i]
        for d in r.dates:
            if s.start <= d.start < cue.start() and d.precision in ("day", "weekday", "month") and _DEAL_DATE_CONTEXT.search(r.text, s.start, d.start):
                if _set_date(deal, d, _reference_at(r, d, reference_date), "past"):
                    break
        if deal.event_date is None and cue.group().lower().endswith("s"):
            continue  # "Kyiv reneged on agreed swaps": agreements in general, not one deal
        found.append(deal)
    return next((deal for deal in found if deal.event_date is not None), found[0] if found else None)  # the headline's is undated


def _deal_total(text: str, figure: FigureMention) -> bool:
    """'as the first of 600 prisoners were freed under a deal': the number counts all the deal covers."""
    return bool(_FIRST_OF_BEFORE.search(text, max(0, figure.start - 30), figure.start)) and figure.predicate in HANDOVER_PREDICATES


def _remaining(r: _Reading, deal: ExchangeMention, main: ExchangeMention, future: re.Pattern, planned_sentences: list[int]) -> list[ExchangeMention]:
    """'The remaining 300 are to be freed next month': a later stage of the deal, for the side whose deal total is
    what the handover gave it plus these."""
    stages = []
    for fig in r.figures:
        if fig.category not in COUNTED or fig.predicate not in HANDOVER_PREDICATES or not _REMAINING_BEFORE.search(r.text, max(0, fig.start - 20), fig.start):
            continue
        i = r.index_of(fig.start)
        if i in planned_sentences or not future.search(r.sentences[i].text):
            continue
        for side in ("a", "b"):
            total, given = deal.values(f"returned_to_{side}"), main.values(f"returned_to_{side}")
            if len(total) == 1 and len(given) == 1 and int(total[0]) - int(given[0]) == int(fig.value):
                stage = ExchangeMention(f"m{fig.start}", "planned", r.sides[0], r.sides[1], fig.start)
                cue = future.search(r.sentences[i].text)
                stage.claims.append(Claim("status", "planned", r.sentences[i].start + cue.start(), r.sentences[i].start + cue.end()))
                stage.claims.append(Claim(f"returned_to_{side}", str(int(fig.value)), fig.start, fig.end, True))
                stage.figure_starts.append(fig.start)
                stages.append(stage)
                break
    return stages


def _planned(r: _Reading, cues, planned_sentences: list[int], main: ExchangeMention | None, reference_date: dt.date | None, in_segment,
             taken_dates: set[int]) -> list[ExchangeMention]:
    """Planned stages, one per stated day not already the date of the handover or the deal; an undated plan only where no dated one is given."""
    base = main.event_date if main is not None and main.date_precision == "day" else reference_date
    main_date_starts = taken_dates | ({c.start for c in main.claims if c.field == "event_date"} if main is not None else set())
    planned: list[ExchangeMention] = []
    for i in planned_sentences:
        s = r.sentences[i]
        cue = next(m for m, kind in cues[i] if kind == "planned")
        stage_dates = [d for d in _event_date_candidates(r, i, main_date_starts) if not in_segment(d.start)] or [
            d for d in _event_date_candidates(r, i, main_date_starts, ("month",)) if not in_segment(d.start)]  # "is due next month"
        next_day = _cue_pattern("next_day").search(s.text)
        if not stage_dates and next_day and base is not None:
            mention = ExchangeMention(f"m{s.start + next_day.start()}", "planned", main.party_a if main else r.sides[0], r.sides[1], s.start + next_day.start())
            mention.claims.append(Claim("status", "planned", cue.start(), cue.end()))
            mention.event_date, mention.date_precision = base + dt.timedelta(days=1), "day"
            mention.claims.append(Claim("event_date", mention.event_date.isoformat(), s.start + next_day.start(), s.start + next_day.end(), True))
            planned.append(mention)
        for d in stage_dates:
            mention = ExchangeMention(f"m{d.start}", "planned", r.sides[0], r.sides[1], d.start)
            mention.claims.append(Claim("status", "planned", cue.start(), cue.end()))
            if _set_date(mention, d, base, "future"):
                planned.append(mention)
                if len(stage_dates) == 1:  # "... scheduled for Saturday, Feb. 22, when Hamas is expected to free six hostages"
                    _add_counts(r, mention, [f for f in r.figures if r.inside(i, f.start) and not in_segment(f.start) and _told_as_future(r.text, s, f)])
        if not stage_dates and not next_day:
            mention = ExchangeMention(f"m{cue.start()}", "planned", r.sides[0], r.sides[1], cue.start())
            mention.claims.append(Claim("status", "planned", cue.start(), cue.end()))
            if main is None:  # "Azerbaijan will release 32 Armenian servicemen.": with no handover told, the plan's own counts
                _add_counts(r, mention, [f for f in r.figures if r.inside(i, f.start) and not in_segment(f.start)])
            planned.append(mention)
    if any(p.event_date for p in planned):
        planned = [p for p in planned if p.event_date is not None]
    by_date: dict = {}
    for p in planned:
        kept = by_date.setdefault(p.event_date, p)
        if kept is not p:  # the same plan told in several sentences: one record with every sentence's counts
            kept.claims += [c for c in p.claims if c.field != "status"]
            kept.figure_starts += p.figure_starts
    return list(by_date.values())
