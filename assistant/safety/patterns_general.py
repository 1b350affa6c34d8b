# ruff: noqa: E501  (regex data reads best one alternative group per line)
"""Generalized wording for the categories an unseen split still missed (data).

Lethal-dose questions said as limits, points of no return or not coming back; clonazepam mixed
with other sedatives and a body that is sinking, hard to rouse or breathing oddly; overdose signs
told as colour, groans or no reaction; indirect suicidal statements (not being here past a date,
a plan for a day, goodbyes in disguise); stopping told as a date ("since the weekend", "48 hours
ago", "went from 2 mg to nothing"). The negation, past and fiction guards still apply.
"""

from __future__ import annotations

from assistant.reply import Route
from assistant.safety.lexicon import DRUG, GAP, OBJECT, PILLISH
from assistant.safety.rule import NO_HYPOTHETICAL, rule

C, E, M = Route.CRISIS, Route.EMERGENCY, Route.MEDICAL_SUPERVISION
LETHAL_CHECKS = frozenset({"negation", "fiction"})
END = r"(?= ?$| [,.!;?]| if| with| plus| and| together| or)"
# What a lethal amount does, in a visitor's words.
LETHAL_END = (
    r"(?:(?:past|beyond) the point of no return|(?:body|heart|breathing) (?:just )?(?:gives? (?:up|out)|shuts? down|stops? for good)|"
    r"before (?:it|they|that|those) (?:kills?|finish\w*) (?:you|me|someone|a person|him|her)|"
    r"(?:do not|never|would not) (?:wake up|come back)(?: from (?:sleep|it))?(?: (?:again|ever))?|"
    r"wake up (?:[^ .?!;]+ ){0,3}?or not|shuts? down (?:your |the |my |their )?breathing|stops? (?:your |my |the )?(?:heart|breathing) for good|"
    r"too much (?:for (?:a|the|my|your|someone s) body )?to survive|to be (?:fatal|lethal|deadly)|finish (?:me|him|her|them|someone)(?: off)?|"
    r"(?:reliable|certain|sure|likely) (?:way )?(?:for|to) (?:not|never) wak\w*|to make it work)"
)

