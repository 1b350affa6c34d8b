# ruff: noqa: E501  (regex data reads best one alternative group per line)
"""Everyday words for danger signs, used by the generalized rules (data only, no logic).

Each fragment is a cluster of ways to say one thing, so a rule can pair a sign with a cue
(a drug taken, a person, a time) anywhere in the clause instead of relying on one word order.
Fragments match normalized text (see lexicon.py).
"""

from __future__ import annotations

GAP = r"(?:[^ .?!;]+ )"
WHO = (
    r"(?:him|her|them|me|my (?:[a-z]+ )?[a-z]+|his [a-z]+|the (?:[a-z]+ )?[a-z]+|our [a-z]+|mom|dad|grandma|grandpa|"
    r"caller|patient|pt|client|he|she|they)"
)

# Alarming in anyone who has taken a drug, whatever the amount: unresponsive or barely conscious.
ALARM = (
    r"(?:(?:can not|could not|can barely|unable to|can hardly) keep (?:him|her|them|me|my [a-z]+|(?:his|her|their|my) eyes) (?:awake|up|open)|"
    r"(?:keeps?|keep on|is|are|started|starting) (?:passing out|blacking out|losing consciousness|slumping|dropping off|going under|nodding off|drifting off|dozing off|zoning out|falling asleep)|"
    r"slumped (?:over|down|against|on)|"
    r"(?:will not|would not|does not|did not|is not|are not|not|can not|never) (?:answer|answering|respond|responding|react|reacting|wake|waking)"
    r"(?: (?:to )?(?:me|us|anything|anyone|when i|my voice|(?:his|her|their) name|being shaken|shaking|a thing))|"
    r"(?:barely|hardly|half|not really|only half) (?:awake|conscious|responsive|responding)|"
    r"(?:hard|impossible|difficult|really hard|so hard) to (?:wake|rouse|keep awake|wake up)|"
    r"(?:passed|passing) out|out cold|knocked out cold|(?:not|is not|can not|barely|hardly) (?:moving|making sense|breathing right)|"
    r"(?:acting|seems|looks|is) (?:really |very |so )?(?:drunk|drugged|wasted|out of it)|floppy|limp|drooling|"
    r"head (?:keeps |is |keep )?(?:dropping|falling|lolling|flopping|slumping|rolling)|pupils (?:are )?(?:tiny|pinpoint|pinned)|pinpoint pupils|"
    r"(?:pale|grey|gray) and (?:sweaty|clammy|cold)|(?:cold and clammy|clammy and cold|clammy|pale and cold|cold to the touch|grey and cold)|"
    r"(?:can not|can barely|barely) (?:stay awake|keep my eyes open|keep awake|hold my head up|lift my head)|"
    r"(?:does not|do not|did not) (?:know|recognize|recognise) (?:where (?:he|she|they|i) (?:is|are|am)|(?:me|us|anyone))|"
    r"nodding off mid|(?:keep|keeps) forgetting to breathe|"
    r"(?:i am|i feel like i am) (?:fading|going under|slipping away|losing consciousness))"
)

# Unresponsive, whatever was taken: getting no response at all.
NO_RESPONSE = (
    rf"(?:(?:can not|could not|unable to|not able to|can not seem to) (?:get|wake) (?:a |any )?(?:response|reaction|answer|sound|word) (?:out of|from) {WHO}|"
    rf"no (?:response|reaction) (?:at all )?(?:from|out of) {WHO}|"
    rf"(?:can not|could not|unable to) (?:get|bring) {WHO} (?:to )?(?:come|come to|come round|come around|come back)|"
    r"no (?:response|reaction) (?:at all )?to (?:voice|touch|pain|shaking|shouting|(?:his|her|their) name|anything|being shaken|sternum rub)|"
    r"sternum rub (?:does nothing|did nothing|nothing|no response|does not|did not)|only (?:opens?|opening) (?:his |her |their )?eyes (?:to|when)|"
    r"only (?:responds?|reacts?|groans?|moans?) (?:to|when) (?:pain|shouting|shaking|sternum rub|pinch\w*)|"
    r"(?:will not|would not|does not|is not|not) (?:come|coming) (?:to|round|around)(?! (?:the|my|our|your|his|her|a|an|this|that|dinner|school|work|party|class|church))|"
    r"(?:eyes|eye) (?:are |is )?(?:open|half open) but (?:he|she|they|it) (?:is|are) not (?:responding|reacting|there|answering))"
)

