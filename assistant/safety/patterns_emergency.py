# ruff: noqa: E501  (regex data reads best one alternative group per line)
"""English emergency rules (data): overdose signs, amounts, mixing, a child, a seizure now.

Besides fixed phrasings, generalized rules pair a sign cluster (signs.py) with a cue: signs of
sedation count once a drug was taken (in this message or an earlier turn), drowsiness once an
amount or a mix was taken; breathing, colour, pulse and seizure signs count on their own.
"""

from __future__ import annotations

from assistant.reply import Route
from assistant.safety.lexicon import (
    CHILD,
    DROWSY,
    DRUGISH,
    GAP,
    MIX,
    STRONG_AMOUNT,
    TAKEN,
    WEAK_AMOUNT,
)
from assistant.safety.rule import rule
from assistant.safety.signs import ALARM, BREATHING, CHILD_INGESTION, CHILD_SIGNS, NO_RESPONSE, SEIZURE, WHO

E = Route.EMERGENCY
# "I'm not waking up at night" is a side effect, "want to ... not wake up" a wish (crisis rules).
NOT_FIRST = r"(?<!\bi )(?<!\bi am )(?<!\bi will )(?<!\bi do )(?<!\bto )(?<!\band )(?<!\bjust )"
PRONOUN = r"(?:him|her|them|my|the|our|this|your|his|mom|dad)"
NOT_TO_MEDS = r"(?! to (?:the |his |her |my |their )?(?:meds|medications?|treatment|drugs?|doses?|therapy|klonopin|clonazepam|it|them))"
# "she wishes she wouldn't wake up" is a wish (crisis), not a report of someone unresponsive.
WISH = (
    (
        r"(?:reliable|surest|wish|wishes|wished|wishing|hope|hopes|hoping|pray|prays|praying|rather|prefer|want|wants|make sure|so that)",
        "none.wish",
    ),
)
THINGS = (
    (
        r"(?:car|battery|engine|phone|laptop|computer|tv|power|wifi|internet|plant|printer|app|server) (?:is |was |went |just |totally |completely )?"
        r"(?:out cold|limp|not moving|not responding|not answering|unresponsive|dead)",
        "none.idiom",
    ),
)
# "won't respond to anything I say" in a sulk, a device that is not responding, a sports knock.
BEHAVIOUR = (
    (
        r"(?:meltdown|tantrum|sulk\w*|silent treatment|cold shoulder|ignoring (?:me|us)|(?:anything|a word|what) (?:i|we) (?:say|said)|grounded|"
        r"(?:responding|respond|answering|answer) to (?:pings|pinging|requests?|clicks?|commands?|input|touch|keys?|emails?|texts?|messages?|calls?))",
        "none.idiom",
    ),
    (
        r"(?:server|website|site|app|computer|laptop|pc|printer|router|modem|file|program|browser|screen|console|game|tv|remote|mouse|keyboard|device|system|bot|script|page|phone|car|engine) "
        r"(?:[^ .?!;]+ ){0,3}?(?:not|stopped) (?:responding|answering|working|moving|reacting)",
        "none.idiom",
    ),
)
KNOCK = (
    (
        r"(?:collision|tackle|concussion|boxing|in the (?:game|match|ring|fight)|(?:he|she|they) (?:is|are|was|were) (?:fine|ok|okay|alright) now)",
        "none.idiom",
    ),
)
COSMETIC = (
    (
        r"(?:emojis?|lipstick|lip (?:gloss|liner|stain)|makeup|make up|costume|filter|popsicle|slushie|candy|raspberry|halloween|paint|dye|avatar|nail polish|cosplay|blue raspberry)",
        "none.idiom",
    ),
)
TANTRUM = (
    (
        r"(?:because|over|about|when i|whenever|every time|tantrum|meltdown|angry|mad|furious|pissed|screaming|yelling|hissy|conniption|"
        r"ipad|toy|toys|candy|bedtime|homework|screen time|tv|video games?|told (?:him|her|them)|said no|wedding|boss|manager)",
        "none.idiom",
    ),
)
# "I can't wake up without an alarm": one's own sleep, not someone unresponsive.
SELF_WAKING = ((r"i can not (?:wake|get) up(?! (?:him|her|them|my|the|our))", "none.idiom"),)
SLEEP_TALK = ((r"(?:at night|every night|when (?:he|she|i|they) sleeps?|snores? every)", "none.idiom"),)

