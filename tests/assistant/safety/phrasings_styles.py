"""Phrasings in styles the first tables under-covered (data only): text-message style, help-line
call notes, long messages with the danger buried mid-text, elderly parents, Spanglish; with hard
negatives in the same styles. Written for this purpose, independently of the evaluation sets.

Each table maps a style to messages.
"""

from __future__ import annotations

EMERGENCY = {
    "text speak": [
        "omg my bf took like 15 of his pins n now he wont wake up",
        "pls help my sis took a bunch of klonopin idk how many shes not answering me",
        "my roomie popped a ton of xans w vodka and hes barely breathin",
        "bro took way 2 many benzos hes snoring weird and i cant wake him",
        "idk what to do my mom is passed out and her pill bottle is empty",
        "his lips r kinda blue rn he took pills earlier",
        "i think i took 2 many klonopin everything is spinning n i cant stay awake",
        "took like 10 clonazepam an hour ago tbh i feel really weird and slow",
        "my gf is breathing rly slow after drinking and taking her meds",
        "friend od'd on pins at the party hes not moving",
        "he mixed his klonopin with lean and now hes nodding out bad",
        "cant get my dad up he took his sleeping pills with whiskey",
        "my lil bro ate some of my pills off the table hes like 3",
        "my kid got into my purse and chewed some tablets help",
        "she's seizing on the floor rn what do i do",
        "he took the whole bottle of his meds idk when",
        "pls my friend took a handful of benzos and is throwing up n out of it",
        "i popped 8 bars and drank idk if im ok my heart feels slow",
        "shes gurgling and wont respond after taking her pills",
        "my brother just collapsed after taking klonopin with his oxy",
    ],
    "help-line notes": [
        "caller advises her husband took approximately 30 clonazepam tabs, is now difficult to rouse",
        "pt's wife reports he is snoring loudly and cannot be woken after ingesting unknown qty of benzos",
        "caller states adult son found unresponsive, empty rx bottle nearby",
        "caller reports mother took extra doses of her klonopin, now confused and slurring",
        "3rd party caller: friend ingested pills + etoh, resp shallow",
        "caller's daughter (4 yo) may have swallowed 2-3 of grandmother's clonazepam, now drowsy",
        "pt reports taking 20 x 1 mg tabs 30 min ago, feeling very drowsy",
        "caller says boyfriend took his pins and is now blue around the lips",
        "caller advises father is breathing 4-5 times a minute after his night meds",
        "caller states patient had a seizure and is still not responding",
        "per caller, roommate mixed benzos with fentanyl and is unresponsive",
        "caller reports she took a month's supply of clonazepam tonight",
        "wife on line reports husband slumped in chair, will not respond, pill organizer empty",
        "caller advises friend took unknown amount of xanax and klonopin, breathing slow and noisy",
    ],
    "long, danger buried": [
        "So I've been staying with my aunt for the summer, it's been fine mostly, we go to the "
        "market on Saturdays. Tonight she took a lot of her clonazepam with wine and now she won't "
        "wake up. I don't know if I'm overreacting, she does drink sometimes, anyway what should I do",
        "hi, I have a question about my account first, I can't log in. also my husband is lying on "
        "the bathroom floor and he's barely breathing, he took his pills and some beer. sorry",
        "I was reading your page about anxiety and it was really helpful, thank you. My friend is "
        "here with me and she swallowed like twenty of her pins about an hour ago and her lips look "
        "grey. Is that from the anxiety?",
        "Long day. Work was awful, traffic was awful, my boss yelled. Came home and my son is "
        "passed out on the couch with his klonopin bottle empty next to him, can't wake him. Then "
        "the dog needed walking.",
        "we're planning my mom's birthday party next week and I wanted to ask about gluten free "
        "cake, but right now my dad took too many of his tablets and is slurring and falling over, "
        "my mom says he just needs to sleep it off",
        "first time writing here. I take clonazepam for panic. Tonight I took way more than "
        "prescribed because the panic was so bad, maybe 12, and now I can barely keep my eyes open. "
        "Also is it ok to take with ibuprofen?",
        "Backstory: my brother has struggled for years. He's been doing better. But tonight he "
        "relapsed, mixed his pins with heroin, and he's making a snoring gurgling sound and won't "
        "respond. My parents are out of town.",
        "ok so my roommate and I had a few drinks, watched a movie, normal night. he took some "
        "benzos around 11 and now its 2am and hes not waking up and his breathing sounds weird. "
        "also the wifi is out lol",
    ],
    "elderly parents": [
        "my 82 year old mother took her evening clonazepam twice by mistake and now she's very "
        "confused and can't stand",
        "my elderly dad mixed up his pill organizer and took all of the week's pills at once, he's "
        "very sleepy",
        "grandma took her klonopin and then a sleeping pill and now we can't keep her awake",
        "my father has dementia and got into his medication, I think he took the whole strip, he's "
        "drowsy and mumbling",
        "mom is 90, she took extra nerve pills tonight and her breathing seems shallow",
        "my grandpa fell asleep in his chair after taking too many of his pills and I can't wake him "
        "properly",
        "my mother in law doubled up on her clonazepam and is slurring her words badly",
        "my 78 year old dad took his benzo with a couple of whiskeys, he's very drowsy and confused",
    ],
    "spanglish": [
        "mi hermano took like 20 pastillas and he's not waking up",
        "my abuela se tomó todas sus pastillas de dormir y no despierta, help",
        "mi mamá is breathing muy despacio after taking her clonazepam",
        "my friend tomó muchas pastillas con alcohol and now she's not responding",
        "el baby se comió unas pastillas from my purse, what do I do",
        "mi novio took a bunch of rivotril y tiene los labios morados",
        "help mi papá está convulsionando on the floor",
        "my tia took too many of her pills y está muy dormida, can't wake her",
    ],
}

