# ruff: noqa: E501  (regex data reads best one alternative group per line)
"""Indirect wording for all three routes (data), from a first-contact probe in new voices.

Crisis said as exhaustion, hopelessness, burden, goodbyes, plans or means; an emergency told
through what a bystander sees or hears, or in non-native English ("he no wake up"); stopping
told as a decision or a timeline ("tomorrow's my last one", "cancelled my refill"). Each rule
pairs a lexicon with a first-person or present cue; the negation, past, hypothetical and
fiction guards still apply, and `unless` sets aside the everyday senses (school, trips, jokes).
"""

from __future__ import annotations

from assistant.reply import Route
from assistant.safety.lexicon import DRUG, DRUGISH, PILLISH
from assistant.safety.rule import NO_HYPOTHETICAL, rule

C, E, M = Route.CRISIS, Route.EMERGENCY, Route.MEDICAL_SUPERVISION
END = r"(?= ?$| [,.!;])"  # the phrase closes its clause
EVERYDAY = (
    (
        r"(?:lol|lmao|haha\w*|jk|omg|group chat|chat|drama\w*|homework|school|class|exam|test|job|work|boss|traffic|weather|heat|rain\w*|"
        r"project|meeting|kids are|game|season|team|contract|lease|landlord|maze|room|building|party|subscription|account|customer|store|service)",
        "none.idiom",
    ),
)
DRUG_OBJ = rf"(?:(?:my|his|her|their|the|any|of|more|these) )*{DRUGISH}"