RULES = (
    rule(
        "emergency.unresponsive",
        E,
        rf"(?:can not|could not|unable to|not able to|trying to|tried to|try to|can barely) (?:wake|rouse|awaken) (?:up )?{PRONOUN}",
    ),
    rule(
        "emergency.unresponsive",
        E,
        rf"(?:can not|could not|unable to|not able to) (?:get|make) (?:{PRONOUN} )?{GAP}?(?:to )?(?:wake|respond|open)",
    ),
    rule(
        "emergency.unresponsive",
        E,
        rf"{NOT_FIRST}(?:will not|would not|does not|did not|not|is not|has not|hasnt) (?:he |she |they |it )?(?:wake|waking|woken|woke|respond|responding|react|reacting)(?: up)?(?! up\b){NOT_TO_MEDS}(?! until| before| at| in the morning| early| on time| for (?:school|work|class|church|breakfast|the bus|(?:his|her|their) alarm)| to (?:my |his |her |our )?(?:texts?|messages?|calls?|emails?|phone))",
        unless=(*WISH, *BEHAVIOUR, *THINGS, *SELF_WAKING),
    ),
    rule(
        "emergency.unresponsive",
        E,
        r"(?:can not|could not|will not|would not) be (?:woken|awakened|awoken|roused|woke)(?: up)?",
    ),
    rule(
        "emergency.unresponsive",
        E,
        r"(?:is not|not|will not|is barely|barely) (?:answering|reacting)(?! (?:my |his |her |the )?(?:phone|texts?|messages?|calls?|door))",
        needs="overdose",
    ),
    rule(
        "emergency.unresponsive",
        E,
        r"(?:unresponsive|non responsive|nonresponsive|unconscious|(?:not|barely|hardly|semi|half) (?:really )?conscious|out cold|(?:eyes|eye) (?:rolled|rolling) back|(?:is|went|gone|seems|looks|totally|completely) limp)",
        unless=(*THINGS, *KNOCK),
    ),
    rule(
        "emergency.unresponsive",
        E,
        r"(?:passed out|blacked out|collapsed|fainted|not moving|will not open (?:his|her|their) eyes)",
        needs="drug",
    ),
    rule(
        "emergency.breathing",
        E,
        r"(?:(?:not|stopped|stopping|stop|barely|hardly|no longer|quit) breathing|"
        r"breathing (?:has |is |very |really |so |super |too |kind of |real |gotten |got |become )*"
        r"(?:slow|slowed|slowing|shallow|weird|strange|funny|faint|irregular|labou?red|rattly|raspy|stopped|stopping|odd|off)|"
        r"(?:slow|slowed|shallow|faint|irregular|labou?red|agonal) breathing(?! exercises?| techniques?| helps?| app)|"
        r"(?:not sure|do not know|can not tell|cannot tell|unsure|can not see) (?:if|whether) (?:he|she|they|it|my \w+|the baby|the \w+) (?:is|are) (?:still )?breathing|"
        r"(?:gasping|struggling) (?:for air|to breathe)|breaths? (?:are |is )?(?:far apart|very slow|really slow)|"
        r"(?:breathing|breathes|breaths?) (?:like |only |about |maybe |just |barely )*(?:[1-6]|one|two|three|four|five|six) (?:times |breaths )?(?:a|per|every) minute)",
    ),
    rule(
        "emergency.found_with_pills",
        E,
        r"empty (?:[^ .?!;]+ ){0,2}?(?:bottles?|packs?|blister packs?|containers?) (?:next to|beside|near|by|under|around) (?:him|her|them|the bed|the body)",
        needs="drug",
    ),
    rule(
        "emergency.breathing",
        E,
        r"(?:can not breathe|can barely breathe|hard to breathe|trouble breathing|difficulty breathing|short of breath|struggling to breathe)",
        needs="taken",
    ),
    rule(
        "emergency.lips",
        E,
        r"(?:(?:lips|face|skin|fingers|fingertips|nails|mouth) (?:are |is |look |looks |looking |turned |turning |going |gone |went |have |has |getting |kind of |very |really |a bit |slightly |all |like )*"
        r"(?:blue|bluish|grey|gray|greyish|grayish|purple|purplish|ashen|pale blue)|"
        r"(?:blue|bluish|grey|gray|purple|purplish) (?:lips|face|fingertips|fingernails|nails)|turning (?:blue|grey|gray|purple)|cyanotic|cyanosis|found (?:him|her|them|my [a-z]+) (?:all |kind of |a bit )?(?:blue|grey|gray))",
        unless=COSMETIC,
    ),
    rule(
        "emergency.snoring",
        E,
        r"(?:gurgl\w*|death rattle|rattling (?:sound|noise|breath)\w*|choking (?:sound|noise)\w*|"
        r"(?:weird|strange|loud|deep|heavy|odd|funny) snor\w*|snor\w* (?:weirdly|strangely|loudly|really loud))",
    ),
    rule("emergency.snoring", E, r"snor(?:ing|es)", needs="overdose"),
    rule("emergency.drowsy", E, DROWSY, needs="overdose"),
    rule(
        "emergency.overdose",
        E,
        rf"(?:(?:overdosing|overdosed)(?! on (?!(?:(?:my|his|her|their|the|some|those|these|a|an) )*(?:{DRUGISH}|{MIX}|it|them|something)))|took an overdose|taken an overdose|having an overdose|had an overdose|"
        r"(?:think|thinks|might|may|could) (?:have |be |had )?(?:an )?overdose|(?:am|is|are) (?:i |he |she |they )?overdosing)",
    ),
    rule(
        "emergency.amount",
        E,
        rf"{TAKEN} (?:{GAP}{{0,7}}?)(?:like |about |around |maybe |almost |over |at least )?{STRONG_AMOUNT}",
    ),
    rule("emergency.amount", E, rf"{TAKEN} (?:{GAP}{{0,3}}?){WEAK_AMOUNT}", needs="drug"),
    rule(
        "emergency.amount",
        E,
        r"(?:took|taken|swallowed|popped|downed) (?:way |far |a few |a lot |so )?too (?:many|much)",
    ),
    rule(
        "emergency.amount",
        E,
        rf"(?:found|finding|there is|there s) (?:{GAP}{{0,3}}?)empty (?:pill )?(?:bottle|pack|packet|box)",
    ),
    rule("emergency.child", E, rf"{CHILD} (?:{GAP}{{0,6}}?){CHILD_INGESTION}", needs="drug"),
    rule(
        "emergency.child",
        E,
        r"(?:swallowed|ate|eaten|chewed|got into|took|taken|had|licked|sucked on) (?:a few|some|one|1|2|3|a couple|a pill|a tablet|part of|half|it|them|one of)",
        needs="child",
    ),
    rule(
        "emergency.seizure",
        E,
        r"(?:(?:having|is having|is in|went into|gone into|going into|has just had|just had|started having) (?:a |an )?(?:seizures?|convulsions?|grand mal)(?! disorder)|"
        r"(?:is |are |keeps |started |starting |began |begun |now )?(?:seizing|convulsing)(?! disorder)|seizure (?:right )?now|"
        r"(?:shaking|jerking|twitching) (?:uncontrollably|all over|and (?:not responding|unresponsive|foaming))|(?:is|are|keeps) fitting|foaming at the mouth)",
    ),
    rule(
        "emergency.seizure",
        E,
        r"(?:having|is having|is in|went into|gone into|going into|has just had|just had|started having) (?:a |an )?fits?",
        unless=TANTRUM,
    ),
    rule(
        "emergency.breathing",
        E,
        r"(?:breathing|breathes|breaths?) (?:[^ .?!;]+ ){0,3}?(?:[1-9]|1[01]) (?:times |breaths )?(?:a|per|each|every) minute|"
        r"(?:gasping|wheezing|choking|grunting|snorting)(?! (?:in|at|with|for) (?:surprise|shock|horror|delight|laughter|the view))",
        needs="taken",
    ),
    rule(
        "emergency.sedated",
        E,
        rf"(?:can not|could not|unable to|can barely) (?:get|keep) {WHO} (?:up|awake|to stand|to sit up|on (?:his|her|their) feet)",
        needs="taken",
    ),
    # ---- generalized: a sign cluster plus a cue anywhere in the clause or the conversation ------
    rule("emergency.unresponsive", E, NO_RESPONSE, unless=THINGS),
    rule("emergency.breathing", E, BREATHING, unless=SLEEP_TALK),
    rule("emergency.seizure", E, SEIZURE),
    rule("emergency.sedated", E, ALARM, needs="taken", unless=THINGS),
    rule("emergency.unresponsive", E, rf"{ALARM} (?:and|but|,) (?:{GAP}{{0,3}}?){ALARM}", unless=THINGS),
    # A child near pills: a pill in the mouth, an open bottle, or sleepy and unsteady now.
    rule(
        "emergency.child",
        E,
        rf"(?:{DRUGISH}|one|some) in (?:his|her|their) mouth|(?:bottle|container|cabinet|purse|bag|organizer) (?:was |is |wide )?open|open (?:pill )?(?:bottle|container|pack|packet|box)|"
        rf"(?:{DRUGISH}|some|a few|one|two|2|3) (?:are |were |is |was )?missing|missing (?:{DRUGISH})|count is off|{CHILD_SIGNS}",
        needs="child",
    ),
)
