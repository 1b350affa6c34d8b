# ruff: noqa: E501  (regex data reads best one alternative group per line)
"""Word lists and regex fragments shared by the safety rules (rules/*.toml name them as {NAME}) and by
the router's modifiers and context (data only, no logic).

Fragments match the normalized text: lowercase, no accents, contractions expanded
("can't" -> "can not"), tokens separated by one space, punctuation kept as its own token.
"""

from __future__ import annotations

# ---- regex fragments ------------------------------------------------------------------------

GAP = r"(?:[^ .?!;]+ )"  # one token that is not a sentence end
DRUG = (
    r"(?:clonazepam|klonopin|rivotril|clonex|klonnies|klons?|clons?|clonz|klonz|clonas?|kpins|k pins|pins?|pinz|benzos|benzoz|"
    r"[ck]lon[a-z]{0,4}(?:pins?|pams?|pans?|pines?)|"
    r"benzodiazepines?|downers|tranqs?|tranquilizers?|tranquilizantes?|xanax|xannies|zannies|valium|"
    r"ativan|diazepam|alprazolam|lorazepam|nerve pills?|sleeping pills?)"
)
GENERIC = (
    r"(?:pills?|meds|medications?|medicines?|tablets?|tabs|capsules?|caps|prescriptions?|scripts?|pastillitas?|"
    r"doses|dosage|bottle|pastillas?|pildoras?|medicamentos?|medicinas?|tabletas?|comprimidos?|"
    r"capsulas?|frasco|receta|dosis)"
)
# "my anxiety meds", "her little yellow pills": a few describing words before a generic name.
GENERIC_MODIFIER = (
    r"(?:anxiety|anti anxiety|panic|nerve|nerves|sleep|sleeping|seizure|benzo|prescription|prescribed|daily|"
    r"nightly|night|bedtime|morning|little|small|tiny|yellow|blue|green|white|orange|pink|purple)"
)
DRUGISH = rf"(?:{DRUG}|(?:{GENERIC_MODIFIER} ){{0,2}}{GENERIC})"
OBJECT = (
    r"(?:(?:my|his|her|their|the|your|these|those|this|all|of|any|some|rest|remaining|leftover|remainder) )*"
    r"(?:\d+(?:\.\d+)? ?mg (?:of )?)?"
    rf"(?:{DRUGISH}|it|them|mine|hers)"
)

MIX = (
    r"(?:alcohol|etoh|drinking|drank|drinks|drunk|booze|vodka|whiskey|whisky|beers?|wine|liquor|shots|tequila|"
    r"rum|gin|rose|champagne|prosecco|margaritas?|seltzers?|cocktails?|opioids?|opiates?|oxy|oxycodone|oxycontin|percocets?|percs|vicodin|hydrocodone|fentanyl|"
    r"fent|heroin|morphine|methadone|codeine|lean|tramadol|suboxone|dilaudid|painkillers?|pain pills|"
    r"ambien|zolpidem|zopiclone|sleeping pills|sleep meds|gabapentin|lyrica|pregabalin|alcohol|cerveza|vino|tequila|licor|opioides|fentanilo|heroina)"
)

