# ruff: noqa: E501  (regex data reads best one alternative group per line)
"""Spanish safety rules (data). Text is normalized first, so no accents: "tomo" matches "tomó"."""

from __future__ import annotations

from assistant.reply import Route
from assistant.safety.lexicon import CHILD, DRUGISH, GAP, MIX, STRONG_AMOUNT, SUPERVISED, TAKEN
from assistant.safety.rule import rule

E, M, C = Route.EMERGENCY, Route.MEDICAL_SUPERVISION, Route.CRISIS
PERSON = r"(?:lo|la|le|los|las)"
ES_OBJECT = (
    rf"(?:(?:el|la|las|los|mis|mi|sus|su|de|del|todo|toda|todas|todos) )*(?:{DRUGISH}|clonazepam|rivotril)"
)
STOP_ES = (
    r"(?:dejar|dejarlo|dejarla|dejarlas|dejarlos|deje|dejo|dejando|voy a dejar|quiero dejar|"
    r"parar|pararlo|suspender|suspenderlo|suspendi|cortar|cortarlo|corte|quitar|quitarme|abandonar)"
)
ABRUPT_ES = (
    r"(?:de golpe|de repente|de un dia para otro|de una vez|en seco|bruscamente|de inmediato|inmediatamente|"
    r"manana|hoy|ya mismo|esta noche|desde (?:hoy|manana|ya|ahora|este momento)|sin (?:bajar|reducir|disminuir|ir bajando|supervision|medico|ayuda)(?: la dosis)?|"
    r"en (?:una semana|unos dias|pocos dias|\d+ dias)|"
    # Spanglish: English timing inside a Spanish sentence
    r"de un jalon|asi nomas|de tajo|de sopeton|de una(?! vez)|sin (?:ir )?bajarle|sin ir bajandole|"
    r"this weekend|all at once|cold turkey|tomorrow|tonight|right now|starting (?:today|tomorrow|now))"
)
SUPERVISED_TAPER = ((SUPERVISED, "none.supervised_taper"),)

