"""The fixed, reviewed visitor texts of the safety routes, in English and Spanish (data only).

Facts, numbers and sources follow DESIGN.md "Safety routes". Visitor texts never hold a dose,
a percentage or a taper schedule; phone numbers are written plainly so a UI can link them.
"""

from __future__ import annotations

from assistant.reply import Route

EMERGENCY_EN = """\
**This may be an overdose. Call 911 now.**
Outside the US, call your local emergency number (**112** in the EU, **999** in the UK).

If you are not sure how serious it is, call **Poison Help at 1-800-222-1222** (free, 24/7). \
If the person is hard to wake, breathing slowly or not at all, or has blue or grey lips, call 911 first.

While you wait for help:
- **Stay with the person.** Do not leave them alone.
- If they are breathing but will not wake up, put them in the **recovery position**: on their side, \
top knee bent, head tilted back a little.
- **Do not let them "sleep it off".** Keep checking their breathing until help arrives.
- Give them **nothing by mouth**: no food, no drinks, no other medicines.
- **Do not try to make them vomit.**
- If **opioids** may be involved (strong painkillers, heroin, fentanyl), **give naloxone (Narcan)** \
if you have it.
- If they have a seizure: move hard objects away, do not hold them down, put nothing in their mouth.

If you are the one who took too much, call 911 now, unlock your door and tell someone near you.
If this was on purpose, or someone is talking about wanting to die, you can also call or text **988** \
once help is on the way.

_This is safety information, not medical advice._"""

MEDICAL_SUPERVISION_EN = """\
**Please don't stop clonazepam suddenly.**
After regular use, stopping abruptly or cutting down too fast can cause withdrawal reactions, \
including **seizures**, which can be life-threatening. Since 2020 the FDA has required a **boxed warning** \
about this for all benzodiazepines.

What to do instead:
- Talk to your **prescriber or a pharmacist** before you change how you take it. They can plan a \
**gradual taper** with you and supervise it.
- If you have run out, or have already stopped, contact your prescriber, a pharmacist or an urgent care \
clinic **today**.
- For treatment referrals, call the **SAMHSA National Helpline at 1-800-662-4357** \
(free, confidential, 24/7, in English and Spanish).

**Call 911 now** if you or someone with you has a **seizure**, severe **confusion** or **hallucinations**.

_This is safety information, not medical advice._"""

CRISIS_EN = """\
**I'm really glad you reached out. You don't have to go through this alone.**
If you are thinking about suicide or about hurting yourself, or you are worried about someone who is, \
people are ready to listen right now, free and confidential:
- **Call or text 988** (988 Suicide & Crisis Lifeline, US, 24/7). Press 2 for Spanish.
- **Chat at 988lifeline.org**
- **Text HOME to 741741** (Crisis Text Line).

**If you or they are in immediate danger, call 911.**

If you can, ask someone you trust to stay with you, and to keep your medicines for you for now.
What you are feeling matters, and support can help, even when it does not feel that way."""

EMERGENCY_ES = """\
**Esto puede ser una sobredosis. Llame al 911 ahora.**
Fuera de EE. UU., llame al número de emergencias local (**112** en la UE, **999** en el Reino Unido).

Si no está seguro de la gravedad, llame a **Poison Help al 1-800-222-1222** (gratis, 24/7). \
Si a la persona le cuesta despertar, respira lento o no respira, o tiene los labios azules o grises, \
llame primero al 911.

Mientras llega la ayuda:
- **Quédese con la persona.** No la deje sola.
- Si respira pero no despierta, póngala en **posición de recuperación**: de lado, con la rodilla de \
arriba doblada y la cabeza un poco hacia atrás.
- **No la deje "dormir para que se le pase".** Siga vigilando su respiración hasta que llegue la ayuda.
- **No le dé nada por la boca**: ni comida, ni bebida, ni otros medicamentos.
- **No intente provocarle el vómito.**
- Si pueden estar involucrados **opioides** (analgésicos fuertes, heroína, fentanilo), **dele naloxona \
(Narcan)** si la tiene.
- Si tiene una convulsión: aparte los objetos duros, no la sujete y no le ponga nada en la boca.

Si usted es quien tomó de más, llame al 911 ahora, abra la puerta y avise a alguien cercano.
Si fue a propósito, o alguien habla de querer morir, también puede llamar o enviar un mensaje de texto \
al **988** (oprima 2 para español) cuando la ayuda ya esté en camino.

_Esta es información de seguridad, no un consejo médico._"""

