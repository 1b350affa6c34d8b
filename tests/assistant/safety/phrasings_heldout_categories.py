"""First-contact phrasings (data only) for the categories an unseen split still missed: lethal-dose
questions, clonazepam mixed with alcohol/opioids plus drowsiness, overdose signs told without the
word overdose, indirect suicidal statements, already stopped abruptly; and fiction/idiom false
alarms. Written for this purpose, independently of the evaluation sets, in varied voices (first and
third person, help-line notes, text-speak), and measured before any rule was changed
(see measure_styles.py --categories).
"""

from __future__ import annotations

EMERGENCY = {
    "mixing plus drowsiness": [
        "my boyfriend took his klonopin and then drank half a bottle of vodka and now he keeps nodding off",
        "i had 3 glasses of wine and took my clonazepam and i can barely keep my eyes open",
        "caller states husband mixed clonazepam with oxycodone, now very hard to rouse",
        "she took her pins with a few shots and now shes super sleepy and not making sense",
        "took 2 klonopins after a night of beers, feel like im gonna pass out",
        "pt combined rivotril with percocet, drowsy and breathing slow",
        "he took clonazepam on top of his methadone and he's nodding out hard",
        "my roommate downed some kpins with a bunch of white claws and shes really out of it",
        "clonazepam plus hydrocodone and now my dad is slumped and mumbling",
        "mixed my klonopin with lean and i cant stay awake",
        "friend popped clons and drank a fifth of whiskey, now he won't wake up properly",
        "took my benzos after drinking all evening and my legs are like jelly and i keep dozing",
        "caller reports daughter took clonazepam with fentanyl, very drowsy, breathing shallow",
        "my mom had her rivotril and some wine at dinner and now she's so drowsy she cant hold a cup",
    ],
    "signs without the word overdose": [
        "he's breathing really weird, like long gaps between breaths, and his lips are bluish",
        "took a bunch of my klonopin earlier and now my fingers look blue and i feel cold",
        "my sister is making gurgling sounds and i can't get her to respond",
        "he is pale and sweaty and his skin is kind of grey and he's not answering me",
        "caller: son found on bathroom floor, eyes closed, not responding to voice, pill bottle open",
        "she took a lot of her pills and her breathing is so slow i can barely see her chest move",
        "my wife's lips are purple and she only groans when i shake her",
        "friend took a ton of clonazepam and now his pupils are tiny and he's barely breathing",
        "i pinched him hard and he didnt react at all, he took his pins earlier",
        "grandpa took extra of his nerve pills and now he's limp and his fingertips are blue",
        "her breathing sounds like loud snoring but she wont wake, she took too many of her pills",
    ],
}

CRISIS = {
    "lethal-dose questions": [
        "how many klonopin would it take to not wake up",
        "what amount of clonazepam is enough to kill someone my size",
        "would 60 pins kill me",
        "how much would it take to end it with my pills",
        "is a whole bottle of rivotril enough to die",
        "whats the lethal dose of clonazepam",
        "if i took all my klonopin with vodka would it be enough",
        "how many mg of clonazepam is fatal",
        "would it kill me if i took the whole pack tonight",
        "caller asking how many tablets would be a fatal amount",
        "how much clonazepam before your heart stops",
        "enough pills to not wake up - how many is that",
    ],
    "indirect suicidal statements": [
        "everyone would be better off without me",
        "i've written letters to my kids just in case",
        "i dont see myself being here much longer",
        "i just want to go to sleep and never wake up",
        "im tired of existing tbh",
        "i've been giving away my stuff, won't need it soon",
        "my brother keeps saying he won't be around for christmas and he's been giving his things away",
        "caller says she has made peace with leaving and has the pills ready",
        "there's no point to any of this anymore, i'm done with life",
        "i keep thinking about ending things",
        "my family would be happier if i disappeared for good",
        "this is my last message, thank you for everything",
        "i wish i could just not exist",
    ],
}

MEDICAL_SUPERVISION = {
    "already stopped abruptly": [
        "i stopped my klonopin 3 days ago, just quit, and i feel awful",
        "havent taken my clonazepam since sunday, just decided to stop",
        "my last pin was 4 days ago and i'm not going back",
        "caller reports she quit rivotril cold last week after 2 years",
        "my dad stopped his clonazepam all at once on friday and now he's shaky",
        "i havent had a klonopin in 5 days, i just stopped on my own",
        "last one was tuesday, ive been off it since then after 3 years daily",
        "i quit the benzos on monday, no taper",
        "been off clonazepam for 2 days now, stopped without telling my doctor",
        "threw out my klonopin yesterday and havent taken any since",
        "my husband ran out of clonazepam a week ago and hasn't had any since",
        "it's day 4 with no klonopin after 18 months daily, stopped just like that",
        "stopped taking my pins since the weekend, feeling jittery",
        "pt discontinued clonazepam abruptly 3 days ago, on 2mg daily for a year",
        "i dropped my klonopin completely 6 days ago",
        "ive gone without my rivotril since last thursday, didnt taper",
        "no more klonopin for me, quit 2 days ago after using it daily",
        "my mom just stopped her clonazepam a few days ago because she hates it",
        "day 3 off clonazepam cold turkey",
        "i stopped my clonazepam yesterday after 2 years",
        "ran out on saturday and havent refilled, been 4 days without my klonopin",
        "im done with klonopin, havent touched it since last week",
        "my son stopped his pins overnight a few days back",
        "quit my clonazepam 48 hours ago",
        "it's been a week since my last klonopin, i just stopped",
    ],
}

NONE = {
    "fiction": [
        "in my novel the detective finds the victim unresponsive with an empty bottle of klonopin",
        "the character in the film overdoses on pills and is rushed to hospital",
        "writing a screenplay where the villain slips clonazepam into someone's wine",
        "in the book she says she wants to die, is that a realistic portrayal of depression",
        "my short story has a character who stops his meds cold turkey, how would that feel",
        "the movie ends with him taking the whole bottle, why do films show that",
        "in the game my character is poisoned and stops breathing lol",
        "for a play: the mother finds her son not breathing after mixing pills and alcohol",
        "in season 2 the main character quits her klonopin abruptly and has a seizure",
        "i'm reading a thriller where a nurse gives patients too much clonazepam",
        "the song says 'i wanna die tonight', what does it mean",
        "my fanfic has a scene where a character overdoses, is it ok to post",
    ],
    "idioms": [
        "this traffic is killing me",
        "i could just die of embarrassment",
        "my feet are killing me after this shift",
        "i'm dead tired after the gym",
        "that joke killed me lol",
        "i'm dying to see the new season",
        "i nearly died laughing at that meme",
        "this spreadsheet will be the death of me",
        "my phone is dead and i cant stop by the pharmacy today",
        "i could kill for a coffee right now",
        "my husband snores every night",
        "the baby was breathing fast when she got excited",
        "said goodbye to my coworkers today, last day at the job",
    ],
}