RULES = (
    # ---- emergencia ----------------------------------------------------------------------------
    rule(
        "emergency.unresponsive",
        E,
        rf"(?:no (?:se )?(?:despierta|reacciona|responde|contesta|se mueve)|no (?:puedo|podemos|logro|consigo) despertar{PERSON}?|"
        rf"no {PERSON} (?:puedo|podemos|logro|consigo) despertar|no hay (?:manera|forma|modo) de despertar{PERSON}?|inconsciente|sin (?:reaccionar|responder)|"
        r"se desmayo|desmayad[oa]|perdio el conocimiento|esta como muert[oa])",
        unless=((r"(?:telefono|celular|movil|mensajes?|llamadas?|whatsapp|correo)", "none.idiom"),),
        lang="es",
    ),
    rule(
        "emergency.breathing",
        E,
        r"(?:no respira|apenas respira|casi no respira|dejo de respirar|respira (?:muy |super |bien )?(?:lento|lenta|despacio|despacito|poco|mal|raro|debil)|"
        r"respiracion (?:muy )?(?:lenta|debil|rara|superficial))",
        lang="es",
    ),
    rule(
        "emergency.lips",
        E,
        r"(?:labios|cara|piel|unas|dedos) (?:se (?:le )?(?:pusieron|ponen|estan poniendo) |estan |esta |muy )*(?:morad[oa]s?|azul(?:es)?|gris(?:es)?|palid[oa]s?)|"
        r"se (?:esta )?(?:puso|poniendo) (?:morad[oa]|azul|gris)",
        lang="es",
    ),
    rule(
        "emergency.snoring",
        E,
        r"(?:ronca (?:raro|fuerte|muy fuerte)|ronquidos raros|gorgote\w*|hace ruidos raros al respirar)",
        lang="es",
    ),
    rule(
        "emergency.overdose",
        E,
        r"(?:(?:tiene|tuvo|esta teniendo|creo que (?:es|tiene|tuvo)|le dio) (?:una )?sobredosis|(?:se )?(?:sobredosifico|paso de dosis)|"
        r"creo que (?:me )?(?:pase|se paso) (?:con|de) (?:la dosis|las pastillas))",
        lang="es",
    ),
    rule(
        "emergency.amount",
        E,
        rf"{TAKEN} (?:{GAP}{{0,4}}?)(?:como |unas |unos |casi |mas de )?{STRONG_AMOUNT}",
        lang="es",
    ),
    rule(
        "emergency.amount",
        E,
        rf"(?:me|se|le) (?:tome|tomo|trague|trago|ha tomado|he tomado) (?:{GAP}{{0,3}}?)(?:un monton|muchas|demasiadas|todas|todo|toda)",
        lang="es",
    ),
    rule(
        "emergency.drowsy",
        E,
        rf"(?:{MIX}|alcohol|bebiendo|tomando) (?:{GAP}{{0,6}}?)(?:muy (?:dormid[oa]|somnolient[oa]|mareado|mareada|adormilad[oa])|no (?:se )?puede (?:mantener|hablar|caminar))",
        needs="drug",
        lang="es",
    ),
    rule(
        "emergency.drowsy",
        E,
        r"muy (?:confundid[oa]|adormilad[oa]|dormid[oa]|somnolient[oa])|se le cierran los ojos|no (?:sabe|reconoce) (?:quien soy|donde esta|a nadie)|(?:esta )?helad[oa]|no (?:me|nos|le) (?:contesta|responde)",
        needs="overdose",
        lang="es",
    ),
    rule(
        "emergency.child",
        E,
        rf"{CHILD} (?:{GAP}{{0,4}}?)(?:se (?:trago|comio|tomo|metio|puso|llevo) (?:a |en )?(?:la boca)?|trago|comio|tomo|ingirio|agarro|(?:pudo|puede) haber(?:se)? (?:tragado|comido|tomado))",
        needs="drug",
        lang="es",
    ),
    rule(
        "emergency.seizure",
        E,
        r"(?:(?:esta|esta teniendo|tiene|le esta dando|le dio) (?:una |un )?(?:convulsion(?:es)?|ataque(?: epileptico)?|crisis convulsiva)|"
        r"convulsionando|esta temblando y no responde)",
        lang="es",
    ),
    # ---- supervision medica --------------------------------------------------------------------
    rule(
        "medical_supervision.stop_abrupt",
        M,
        rf"{STOP_ES} (?:de tomar(?:lo|la|las|los)? (?:{ES_OBJECT} )?|{ES_OBJECT} |(?:lo|la|las|los) )(?:{GAP}{{0,3}}?){ABRUPT_ES}",
        past="months",
        lang="es",
    ),
    rule("medical_supervision.stop_abrupt", M, rf"{STOP_ES} {ABRUPT_ES}", past="months", lang="es"),
    rule(
        "medical_supervision.stop_abrupt",
        M,
        rf"{ABRUPT_ES} (?:{GAP}{{0,3}}?){STOP_ES} (?:de tomar(?:lo|la|las|los)?|{ES_OBJECT}|lo|la|las|los)",
        past="months",
        lang="es",
    ),
    rule(
        "medical_supervision.stop_abrupt",
        M,
        r"(?:de golpe|en seco|de un dia para otro|de un jalon|asi nomas|de tajo)",
        needs="drug",
        past="months",
        lang="es",
    ),
    rule(
        "medical_supervision.stopped_recently",
        M,
        rf"(?:deje|deje de tomar|no (?:he )?(?:tomado|tomo)|llevo|estoy) (?:{GAP}{{0,4}}?)(?:hace|desde hace|sin tomar(?:lo|la)?) (?:\d+|unos|un par de|pocos|varios) dias",
        past="months",
        lang="es",
    ),
    rule(
        "medical_supervision.ran_out",
        M,
        rf"(?:se me (?:acabo|acabaron|termino|terminaron)|me quede sin|no tengo mas|no me quedan?|no me (?:quieren|quiere) (?:dar|recetar|surtir))(?: (?:{GAP}{{0,2}}?)(?:{DRUGISH}))?",
        needs="drug",
        past="months",
        lang="es",
    ),
    rule(
        "medical_supervision.flush",
        M,
        rf"(?:tirar|tire|tiro|botar|bote|boto|echar|eche) (?:(?:todas|todos|mis|las|los|sus) )*(?:{DRUGISH})",
        past="months",
        lang="es",
    ),
    rule(
        "medical_supervision.detox_alone",
        M,
        r"(?:desintoxicar(?:me|se)?|dejar(?:lo|la)?|quitarme|sacarme|sacarlo|hacer (?:el )?detox|detox) (?:[^ .?!;]+ ){0,6}?(?:sol[oa]|en casa|por mi cuenta|sin (?:medico|doctor|ayuda|supervision))",
        unless=SUPERVISED_TAPER,
        past="months",
        lang="es",
    ),
    rule(
        "medical_supervision.decided",
        M,
        rf"(?:ya )?no (?:voy a|vuelvo a|pienso|quiero|va a|piensa) (?:tomar|tomarme|tomarlo|tomarla|tomarlas) (?:mas )?(?:{ES_OBJECT}|nunca mas|mas)|"
        r"(?:ya )?no (?:lo|la|las|los) (?:voy a|vuelvo a|pienso|quiero) (?:tomar|seguir tomando)|(?:pasar|bajar|ir) de \d+(?:\.\d+)?(?: mg)? a (?:nada|cero|0) (?:en|dentro de) (?:una semana|unos dias|\d+ dias|pocos dias)",
        needs="drug",
        unless=SUPERVISED_TAPER,
        past="months",
        lang="es",
    ),
    # A stop within days, no more doses from tomorrow, days already gone without it.
    rule(
        "medical_supervision.fast_taper",
        M,
        rf"(?:dejar(?:lo|la|las)?|quitar(?:me|lo|la)?|suspender(?:lo|la)?|terminar con) (?:{GAP}{{0,3}}?)(?:en|dentro de) (?:\d+|un par de|pocos|unos|dos|tres|una) (?:dias?|semana)",
        needs="drug",
        past="months",
        lang="es",
    ),
    rule(
        "medical_supervision.decided",
        M,
        r"(?:manana|hoy|desde manana|a partir de manana|a partir de hoy|esta noche) (?:ya )?no (?:me )?(?:tomo|tomare|voy a tomar) (?:ninguna|ninguno|nada|mas|ni una)|"
        r"(?:se acabo|se termino) (?:el|la|las|los|mi|mis) (?:clona\w*|rivotril|pastillas|clonazepam)",
        needs="drug",
        past="months",
        lang="es",
    ),
    rule(
        "medical_supervision.stopped_recently",
        M,
        r"llevo (?:\d+|unos|un par de|dos|tres|cuatro|cinco|varios) dias sin (?:tomar(?:lo|la|las|los|me)?|(?:mis |las |el |la )?(?:pastillas|clona\w*|rivotril|clonazepam))",
        needs="drug",
        past="months",
        lang="es",
    ),
    # ---- crisis --------------------------------------------------------------------------------
    rule(
        "crisis.suicidal",
        C,
        r"(?:quiero|quisiera|que) (?:que )?(?:sea|fuera|seria) lo ultimo que (?:haga|hago|hare)|(?:rezo|pido|ojala) (?:[^.?!;]+ ){0,3}?(?:morir(?:me)?|no despertar(?:me)?)",
        lang="es",
    ),
    rule(
        "crisis.suicidal",
        C,
        r"(?:estarian|estaria|estarias|seria|serian|vivirian|estan|estarán) (?:[^ .?!;]+ )?mejor sin (?:mi|el|ella)|"
        r"(?:carta|nota|mensaje|video) de despedida|(?:se despidio|me despedi|me estoy despidiendo|se esta despidiendo) de (?:todos|todo el mundo|nosotros|mi familia)|"
        r"(?:ya )?no (?:quiero|quiere) (?:existir|seguir aqui|estar aqui|despertar(?:me)?)|(?:tengo|tiene) un plan para (?:matarme|morir|suicidarme|matarse)|"
        r"(?:no|ya no) (?:voy|va) a estar (?:aqui|mas) (?:manana|mucho tiempo)|dormir para siempre|desaparecer para siempre|"
        r"(?:dormir(?:me|se)?|irme) y (?:ya )?no (?:volver|despertar(?:me)?)|no volver a despertar|ojala (?:ya )?no (?:amanecer|despertar)|no amanecer|"
        r"no le veo sentido a (?:nada|la vida|vivir)|regal\w* (?:todas )?(?:mis|sus) cosas|para cuando (?:yo )?no (?:este|estemos)|(?:deje|dejo) todo arreglado|"
        r"despidiendose|se (?:esta )?despidiendo|(?:quiere|quiero|se quiere) (?:ir(?:se|me)?|estar) con (?:mi |su )?[a-z]+ (?:al|en el) cielo",
        lang="es",
    ),
    rule(
        "crisis.suicidal",
        C,
        r"(?:(?:quiero|quisiera|me quiero|quiere|se quiere|deseo|ganas de|pienso en|pensando en) (?:me )?(?:morir(?:me|se)?|matar(?:me|se)|suicidar(?:me|se)|desaparecer para siempre)|"
        r"(?:se|me) (?:va|voy|vas|van|iba) a (?:matar|suicidar|quitar la vida)|(?:me|se|te) (?:quiero|quiere|quieres|quieren|queria|queria) (?:matar|morir|suicidar)|suicid\w*|matarme|quitarme la vida|quitarse la vida|acabar con (?:mi vida|su vida|todo)|(?:ya )?no (?:quiero|quiere|queria) (?:vivir|seguir viviendo|despertar|seguir|estar aqui)|"
        r"no vale la pena vivir|(?:mejor|preferiria estar) muert[oa]|dormir y no despertar|no despertar nunca|(?:va|voy|vas|van|iba|quiere|quiero|piensa|pienso|planea) (?:a )?(?:[^.?!;]+ ){0,8}?para (?:ya )?no (?:volver a )?despertar(?:me|se)?|"
        r"(?:ya )?no (?:aguanto|puedo) mas (?:vivir|la vida))",
        lang="es",
    ),
    rule(
        "crisis.lethal_amount",
        C,
        rf"(?:cuantas|cuantos|cuanto|que cantidad|que dosis) (?:{GAP}{{0,8}}?)(?:matar|matarme|morir|muero|letal|mortal|sobredosis|no despertar)|"
        r"dosis (?:letal|mortal)|cantidad (?:letal|mortal)|(?:cuantas|cuantos) (?:[^ .?!;]+ ){0,10}?(?:ultima vez que (?:me )?duermo|no volver a despertar|dormir para siempre)|"
        rf"(?:cuantas|cuantos|cuanto) (?:{GAP}{{0,8}}?)(?:would|will|to) (?:kill|die|be (?:lethal|fatal|deadly))",
        checks=frozenset({"negation"}),
        lang="es",
    ),
    rule(
        "crisis.self_harm",
        C,
        r"(?:hacerme dano|cortarme|lastimarme|me quemo|quemarme|me pego|golpearme|autolesion\w*|me corto|me lastimo|herirme|(?:me estoy|se esta|me he|se ha) (?:cortando|cortado|lastimando|lastimado|haciendo dano|quemando|quemado))",
        lang="es",
    ),
    rule(
        "crisis.intent_overdose",
        C,
        rf"(?:voy a|quiero|pienso|estoy pensando en) (?:tomar(?:me)?|tragar(?:me)?) (?:{GAP}{{0,3}}?){STRONG_AMOUNT}",
        lang="es",
    ),
)