TAKEN = (
    r"(?:took|taken|swallowed|ate|eaten|popped|downed|chewed|snorted|consumed|has had|have had|had|"
    r"gobbled|necked|overdid|ingested|ingesting|doubled up on|double dosed on|tomo|tome|tomado|trago|trague|ingirio|comio|se tomo|se trago)"
)
PILLISH = (
    rf"(?:{DRUG}|pills?|tablets?|tabs|capsules?|caps|bars(?! of)|bottle|meds|medications?|prescription|script|supply|stash|"
    r"pastillas?|pildoras?|tabletas?|comprimidos?)"
)
# A count of pills (4 or more) or a dose of 10 mg or more, followed by something that makes it a dose.
COUNT = (
    r"(?<![\d.])(?<!\bat )(?<!\buntil )(?<!\bsince )(?<!\bbefore )(?:[1-9]\d+(?:\.\d+)? mg|(?:[4-9]|[1-9]\d+)(?:\.\d+)?"
    rf"(?= ?$| [.?!;,]| (?:[a-z]+ )?{DRUGISH}| {MIX}| \d| bars(?! of| on)| x \d| (?:of|more|extra|or|and|at|in|within|tonight|today|just|like|"
    r"last|this|an|hours|minutes|his|her|my|their|de|mas|y)\b))"
)
STRONG_AMOUNT = (
    r"(?:(?:a |the |un |una )?(?:handfuls?|fistfuls?|punado|punados|monton)|(?:\d+|a couple of|several) (?:strips|packs|blisters|sheets|bottles|boxes)|"
    r"(?:a |the |an |his |her |my |their |whole |entire )*(?:whole|entire|full|complete) (?:new )?"
    r"(?:(?:month|months|week|weeks|30 day|90 day|monthly|weekly) )?"
    r"(?:bottle|pack|packet|box|strip|blister|prescription|script|supply|sheet|card|vial|jar|sleeve|tube|roll|bag|baggie)|"
    rf"all (?:of )?(?:(?:my|his|her|their|the|your|those|these|our|remaining|leftover) )+(?:{GAP}?){PILLISH}|"
    rf"all of (?:them|it)|them all|all {PILLISH}|the rest of (?:(?:the|my|his|her|their) )+(?:{GAP}?){PILLISH}|"
    r"(?:way |far |much |a lot |lots |many |a bunch |a ton |tons |several |so much |so many )?more "
    r"(?:[^ .?!;]+ ){0,3}?than (?:(?:he|she|they|i|you) )?(?:(?:is|are|am|was|were) )?(?:supposed to|should|"
    r"usual|usually|normal|normally|prescribed|recommended|directed|allowed|the (?:prescribed )?dose|"
    r"(?:his|her|my|their|the) (?:usual |normal |prescribed |regular )?(?:dose|amount|prescription))|"
    r"\d+ ?x (?:(?:my|his|her|their|the) )?(?:(?:normal|usual|prescribed|regular) )?(?:dose|amount)|"
    r"(?:double|triple|quadruple|twice|three times|\d+ times) (?:(?:my|his|her|their|the) )?(?:(?:normal|usual|prescribed|regular) )?(?:dose|amount)|"
    rf"(?:half|most) (?:of )?(?:the |his |her |my |their |a )(?:{GAP}?){PILLISH}|"
    r"everything (?:[^ .?!;]+ ){0,3}?(?:in|from|left in) (?:the|his|her|my|their|that) (?:[a-z]+ )?(?:bottle|pack|box|cabinet|container)|"
    r"(?:a |the |his |her |my |their )?(?:whole |entire |full )?(?:\d+ )?(?:weeks?|months?|days) (?:worth|supply)|"
    rf"(?:whole|entire|full) (?:weeks?|months?) (?:of )?(?:{PILLISH}|doses)|"
    rf"every (?:single )?(?:{PILLISH}|one|dose|last one) (?:i|he|she|they|we) (?:have|has|had|got|could find)|"
    rf"every (?:single )?(?:last )?(?:{PILLISH}) (?:in|left|from)|"
    rf"{COUNT}|toda la caja|todo el frasco|el frasco entero|la caja entera|todas (?:las|mis|sus)|"
    r"muchas|demasiadas)"
)
WEAK_AMOUNT = (
    rf"(?:(?:too|2) (?:many|much)|a lot (?:of )?|lots of|a bunch (?:of )?|a ton (?:of )?|tons of|loads of|a (?:pile|heap|load) of|piles of|"
    rf"a few too many|extra|double|triple|several) ?(?:(?:of )?(?:my |his |her |the |their )?(?:{DRUGISH}|them|it))?"
)
DROWSY = (
    r"(?:slurr\w*|(?:heart|pulse|heartbeat|heart rate) (?:feels |is |seems |going )?(?:really |very |so |super )?(?:slow|weak|faint)|(?:very |really |so |super )?confused|confusion|disoriented|incoherent|"
    r"(?:can not|can barely|barely|could not|could barely) (?:talk|speak|stand|walk|stay awake|keep awake|"
    r"keep (?:his|her|their|my) eyes open|open (?:his|her|their|my) eyes|move|lift (?:his|her|my|their) head|hold (?:his|her|my|their) head up)|nodding (?:off|out)|"
    r"(?:room|everything) (?:is )?spinning|(?:about to|going to) (?:black|pass) out|"
    r"keeps? (?:falling asleep|nodding|passing out|dozing)|passing out|out of it|zonked|lethargic|floppy|"
    r"not making sense|stumbling|falling over|barely awake|"
    r"(?:very|really|so|super|extremely|too|incredibly|way too) (?:drowsy|sleepy|tired|groggy|sedated|out of it)|"
    r"(?:very|really|so|super|extremely) (?:woozy|dizzy|weak|heavy)|woozy|mumbl\w*|(?:throwing|threw) up|vomit\w*|"
    r"(?:feel|feels|feeling) (?:really |so |very )?(?:weird|strange|heavy|off|wrong)|"
    r"sleepy|drowsy|groggy|"
    r"somnolient[oa]|adormilad[oa]|mareado|mareada|muy dormid[oa])"
)
CHILD = (
    r"(?:child|children|kid|kids|toddler|baby|infant|son|daughter|grandson|granddaughter|grandchild|"
    r"grandkid|nephew|niece|little one|little boy|little girl|little brother|little sister|boy|girl|"
    r"\d+ (?:year|yr|month|mo|mos|months) old|\d+ (?:yo|mo|mos|months|month)|little (?:bro|sis)|baby (?:brother|sister)|grandbaby|"
    r"(?:he|she) is (?:like |only |just |about )?[1-6](?: years? old)?(?= ?$| [.?!;,])|hijo|hija|nino|nina|bebe|nene|nena|sobrino|sobrina|nieto|nieta)"
)
STOP = (
    r"(?:stop|stopping|stopped|quit|quitting|drop|dropping|dropped|come off|coming off|came off|took (?:me|him|her|them) off|"
    r"get off|getting off|got off|go off|going off|went off|kick|kicking|ditch|ditching|give up|"
    r"giving up|gave up|cut out|cutting out|cut off|discontinue|discontinuing|discontinued|be done with|"
    r"be off|done with|wean off|ween off|taper off|get clean|stop using|stop taking|quit taking|"
    r"stopped taking|quit using|cease|ceasing)"
)
ABRUPT = (
    r"(?:cold turkey|all at once|at once|in one go|suddenly|abruptly|immediately|overnight|straight away|"
    r"right away|right now|tomorrow|tonight|today|this weekend|this week|now(?! that)|as soon as possible|"
    r"(?:in|within) (?:a |1 |2 |3 |a few |a couple of |few |one |just )?(?:days?|weeks?|week)|"
    r"(?:by|on|this|next|come) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|by (?:tomorrow|the weekend|next week)|over the (?:weekend|next few days|next couple of days|holidays)|next weekend|"
    r"without (?:a |any )?(?:taper|tapering|weaning|reducing|cutting down|a plan)|no taper|"
    r"starting (?:today|tomorrow|tonight|now)|from (?:today|tomorrow|now on))"
)
SUPERVISED = (
    r"(?:(?:with|under|by) (?:my |the |a |his |her |our )?(?:doctor|doc|psychiatrist|prescriber|gp|"
    r"physician|pharmacist|nurse|clinic|medical (?:team|supervision)|supervision|care team)|"
    r"(?:doctor|psychiatrist|prescriber|gp|physician|pharmacist)(?: s)? (?:plan|schedule|taper|supervision|"
    r"wants me|has me|put me|is tapering|told me to taper|advised)|supervised|taper (?:plan|schedule)|"
    r"(?:slow|gradual|gradually|slowly) (?:taper|tapering|reduc)|con (?:mi |el )?(?:medico|doctor|psiquiatra)|"
    r"(?:set up|made|wrote|gave me|put me on) (?:a |the |my )?(?:taper |tapering )?(?:plan|schedule)|(?:so |and )?we are tapering|"
    r"supervision medica|poco a poco|gradualmente|(?:medico|doctor|psiquiatra) (?:me |le )?(?:esta |va )?(?:bajando|reduciendo))"
)

