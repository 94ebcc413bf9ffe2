"""The guide's starting questions, loaded by a data migration on the first
`migrate` and by the browser tests (whose database is emptied between tests)."""

QUESTIONS = [
    {
        "key": "where",
        "order": 1,
        "text": "Where has the neuroblastoma come back?",
        "hint": "Your child's care team will have told you where the cancer was found this time.",
        "summary_label": "Where it has come back",
        "error_message": "Select where the neuroblastoma has come back",
        "answers": [
            {
                "key": "brain",
                "label": "In the brain or spinal cord",
                "hint": "Doctors may call this the central nervous system, or CNS.",
                "page": "cns",
                "reason": "it has come back in the brain or spinal cord",
            },
            {
                "key": "one-place",
                "label": "In one place in the body",
                "next_question": "risk-group",
                "section": "one-place",
                "reason": "it has come back in one place",
            },
            {
                "key": "spread",
                "label": "In more than one place",
                "hint": "For example, in the bones or the bone marrow.",
                "next_question": "risk-group",
                "section": "spread",
                "reason": "it has come back in more than one place",
            },
            {
                "key": "not-sure",
                "label": "I'm not sure",
                "hint": "Your child's care team can tell you. It will be in your child's "
                "treatment plan.",
                "is_unsure": True,
                "next_question": "risk-group",
                "reason": "you are not sure where it has come back",
            },
        ],
    },
    {
        "key": "risk-group",
        "order": 2,
        "text": "What risk group was your child in when the neuroblastoma was first found?",
        "hint": "When your child was first diagnosed, doctors put the cancer in a risk group: "
        "low, intermediate or high. It guided the treatment your child had then.",
        "summary_label": "Risk group when first found",
        "error_message": "Select the risk group your child was in when the neuroblastoma "
        "was first found",
        "answers": [
            {
                "key": "low",
                "label": "Low risk",
                "page": "low-risk",
                "reason": "your child was first treated for low-risk neuroblastoma",
            },
            {
                "key": "intermediate",
                "label": "Intermediate risk",
                "page": "intermediate-risk",
                "reason": "your child was first treated for intermediate-risk neuroblastoma",
            },
            {
                "key": "high",
                "label": "High risk",
                "page": "high-risk",
                "reason": "your child was first treated for high-risk neuroblastoma",
            },
            {
                "key": "not-sure",
                "label": "I'm not sure",
                "hint": "Your child's care team can tell you. It is also in your child's "
                "treatment plan.",
                "is_unsure": True,
                "page": "what-is-recurrence",
                "section": "risk-groups",
                "reason": "you are not sure which risk group your child was in",
                "result_note": "Ask your child's care team which risk group your child was in "
                "when the neuroblastoma was first found. When you know, you can use this "
                "guide again to find the page for your child.",
            },
        ],
    },
]


def load_starting_guide(question_model, answer_model, page_model):
    """Create the starting questions, unless the guide already has questions.

    Takes the models as arguments so the data migration can pass its historical
    ones. An editor's questionnaire is never overwritten. Returns False, and
    creates nothing, when a page the questions lead to is missing or not
    published (an editor changed it first): a half-built guide would strand
    parents, and the system check then says the guide has no questions.
    """
    if question_model.objects.exists():
        return True
    slugs = {a["page"] for q in QUESTIONS for a in q["answers"] if a.get("page")}
    pages = {p.slug: p for p in page_model.objects.filter(slug__in=slugs, status="published")}
    if set(pages) != slugs:
        return False
    questions = {}
    for data in QUESTIONS:
        fields = {k: v for k, v in data.items() if k != "answers"}
        questions[data["key"]] = question_model.objects.create(**fields)
    for data in QUESTIONS:
        for order, answer in enumerate(data["answers"]):
            answer = dict(answer)
            next_key = answer.pop("next_question", None)
            slug = answer.pop("page", None)
            answer_model.objects.create(
                question=questions[data["key"]],
                order=order,
                next_question=questions[next_key] if next_key else None,
                page=pages[slug] if slug else None,
                **answer,
            )
    return True
