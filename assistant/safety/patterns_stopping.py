# ruff: noqa: E501  (regex data reads best one alternative group per line)
"""English medical-supervision rules (data): stopping suddenly, stopped already, ran out, detox alone.

Besides fixed phrasings, generalized rules catch a decision to stop ("I'm just going to quit my
pins"), a last dose, days without a dose, and detox words with an "on my own" cue in either
order; a supervised or gradual plan in the clause sets them aside.
"""

from __future__ import annotations

from assistant.reply import Route
from assistant.safety.lexicon import ABRUPT, DRUG, DRUGISH, GAP, OBJECT, STOP, SUPERVISED
from assistant.safety.rule import rule

M = Route.MEDICAL_SUPERVISION
WORD = r"(?:[^ .?!;,]+ )"  # one token that is not a sentence end or a comma
SUPERVISED_TAPER = ((SUPERVISED, "none.supervised_taper"),)
# A decision to stop set aside when the clause describes a gradual or supervised plan.
GRADUAL = (
    (SUPERVISED, "none.supervised_taper"),
    (
        r"(?:(?<!without )(?<!no )(?<!want to )(?<!than )(?<!not )(?:taper|tapering|wean|weaning)(?!(?: is| was| feels| takes)? too)|gradual\w*|(?<!too )slowly|"
        r"eventually|someday|one day|long term|in the future|ask (?:my|the|a)|talk to (?:my|the|a)|discuss|appointment|next visit|"
        r"(?:with|under) (?:the |my )?help|reduc\w*|cut down|cutting down|step down|lower (?:my|the) dose)",
        "none.supervised_taper",
    ),
)
DISPOSAL = (
    (
        r"(?:expired|old|unused|leftover|extra|safely|safe way|dispose|disposal|take back|drug take|after (?:my |the )?taper|finished (?:my |the )?taper)",
        "none.informational",
    ),
)
FOOD = (
    (
        r"cold turkey (?:sandwich|sandwiches|sub|subs|slices?|deli|meat|breast|leftovers|salad|wrap|dinner|lunch|burger|club|and cheese)",
        "none.idiom",
    ),
    # "stop by tomorrow to pick up my klonopin" is a visit, not stopping the drug.
    (
        r"stop (?:by|in|over) (?:[^ .?!;,]+ )?(?:to (?:pick|get|grab|collect|see)|the (?:pharmacy|clinic|office|store))",
        "none.idiom",
    ),
)
DRUG_OBJECT = rf"(?:(?:my|his|her|their|the|all|of|any|these|those|this|remaining|rest) )*{DRUGISH}"
STOP_NOW = (
    r"(?:stop|stopping|quit|quitting|drop|dropping|ditch|ditching|come off|coming off|get off|getting off|go off|going off|"
    r"give up|giving up|cut out|cutting out|kick|kicking|be done with|be off|stop taking|quit taking|stop using)"
)
INTENT = r"(?:going to|gonna|will|ill|decided to|have decided to|am|i am|plan to|planning to|about to|ready to|i have to|need to|today i|tonight i)"
ALONE = (
    r"(?:alone|solo|by myself|on my own|by (?:himself|herself|themselves)|on (?:his|her|their) own|at home|myself|in my (?:room|apartment|flat|place|house)|no doctors? involved|with no (?:doctor|medical help|help|supervision)|"
    r"without (?:a |my |any |the |medical )?(?:doctor|doc|help|medical help|supervision|rehab|prescriber|psychiatrist)|"
    r"without (?:telling|anyone knowing|(?:my|the|a) doctor knowing)|no doctors?|lock(?:ing)? myself in)"
)
TIME = r"(?:today|tonight|tomorrow|now|monday|tuesday|wednesday|thursday|friday|saturday|sunday|this weekend)"