# ---- person, time and question cues (used by the modifiers) ---------------------------------

STAFF_WORDS = (
    r"\b(?:caller|callers|client|patient|the person on the line|visitor|llamante|paciente|usuario)\b"
)
THIRD_WORDS = (
    r"\b(?:he|she|they|him|her|his|them|my (?:friend|mom|mother|dad|father|sister|brother|son|daughter|"
    r"wife|husband|partner|boyfriend|girlfriend|roommate|grandma|grandpa|aunt|uncle|cousin|kid|child|baby)|"
    r"el|ella|mi (?:amigo|amiga|mama|madre|papa|padre|hermano|hermana|hijo|hija|esposo|esposa|novio|novia))\b"
)
FIRST_WORDS = r"\b(?:i|me|my|myself|yo|mi|me)\b"
GENERIC_SUBJECT = frozenset(
    {
        "someone",
        "somebody",
        "person",
        "people",
        "you",
        "your",
        "one",
        "anyone",
        "anybody",
        "alguien",
        "persona",
        "uno",
        "usted",
        "patients",
        "users",
        "a",
    }
)
SPECIFIC_SUBJECT = frozenset(
    {
        "i",
        "me",
        "my",
        "myself",
        "he",
        "she",
        "him",
        "her",
        "his",
        "we",
        "our",
        "they",
        "them",
        "their",
        "caller",
        "yo",
        "mi",
        "ella",
        "friend",
        "mom",
        "dad",
        "sister",
        "brother",
        "son",
        "daughter",
        "wife",
        "husband",
        "partner",
        "boyfriend",
        "girlfriend",
        "roommate",
        # Spanish: first-person verbs carry the subject ("como puedo dejarlo en 3 dias"), and family
        *("puedo", "tengo", "quiero", "voy", "debo", "estoy", "llevo", "tomo", "mis", "mama", "papa"),
        *("hermana", "hermano", "hijo", "hija", "esposo", "esposa", "novio", "novia", "amigo", "amiga"),
    }
)
QUESTION_START = frozenset(
    {
        "is",
        "are",
        "can",
        "could",
        "does",
        "do",
        "did",
        "what",
        "how",
        "why",
        "which",
        "when",
        "should",
        "would",
        "will",
        "es",
        "son",
        "que",
        "como",
        "cuales",
        "cual",
        "puede",
        "pueden",
        "por",
        "cuanto",
        "cuantos",
        "cuantas",
        "cuando",
        "donde",
    }
)
NEGATIONS = frozenset(
    {"not", "no", "never", "nor", "without", "denies", "denied", "deny", "nunca", "jamas", "ni", "none"}
)
NOT_NEGATION_AFTER = frozenset({"sure", "know", "think", "idea", "certain", "only", "just", "se", "stop"})

ES_WORDS = frozenset(
    "el la los las que de del y en un una mi mis se por para con es esta estoy tengo quiero pastillas "
    "como lo le muy pero ya su sus tomo hace esto eso pasa puedo despierta dejar golpe morir nada "
    "porque cuando donde tiene amiga amigo hermana hermano hijo hija mama papa novio novia ayuda "
    # words the Spanish dictionary of the typo fixer misses once accents are gone (normalize._fuzzy)
    "anos ano dias semanas meses manana despues tambien asi aqui".split()
)
EN_WORDS = frozenset(
    "the and is are i my you to of it in he she what how with have not do can took will "
    "this that be was her his they at on for if just pills want please help pin".split()
)