# Breathing, pulse and colour, in everyday words (no drug needed: these are emergencies as such).
BREATHING = (
    r"(?:(?:only|barely|hardly|just about|not) (?:breathes|breathing|taking breaths)(?! (?:through|exercises?|techniques?|properly when i|in a bag))|"
    r"(?:breaths?|breathing|breathes) (?:[^ .?!;]+ ){0,3}?(?:every (?:now and then|few seconds|once in a while|\d+ (?:or \d+ )?seconds)|(?:muy |bien |super )?(?:despacio|despacito|lento|lenta)|"
    r"(?:so |really |very |super )?far apart|tiny|few and far between|(?:so |really |very |super )?slowly|rattl\w*|awful|horrible|scary|wrong|not right|funny|"
    r"(?:stopped|stops|stopping) (?:for|and)|keeps? stopping|(?:very|really|so|super) (?:quiet|faint|slow|shallow|weak))|"
    r"(?:can not|can barely|barely|could not|can hardly|hardly) (?:hear|see|feel|tell if) (?:him |her |them |my [a-z]+ )?(?:breath\w*|(?:him|her|them|he|she|they|my [a-z]+) (?:is |are )?breath\w*)|"
    r"(?:forget|forgets|forgetting|forgot) to breathe|"
    r"(?:do not|does not|did not) (?:think|look like|seem like|seem to be|seem) (?:he|she|they|it|my [a-z]+|the [a-z]+)? ?(?:is |are )?(?:still )?breathing|"
    r"(?:not sure|unsure|can not tell|do not know) (?:if |whether )?(?:he|she|they|my [a-z]+) (?:is |are )?(?:still )?breathing|"
    r"chest (?:is |are )?(?:barely|hardly|not|no longer|only just) (?:moving|rising|going up|goes up|rises|moves)|"
    r"(?:can not|could not) (?:feel|find|get) (?:a |his |her |their |any )?pulse|(?:no|weak|faint|barely a) pulse|"
    r"pulse (?:is |feels )?(?:really |very |so )?(?:weak|faint|thready)|"
    r"blue (?:around|round) (?:the|his|her|their) (?:mouth|lips)|(?:lips|face) (?:are |is )?(?:dusky|going dark|dark blue)|"
    r"(?:snor\w*|gurgl\w*|rattl\w*) (?:and|but) (?:[^ .?!;]+ ){0,3}?(?:can not|will not|not|never) (?:wake|waking|respond\w*))"
)

# A seizure happening now, in everyday words.
SEIZURE = (
    r"(?:(?:having|going into|gone into|went into|started having|is having|keeps having|just had) (?:what (?:looks|seems|looked|seemed) like )?(?:a |an |another )?(?:seizures?|convulsions?)(?! disorder| medication| meds)|"
    r"(?:floor|ground|bed|couch|sofa) (?:[^ .?!;]+ ){0,2}?(?:fitting|convulsing|seizing|jerking|twitching|shaking and jerking)|"
    r"(?:fitting|seizing|convulsing) (?:and (?:will not|can not) stop|again|right now|now|on the)|"
    r"(?:went|gone|going|is|went all|is all) (?:stiff|rigid) (?:and|then) (?:[^ .?!;]+ ){0,2}?(?:jerk\w*|shak\w*|twitch\w*|convuls\w*)|"
    r"(?:jerking|twitching|shaking|convulsing|fitting) (?:on|all over|across) the (?:floor|ground)|"
    r"(?:jerking|twitching|shaking|convulsing) (?:uncontrollably|all over|violently|and (?:foaming|not responding|unresponsive|will not stop|can not stop|drooling)))"
)

# A child's mouth, hands or stomach meeting pills.
CHILD_INGESTION = (
    r"(?:swallowed|swallowing|ate|eaten|eating|took|taken|got into|gotten into|getting into|chewed|chewing|licked|sucked on|"
    r"found and ate|got hold of|got ahold of|has had|had some|had one|had a|had two|had 2|"
    r"(?:might|may|could|must) have (?:eaten|swallowed|taken|had|gotten into|chewed)|put (?:[^ .?!;]+ ){0,4}?in (?:his|her|their) mouth)"
    r"(?! (?:his|her|their) (?:own )?(?:[a-z]+ )?(?:meds|medication|medicine|dose|pills?|vitamins?|adhd|antibiotics?|nap|phone))"
)

# A young child's signs after getting at pills (with a child and a drug in the conversation).
CHILD_SIGNS = (
    r"(?:(?:acting|seems|is|looks|became|getting|gotten|so|very|really|super) (?:[^ .?!;]+ )?(?:sleepy|drowsy|wobbly|unsteady|floppy|drunk|dopey|limp|out of it|hard to wake)|"
    r"(?:wobbly|unsteady|stumbling|falling over|can not (?:stand|walk|sit up))|(?:will not|can not|does not) (?:wake|stay awake|keep (?:his|her) eyes open))"
)
