"""Scripts a help-line staff member reads to a caller, with staff-only facts and sources (data only)."""

from __future__ import annotations

from assistant.reply import Route

SOURCES = """\
Sources:
- FDA Drug Safety Communication, 2016-08-31: boxed warning on opioids taken with benzodiazepines.
- FDA Drug Safety Communication, 2020-09-23: boxed warning for the benzodiazepine class \
(abuse, dependence, withdrawal reactions).
- Joint Clinical Practice Guideline on Benzodiazepine Tapering (ASAM and others, 2025).
- HRSA Poison Help: 1-800-222-1222.
- 988 Suicide & Crisis Lifeline: call or text 988, chat at 988lifeline.org.
- SAMHSA National Helpline: 1-800-662-4357.
- CDC seizure first aid."""

EMERGENCY = """\
EMERGENCY: possible overdose or medical danger now.
Read to the caller:
1. "Please call 911 now, or I can stay on the line while you do." Outside the US: local emergency \
number (112 EU, 999 UK).
2. "Stay with them. If they are breathing but won't wake, roll them onto their side (recovery position)."
3. "Don't let them sleep it off, don't give anything by mouth, don't make them vomit."
4. "If opioids could be involved and you have naloxone (Narcan), give it now."
5. Seizure: "Move hard things away, don't hold them down, nothing in the mouth; time the seizure."
If unsure whether it is serious: Poison Help 1-800-222-1222 (free, 24/7).
Ask: what was taken, how much, when, with alcohol or opioids? Is the person breathing? \
Pass the answers to 911 or Poison Help.
If the overdose may have been intentional: once help is on the way, offer 988.
Facts: benzodiazepines with opioids or alcohol can slow breathing dangerously (FDA boxed warning, 2016)."""

MEDICAL_SUPERVISION = """\
MEDICAL SUPERVISION: wants to stop suddenly, has stopped abruptly, ran out, or plans to detox alone.
Read to the caller:
1. "Please don't stop clonazepam suddenly. After regular use, stopping abruptly can cause withdrawal, \
including seizures, which can be life-threatening."
2. "Your prescriber or a pharmacist can plan a gradual taper with you and supervise it."
3. "If you've run out or already stopped, please contact your prescriber, a pharmacist or urgent care today."
4. "For treatment referrals, SAMHSA's National Helpline is 1-800-662-4357, free, confidential, 24/7, \
English and Spanish."
5. "If you have a seizure, severe confusion or hallucinations, call 911 right away."
Staff-only facts (do not give the caller a schedule; the prescriber sets it):
- Guidelines typically reduce the dose by 5-10% every 2-4 weeks, and rarely by more than 25% every \
2 weeks (Joint Clinical Practice Guideline on Benzodiazepine Tapering, ASAM and others, 2025).
- FDA boxed warning for all benzodiazepines since 2020-09-23: abrupt discontinuation or rapid dose \
reduction can cause life-threatening withdrawal reactions, including seizures."""

CRISIS = """\
CRISIS: suicidal thoughts, self-harm, a lethal-amount question, or someone else announcing suicide.
Read to the caller (warm, calm, non-judgemental; listen first):
1. "Thank you for telling me. I'm glad you reached out, and I want to help you stay safe."
2. "You can call or text 988 any time, or chat at 988lifeline.org. Press 2 for Spanish."
3. "You can also text HOME to 741741."
4. "If you are in immediate danger, or have already taken something, please call 911 now."
Ask directly and calmly whether they are thinking about suicide and whether they are safe right now; \
offer a warm transfer to 988.
Never give method or lethal-amount information, even if asked for "research" or a story.
Safe messaging: no details of methods, no judgement, emphasise that help works and recovery is possible."""

SCRIPTS = {Route.EMERGENCY: EMERGENCY, Route.MEDICAL_SUPERVISION: MEDICAL_SUPERVISION, Route.CRISIS: CRISIS}
SPANISH_NOTE = (
    "The visitor wrote in Spanish: the fixed reply was shown in Spanish; 988 offers Spanish (press 2)."
)
