"""French: parents' words and the words the pages use (see __init__.py)."""

# "l'équipe", "d'infirmière": the word after the apostrophe is searched for.
ELISIONS = ("l'", "d'", "j'", "qu'", "n'", "s'", "c'", "m'", "t'")

# Comment un enfant peut aller mieux : the pages give no figures; the results
# page says so, and where the site talks about it.
OUTLOOK_WORDS = {
    "pronostic", "pronostics", "survie", "survivre", "survit", "survivant", "survivants",
    "guérir", "guéri", "guérie", "guérison", "guérissable", "incurable", "mourir", "meurt",
    "mort", "décès", "chance", "chances", "terminal", "phase terminale", "espérance de vie",
    "statistiques", "taux de survie",
}  # fmt: skip
_OUTLOOK = ["pronostic"]
# The pages ask what care can help a child be "le plus à l'aise possible".
_COMFORT = ["à l'aise", "soutien", "soulager"]
# "Qui puis-je appeler…": the site cannot give a team's numbers.
CONTACT_WORDS = {
    "infirmière", "infirmières", "infirmier", "infirmiers", "téléphone", "numéro",
    "appeler", "joindre", "contacter", "contact",
}  # fmt: skip
_CALL = ["appeler", "entre deux rendez-vous", "jour et nuit"]

SYNONYMS = {
    "rechute": ["récidive", "récidivant", "revenu", "revient"],
    "rechuté": ["récidive", "récidivant", "revenu", "revient"],
    "récidive": ["rechute", "revenu", "revient"],
    "revenu": ["récidive", "rechute"],
    "revient": ["récidive", "rechute"],
    "est revenu": ["récidive", "rechute"],
    "retour": ["récidive", "rechute", "revient"],
    "moelle": ["moelle osseuse"],
    "cerveau": ["système nerveux central", "snc", "moelle épinière"],
    "tête": ["cerveau", "système nerveux central"],
    "colonne": ["moelle épinière", "système nerveux central"],
    "dos": ["moelle épinière"],
    "essai": ["essai clinique"],
    "essais": ["essai clinique", "essais cliniques"],
    "étude": ["essai clinique"],
    "études": ["essai clinique", "essais cliniques"],
    "recherche": ["essai clinique"],
    "chimio": ["chimiothérapie"],
    "rayons": ["radiothérapie"],
    "radiation": ["radiothérapie"],
    "rayon": ["radiothérapie"],
    "opération": ["chirurgie"],
    "opérer": ["chirurgie"],
    "greffe": ["greffe de cellules souches", "autogreffe"],
    "greffe de moelle": ["greffe de cellules souches", "autogreffe"],
    "grossit": ["progressif"],
    "grandit": ["progressif"],
    "s'étend": ["progressif"],
    "étend": ["progressif"],
    "pire": ["progressif"],
    "anticorps": ["anticorps monoclonal", "ch14.18"],
    "dinutuximab": ["ch14.18"],
    "vitamine a": ["rétinoïde", "isotrétinoïne"],
    **{word: [w for w in _OUTLOOK if w != word] for word in OUTLOOK_WORDS},
    "palliatif": _COMFORT,
    "palliatifs": _COMFORT,
    "soins palliatifs": _COMFORT,
    "fin de vie": _COMFORT,
    "confort": _COMFORT,
    "douleur": ["soulager", "symptômes"],
    **{word: _CALL for word in CONTACT_WORDS},
    "numéro de téléphone": _CALL,
    "tumor": ["tumeur"],
}

STOP_WORDS = {
    "a", "à", "ai", "au", "aux", "avec", "c", "ça", "ce", "cela", "ces", "cette", "comment",
    "d", "dans", "de", "des", "du", "elle", "elles", "en", "est", "est-ce", "et", "être",
    "il", "ils",
    "j", "je", "l", "la", "le", "les", "leur", "leurs", "m", "ma", "me", "mes", "moi", "mon",
    "n", "ne", "nos", "notre", "nous", "on", "ou", "où", "par", "pas", "pour", "pourquoi",
    "qu", "quand", "que", "quel", "quelle", "quels", "quelles", "qui", "quoi", "s", "sa",
    "se", "ses", "si", "son", "sont", "sur", "t", "ta", "tes", "ton", "tu", "un", "une",
    "va", "vos", "votre", "vous", "y",
}  # fmt: skip

COMMON_WORDS = {
    "cellule", "cellules", "enfant", "enfants", "cancer", "cancers", "fils", "fille",
    "bébé", "traitement", "traitements", "médecin", "médecins", "docteur", "docteurs",
    "neuroblastome",
}  # fmt: skip