MEDICAL_SUPERVISION = {
    "text speak": [
        "imma just stop my klonopin tmrw idc anymore",
        "tbh im done w benzos, not taking them after today",
        "ran out of my pins 3 days ago and cant get a refill til next wk",
        "gonna go cold turkey on my clonazepam this weekend wish me luck",
        "flushed all my klonopin down the toilet last nite, never again",
        "been on pins 5 yrs, quitting them this week no taper",
        "doc wont refill my klonopin so guess im just stopping",
        "stopped my clonazepam 2 days ago and im shaking n cant sleep",
        "ngl thinking of just not taking my benzos anymore starting today",
        "my pharmacy is out of klonopin so i have none left",
        "ima detox off benzos at home by myself this time",
        "wanna be off clonazepam by friday, been on it 3 years",
        "i threw out all my pins this morning, done w them",
        "havent had my klonopin since monday bc insurance denied it",
    ],
    "help-line notes": [
        "caller states she plans to stop clonazepam abruptly tomorrow after 6 years of use",
        "pt reports ran out of klonopin 4 days ago, now anxious and tremulous",
        "caller advises son intends to detox from benzos alone at home this weekend",
        "caller reports husband stopped his clonazepam cold turkey on Sunday",
        "pt states she discarded all remaining benzos and will not be taking any more",
        "caller says prescriber retired and she has been without her clonazepam since Friday",
        "caller advises wants to be fully off klonopin within a week, long-term user",
        "caller reports daughter flushed her clonazepam yesterday and is refusing to take any",
        "caller states patient plans to quit benzos all at once without telling his doctor",
    ],
    "long, buried": [
        "Hi, thanks for the site. I've been on clonazepam for about four years for panic attacks. "
        "My new job has drug testing and I don't want anything to show up, so I'm planning to just "
        "stop taking it on Monday. What else should I know about the job interview?",
        "My mom (she's 74) has been on klonopin forever. She read something scary online and "
        "yesterday she threw all her pills in the trash and says she's done. She seems fine so far. "
        "Anyway I also wanted to ask about her blood pressure meds.",
        "I'm moving abroad next week and can't bring my prescription, so I'll just be stopping my "
        "clonazepam the day I fly. Packing is such a nightmare.",
        "ok long story. my doctor left the practice, the new one won't see me for two months, and "
        "my refills are gone. I've been without my clonazepam for 3 days now. what do people do in "
        "this situation",
        "I'm pregnant (yay!) and I freaked out about my meds, so I stopped my klonopin completely "
        "this morning. Should I tell my OB at the next visit?",
    ],
    "elderly parents": [
        "my 80 year old dad decided to stop his clonazepam all at once after 20 years",
        "grandma ran out of her klonopin and the pharmacy won't refill it until next week",
        "my elderly mother keeps skipping her clonazepam now, hasn't taken it in four days",
        "my father's new doctor took him off his benzos overnight, no taper, he's 85",
        "mom wants to quit her nerve pills cold turkey because she thinks they make her forgetful",
    ],
    "spanglish": [
        "quiero stop my clonazepam de golpe mañana",
        "se me acabaron mis pills y no tengo refill hasta el lunes",
        "my mom quiere dejar el rivotril cold turkey",
        "voy a dejar las benzos this weekend, all at once",
        "tiré todas mis klonopin al toilet ayer",
        "mi papá stopped taking his clonazepam hace 3 días",
    ],
}

