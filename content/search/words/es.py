"""Spanish: parents' words and the words the pages use (see __init__.py)."""

# Cómo de probable es que un niño se cure: the pages give no figures; the
# results page says so, and where the site talks about it.
OUTLOOK_WORDS = {
    "pronóstico", "pronósticos", "supervivencia", "sobrevivir", "sobrevive",
    "superviviente", "supervivientes", "sobreviviente", "sobrevivientes", "curar", "cura",
    "curado", "curada", "curable", "incurable", "morir", "muere", "muerte", "morirá",
    "probabilidad", "probabilidades", "posibilidades", "terminal", "fase terminal",
    "esperanza de vida", "estadísticas", "tasa de supervivencia",
}  # fmt: skip
_OUTLOOK = ["pronóstico"]
# The pages ask what care there is "para que mi hijo esté cómodo".
_COMFORT = ["cómodo", "apoyo", "aliviar"]
# "¿A quién puedo llamar…?": the site cannot give a team's numbers.
CONTACT_WORDS = {
    "enfermera", "enfermeras", "enfermero", "enfermeros", "teléfono", "número", "llamar",
    "contacto", "contactar",
}  # fmt: skip
_CALL = ["llamar", "entre una cita y otra", "24 horas"]

SYNONYMS = {
    "recaída": ["recurrencia", "recurrente", "recidiva", "ha vuelto", "vuelve"],
    "recaídas": ["recurrencia", "recurrente", "recidiva", "ha vuelto", "vuelve"],
    "recayó": ["recurrencia", "recurrente", "recaída", "ha vuelto"],
    "recaer": ["recurrencia", "recurrente", "recaída"],
    "recurrencia": ["recaída", "recurrente"],
    "recidiva": ["recaída", "recurrencia", "recurrente"],
    "volvió": ["recurrencia", "recurrente", "recaída", "ha vuelto"],
    "vuelto": ["recurrencia", "recurrente", "recaída"],
    "ha vuelto": ["recurrencia", "recurrente", "recaída"],
    "regresó": ["recurrencia", "recurrente", "recaída", "ha vuelto"],
    "médula": ["médula ósea"],
    "cerebro": ["sistema nervioso central", "snc", "médula espinal"],
    "cabeza": ["cerebro", "sistema nervioso central"],
    "columna": ["médula espinal", "sistema nervioso central"],
    "espalda": ["médula espinal"],
    "ensayo": ["ensayo clínico"],
    "ensayos": ["ensayo clínico", "ensayos clínicos"],
    "estudio": ["ensayo clínico"],
    "estudios": ["ensayo clínico", "ensayos clínicos"],
    "investigación": ["ensayo clínico"],
    "quimio": ["quimioterapia"],
    "radiación": ["radioterapia"],
    "rayos": ["radioterapia"],
    "operación": ["cirugía"],
    "operar": ["cirugía"],
    "trasplante": ["trasplante de células madre", "rescate con células madre"],
    "trasplante de médula": ["trasplante de células madre", "rescate con células madre"],
    "crece": ["progresivo"],
    "creciendo": ["progresivo"],
    "extiende": ["progresivo"],
    "peor": ["progresivo"],
    "anticuerpo": ["anticuerpo monoclonal", "ch14.18"],
    "dinutuximab": ["ch14.18"],
    "vitamina a": ["retinoide", "isotretinoína"],
    **{word: [w for w in _OUTLOOK if w != word] for word in OUTLOOK_WORDS},
    "paliativo": _COMFORT,
    "paliativos": _COMFORT,
    "cuidados paliativos": _COMFORT,
    "final de la vida": _COMFORT,
    "comodidad": _COMFORT,
    "dolor": ["aliviar", "síntomas"],
    **{word: _CALL for word in CONTACT_WORDS},
    "número de teléfono": _CALL,
    "tumour": ["tumor"],
}

STOP_WORDS = {
    "a", "al", "con", "cómo", "como", "cuál", "cuándo", "de", "del", "el", "él", "ella",
    "en", "es", "está", "están", "esto", "esta", "este", "hay", "la", "las", "le", "lo",
    "los", "me", "mi", "mis", "nos", "nuestro", "nuestra", "o", "para", "pero", "por",
    "porqué", "qué", "que", "quién", "se", "si", "sí", "son", "su", "sus", "tu", "tus",
    "un", "una", "unos", "unas", "va", "y", "yo", "usted",
}  # fmt: skip

COMMON_WORDS = {
    "célula", "células", "niño", "niños", "niña", "niñas", "hijo", "hijos", "hija", "hijas",
    "cáncer", "cánceres", "bebé", "tratamiento", "tratamientos", "médico", "médicos",
    "doctor", "doctores", "neuroblastoma",
}  # fmt: skip
