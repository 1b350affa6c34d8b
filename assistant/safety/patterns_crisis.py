# ruff: noqa: E501  (regex data reads best one alternative group per line)
"""English crisis rules (data): suicidal thoughts, lethal amounts, self-harm, someone announcing it.

Clear suicidal intent routes whatever drug is (or is not) named. Besides fixed phrasings, the
generalized rules cover indirect wording: ending it, no point, goodbyes, not being around, being
better off gone, a plan or a method, self-harm without an object, and "will N pills kill me".
"""

from __future__ import annotations

from assistant.reply import Route
from assistant.safety.lexicon import COUNT, DRUG, DRUGISH, GAP, PILLISH, STRONG_AMOUNT
from assistant.safety.rule import NO_HYPOTHETICAL, rule

C = Route.CRISIS
HYPERBOLE = ((r"(?:laughing|laughter|embarrassment|shame|cuteness|boredom|of cringe)", "none.idiom"),)
JOKE = (
    (
        r"(?:lol|lmao|haha\w*|jk|joking|meeting|lecture|class|homework|traffic|exam|test|this (?:day|week|job|song))",
        "none.idiom",
    ),
)
ACCIDENT = (
    (
        r"(?:accidentally|accident|fell|falling|slipped|at the gym|playing|working out|lifting|cooking|shaving|kitchen|knife slipped)",
        "none.idiom",
    ),
)
# "ending it" with a partner, a contract or a game is not about a life.
NOT_A_LIFE = (
    (
        r"(?:(?:it|things|it all) (?:off )?with (?:him|her|them|my|the|a|this|that)|between us|relationship|marriage|"
        r"friendship|affair|on a (?:good|high) note|end it here|the call|the meeting|the game|the chat)",
        "none.idiom",
    ),
)
ELSEWHERE = (
    (
        r"(?:appointment|work|trip|vacation|holiday|out of town|office|travel\w*|busy|meeting|visiting|away|camp)",
        "none.idiom",
    ),
)
SPORT = (
    (
        r"(?:bungee|diving|pool|lake|river for fun|into the water|parachute|skydiv\w*|base jump\w*|for fun|on a dare|movie|stunt)",
        "none.idiom",
    ),
)
SELF = r"(?:myself|himself|herself|themselves|themself)"
END = r"(?:end|ending|ended|finish|finishing)"
AMOUNT_SUBJECT = (
    rf"(?:all (?:of )?(?:my |his |her |these |those |the )?|the (?:whole|entire|rest of the|full) |a (?:whole |full )?(?:bottle|pack|box) |"
    rf"these |those |this many |that many |my (?:whole )?|(?:{COUNT}|\d+) )"
)

# A death by suicide mourned, or suicide as a subject, is not someone announcing it.
BEREAVEMENT = (
    (
        r"(?:(?:died|dies|death|lost (?:[a-z]+ ){1,3}?to) (?:by |of |from |to )?suicide|suicide (?:of|rate|rates|prevention|hotline|line|awareness|statistics|survivors?|loss|note in the)|"
        r"after (?:his|her|their|my [a-z]+) suicide|(?:his|her|their) suicide (?:years|months|last|in))",
        "none.past",
    ),
)

