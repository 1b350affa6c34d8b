"""Fixed replies for requests outside what the assistant may answer, checked before any retrieval:
dosing, getting the drug without a prescription, and attempts to override its instructions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.resources import fill

SAMHSA = fill("SAMHSA National Helpline: {samhsa} (free, confidential, 24/7)")


@dataclass(frozen=True)
class ScopeDecision:
    rule: str  # "dosing", "obtaining", "injection"
    matched: str
    text: str


_DOSING = re.compile(
    r"""\b(?:
        how\s+(?:many|much)\s+
          (?:mg|milligrams?|pills?|tablets?|pins?|of\s+(?:it|them|my|the|this|clonazepam|klonopin)
            |clonazepam|klonopin|rivotril|k-?pins?|klonnies|clons?)
          \b[^?.!]*\b(?:should|can|could|do|to|must|would|shall)\b
      | how\s+often\s+(?:should|can|could|do|must|would)\s+(?:i|you|we|he|she|they|one)\s+take\b
      | how\s+(?:many|much)\s+(?:mg|milligrams?)\b
      | (?:what|which)\s+(?:is\s+|are\s+|'s\s+)?(?:the\s+|a\s+|my\s+)?
          (?:right\s+|correct\s+|normal\s+|usual\s+|typical\s+|starting\s+|start\s+|initial\s+
            |max(?:imum)?\s+|highest\s+|safe\s+|daily\s+|recommended\s+)*
          (?:dose|dosage|doses|mg)\b
      | (?:starting|initial|max(?:imum)?|daily|recommended|safe|normal|usual)\s+(?:daily\s+)?(?:dose|dosage)
      | (?:dosing|dosage|taper(?:ing)?)\s+(?:schedule|plan|chart|calendar|guide)
      | (?:increase|raise|double|up|lower|reduce|cut|halve|split)\s+(?:my|the|his|her|their)\s+(?:dose|dosage)
      | (?:dose|dosage)\s+(?:for|of)\s+
          (?:me|my|someone|panic|anxiety|sleep|seizures?|dogs?|cats?|kids?|children
            |an?\s+(?:child|kid|teen|teenager|adult|dog|cat|person|man|woman|elderly|baby))\b
      | \d+(?:\.\d+)?\s*mg\b[^?.!]*\b(?:enough|too\s+much|ok|okay|safe|right|should)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_OBTAINING = re.compile(
    r"""\b(?:
        without\s+(?:a\s+)?(?:prescription|script|rx|doctor)
      | no\s+(?:prescription|script|rx)\b
      | (?:where|how)\s+(?:can|could|do|would|to|should)\s+(?:i\s+|we\s+|you\s+|one\s+)?
          (?:buy|get|order|find|score|purchase|cop)\b
          [^?.!]*\b(?:clonazepam|klonopin|rivotril|benzos?|pins|k-?pins|clons|pills|bars|it|them|some)\b
      | (?:buy|order|purchase|score|cop)\s+(?:some\s+)?
          (?:clonazepam|klonopin|rivotril|benzos?|pins|k-?pins|clons)\b
      | (?:dark\s*web|darknet|online\s+pharmacy|from\s+a\s+dealer|fake\s+(?:prescription|script))
      | (?:trick|convince|fool)\s+(?:my|a|the)\s+(?:doctor|gp|psychiatrist|pharmacist)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_INJECTION = re.compile(
    r"""\b(?:
        (?:ignore|disregard|forget|override|bypass)\s+
          (?:all\s+|any\s+|the\s+|your\s+|my\s+|previous\s+|prior\s+|above\s+|earlier\s+)*
          (?:instructions?|rules?|prompts?|guidelines?|polic(?:y|ies)|restrictions?|safety)
      | (?:system|hidden|initial|original)\s+prompt
      | (?:reveal|show|print|repeat|tell\s+me)\s+(?:me\s+)?(?:your|the)\s+
          (?:instructions|prompt|rules|configuration)
      | you\s+are\s+now\s+(?:a|an|in|dan)\b
      | jailbreak | developer\s+mode | (?-i:\bDAN\b)  # the jailbreak persona, not the name "Dan"
      | pretend\s+(?:you\s+are|to\s+be)\s+(?:a|an)\s+(?:doctor|pharmacist|dealer)
    )""",
    re.IGNORECASE | re.VERBOSE,
)

DOSING_TEXT = (
    "I can't give doses or dosing schedules: the right amount depends on your health, your other "
    "medicines and how long you have taken it, and a wrong dose of clonazepam can be dangerous. "
    "Please ask the prescriber or a pharmacist; they can look at your situation.\n\n"
    "If you are thinking of changing or stopping your dose, don't do it on your own: stopping or "
    "cutting down too fast can cause seizures. For treatment referrals: " + SAMHSA + "."
)
OBTAINING_TEXT = (
    "I can't help with getting clonazepam without a prescription. Pills from dealers or unlicensed "
    "websites are often counterfeit and may contain fentanyl or other drugs, which can kill.\n\n"
    "If you feel you need more than you are prescribed, that is worth telling your prescriber or a "
    "pharmacist about. Confidential help is available: " + SAMHSA + "."
)
INJECTION_TEXT = (
    "I can't change how I work or share my instructions. I answer questions about clonazepam "
    "addiction, withdrawal, overdose and treatment by quoting my source page. What would you like to know?"
)

_RULES = (
    ("obtaining", _OBTAINING, OBTAINING_TEXT),
    ("dosing", _DOSING, DOSING_TEXT),
    ("injection", _INJECTION, INJECTION_TEXT),
)


def check_scope(message: str) -> ScopeDecision | None:
    """The fixed reply for an out-of-scope request, or None when the message may be answered."""
    for rule, pattern, text in _RULES:
        found = pattern.search(message)
        if found:
            return ScopeDecision(rule, " ".join(found.group().split()), text)
    return None