RULES = (
    rule(
        "crisis.lethal_amount",
        C,
        rf"(?:how many|how much|what amount|what dose|which dose|highest dose|ceiling|limit|max\w*|would|does|do you|which|more likely|how long) (?:{GAP}{{0,14}}?){LETHAL_END}|"
        rf"would (?:[^ .?!;]+ ){{1,3}}?(?:do it|do the job|be it){END}",
        needs="drug",
        checks=LETHAL_CHECKS,
    ),
    rule(
        "crisis.lethal_amount",
        C,
        r"(?:dose|amount|pills|how many|how much) (?:[^ .?!;]+ ){0,8}?before (?:it|they|that|your (?:heart|body|breathing)|(?:his|her|my|the) (?:heart|body|breathing)) (?:kills?|stops?|gives? (?:up|out))",
        checks=LETHAL_CHECKS,
    ),
    rule(
        "crisis.suicidal",
        C,
        r"(?:do not|can not|never) see (?:myself|me) (?:being |still |living |staying )?(?:here|around|alive) (?:much longer|for long|past|beyond|after|by|next|this time next)|"
        r"(?:wake up|waking up) (?:[^ .?!;]+ ){0,2}?disappointed (?:that )?(?:i am|i m) (?:still )?(?:alive|here|breathing)|"
        r"(?:i am|i m) (?:just )?waiting (?:until|till|for) (?:[^.?!;]+ ){1,10}?then (?:i am|i m|i will be) (?:done|gone|going)|"
        r"(?:time|ready) for me to go(?= ?$| [,.!;])|(?:if|when) (?:i am|i m) (?:not|no longer|gone|not around) (?:here |around )?(?:tomorrow|anymore|one day)?,? (?:please )?(?:know|remember|tell)|"
        r"(?:going|gonna|want) to (?:drive|walk|go|swim) (?:[^.?!;]+ ){0,5}?and (?:not|never) come back|"
        r"saying goodbye to (?:people|everyone|everybody) without (?:them|anyone) knowing|worth more than me|"
        r"(?:cleaning up|closing|deleting|sorting) (?:my |all my )?(?:accounts|photos|affairs|things)(?: [^.?!;]*)? (?:so there is less|for people to deal with|after i am gone|for after)|less for (?:people|them|anyone) to deal with after|"
        r"(?:wrote|written|writing|made|finished) my will (?:[^.?!;]+ ){0,8}?scheduled|scheduled (?:an? )?(?:email|message|text|post) (?:[^.?!;]+ ){0,4}?(?:for|to go out) |"
        r"working up the (?:nerve|courage)(?= ?$| [,.!;]| to (?:do it|jump|end))|(?:balcony|bridge|ledge|roof|edge) (?:[^.?!;]+ ){0,6}?(?:working up|getting up) the (?:nerve|courage)|"
        r"(?:bought|got|buying) (?:a |some |the )?rope (?:today|tonight|yesterday)|(?:picked|chosen|chose|set) (?:a |the )?(?:day|date|sunday|monday|tuesday|wednesday|thursday|friday|saturday) (?:[^.?!;]+ ){0,4}?(?:because|when) (?:everyone|nobody|no one)|"
        r"(?:worked out|figured out|know) exactly how (?:i am|i m) (?:going to|gonna) do it|"
        r"(?:wish|want) (?:i |to )?(?:could )?(?:just )?(?:not exist|stop existing|(?:did not|never) exist(?:ed)?|(?:was|were|had) never (?:been )?born)|"
        r"(?:written|wrote|writing|left) (?:my |the |some )?(?:goodbye |farewell |last )?(?:letters?|notes?) (?:to|for) (?:[^ .?!;]+ ){1,3}?(?:just in case|for (?:after|when) (?:i am|i m) gone)|"
        r"made (?:my )?peace with (?:leaving|dying|going|it all|death|not being here)",
        checks=NO_HYPOTHETICAL,
        unless=(
            (
                r"(?:lol|lmao|haha\w*|jk|vacation|trip|holiday|job|work|party|concert|gym|game|interview|exam|wedding|taper\w*|doctor|psychiatrist)",
                "none.idiom",
            ),
        ),
    ),
    rule(
        "emergency.drowsy",
        E,
        r"(?:difficult|hard|impossible|unable) to (?:rouse|arouse|wake)|(?:progressively |heavily |very )?sedated|resp\w* (?:rate )?(?:around |of |is |at )?(?:[1-9]|1[01])(?= ?$| [,.!;]| breaths| per| a)|"
        r"(?:spo2|sats?|oxygen|o2) (?:is |are )?(?:dropping|falling|low|going down)|(?:feel|feels|feeling) like (?:i am|i m|she is|he is) sinking|"
        r"(?:can not|could not) (?:catch|get) (?:a|my|his|her) breath|breathing (?:really |very |so |super |kind of )?(?:loud|uneven|weird|strange)|"
        r"(?:only|just|barely) (?:groans?|moans?|mumbles?|grunts?)|wandered (?:around )?confused|"
        r"(?:will not|would not|does not|did not|not) (?:answer|respond|react|wake)\w* (?:at all|when i (?:shake|pinch|yell|shout|call|rub)|to (?:pain|her name|his name|my voice))|"
        r"(?:did not|does not|not) (?:react|flinch|move)\w* (?:at all|to pain)",
        needs="taken",
    ),
    rule(
        "emergency.unresponsive",
        E,
        r"(?:eyes (?:half )?open but not (?:looking|seeing|focusing|tracking)|not answering at all|(?:lips|skin|face) (?:are |is )?(?:a )?(?:greyish|grayish|bluish) (?:blue|grey|gray)|"
        r"skin (?:feels |is )?(?:cold and (?:sweaty|clammy)|clammy and cold))",
        unless=((r"(?:lol|makeup|costume|halloween|movie|game)", "none.idiom"),),
    ),
    rule(
        "medical_supervision.stopped_recently",
        M,
        rf"(?:stopped|quit|came off|went off|dropped|went cold on|gone cold on|gave up|no|without|been off|gone off) (?:taking |using )?(?:[^ .?!;]+ ){{0,2}}?(?:{OBJECT}|any|my kpins|my pins) (?:{GAP}{{0,4}}?)"
        r"(?:since (?:the weekend|last \w+|the start of the week|then|\w+day)|(?:\d+|a few|couple of|a couple of) (?:hours|hrs) ago|(?:for )?the (?:last|past) \d+ (?:hours|hrs)|(?:\d+|a few|several) days? ago)|"
        rf"went from (?:[^ .?!;]+ ){{1,4}}?to (?:nothing|zero|none)(?: (?:since|overnight|in one go|at once|just like that))?|"
        rf"(?:first|second|third|\d+\w*) (?:night|day) (?:in (?:[^ .?!;]+ ){{1,2}}?(?:years?|months?) )?without (?:my |his |her )?(?:{DRUG}|{PILLISH})|"
        rf"(?:a week|\d+ weeks?|a couple of weeks) since (?:my|his|her|their|the) last (?:dose|pill|tablet|one|{DRUG})|"
        r"(?:been|gone|stayed) off (?:it|them) since",
        needs="drug",
        past="months",
    ),
    rule(
        "medical_supervision.stopped_recently",
        M,
        r"on (?:his|her|my|their) own (?:[^.?!;]+ ){0,12}?(?:been|for) (?:about |around |like |almost )?(?:\d+|a few|two|three|four|five) days",
        needs="stop",
        past="months",
    ),
)