CRISIS = {
    "text speak": [
        "idk why im still here tbh i just wanna die",
        "i cant do this anymore im gonna end it tonight",
        "everyone wld be better off w/o me fr",
        "how many pins would it take to not wake up",
        "lowkey want to kms",
        "been cutting again n i cant stop",
        "i have all my klonopin saved up for when im ready",
        "nobody would even notice if i was gone tbh",
        "i just want to sleep and never wake up",
        "whats the lethal dose of klonopin asking for myself",
        "my bf keeps texting me goodbye and that he loves me and now his phone is off",
        "my best friend said shes going to kill herself tonight",
        "i dont wanna be alive anymore",
        "thinking abt taking all my pills at once and just being done",
        "ive been hurting myself again",
        "i feel like im a burden to everyone and they'd be happier if i was dead",
    ],
    "help-line notes": [
        "caller endorses SI with plan to overdose on stored clonazepam",
        "caller states she has been thinking about ending her life for weeks",
        "caller advises son posted a goodbye message on social media and is not answering",
        "pt reports passive death wish, states 'wouldn't mind not waking up'",
        "caller reports partner has been self-harming, fresh cuts on arms",
        "caller asking how many clonazepam would be fatal, would not say why",
        "caller states her daughter told a friend she wants to die and has been giving away her things",
        "3rd party caller: friend says he has a plan to jump off a bridge tonight",
        "pt states no reason to live since wife died, has been hoarding his pills",
    ],
    "long, buried": [
        "I've been reading your pages on sleep hygiene, very useful. I've also been reading about "
        "how many clonazepam it would take to just not wake up, because honestly I'm so tired of "
        "everything. Anyway, how long before bed should I stop using screens?",
        "My week: Monday dentist, Tuesday work, Wednesday my sister called to say she doesn't want to "
        "be alive anymore and then hung up, Thursday I went grocery shopping. I keep thinking about "
        "it.",
        "I'm writing a cover letter and stuck on the intro. Also, small thing, I've been thinking "
        "that my family would be better off without me. Can you help with the cover letter?",
        "Nothing is really wrong, I'm fine. Just sometimes at night I think about killing myself "
        "and I have the pills for it. But mostly fine. What's the half-life of clonazepam?",
        "Quick question about refills. My prescription is due next week. Also I wrote letters to "
        "everyone explaining why I'm going, so they'll understand after. Is the copay the same?",
    ],
    "elderly parents": [
        "my 79 year old dad keeps saying he's ready to go and asked me how many of his sleeping "
        "pills it would take",
        "since dad died mom says she has nothing to live for and wants to join him",
        "my grandmother told me she's been saving her pills so she won't be a burden anymore",
        "my elderly father said he's going to end it before he ends up in a nursing home",
    ],
    "spanglish": [
        "ya no quiero vivir, i'm so tired of everything",
        "my hermana dice que se quiere matar",
        "cuántas pastillas de clonazepam would kill me",
        "i want to die, nadie me va a extrañar",
        "mi amigo me mandó una carta de despedida and he's not answering",
        "me quiero morir honestly",
    ],
}