RULES = (
    rule(
        "medical_supervision.stop_abrupt",
        M,
        rf"{STOP} (?:{OBJECT} )(?:{WORD}{{0,4}}?){ABRUPT}",
        unless=FOOD,
        past="months",
    ),
    rule("medical_supervision.stop_abrupt", M, rf"{STOP} {ABRUPT}", unless=FOOD, past="months"),
    rule(
        "medical_supervision.stop_abrupt",
        M,
        rf"(?:cold turkey|all at once|suddenly|abruptly|immediately|overnight) (?:{GAP}{{0,3}}?){STOP}(?: {OBJECT})?",
        unless=FOOD,
        past="months",
    ),
    rule("medical_supervision.cold_turkey", M, r"cold turkey", needs="drug", unless=FOOD, past="months"),
    rule(
        "medical_supervision.stop_abrupt",
        M,
        rf"(?:just|simply) (?:going to |want to |will |gonna )?(?:be )?{STOP} (?:taking |using )?{OBJECT}",
        unless=GRADUAL,
        past="months",
    ),
    rule(
        "medical_supervision.stop_abrupt",
        M,
        rf"(?:not|never|no longer) (?:going to )?(?:taking|take|touching|touch|using) (?:{OBJECT} |any |another (?:one |pill |dose |tablet )?|a single (?:one |pill |dose |tablet )?)?(?:more |again |anymore |any more |ever again )?(?:starting |from |as of )?{ABRUPT}",
        past="months",
    ),
    rule(
        "medical_supervision.stop_abrupt",
        M,
        rf"(?:just|simply|am|is|are) (?:not|no longer) (?:taking|using) {OBJECT} (?:anymore|any more|from now on|at all)",
        unless=((r"taper\w*|weaned", "none.supervised_taper"),),
        past="months",
    ),
    rule(
        "medical_supervision.stop_abrupt",
        M,
        r"(?:to|down to) (?:zero|nothing|0|none)(?: [^ .?!;]+){0,4}? (?:"
        + ABRUPT[3:-1]
        + r"|(?:over|in|within) (?:the )?(?:next )?(?:a few|a couple of|few|couple of|\d+|2|3) days)",
        unless=SUPERVISED_TAPER,
        past="months",
    ),
    rule(
        "medical_supervision.cold_turkey",
        M,
        r"(?:go|going|went|gone|goes|quit|quitting|stop|stopping|stopped|do|doing|did|try|trying|tried) cold turkey",
        unless=FOOD,
        past="months",
    ),
    rule(
        "medical_supervision.stopped_recently",
        M,
        rf"(?:stopped|quit|came off|got off|went off|dropped|ditched|gave up|discontinued|skipped|missed|been off|gone off|have not (?:taken|had|touched)|has not (?:taken|had|touched)|not touched|did not take|been without|gone without|no) (?:taking |using )?"
        rf"(?:{OBJECT}|any|a dose|a single (?:one|dose|pill)|a {DRUG}) (?:{GAP}{{0,3}}?)(?:(?:\d+|a|few|couple of|couple|several|three|2) (?:days?|nights?|dias|noches)(?: ago)?|yesterday|last night|this week|all week|the whole week|(?:since )?this morning|(?:the )?(?:last|past) (?:\d+|few|couple of) days|"
        r"(?:on|since) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday)|(?:for|in) (?:\d+|a|few|a few|a couple|couple of|several) (?:days?|nights?|weeks?)|"
        r"(?:\d+|a|few|couple of) weeks? ago|last week)",
        past="months",
    ),
    rule(
        "medical_supervision.ran_out",
        M,
        rf"(?:ran|run|running|runs) out of (?:(?:my|his|her|the|all|our|their) )*(?:{DRUGISH}|refills?|it|them)|"
        rf"(?:out of|no more) (?:(?:my|his|her|the) )?(?:{DRUGISH}|refills?)(?: left)?(?! (?:in|at) (?:the )?(?:house|pharmacy))|"
        rf"(?:can not|could not|unable to|can not afford to) (?:get|afford|fill|refill) (?:a |my |more |any |the )?(?:refill|{DRUGISH}|more)|"
        r"(?:doctor|pharmacy|pharmacist|prescriber|psychiatrist|gp|clinic) (?:will not|would not|did not|refused to|refuses to|can not|does not want to|is not going to) (?:refill|fill|prescribe|renew|give me|write)|"
        r"(?:doctor|pharmacy|pharmacist|prescriber|psychiatrist|gp|clinic) (?:stopped (?:prescribing|my|it)|cut me off|took me off|cut off my|(?:dropped|discharged|fired) (?:me|him|her)|retired|closed|left the practice)|"
        rf"lost (?:my|all my|his|her|the) (?:{DRUGISH})",
        unless=((r"(?:switch\w*|taper\w*|replac\w*|instead)", "none.supervised_taper"),),
        past="months",
    ),
    rule(
        "medical_supervision.ran_out",
        M,
        r"(?:ran|run|running|runs|have run|has run) out(?! of)",
        needs="drug",
        past="months",
    ),
    rule(
        "medical_supervision.ran_out",
        M,
        rf"(?:go|going|gone|went|be|been|do|doing) without(?: {OBJECT})?|out of stock|(?:not|no longer) in stock|shortage|"
        rf"(?:does not|did not|do not) have (?:my|any|the|his|her) {DRUGISH}",
        needs="drug",
        past="months",
    ),
    rule(
        "medical_supervision.flush",
        M,
        rf"(?:flush|flushed|flushing|throw|threw|throwing|thrown|toss|tossed|tossing|dump|dumped|dumping|"
        rf"get rid of|got rid of|getting rid of|bin|binned|destroy|destroyed|trash|trashed|discard|discarded|discarding|poured out|pour out|chuck|chucked|chucking|pour|pouring) (?:away |out )?{OBJECT}",
        unless=DISPOSAL,
        past="months",
    ),
    rule(
        "medical_supervision.detox_alone",
        M,
        r"(?:detox|detoxing|detoxify|withdraw|withdrawing|come off|coming off|get off|getting off|went off|go off|going off|taper|tapering|"
        rf"wean|weaning|quit|quitting|stop|stopping|go through withdrawal|get through withdrawal|kick) (?:{GAP}{{0,4}}?)"
        r"(?:alone|by myself|on my own|myself|at home|without (?:a |my |any |the |medical )?(?:doctor|doc|help|medical|supervision|rehab|telling|prescriber|psychiatrist|taper))|"
        r"(?:home|self|diy) detox|(?:ride|tough|sweat|white knuckle|white knuckling|push|power|gut|grit) (?:it |this )?(?:out |through )?"
        r"(?:the |my |this )?(?:(?:clonazepam|klonopin|benzo|benzos) )?(?:withdrawal|withdrawals|detox)",
        unless=SUPERVISED_TAPER,
        past="months",
    ),
    # Off it from today, out since a weekday, a chart note of stopping on one's own, white-knuckling.
    rule(
        "medical_supervision.stop_abrupt",
        M,
        rf"i am (?:just |completely |totally |now )?off (?:it|them|{OBJECT})(?: ,)? (?:starting |as of |from )?(?:today|now|tonight|tomorrow)|"
        rf"(?:as of|starting|from) (?:today|now|tonight|tomorrow)(?: ,)? i am (?:just |completely |totally )?off (?:it|them|{OBJECT})|"
        r"(?:abrupt|sudden|self) ?(?:discontinuation|cessation)|self discontinu\w*|discontinued (?:it |them )?(?:abruptly|on (?:his|her|their|my) own)|"
        r"white ?knuckl\w* (?:it |this )?off",
        needs="drug",
        past="months",
    ),
    rule(
        "medical_supervision.ran_out",
        M,
        rf"(?:i|he|she|they) (?:have|has) been (?:out|without (?:it|them|any))(?: of (?:it|them|{OBJECT}))? (?:since|for)(?= )",
        needs="drug",
        past="months",
    ),
    rule(
        "medical_supervision.fast_taper",
        M,
        rf"(?:taper|tapering|wean|weaning|come off|coming off|get off|getting off|(?:get|getting|got) (?:myself|me|him|her) off|"
        rf"be (?:completely |totally |fully )?(?:off|done|clean)|off (?:of )?{OBJECT}|(?:to|down to|be at|then) (?:zero|nothing|0)|"
        rf"stop|quit|cut (?:down|back)|reduce|reducing) (?:{GAP}{{0,4}}?)(?:(?:in|within|over|by) (?:just |only |like |about |around |maybe )?"
        r"(?:(?:(?:[1-9]|one|two|three|four) or )?(?:a|[1-9]|1\d|20|one|few|a few|couple of|a couple of) (?:days?|week)\b|(?:1|2|one|couple of|a couple of) weeks)|"
        r"by (?:next week|the (?:end of the )?week|the weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow)|(?:over|during) (?:the |a |one |this |next )?(?:long )?weekend)",
        unless=SUPERVISED_TAPER,
        past="months",
    ),
    rule(
        "medical_supervision.fast_taper",
        M,
        rf"(?:cut|cutting|drop|dropping|halve|halving|reduce|reducing) (?:(?:my|the|his|her) )?(?:dose|dosage|{DRUGISH}) (?:in half|by half)",
        unless=SUPERVISED_TAPER,
        past="months",
    ),
    rule(
        "medical_supervision.withdrawal_severe",
        M,
        r"(?:hallucinat\w*|seeing things|hearing things|hearing voices|delirious|delirium)",
        needs="stop",
        past="months",
    ),
    # ---- generalized: a decision to stop, a last dose, days without, detox alone ------------------
    rule(
        "medical_supervision.decided",
        M,
        rf"{INTENT} (?:just |simply |finally |completely )?(?:going to |gonna )?{STOP_NOW} (?:{DRUG_OBJECT}|all (?:of )?(?:them|it))(?! (?:{GAP}{{0,3}})(?:slowly|gradually|eventually|with (?:my |the )?(?:doctor|help)))",
        unless=GRADUAL,
        past="months",
    ),
    rule(
        "medical_supervision.decided",
        M,
        rf"{INTENT} (?:just |simply |finally )?(?:going to |gonna )?{STOP_NOW} (?:it|them)(?: (?:all|completely|for good|altogether))?(?= ?$| [,.!;]| for good| and be done| cold| all)",
        needs="drug",
        unless=GRADUAL,
        past="months",
    ),
    rule(
        "medical_supervision.decided",
        M,
        rf"(?:not|never|no longer) (?:going to |gonna )?(?:be )?(?:take|taking|touch|touching|use|using|swallow) (?:another (?:one|pill|dose|tablet)|any more(?! than)|anymore|a single (?:one|pill|dose)|{OBJECT} (?:anymore|any more(?! than)|again|ever again|from now on|after (?:today|tonight|this)))",
        needs="drug",
        unless=GRADUAL,
        past="months",
    ),
    rule(
        "medical_supervision.decided",
        M,
        rf"(?:no more|done with|done taking|done using|finished with|through with|over) {DRUG_OBJECT}(?: (?:for me|from (?:today|now on)|after (?:today|tonight)|ever|for good|forever))?(?= ?$| [,.!;]| for| from| after| ever| i)|"
        rf"(?:be|am|i am|get|getting|going|go|stay|staying) (?:completely |totally )?off {DRUG_OBJECT} (?:for good|forever|from (?:today|tomorrow|now on)|starting {TIME}|as of {TIME})|"
        rf"(?:starting|from|as of) {TIME},? (?:{GAP}{{0,2}}?)(?:off|done with|quitting|stopping|not taking|zero|no|no more|nothing|without) {OBJECT}|"
        rf"(?:not|never|no longer|stop|stopped|am not) (?:going to |gonna )?(?:refill|refilling|renew|renewing|pick up|picking up|filling) (?:my |the |his |her |any more )?(?:{DRUGISH}|prescription|script|refills?|it|them)|"
        rf"(?:skip|skipping|skipped) {OBJECT} (?:from now on|for good|starting (?:today|tomorrow|now|tonight)|forever)",
        unless=GRADUAL,
        past="months",
    ),
    rule(
        "medical_supervision.stopped_recently",
        M,
        rf"(?:my |the |his |her )?last (?:ever )?(?:dose|pill|tablet|one|{DRUG})(?: (?:of|from) {OBJECT})? (?:ever|is (?:tonight|today|tomorrow)|tonight|(?:was|is) (?:\d+|a|few|a few|couple of|several|2|3) days? ago|was (?:yesterday|(?:on )?\w+day|last night|last week))|"
        r"(?:done|finished|through) (?:taking|using) (?:them|it)(?= ?$| [,.!;])|(?:take|finish) (?:those|them|these|the rest|what i have) (?:and )?then (?:that is that|i am done|nothing|no more|i stop|i quit)|"
        rf"(?:not|never) (?:going back|go back|returning) to the (?:pharmacy|doctor)|(?:{INTENT}) (?:just |simply )?(?:stop|quit)(?= ?$| [,.!;]| then| and be done| cold)|"
        r"(?:tonight|today|tomorrow) is my last (?:ever )?(?:dose|pill|tablet|one)|this is my last (?:ever )?(?:dose|pill|tablet|one)(?! (?:of the day|for today|until|till|before))|"
        rf"(?:\d+|few|a few|couple of|a couple of|several) days? since (?:my|his|her|their|the) last (?:dose|pill|tablet|one|{DRUG})|"
        rf"day \d+ (?:without|off|of no|with no|no) (?:{OBJECT}|any)|"
        rf"(?:been|gone|went) (?:\d+|a few|few|several|a couple of|couple of) days (?:without|off|with no) (?:{OBJECT}|any)",
        needs="drug",
        # "my last dose until I pick up the refill tomorrow" is a gap in supply, not a stop
        unless=(
            (
                r"(?:until|till|before|when|then) (?:[^ .?!;]+ ){0,3}?(?:refill\w*|pharmacy|pick up|picking up|renew\w*)|"
                r"(?:refill|prescription|pharmacy) (?:is |will be )?(?:ready|tomorrow|today|coming|due)",
                "none.informational",
            ),
        ),
        past="months",
    ),
    rule(
        "medical_supervision.ran_out",
        M,
        rf"no (?:more )?{DRUGISH} left|no (?:more )?refills?|then i am out|left (?:, )?(?:and )?then (?:nothing|none|i am out|that is it)|(?:have|has|got) (?:none|nothing|no more|zero) left|(?:have|has) none(?= ?$| [,.!;]| and| so)|used up (?:all )?{OBJECT}|"
        r"insurance (?:will not|would not|does not|refuses to|refused to|stopped|no longer|is not going to) (?:cover|pay)|"
        r"(?:refill|prescription|script) (?:is |was |got |has been )?(?:denied|rejected|refused|cancelled)|"
        rf"{DRUG_OBJECT} (?:is|are) (?:all )?gone|finished (?:my|the|his|her) last (?:one|pill|dose|{DRUGISH})|"
        r"(?:script|prescription) (?:ran|has run|runs) out",
        needs="drug",
        past="months",
    ),
    rule(
        "medical_supervision.flush",
        M,
        rf"(?:gave|give|giving|handed|hand) (?:away )?(?:all )?{DRUG_OBJECT} (?:away|to)(?= [^.?!;]*(?:can not|will not|never|do not|quit|stop|done))",
        unless=DISPOSAL,
        past="months",
    ),
    rule(
        "medical_supervision.detox_alone",
        M,
        rf"(?:withdrawal|withdrawals|detox|detoxing|withdraw|withdrawing|get off|getting off|come off|coming off|went off|go off|going off|kick|kicking|quit|quitting) (?:{GAP}{{0,8}}?){ALONE}|"
        rf"{ALONE} (?:{GAP}{{0,5}}?)(?:withdraw\w*|detox\w*|(?:{STOP_NOW}) {OBJECT})",
        unless=SUPERVISED_TAPER,
        past="months",
    ),
    rule(
        "medical_supervision.detox_alone",
        M,
        r"(?:do|doing|handle|manage|get through|tough|sweat|ride|white knuckle) (?:it|this|the rest)(?: out)? (?:on my own|by myself|alone|solo|myself at home|at home|in my (?:room|apartment|flat|place|house))|(?:rip|ripping) (?:the |it off like a )?band aids? off",
        needs="drug",
        unless=SUPERVISED_TAPER,
        past="months",
    ),
    rule(
        "medical_supervision.fast_taper",
        M,
        rf"(?:halv\w*|cut\w* (?:it |them |my dose |the dose )?in half) (?:{GAP}{{0,3}}?)every (?:day|other day|night|morning)",
        needs="drug",
        unless=SUPERVISED_TAPER,
        past="months",
    ),
)