MEDICAL_SUPERVISION_ES = """\
**Por favor, no deje el clonazepam de golpe.**
Después de un uso regular, dejarlo de repente o bajar la dosis demasiado rápido puede causar \
reacciones de abstinencia, incluidas **convulsiones**, que pueden poner en peligro la vida. Desde 2020 \
la FDA exige una **advertencia de recuadro** (boxed warning) sobre esto para todas las benzodiacepinas.

Qué hacer en su lugar:
- Hable con su **médico o con un farmacéutico** antes de cambiar cómo lo toma. Pueden planear con usted \
una **reducción gradual** y supervisarla.
- Si se le acabó o ya lo dejó, comuníquese **hoy** con su médico, un farmacéutico o una clínica de \
atención urgente.
- Para encontrar tratamiento, llame a la **Línea Nacional de Ayuda de SAMHSA al 1-800-662-4357** \
(gratis, confidencial, 24/7, en inglés y en español).

**Llame al 911 ahora** si usted o alguien con usted tiene una **convulsión**, **confusión** grave o \
**alucinaciones**.

_Esta es información de seguridad, no un consejo médico._"""

CRISIS_ES = """\
**Me alegra mucho que haya escrito. No tiene que pasar por esto a solas.**
Si está pensando en el suicidio o en hacerse daño, o le preocupa alguien que lo está, hay personas \
listas para escucharle ahora mismo, gratis y de forma confidencial:
- **Llame o envíe un mensaje de texto al 988** (988 Suicide & Crisis Lifeline, EE. UU., 24/7). \
Oprima 2 para español.
- **Chat en 988lifeline.org**
- **Envíe HOME al 741741** (Crisis Text Line).

**Si usted o esa persona está en peligro inmediato, llame al 911.**

Si puede, pida a alguien de confianza que se quede con usted y que le guarde sus medicamentos por ahora.
Lo que siente importa, y el apoyo puede ayudar, aunque ahora no lo parezca."""

VISITOR_TEXTS: dict[tuple[Route, str], str] = {
    (Route.EMERGENCY, "en"): EMERGENCY_EN,
    (Route.MEDICAL_SUPERVISION, "en"): MEDICAL_SUPERVISION_EN,
    (Route.CRISIS, "en"): CRISIS_EN,
    (Route.EMERGENCY, "es"): EMERGENCY_ES,
    (Route.MEDICAL_SUPERVISION, "es"): MEDICAL_SUPERVISION_ES,
    (Route.CRISIS, "es"): CRISIS_ES,
}

FOOTERS = {
    "en": {
        "overdose": "**Safety:** if someone may have taken too much, is hard to wake or breathing slowly, "
        "call 911 now (112 in the EU, 999 in the UK). Poison Help: 1-800-222-1222 (free, 24/7).",
        "stopping": "**Safety:** don't stop clonazepam suddenly; ask your prescriber or a pharmacist to plan "
        "a gradual taper. SAMHSA Helpline: 1-800-662-4357 (free, 24/7). A seizure now: call 911.",
        "suicide": "**Support:** if you are thinking about suicide, call or text 988 "
        "or chat at 988lifeline.org "
        "(24/7). In immediate danger, call 911.",
    },
    "es": {
        "overdose": "**Seguridad:** si alguien pudo tomar de más, no despierta o respira lento, "
        "llame al 911 ahora "
        "(112 en la UE, 999 en el Reino Unido). Poison Help: 1-800-222-1222 (gratis, 24/7).",
        "stopping": "**Seguridad:** no deje el clonazepam de golpe; pida a su médico o a un farmacéutico que "
        "planee una reducción gradual. SAMHSA: 1-800-662-4357 (gratis, 24/7). "
        "Una convulsión ahora: llame al 911.",
        "suicide": "**Apoyo:** si piensa en el suicidio, llame o envíe un texto al 988 "
        "(oprima 2 para español) "
        "o use el chat en 988lifeline.org. En peligro inmediato, llame al 911.",
    },
}
FOOTERS["en"]["withdrawal"] = FOOTERS["en"]["stopping"]
FOOTERS["es"]["withdrawal"] = FOOTERS["es"]["stopping"]

BANNERS = {
    "en": {
        Route.EMERGENCY: "**If someone is in danger now: call 911.** "
        "Poison Help: 1-800-222-1222 (free, 24/7).",
        Route.CRISIS: "**You are not alone: call or text 988** (24/7) or text HOME to 741741. "
        "In immediate danger, call 911.",
    },
    "es": {
        Route.EMERGENCY: "**Si alguien está en peligro ahora: llame al 911.** Poison Help: 1-800-222-1222 "
        "(gratis, 24/7).",
        Route.CRISIS: "**No tiene que pasar por esto a solas: llame o envíe un texto al 988** "
        "(24/7, oprima 2 para español) o envíe "
        "HOME al 741741. En peligro inmediato, llame al 911.",
    },
}