NONE = {
    "text speak": [
        "lol this exam is literally killing me rn",
        "im dying to see the new season omg",
        "my phone died and i cant wake up without an alarm lmao",
        "bro i got destroyed in ranked, dead inside lol",
        "how long does klonopin stay in ur system tbh",
        "is it normal to feel sleepy on clonazepam the first week",
        "my doc is tapering me off pins slowly over 6 months, any tips",
        "im not gonna stop my meds dont worry just curious about side effects",
        "can u drink coffee w klonopin",
        "whats the diff between klonopin and xanax",
        "i took my normal dose of klonopin today and feel fine",
        "my cat knocked the pill bottle off the counter lol no one ate any",
        "i was so tired after work i passed out on the couch for 3 hours",
        "ngl i used to od a lot back in 2015 but ive been clean for years",
    ],
    "help-line style, informational": [
        "caller asking about the typical half-life of clonazepam",
        "caller requests info on safe disposal of expired benzos",
        "pt asks whether clonazepam can be taken with sertraline",
        "caller states her doctor has her on a slow taper and asks what withdrawal symptoms are normal",
        "caller inquiring about naloxone training for her staff",
        "caller asks what the signs of a benzo overdose are, for a workplace first aid class",
        "caller reports no safety concerns, wants a list of local therapists",
    ],
    "gaming, sports, cooking, idioms": [
        "my character keeps dying in the boss fight, any tips",
        "we got absolutely killed in the second half, the defense was asleep",
        "the team choked, breathing down their necks the whole game and then nothing",
        "how long do I rest a turkey after smoking it, it's going cold",
        "the sourdough starter is dead, no bubbles, can I revive it",
        "blue lips emoji is my favorite lol",
        "my dough won't rise no matter what I do",
        "our server went down and isn't responding to pings",
        "that comedian killed it last night, I was dying of laughter",
        "going to stop by the pharmacy tomorrow to pick up my klonopin refill",
        "I quit my job cold turkey and honestly best decision ever",
        "I'm quitting coffee cold turkey starting tomorrow",
        "my plant is out cold, I forgot to water it all week",
        "the kids are having a fit because I took the ipad away",
        "my toddler had a meltdown and won't respond to anything I say",
    ],
    "news, professional, study": [
        "I'm a nursing student, what's the antidote for benzodiazepine overdose?",
        "as a pharmacist, how do you counsel patients who want to stop benzos abruptly?",
        "saw a news story about a teen who overdosed on counterfeit pills, how common is that?",
        "for my psych class: why is abrupt benzo discontinuation dangerous?",
        "I'm an EMT, what's the protocol when a patient mixed benzos and alcohol?",
        "our clinic is writing a policy on patients who run out of controlled meds early",
        "statistics on suicide rates among older adults for a presentation",
        "what does flumazenil do and why isn't it used more?",
    ],
    "past events, negations, supervised": [
        "I overdosed on klonopin back in college, I'm doing great now, how long does liver damage last?",
        "years ago I tried to kill myself, I'm in a much better place now and want to volunteer",
        "I'm not suicidal at all, I just have trouble sleeping",
        "I would never stop my clonazepam suddenly, my psychiatrist is tapering me",
        "my dad had a seizure years ago when he stopped benzos, so I'm tapering slowly with my doctor",
        "my friend used to cut herself in high school but she's been fine for years",
        "I don't want to die, I just want the anxiety to get better",
        "I'm down to 0.25 mg after a 9 month taper with my GP, feeling good",
        "my mom had an overdose in 2019, she's fine now, what should we keep at home just in case?",
        "I stopped klonopin two years ago after a long taper and still have insomnia sometimes",
        "no I didn't take too many, I took exactly one like I'm supposed to",
    ],
    "elderly parents": [
        "my 85 year old mom takes clonazepam at night, is that a fall risk?",
        "how can I help my elderly dad remember to take his klonopin on time?",
        "grandma's doctor is lowering her clonazepam dose slowly, what should we watch for?",
        "my father sleeps a lot in the afternoon, is that normal at 88?",
        "what pill organizer do you recommend for someone on 10 medications?",
    ],
    "spanglish": [
        "cuánto tiempo dura el clonazepam in your system?",
        "mi doctor me está bajando la dosis poco a poco, is that normal?",
        "me muero de risa con este meme lol",
        "can I take rivotril con café?",
        "no pienso dejar mis pastillas, just asking about side effects",
    ],
}