RULES = (
    # ---- crisis: exhaustion and hopelessness ------------------------------------------------------
    rule(
        "crisis.hopeless",
        C,
        rf"(?:can not|cant|can no longer) (?:do|take|handle|bear|cope with) (?:this|it|any of this|life) (?:anymore|any more|much longer){END}|"
        rf"(?:there is |i see |i can see |i have )?no (?:other )?way out(?: for me| anymore| any more| left| except|{END})|(?:do not|can not) (?:see|find) (?:a|any) way out|"
        r"nothing (?:is )?(?:ever )?(?:going to|will|is gonna) (?:ever )?(?:get|be) (?:any )?better|(?:things|it|life) (?:will|are going to|is going to) never get better|"
        r"(?:i am|i m) (?:so )?(?:done trying|out of hope|beyond help)|(?:no|lost all|lost) hope (?:left|anymore|any more)|(?:feel|am) (?:so |completely |totally )?hopeless|"
        r"(?:want|wants|need) to (?:just )?stop (?:feeling|hurting) (?:anything|everything|at all)(?: (?:forever|for good|permanently))?|"
        r"(?:not going to|will not|do not think i will|do not think i am going to) (?:make it|survive|last) (?:through |past |until |to )?(?:this week|tonight|the night|the week|the weekend|tomorrow|another (?:day|week|night)|much longer)"
        r"(?: and (?:[^ .?!;]+ ){0,2}?i (?:do not|don t) (?:even )?(?:want|care) to)",
        checks=NO_HYPOTHETICAL,
        # "gave my klonopin away so I can't take it anymore" is about the pills, not a life
        unless=(*EVERYDAY, (r"(?:so|because|then) (?:i|he|she) (?:can not|cant) take", "none.idiom")),
    ),
    rule(
        "crisis.hopeless",
        C,
        r"(?:see|find|have) no (?:reason|point) (?:left )?to (?:continue|go on|carry on|keep going|stay|get up|be here)(?= ?$| [,.!;]| living| anymore| any more| like this| without)|"
        r"(?:i|he|she) (?:not|no|dont|do not|does not) (?:want|wants|wanna) (?:to )?(?:live|be alive|exist) (?:anymore|any more|longer)|"
        r"(?:it is |is |would be |be )?better (?:for me )?(?:to|if i) (?:die|died|be dead|not exist|not be here)(?! than| trying| laughing)|"
        r"(?:have|has|ve) lived (?:long )?enough(?! to| of| in| with| here| there)|(?:want|wants|going|ready) to (?:just )?(?:disappear|vanish) and never (?:come back|return|be found)",
        checks=NO_HYPOTHETICAL,
    ),
    # ---- crisis: burden, goodbyes ----------------------------------------------------------------
    rule(
        "crisis.burden",
        C,
        r"(?:better off|happier|easier) (?:[^.?!;]+ ){0,6}?than (?:with|having) me|(?:life )?insurance (?:money|payout|policy) (?:[^.?!;]+ ){0,6}?(?:better off|without me|when i am gone|if i (?:die|was gone))|"
        r"(?:relieved|better off|happier|easier) (?:[^ .?!;]+ ){0,3}?if i (?:was|were) not (?:here|around|alive)|"
        r"(?:nobody|no one) (?:will|would|is going to) (?:even )?(?:notice|care|miss me) (?:when|once|after) (?:i am|i m) gone|"
        r"(?:nobody|no one) (?:needs?|wants?) me(?:,| and| anyway| anymore|{END})".replace("{END}", END)
        + r"(?= .*(?:die|dead|gone|better|end|live))",
        unless=EVERYDAY,
    ),
    rule(
        "crisis.goodbye",
        C,
        rf"(?:written|wrote|writing|finished|left) (?:my |the )?(?:letters?|notes?) (?:to|for) (?:everyone|everybody|all of them|my (?:family|kids|children|parents|wife|husband|friends)){END}|"
        r"(?:you|they|anyone) (?:will not|won t|will never) (?:hear from|see) me again|(?:last|final) (?:you will|anyone will) (?:ever )?hear from me|"
        r"(?:said|saying|say) (?:my )?goodbyes? to [^?!;]{1,40}?(?:i am|i m) ready(?: now| to go)?"
        + END
        + "|"
        r"tell (?:[^ .?!;]+ ){1,3}?(?:i am|i m|i was) sorry (?:and |, )?(?:that )?i (?:love|loved) (?:her|him|them|you|everyone)",
        unless=EVERYDAY,
    ),
    # ---- crisis: plans and means -----------------------------------------------------------------
    rule(
        "crisis.plan",
        C,
        r"(?:have|got|gathered|collected) (?:everything|all) (?:i|he|she) (?:need|needs|needed) to (?:end it|do it|die|go|end (?:my|his|her) life|make it stop|kill (?:myself|himself|herself))|"
        rf"(?:know|knows|figured out|worked out|decided) (?:exactly )?(?:how|when|where) (?:i am|i m|i will|i|he is|she is|he will|she will) (?:going to |gonna )?do it{END}|"
        rf"(?:bought|got|have|purchased|ordered|tied) (?:a |the |some )?(?:rope|noose){END}|noose|"
        rf"(?:saving|saved|collecting|hoarding|stockpiling|have|has|got|keep|keeps|kept) (?:up )?(?:all )?(?:my |his |her |the )?{PILLISH} (?:saved|stashed|hidden|put away)(?: up)?|"
        rf"(?:saving|saved|collecting|hoarding|stockpiling) (?:up )?(?:my |his |her |the )?{PILLISH} (?:[^.?!;]+ ){{0,6}}?(?:tonight|this weekend|feels right|ready)|"
        r"tonight (?:feels|seems) (?:right|like the (?:night|time))|"
        r"i (?:think|thinking|want|wanna|will|go|am going|going) (?:to |about |of )?(?:kill|killing) me(?: self)?"
        + END,
        unless=(
            *EVERYDAY,
            (
                r"(?:doctor|psychiatrist|therapist|prescriber|gp|pharmacist|taper\w*|trip|camping|travel\w*|rope swing|jump rope|climbing|boat|knot)",
                "none.supervised_taper",
            ),
        ),
    ),
    # ---- emergency: what a bystander sees and hears -----------------------------------------------
    rule(
        "emergency.unresponsive",
        E,
        r"(?:he|she|they|it|my [a-z]+|him|her) (?:no|not|does not|do not) (?:wake|waking|wakes|respond|responding|answer) ?(?:up)?(?! (?:for|until|till|before|early|at|on time|in the morning))",
        unless=EVERYDAY,
    ),
    rule(
        "emergency.unresponsive",
        E,
        r"(?:can not|could not|cant) get (?:him|her|them|my [a-z]+) up(?! (?:for|in time|early|off|out))",
        needs="",
        unless=(*EVERYDAY, (r"(?:alarm|morning|bed|couch potato|lazy|teen\w*)", "none.idiom")),
    ),
    rule(
        "emergency.unresponsive",
        E,
        r"(?:lying|lies|laying|collapsed|slumped|face down) (?:[^.?!;]+ ){0,4}?(?:floor|ground|bathroom|bed)(?: [^.?!;]{0,30})? (?:and |, )?(?:not|is not|will not) (?:answering|responding|moving|waking)|"
        r"(?:passing|passed) out (?:[^.?!;]+ ){0,6}?slurr\w*|slurr\w* (?:[^.?!;]+ ){0,6}?(?:passing|passed) out",
    ),
    rule(
        "emergency.seizure",
        E,
        r"(?:have|has|having|had) (?:a |an )?(?:convulsions?|seizures?|fits?) (?:now|right now|on the floor|and)|(?:convulsions?|seizures?) (?:now|right now)",
        unless=(*EVERYDAY, (r"(?:years ago|history|disorder|epilep\w*|medication)", "none.past")),
    ),
    # ---- medical supervision: decisions and timelines ---------------------------------------------
    rule(
        "medical_supervision.decided",
        M,
        rf"(?:tomorrow|tonight|today|this (?:is|morning|evening)) (?:is )?my (?:very )?last (?:one|dose|pill|tablet|{DRUG})|"
        rf"(?:took|taking|take|used|had|swallowed) my (?:very )?last (?:one|dose|pill|tablet|{DRUG})(?= [^.?!;]*(?:not getting|no more|done|never|that is it|not refill))|"
        rf"(?:cancel\w*|not refill\w*|not (?:going to|gonna) refill|stopped refilling|not refilled|did not refill|will not refill) (?:my |the |his |her )?(?:{DRUG} )?(?:refills?|prescription|script|{DRUG})|"
        rf"(?:manage|go|do|live|cope) without (?:it|them|{DRUG}) (?:from now on|from today|starting)|"
        rf"let (?:my |the |his |her )?(?:{DRUG} )?(?:prescription|script|refills?|{DRUG})(?: prescription)? (?:lapse|run out|expire)|"
        rf"refus\w* to take (?:her|his|my|the|their) {DRUGISH}|"
        rf"(?:stop|stopping|quit|take|took|stopped) (?:it |them |{DRUG_OBJ} )?(?:all )?(?:in|at) one (?:time|go|shot)|"
        rf"(?:no|not|do not|does not|dont|doesnt) (?:have|has) (?:any )?more (?:of )?(?:his |her |my |their )?{DRUGISH}|(?:have|has) no more {DRUGISH}|"
        rf"(?:not|no|never) (?:to )?(?:take|taking) (?:any )?more {DRUG_OBJ}(?! than)|"
        rf"(?:finish|finished|used up) (?:all )?(?:my |the |his |her )?(?:pills|tablets|{DRUG})(?: of {DRUG})?|"
        rf"skip\w* (?:my |his |her |the )?{DRUGISH} (?:doses? )?(?:on purpose|deliberately|for (?:\d+|a few|several|two|three|four|five) days)|"
        rf"(?:want|wants) to be free of (?:it|them|{DRUG})",
        needs="drug",
        unless=(
            (
                r"(?:taper\w*|doctor and i|with my doctor|psychiatrist (?:is|has)|wean\w* (?:me|slowly)|antibiotic\w*|course|after (?:the|my) taper|more than)",
                "none.supervised_taper",
            ),
        ),
        past="months",
    ),
)