RULES = (
    rule("crisis.suicidal", C, r"suicidal|suicide", unless=BEREAVEMENT),
    rule(
        "crisis.suicidal",
        C,
        r"(?:kill (?:myself|himself|herself|themselves|themself)|killing (?:myself|himself|herself|themselves)|"
        r"(?:end|ending|take|taking) (?:my|his|her|their) (?:own )?life|(?:end|ending) it all|(?:end|ending) (?:it|everything) (?:tonight|today|now)|"
        r"(?:want|wants|wanted|wanting|wish|wishes|wishing|going|ready|plan|planning|tempted|decided|deserve|deserves) to (?:just )?"
        r"(?:die|be dead|not exist|not be here|not be alive|disappear forever|sleep forever|go to sleep forever|end it)|"
        r"wish (?:i|he|she|they) (?:was|were|had) (?:dead|never been born)|better off (?:dead|gone)|better off without (?:me|him|her)|"
        r"(?:do not|does not|can not|no longer) see (?:the|any) point(?: (?:anymore|any more|of (?:living|life|anything|going on|being here)|in (?:living|anything|going on|trying|being here)))?(?= ?$| [,.!;]| and| anymore)|"
        r"(?:do not|does not|no longer) (?:want|wish) to (?:live|be alive|be here|exist|wake up|go on|keep going|keep living)|"
        r"no (?:reason|point) (?:to|in) (?:live|living|go on|going on|keep going|being alive)|not worth living|nothing (?:left )?to live for|(?:passive )?death wish|"
        r"(?:would not|would|do not|does not) (?:really )?mind (?:if i )?(?:not waking up|never waking up|dying|being dead|if i died|not being here|not existing)|"
        r"(?:join|be with) (?:him|her|them|dad|mom|my (?:late )?[a-z]+) (?:in heaven|on the other side|up there|wherever (?:he|she|they) (?:is|are))|"
        r"(?:never|not) (?:wake|waking) up again|(?:wants?|wanting|hopes?|hoping|hoped|wish|wishes|wishing|wished|prays?|praying|like|rather|prefer) (?!(?:[^ .?!;]+ ){0,2}(?:baby|babies|kids?|toddler|twins|dogs?|neighbou?rs?|house|roommates?)\b)(?:[^ .?!;]+ ){0,4}(?:never|not) (?:wake|waking) up(?! (?:before|until|till|early|so early|at \d|the (?:neighbou?rs|baby|kids?|house)|in the night))|"
        r"sleep and (?:never|not) wake|(?:tired|sick) of (?:living|life|being alive|existing)|done with (?:life|living)|"
        r"(?:want|need|wish) (?:it|everything|this|it all|all of this) (?:all )?to (?:end|stop|be over)|"
        r"(?:can not|could not) (?:do|take) (?:this|it) (?:anymore|any more)(?= [^.?!;]*(?:end|die|dead|over|gone|disappear))|"
        r"(?:life|it|living) (?:is not|is no longer|is not really) worth (?:it|living)|"
        r"(?:nobody|no one) would (?:miss|care|notice)|(?:nobody|no one) (?:would |will |even )?(?:cares?|notices?|miss me|misses me)(?: if| whether| when) i (?:live|die|lived|died|am gone|was gone|disappear|disappeared|was dead)|"
        r"(?:can not stop|can not quit|keep|keeps|always|constantly|been) thinking (?:about|of) (?:dying|being dead|killing myself|ending (?:it|my life)|not being here|not waking up|my death|suicide)|"
        r"(?:can not|do not think i can|not sure i can|do not know if i can|do not know how (?:much )?(?:longer )?i can) (?:go on|keep going|keep living|hold on (?:much longer|any longer|anymore))|(?:if|when) i (?:was|were|am) gone|disappear forever|"
        r"(?:pills|meds|klonopin|clonazepam|benzos|pins|tablets) (?:all )?(?:saved|stashed|hidden|put away|hoarded)(?: up)? (?:for when (?:i|he|she) (?:am|is) ready|for the end|until (?:i|he|she) (?:am|is) ready|for (?:that|one) day)|stockpil\w*|(?:hoard\w*|sav(?:e|ed|ing)(?: up)?|collect(?:ed|ing)|stash(?:ed|ing)) (?:up )?(?:all )?(?:(?:my|the|his|her|their|these|those|some|of) )*(?:pills|meds|klonopin|clonazepam|benzos|pins|tablets)(?: up)?"
        r"(?= ?$| [,.!;]| for when| for (?:the end|later|one day|a reason|that)| so| until| to| in case i| because i| just in case| and (?:plans?|is going|wants?|will|intends?) to (?:take|swallow|use))(?! for (?:the |my )?(?:trip|travel|vacation|flight|emergenc\w+|bad days|panic attacks?|refills?|insurance))(?! in case of)|"
        r"(?:overdose|od) on purpose|(?:want|wants|going|plan|planning) to (?:overdose|od)|"
        r"(?:want|wants|need|needs) (?:[^ .?!;]+ ){0,2}to kill me|can not go on|"
        r"(?:sent|texted|wrote|left|posted) (?:me |us )?(?:a )?(?:goodbye|suicide) (?:note|letter|message|text)|giving away (?:his|her|my|their) (?:stuff|things|belongings))",
        unless=HYPERBOLE,
    ),
    rule(
        "crisis.lethal_amount",
        C,
        rf"(?:how many|how much|what amount|what dose|which dose|number of|amount of|what number of) (?:{GAP}{{0,12}}?)"
        r"(?:kill|killed|kills|lethal|fatal|deadly|die|dead|death|overdose|od|never wake|not wake|end (?:it|my life)|unalive|sleep forever|sleep for good|sleep permanently)|"
        r"(?:lethal|fatal|deadly|killing) (?:doses?|dosages?|amounts?|quantity|quantities|levels?|numbers?)|"
        rf"how many (?:of )?(?:(?:his|her|my|their|the|these|those) )?(?:{GAP}?)(?:{DRUGISH}|of them) (?:it )?(?:would|will|does|did) (?:it )?take(?= ?$| [.?!;,]| to (?:die|kill|end|never|not wake|do it|be enough|go))|"
        r"(?:dose|amount) (?:that|which|to|would|will|could) (?:kill|be lethal|be fatal|end)|what would it take to (?:die|kill|end)|"
        rf"enough (?:{DRUGISH} |of them |of it |pills )?to (?:kill|die|end|never wake|not wake|overdose|od)",
        checks=frozenset({"negation"}),
    ),
    rule(
        "crisis.self_harm",
        C,
        r"(?:cut|cutting|burn|burning|burned|burnt|hurt|hurting|harm|harming|harmed|injure|injuring|injured|punish|punishing|starve|starving) "
        r"(?:myself|himself|herself|themselves|themself)|self (?:harm|harming|injury|injuring|injure|mutilation|hurt)|selfharm",
        unless=ACCIDENT,
    ),
    rule(
        "crisis.intent_overdose",
        C,
        rf"(?:going to|want to|plan to|planning to|about to|will|(?:think|thinking|thought) (?:about|of)|tempted to|might|ready to|decided to|urge to|feel like) "
        rf"(?:just )?(?:take|taking|swallow|swallowing|down|downing|pop|popping|eat|eating) (?:{GAP}{{0,4}}?){STRONG_AMOUNT}",
    ),
    rule(
        "crisis.intent_overdose",
        C,
        rf"(?:tonight|today|then|later) (?:i am|i will be|i m) (?:just )?(?:taking|swallowing|downing|popping) (?:{GAP}{{0,4}}?){STRONG_AMOUNT}|"
        rf"(?:i am|i m) (?:just )?(?:taking|swallowing|downing|popping) (?:{GAP}{{0,4}}?){STRONG_AMOUNT} (?:{GAP}{{0,3}}?)(?:tonight|and (?:that is|thats) it|and be done|so it (?:all )?(?:stops|ends)|for good|and go to sleep forever)",
    ),
    # ---- generalized: indirect wording, goodbyes, plans, methods, self-harm, lethal questions ----
    rule(
        "crisis.suicidal",
        C,
        rf"(?:(?:thinking|thought|think|talking|talks|talked) (?:about |of )(?:just )?|(?:going|want|wants|ready|plan|planning|decided|about) to |(?:will|gonna|i am|am) |(?:gun|rope|pills) to |night i |way to |time to )"
        rf"{END} (?:it|it all|things|everything|my life|this life|my own life|(?:his|her|their) life)(?: (?:for good|tonight|today|now|forever|soon|permanently))?|"
        rf"{END} (?:things|it all|everything) (?:for good|tonight|forever|permanently)",
        unless=NOT_A_LIFE,
    ),
    rule(
        "crisis.suicidal",
        C,
        r"(?:no|not any|what is(?: even| really| the)*|see no|do not see (?:the|any)|lost (?:the|any)) point (?:in |of |to )?(?:living|life|going on|being alive|being here|existing|anything anymore|anymore|any more|in anything|carrying on|trying anymore)",
        checks=NO_HYPOTHETICAL,
    ),
    rule(
        "crisis.suicidal",
        C,
        r"(?:want|wants|need|needs|wish|just want) (?:the pain|it|everything|this|it all|all of this|the suffering|my life|life) (?:all )?to (?:stop|end|be over) (?:forever|permanently|for good|for ever|once and for all)|"
        r"(?:want to |wants to |just want to )?(?:stop|cease to) exist(?:ing)?|not (?:want to )?exist(?:ing)? (?:anymore|any more)|"
        r"(?:wish|want|wants|going|could|hope) (?:[^ .?!;]+ ){0,3}?(?:disappear|vanish) (?:for good|forever|permanently)|"
        r"(?:have|got|saved|saving|collected|counted|stockpiled|there is) (?:enough|plenty)(?: (?:pills|of them|of it|here))?(?: (?:saved|stashed|saved up|put away|hidden))? to (?:make it (?:all )?(?:stop|end)|end it|die|do it|not wake up|never wake up|kill myself)|"
        r"(?:painless|quick|easy|quickest|peaceful|best|easiest) (?:ways?|methods?) (?:to|of) (?:go|die|dying|end (?:it|my life|things)|kill (?:myself|yourself)|not wake up|overdose|do it)|"
        r"(?:searching|googling|looking up|researching|reading about) (?:ways|how) to (?:die|kill (?:myself|yourself)|end (?:it|my life)|overdose)|"
        r"(?:will not|not going to|won t) need (?:it|them|this|that|these|those|my [a-z]+|any of (?:it|this|them)) (?:where i am going|after (?:tonight|today)|much longer)|where i am going(?= ?$| [,.!;])|"
        r"(?:decided|made up my mind|ready|sure|keeps? saying|says|said|know) (?:that )?(?:tonight|today) (?:is )?the (?:night|day)(?! (?:of|for|we|i (?:am|will) (?:propose|ask|tell)))|"
        r"(?:make sure|so that|so) (?:you|i|he|she|they) (?:do not|does not|will not|never|would not) wake up|"
        r"(?:endors\w*|reports?|with|has|having|active|passive) (?:si|suicidal ideation|ideation)\b|(?:si|suicidal ideation) with (?:a )?plan|plan and means|"
        r"sorry for everything (?:[^.?!;]+ ){0,6}?(?:take care of|look after|goodbye|bye|love you|forgive me)|"
        r"(?:good)?byes? (?:[^.?!;]+ ){0,6}?(?:phone (?:is |went |was )?(?:off|dead)|not (?:answering|picking up)|will not answer|can not reach)|"
        r"tell (?:mom|mum|dad|my [a-z]+|him|her|them|everyone|the kids) (?:that )?(?:i am sorry|i m sorry|i love (?:her|him|them|you)) (?:[^.?!;]+ ){0,8}?(?:will not|would not|does not|is not|not) (?:pick(?:ing)? up|answer\w*|respond\w*|repl\w*|open\w* the door)|"
        r"(?:i am|i m|am|is|are) (?:saying|writing) (?:my |his |her )?goodbyes?(?= ?$| [,.!;]| and (?:i|he|she|they) (?:can not|am|is|are|will|love)| to (?:everyone|everybody|you all|all of you|the world|life))|"
        r"(?:giving|gave|give) (?:away )?(?:his|her|my|their|all (?:his|her|my|their)) (?:stuff|things|belongings|possessions)(?: away)?|"
        rf"(?:{DRUGISH}|them) (?:all )?lined up|(?:want|wants) out (?:of (?:this life|life|everything|this world)|permanently|for good|forever)|"
        r"(?:done|finished) with (?:everything|it all|this life|life|living|this world|being alive|existing)|(?:had|have had) enough of (?:this |my )?(?:life|living|being alive|existing)",
    ),
    rule(
        "crisis.suicidal",
        C,
        r"(?:(?:would|will|d|are|is) (?:honestly |really |probably |all |just )?be (?:so much |much |a lot )?(?:better off|happier|better|easier|fine|relieved) (?:[^ .?!;]+ ){0,2}?(?:without (?:me|him|her|them)|if (?:i|he|she) (?:just )?(?:was|were|am|is|died|disappeared|vanished|left for good|was not here|were not here|was not around|was dead|were dead|was gone|were gone|did not exist|never existed|did not wake up|never woke up|would not wake up)|when i am gone))|"
        r"better (?:off )?without me|(?:burden|weight) (?:to|on|for) (?:literally |just |really )?(?:everyone|everybody|my family|them all|all of them|the people i love)|"
        r"(?:rather|might as well|may as well|better off) be dead|(?:would|d) rather (?:die|not exist|not be alive|not wake up)(?! than)|"
        r"wish (?:i|he|she|they) (?:would |could |had |would have )?(?:never been born|not been born|died|were dead|was dead|could disappear|would disappear|did not exist)",
        unless=HYPERBOLE,
    ),
    rule(
        "crisis.suicidal",
        C,
        r"(?:said|saying|say|texted|sent|wrote|left|posted|written|telling) (?:[^ .?!;]+ ){0,3}?goodbyes? (?:[^ .?!;]+ ){0,4}?(?:everyone|everybody|forever|for good|sorry|love (?:you|me|them|us)|all of you|to the world)|"
        r"(?:said|saying|say) (?:my|our|his|her|their|final|last) (?:final |last )?goodbyes|goodbye (?:notes?|letters?|messages?|texts?|videos?|posts?)|"
        r"this is (?:my |our )?(?:goodbye|the end)(?! of)|goodbye forever|(?:will be|is) my (?:last|final) (?:message|post|text|words)(?! (?:for|before|until|till|of the))|"
        r"for when (?:i|he|she|they) (?:am|is|are) (?:gone|dead|not here|not around)|"
        r"(?:wrote|written|writing|finished|working on) (?:my|his|her) (?:suicide |goodbye |last |final )?(?:note|letter)(?! for (?:class|school|work|the doctor))(?= ?$| [,.!;]| already| to (?:everyone|my family|you all)| for (?:my family|everyone|them|when|after))|"
        r"(?:letters?|notes?) (?:to|for) (?:everyone|everybody|my family|my kids|each of them) (?:[^ .?!;]+ ){0,2}?(?:why i am (?:going|leaving|doing this|doing it)|so they (?:will|would) understand|goodbye)|"
        r"(?:left|wrote|leaving|writing) (?:me |us )?a (?:note|letter) (?:saying|that says) (?:[^ .?!;]+ ){0,3}?(?:goodbye|sorry for everything|i love you all|take care of)",
    ),
    rule(
        "crisis.suicidal",
        C,
        r"(?:not|never|no longer) (?:going to )?(?:be|being) (?:around|here|alive) (?:much )?(?:longer|anymore|any more|tomorrow|for long|by (?:tomorrow|morning|monday))|"
        r"(?:not|never|no longer) (?:going to )?(?:be|being) a (?:problem|burden|bother)(?: (?:to|for) (?:anyone|anybody|you|everyone|them|us|me|my family|the family|you all))? (?:anymore|any more|much longer|soon|for long|ever again)|"
        r"soon (?:i|he|she) (?:will not|am not going to) be a (?:problem|burden)",
        unless=ELSEWHERE,
    ),
    rule(
        "crisis.suicidal",
        C,
        rf"(?:jump|jumping|jumped) (?:off|from|in front of) (?:a |the |my )?(?:[a-z]+ )?(?:bridge|building|roof|cliff|balcony|train|bus|car|truck|overpass|tower|window)|"
        rf"hang(?:ing)? {SELF}|(?:slit|slitting) (?:my|his|her) (?:wrists?|throat)|drown(?:ing)? {SELF}|shoot(?:ing)? {SELF}|"
        r"gun to (?:end it|my head|kill)|(?:got|have|bought|buy|buying) (?:a |the )?(?:rope|gun) (?:and (?:i am|i m) ready|to|so (?:i|that))",
        unless=SPORT,
    ),
    rule(
        "crisis.suicidal",
        C,
        r"(?:i|he|she|they) (?:have|has|had|made|got) (?:a |the )?plan(?: to (?:do it|end it|die|kill|overdose|take them all))?(?= ?$| [,.!;]| and (?:i|he|she|picked|chose|set|a date)| already)|"
        r"(?:picked|chose|chosen|set) (?:a |the )?(?:date|day|time) (?:to (?:do it|die|end it)|for when)",
        unless=(
            (
                r"(?:doctor|psychiatrist|therapist|prescriber|gp|pharmacist|taper\w*|treatment|safety plan|counsel\w*|quit\w*|stop\w*|diet|budget|trip|meal|workout)",
                "none.supervised_taper",
            ),
        ),
    ),
    rule(
        "crisis.suicidal",
        C,
        r"(?:bridge|edge|ledge|roof|rooftop|cliff|overpass|tracks|balcony) (?:[^.?!;]+ ){0,12}?(?:go|going|jump|jumping|drive|driving|step|stepping) (?:over|off|in front)|"
        r"(?:jump|jumping|go|going|drive|driving) (?:over|off) (?:the |a )?(?:edge|ledge|side of the bridge|bridge|roof|cliff)",
        unless=SPORT,
    ),
    rule(
        "crisis.suicidal",
        C,
        r"(?:please|just) kill me|kill me now",
        unless=(*HYPERBOLE, *JOKE),
    ),
    rule(
        "crisis.self_harm",
        C,
        r"(?:been|started|start|keep|keeps|kept|am|is|was|back to|urge to|urges to|want to|wants to|going to|need to|relapsed|relapsed on|relapsed into) (?:cutting|cut|burning|burn|hurting|harming)"
        r"(?= again| myself| herself| himself| my (?:arms?|wrists?|legs?|thighs?|skin|stomach)|$| [,.!;])|"
        r"(?:relapsed|relapse|relapsing) (?:on |with |into )?(?:self harm|self harming|cutting|sh)|(?:sh|self harm) (?:again|relapse|urges?|scars? (?:are )?fresh)|self harm relapse|urges? to (?:cut|burn|self harm|hurt myself)|"
        r"(?:been|keep|keeps|kept|started) (?:hitting|banging|punching|scratching|burning|biting) (?:myself|my (?:head|arms?|legs?|face|wrists?|skin))|"
        r"(?:cut|cutting|burned|burnt|burning|scratched|carved|carving) (?:my|his|her) (?:arms?|wrists?|legs?|thighs?|skin|stomach|hips?) (?:[^ .?!;]+ )?(?:again|on purpose|deliberately|last night|tonight|every night|to feel|until)|"
        r"(?:scratch\w*|hit|hitting|punch\w*|bit|bite|biting|bang\w*|burn\w*|cut\w*) (?:myself|my (?:arms?|legs?|wrists?|head|skin|thighs?)) (?:[^ .?!;]+ ){0,2}?(?:until|till) (?:it |they |i |my skin )?(?:bleed|bled|bleeds|bruise|bruised|bruises|scar\w*)",
        unless=(
            *ACCIDENT,
            (
                r"(?:bug|code|trying to figure|trying to fix|problem|homework|paperwork|carbs|sugar|hair|coupons)",
                "none.idiom",
            ),
        ),
    ),
    rule(
        "crisis.lethal_amount",
        C,
        rf"(?:will|would|could|can|is|are|does) (?:taking |swallowing |eating )?{AMOUNT_SUBJECT}(?:{GAP}{{0,6}}?)"
        r"(?:kill (?:me|him|her|them|someone|a person)|be (?:lethal|fatal|deadly|enough)|enough to (?:die|kill|end|overdose|not wake|never wake))|"
        rf"(?:is|are) {AMOUNT_SUBJECT}(?:{GAP}{{0,4}}?)(?:lethal|fatal|deadly|a lethal dose|a fatal dose|enough to (?:die|kill))|"
        rf"(?:how many|how much) (?:{DRUGISH} |of (?:them|these|those|it) )?(?:to|until|till|before) (?:die|death|never wake|not wake|end it|it kills|it is fatal|go peacefully|go quietly|pass peacefully|slip away|sleep forever|be done|do it)|"
        r"(?:what point|how many|how much|what number|what amount|what dose) (?:[^ .?!;]+ ){0,6}?(?:becomes?|gets?|turns?|is) (?:deadly|lethal|fatal)|"
        r"would (?:that|it|this|these|those) (?:do it|be enough|kill me|end it)",
        checks=frozenset({"negation"}),
    ),
    # ---- indirect: call notes, text messages, wishes and preparations (no method named) -------
    rule(
        "crisis.suicidal",
        C,
        r"(?:think|thinking|thought) (?:about|of) (?:being dead|dying|death|not being here|not existing|not being alive) (?:a lot|all the time|every day|constantly|so much|often|daily)|"
        r"(?:never (?:woke|wake|waking|came|come|coming) (?:up|back)|not waking up|being dead|(?:drift|drifting|slip|slipping) (?:off|away)) (?:[^.?!;]+ ){0,6}?(?:sounds?|seems?|feels?|would be) (?:so |really |kind of |kinda |pretty |weirdly |honestly )?(?:peaceful|nice|tempting|appealing|comforting|like a relief|a relief)|"
        r"(?:hope|hoping|wish|pray|praying) (?:[^ .?!;]+ ){0,2}?(?:a |the )?(?:bus|car|truck|train|something|someone) (?:hits|kills|runs over) me|(?:hope|hoping|pray) (?:that )?i (?:die|do not wake up|never wake up)|"
        r"wish (?:i|he|she) (?:did not|would not|never|did not have to) (?:have to )?(?:come back (?:up)?|wake up|resurface)|"
        r"(?:drift|drifting|slip|slipping) (?:off |away )?(?:for good|forever|permanently)|(?:sleep|go to sleep|fall asleep) (?:for good|permanently|and never wake up)|"
        r"(?:world|everyone|everybody|my family|they) (?:would|will|d) be (?:[^ .?!;]+ ){0,2}?(?:better|lighter|happier|easier|brighter) (?:with|once|if|when) (?:me|i am|i was|i were|i am) (?:gone|dead|out of the way|not (?:here|around))|"
        r"(?:last|final) time (?:i will|i am going to|i ll|i will ever) (?:be )?(?:messaging|talking to|texting|writing to|speaking to|message|talk to) (?:anyone|anybody|you|everyone)|"
        r"(?:working out|figuring out|planning|thinking about|think about|worked out) (?:how|when|where) (?:i would|i will|i could|to) do it|who (?:would|will|is going to) find (?:me|my body)|"
        r"(?:make sure|so that) (?:nobody|no one) (?:finds|can find|will find|would find) (?:them|me|him|her)(?: in time)?|(?:nobody|no one) finds (?:them|me|him|her) in time|"
        r"(?:do not|can not) see (?:why|any reason why) (?:i should|to) (?:wait|keep going|go on|hold on|stay)|"
        r"see you (?:all )?on the other side|see you in (?:the next life|another life|heaven)|(?:like|as if) it was the last time|made me promise to (?:look after|take care of)|"
        r"(?:found|find|finding) (?:a )?(?:new )?home for my (?:dog|cat|pets?|animals)|signed (?:my|his|her) [a-z]+ over to|(?:taken|took) care of everything (?:i|he|she) needed to|(?:put|putting|got) (?:my|his|her) affairs in order|"
        r"(?:sitting|sat|is|was) (?:in|inside) (?:the|a) (?:closed )?garage with the (?:engine|car|motor) running|"
        r"left (?:them|it|the (?:letters?|notes?)) where (?:my|his|her|the) [a-z]+ (?:will|would|can|could) find (?:them|it)|"
        r"(?:finished|wrote|written|writing) (?:the |my |his |her )?(?:letters?|notes?) (?:for|to) (?:my|his|her) (?:kids|boys|girls|children|family|wife|husband|son|sons|daughter|daughters|parents) (?:tonight|today|for when|for after|to read after)",
        unless=(*ELSEWHERE, *SPORT),
    ),
    rule(
        "crisis.suicidal",
        C,
        r"(?:want|wants|wanted|wish|wishes|need|needs) (?:it|everything|it all|things|the pain) (?:all )?to (?:go quiet|stop|end|be over|go away|go dark|go silent) (?:forever|for good|permanently)",
        unless=HYPERBOLE,
    ),
    # A vague "now is the time" after a warning sign in an earlier turn (pills stockpiled, suicide named).
    rule(
        "crisis.suicidal",
        C,
        r"(?:tonight|today|now|this weekend) (?:feels|seems|is|looks) (?:like )?the (?:right|perfect|best) (?:time|night|day|moment)|"
        r"(?:i am|i feel) ready (?:now|tonight)|it is time(?= ?$| [,.!;])|(?:tonight|today) is the (?:night|day)(?= ?$| [,.!;])",
        needs="risk",
    ),
    rule(
        "crisis.suicidal",
        C,
        rf"(?:texted|sent|messaged|said|wrote|posted) (?:me |us )?(?:a )?goodbye(?: (?:message|text|note))?(?: ,| and| but)? (?:[^.?!;]+ ){{0,3}}?(?:has|have|had|with|got) (?:(?:a|the|his|her|their|all|some) )*(?:{PILLISH}|gun|rope|knife)|"
        rf"(?:\d+|all|a bunch of|a lot of) (?:of )?(?:my |his |her )?(?:{DRUG}|pills|tablets) (?:saved|stashed|hidden|put away)(?: up)?(?= ?$| [,.!;])",
    ),
    rule(
        "crisis.lethal_amount",
        C,
        rf"(?:would|will|does|did) (?:it|that) hurt (?:if|to) (?:[^.?!;]+ ){{0,6}}?(?:{STRONG_AMOUNT}|overdose|all of (?:them|it))|"
        r"would (?:they|i|he|she|you|someone) (?:just )?(?:drift off|slip away|fall asleep forever|go peacefully|feel anything)|"
        r"(?:stops?|stopped) being (?:medicine|safe|a medicine)|(?:starts?|started) being (?:the end|deadly|lethal|fatal|poison)|"
        r"enough for (?:a|an|someone|somebody|me) (?:\d+ ?(?:lb|lbs|pound|pounds|kg|kilo|kilos) )?(?:person|man|woman|guy|girl|adult|someone)|"
        r"(?:amount|dose|number|many|much) (?:[^.?!;]+ ){0,6}?(?:guaranteed|enough|sure|certain) to (?:stop (?:[^ .?!;]+ )?(?:breathing|heart)|kill|die)|"
        r"(?:most|max|maximum|how (?:much|many)) (?:[^.?!;]+ ){0,6}?before (?:it|they|that|you|i|he|she|someone|somebody|a person|your body) (?:stops? (?:[^ .?!;]+ )?(?:heart|breathing)|kills?|dies?|die|is dead)",
        checks=frozenset({"negation"}),
    ),
    # Wanting death without naming suicide: dying in one's sleep, a staged accident, a method that
    # "works", a painless death, being "done with everything", someone's intent to overdose.
    rule(
        "crisis.suicidal",
        C,
        r"(?:hope|hoping|wish|wishing|pray|praying|prays) (?:[^.?!;]+ ){0,4}?(?:i|that i|he|she|they) (?:would |will |could )?(?:just )?die (?:in (?:my|his|her|their) sleep|tonight|soon)|"
        r"(?:make|making) (?:my|his|her) (?:death|suicide|overdose|od) (?:look|seem) like an accident|"
        r"(?:intent|intention|intends|intending|plans?|planning|threaten\w*|wants?|going) to (?:overdose|od)(?: on| with|$| [,.!;])|"
        r"(?:enough|easier|best|better) (?:[^.?!;]+ ){0,3}?to (?:just )?be (?:done|gone) with (?:everything|it all|life|all of it)|"
        r"(?:would|will|does|do) (?:anyone|anybody|any one) (?:even )?(?:notice|care|miss me)|(?:nobody|no one) would (?:even )?(?:notice|care|miss me)|"
        r"(?:easier|better) for (?:everyone|everybody|my family|them) if i (?:[^.?!;]+ ){0,6}?(?:was|were|am) (?:just )?(?:gone|dead|not here|not around)",
        checks=NO_HYPOTHETICAL,
        unless=(*ELSEWHERE, *NOT_A_LIFE),
    ),
    rule(
        "crisis.suicidal",
        C,
        r"(?:go to sleep|sleep|fall asleep|disappear) and never (?:have to )?(?:deal with|face|wake|come back|feel)|"
        r"(?:driv\w*|drove|crash\w*|steer\w*|swerv\w*) (?:my |the |his |her )?(?:car |truck )?(?:off|into) (?:a |the |oncoming )?(?:wall|tree|pole|bridge|cliff|traffic|truck|river|median)|"
        r"(?:done|tired of|sick of) fighting(?= ?$| [,.!;]| anymore| any more| it| this| for)|(?:can not|do not want to) fight (?:it|this) (?:anymore|any more)|no fight left|"
        r"(?:wrote|written|writing|left|leaving) goodbye (?:letters?|notes?)|(?:wrote|written|writing) (?:letters?|notes?) (?:to|for) (?:everyone|everybody|all the people|the people) i love",
        unless=(*SPORT, *JOKE),
    ),
    rule(
        "crisis.suicidal",
        C,
        r"(?:i finally|i think i finally|now i finally) have enough(?: (?:now|saved|saved up|of them|pills))?(?= ?$| [,.!;])|"
        r"(?:i|i think i) have enough (?:now|saved|saved up)(?= ?$| [,.!;])|"
        r"(?:have|got) both (?:and|,) (?:[^.?!;]+ ){0,3}?(?:going to|gonna|will|am going to) (?:use|take|mix) (?:them|it|both)|"
        r"i have a plan(?: (?:for|on) (?:tonight|tomorrow|this weekend|the weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday))?(?= ?$| [,.!;])",
        needs="drug",
        checks=NO_HYPOTHETICAL,
    ),
    rule(
        "crisis.lethal_amount",
        C,
        # "make sure it works" only after an overdose or death is named ("...want to make sure it works").
        r"(?:od|overdos\w*|die|dying|kill|lethal|fatal)(?: [^.?!;]+)*? (?:make|be) sure (?:that )?(?:it|they|this|that) (?:works?|will work|would work|does it|do it)|"
        r"(?:is|would|will) (?:dying|death|an overdose|overdosing|od ing) (?:from |of |on |with |by )?(?:[^.?!;]+ ){0,4}?(?:painless|peaceful|quick|hurt)|painless (?:way|death|method)|"
        r"die (?:painlessly|peacefully) (?:with|from|on|using)",
        needs="drug",
        checks=frozenset({"negation", "fiction"}),
    ),
    rule(
        "crisis.self_harm",
        C,
        r"(?:punch\w*|hit\w*|bang\w*|scratch\w*|pick\w*|bit|bite|biting|burn\w*) (?:[^ .?!;]+ ){0,4}?(?:until|till) (?:[^ .?!;]+ ){0,2}?(?:split|splits|bleed|bled|bleeds|bruise\w*|break|broke|crack\w*|scar\w*)|"
        r"(?:found|finding|hiding|hides|hid|hidden|keeps?) (?:[^ .?!;]+ ){0,3}?(?:razors?|razor blades?|blades)|(?:razors?|blades) (?:[^ .?!;]+ ){0,2}?(?:hidden|taped|stashed)",
        unless=(
            *ACCIDENT,
            (r"(?:shav\w*|beard|legs|scooter|hockey|skates?|lawn ?mower|blender)", "none.idiom"),
        ),
    ),
)