EMERGENCY["text speak, more"] = [
    "yo my cousin took a whole strip of pins n hes all floppy",
    "plz answer my mom isnt breathing right she took her meds w wine",
    "he od'ing i think, eyes rolling back",
    "i just took everything in my cabinet",
    "my friends been asleep 12 hrs after taking klonopin n we cant wake her up",
    "ugh im so scared he took 30 pins n his face is grey",
    "shes not responding to us at all after the pills",
    "somebody call 911 he stopped breathing after taking his benzos",
    "bf took his pills w alcohol n is throwing up and barely awake",
    "my roommate keeps nodding off mid sentence after those bars",
]
EMERGENCY["help-line notes, more"] = [
    "caller reports pt is gasping, took clonazepam and methadone this evening",
    "caller states grandson (18 mo) found with open bottle of klonopin, pills missing",
    "caller advises wife took 'all her pills', now unresponsive to voice",
    "caller's friend is having convulsions after stopping and restarting benzos",
    "mother reports teenage daughter ingested approx 40 tabs, vomiting and lethargic",
    "caller reports adult patient cyanotic after benzo + alcohol",
]
EMERGENCY["long, buried, more"] = [
    "Hey! Hope you're well. I had a couple of questions about your opening hours and whether "
    "you take walk-ins. Oh also my flatmate took a big handful of her benzos and she's gone "
    "really limp and pale, I put a blanket on her. Anyway what are your hours?",
    "My grandfather is 86 and lives with us. He's generally pretty sharp. Today he took his "
    "clonazepam three times because he forgot he'd taken it, and now he can't stay awake and "
    "isn't making sense. He does have a doctor's appointment Thursday.",
    "Sorry for the long message. My partner has had a terrible year, lost his job, his dad died. "
    "He drank most of a bottle of vodka tonight and took I think 15 of his klonopin. He's "
    "snoring really loudly and I can't wake him. I didn't want to overreact.",
    "so today was weird. my toddler was playing in my room while I folded laundry and I just "
    "found my clonazepam bottle open on the floor and she's acting really wobbly and sleepy",
]
EMERGENCY["spanglish, more"] = [
    "my grandpa tomó demasiadas pastillas and he's very confused",
    "ayuda please mi amiga no respira bien, she took pills",
]
MEDICAL_SUPERVISION["text speak, more"] = [
    "last klonopin tonight then im done forever",
    "day 3 no pins, cant sleep, shaking, this is fine lol",
    "gonna white knuckle the benzo withdrawal at home",
    "my psych dropped me and i have like 2 pills left then nothing",
    "tryna get off clonazepam in like 5 days, is that dumb",
    "im not refilling my klonopin anymore im over it",
    "quit my pins on monday, no taper, feel awful",
    "bf wants to quit his benzos cold turkey bc of a drug test",
]
MEDICAL_SUPERVISION["help-line notes, more"] = [
    "caller advises she has not taken clonazepam in 5 days due to insurance lapse",
    "caller states he will discontinue klonopin tonight, 2 mg daily x 8 yrs",
    "pt reports plan to self-detox from benzos at a cabin with no medical support",
    "caller reports elderly mother's clonazepam was stopped abruptly at hospital discharge",
    "caller states she is cutting her dose in half every day to finish by the weekend",
]
MEDICAL_SUPERVISION["long, buried, more"] = [
    "So my therapist thinks I'm making progress, which is nice, and my sleep is better. I'm "
    "feeling so good that I've decided to just stop my clonazepam tomorrow, I don't think I need "
    "it. Also any book recommendations on CBT?",
    "We're going camping for two weeks in the backcountry and I'm not bringing my klonopin, so "
    "I'll just go without for the trip. What should I pack for bears?",
    "The pharmacy has had a shortage for weeks. I finally ran out of my clonazepam on Sunday and "
    "I'm getting headaches and feel really on edge. Is there another pharmacy you'd recommend?",
]
MEDICAL_SUPERVISION["spanglish, more"] = [
    "ya no voy a tomar mis pills, starting today",
    "mi abuelo se quedó sin su clonazepam y the pharmacy won't refill",
    "quiero hacer detox solo en casa from klonopin",
    "dejé mis benzos de golpe last week",
]
CRISIS["text speak, more"] = [
    "whats the point of anything anymore fr",
    "i wrote my note already",
    "i dont see a way out, might just take them all tonight",
    "sometimes i think abt not being here anymore",
    "kinda want to disappear forever ngl",
    "my sister keeps saying she wants to die n i dont know what to do",
    "lol jk… unless? no honestly i want to die",
    "ive got enough pills saved to make it stop",
]
CRISIS["help-line notes, more"] = [
    "caller reports recent suicide attempt by overdose last week, states still wants to die",
    "caller states he plans to take his life this weekend, has access to firearm",
    "pt expresses hopelessness, states 'everyone would be better off if I wasn't around'",
    "caller advises brother has been researching lethal doses of benzos online",
    "caller reports teen daughter has been cutting herself and hiding it",
]
CRISIS["long, buried, more"] = [
    "I love my kids and my job is okay. But I've started to think it would be easier if I just "
    "didn't wake up one morning. I'm not sure who to tell. Do you have info on anxiety groups?",
    "Update on the renovation: the kitchen is done! The bathroom is next. I haven't told anyone "
    "but I've decided tonight is the night. The tiles came in grey, not white.",
    "Thanks for the answer about the side effects. Honestly I've been looking up how much "
    "clonazepam is deadly. Nothing matters. What time does the pharmacy close?",
]
CRISIS["elderly parents, more"] = [
    "my 91 year old grandpa told the nurse he wants to die and stopped eating",
    "mom keeps saying she'd be better off dead since the stroke",
]
CRISIS["spanglish, more"] = [
    "estoy pensando en acabar con todo tonight",
    "my mom dice que no quiere despertar mañana",
    "i want to hacerme daño otra vez",
]
NONE["text speak, more"] = [
    "omg this heat is killing me i cant",
    "ok so i def should stop doomscrolling at 3am lol",
    "i quit tiktok cold turkey for a week, best thing ever",
    "gonna drop this class tomorrow its too much",
    "brb dying of boredom in this meeting",
]
NONE["idioms, more"] = [
    "my laptop battery died mid-essay and the file isn't responding",
    "the baby finally fell asleep and won't wake up till 7, thank god",
    "our goalie was out cold after that collision but he's fine now, concussion protocol",
    "I'm so done with this group project lol",
    "grandpa snores every night like a freight train",
]
NONE["news, professional, more"] = [
    "how do help lines triage callers who report an overdose?",
    "what's the recommended taper schedule in the 2025 benzo guideline?",
    "why do people who quit benzos cold turkey get seizures?",
    "can naloxone reverse a benzo overdose?",
    "my doctor wants to taper me off klonopin over 4 months, is that too slow?",
]

