"""The guide's starting questions, loaded by a data migration on the first
`migrate` and by the browser tests (whose database is emptied between tests)."""

QUESTIONS = [
    {
        "key": "where",
        "order": 1,
        "text": "Where has the neuroblastoma come back?",
        "hint": "Your child's care team can tell you where the cancer has been found this time.",
        # It must read right for "It is growing during treatment" too.
        "summary_label": "What is happening now",
        "error_message": "Select where the neuroblastoma has come back",
        "answers": [
            {
                "key": "brain",
                "label": "In the brain or spinal cord",
                "hint": "Doctors may call this the central nervous system, or CNS. Choose "
                "this even if the cancer is also somewhere else.",
                "page": "cns",
                "reason": "it has come back in the brain or spinal cord",
            },
            {
                "key": "one-place",
                "label": "In one place only",
                "hint": "Doctors may say the cancer was found in one place.",
                "next_question": "risk-group",
                "section": "one-place",
                "reason": "it has come back in one place",
            },
            {
                "key": "spread",
                "label": "It has spread to other places in the body",
                "hint": "For example, it may be in the bones and bone marrow.",
                "next_question": "risk-group",
                "section": "spread",
                "reason": "it has spread to other places in the body",
            },
            {
                "key": "growing",
                "label": "It is growing during treatment",
                "hint": "Doctors may call this progressive disease, or say it is not "
                "responding to treatment.",
                "page": "what-is-recurrence",
                "section": "progressive",
                "reason": "it is growing during treatment",
                "result_note": "Ask your child's care team what this means for your "
                "child's treatment, and whether a clinical trial could be an option.",
            },
            {
                "key": "not-sure",
                "label": "I'm not sure",
                "hint": "Choose this if you were told it is in the bone marrow or a bone (such "
                "as the skull or spine), or pressing on the spinal cord, and are not sure which "
                "answer fits.",
                "is_unsure": True,
                "next_question": "risk-group",
                "reason": "you are not sure where it has come back",
                "result_note": "Ask your child's care team where the cancer has come back, "
                "and whether it is in the brain or spinal cord.",
            },
        ],
    },
    {
        "key": "risk-group",
        "order": 2,
        "text": "What risk group was your child in when the neuroblastoma was first found?",
        "hint": "When your child was first diagnosed, doctors put the cancer in a risk group. "
        "This guide covers low, intermediate (middle) and high. If the team used another "
        'name, such as "very low", choose "I\'m not sure".',
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
                "hint": "Your child's care team can tell you. It is a good question to ask at "
                "your next visit.",
                "is_unsure": True,
                "page": "what-is-recurrence",
                "section": "risk-groups",
                "reason": "you are not sure which risk group your child was in",
                "result_note": "Ask your child's care team which risk group your child was in "
                "when the neuroblastoma was first found. Meanwhile, this page explains what "
                "the risk group means and what else the team looks at.",
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