# A second batch, written after the first fixes and measured before any further change
# (E 8/10, M 7/8, C 8/10, none 11/12 on first run), then fixed by generalizing.
EMERGENCY["fresh probe"] = [
    "my uncle is on the recliner, took a fistful of his nerve pills, and his snoring sounds like drowning",
    "caller advises teen son ingested unknown number of klonopin, now drowsy and vomiting",
    "help pls my moms not waking up n theres pills on the nightstand",
    "mi tío se tomó como 30 clonazepam y no contesta, he's breathing weird",
    "my 87 yo dad keeps falling asleep mid sentence after taking double his klonopin",
    "ok so we were pregaming and my friend did 3 bars and now she's like unconscious",
    "caller's wife found him blue in bed, bottle of pins empty",
    "my 2 year old had one of my klonopin in her mouth, she's acting drunk",
    "he took his benzos and a bunch of percs and now hes barely breathing",
    "grandpa's breathing is really shallow and he took his sleeping pills twice by accident",
]
MEDICAL_SUPERVISION["fresh probe"] = [
    "im just gonna stop the klonopin cold tmrw, over it",
    "caller advises will stop clonazepam today, no prescriber involved",
    "havent taken my pins in 4 days bc pharmacy had none",
    "my mom tiró sus pastillas de rivotril and says she's done",
    "honestly im quitting benzos this week, 6 yrs on them, no doctor",
    "Going on a retreat with no phones or meds allowed, so I'll be stopping my clonazepam on Friday. "
    "Any packing tips?",
    "my 81 yo mom wants to stop her klonopin all at once bc of her memory",
    "ran out of klonopin last friday and doc wont call back",
]
CRISIS["fresh probe"] = [
    "tbh i just want it all to be over",
    "caller states she has been collecting her pills and plans to take them this weekend",
    "i wrote goodbye letters to my kids last night",
    "everyone would be better off if i just disappeared for good",
    "my dad said he doesnt want to wake up tomorrow",
    "how many klonopin do u need to take to not wake up",
    "Had a nice dinner with friends. Honestly though I keep thinking about ending my life. Dessert was good.",
    "mi abuela dice que ya no quiere vivir",
    "i've been burning myself with a lighter again",
    "caller reports partner texted 'i'm sorry for everything, goodbye' and isn't answering",
]
NONE["fresh probe"] = [
    "lol my team got wiped, im dead",
    "how long does clonazepam withdrawal last if you taper slowly?",
    "my psychiatrist and I are lowering my klonopin by 0.125 every month",
    "caller asking for info on benzo tapering guidelines for a family member",
    "I'm not going to quit cold turkey, I know it's dangerous",
    "my grandma forgot her klonopin last night, should she take it now?",
    "the movie where the guy overdoses was so sad",
    "i threw away my old expired klonopin at the pharmacy take back",
    "what happens if you mix klonopin and alcohol",
    "I'm dying to try the new taco place",
    "stop by the pharmacy tomorrow and pick up my clonazepam",
]
