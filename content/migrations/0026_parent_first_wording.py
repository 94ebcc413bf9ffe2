"""What a frightened parent meets first, in the starting pages, glossary and
guide (the independent content reading of 3 December 2026):

- every page's questions ask what signs should make the parent call the team
  straight away, day or night;
- the sentences a clinician would stop at: MIBG therapy is a targeted
  *radiation* treatment (the glossary's targeted therapy is about medicines),
  and no order of MIBG therapy and stem cell rescue is stated, which the
  sources leave open; trials test whether new treatments are safe and work,
  not whether they work better than something there may not be; "its country"
  is Canada; no sentence says what the website's sources do not say where it
  should speak of the child's care; the high-risk page gains what else the team
  looks at, and the Institute's own note that its list may have changed;
- the glossary's clinical trial, relapse, standard treatment, risk group, MIBG
  therapy (and "MIBG" is the substance, not another name for the treatment)
  and targeted therapy;
- the guide: a summary label that reads right for "It is growing during
  treatment", a shorter first hint, and the skull and spine hint.

Each change is made only where the old words are still there: an editor's own
words are never overwritten. A page a clinician has signed off is left as it
is and named in the output (their check was of the words they read). Each
changed row's history says why.
"""

from django.contrib.postgres.search import SearchVector
from django.db import migrations
from django.db.models import TextField, Value
from django.utils import timezone

from content import links
from content.readability import plain_text
from content.rendering import render_markdown, sections

REASON = "Starting wording updated after the content reading of 3 December 2026"

CALL = "- What signs should make me call you straight away, day or night?"

# slug: [(old, new), ...], applied in order; each old is in the page exactly once.
PAGE_EDITS = {
    "what-is-recurrence": [
        (
            'You may also hear them say it has "recurred", or that your child has "a recurrence".',
            'You may also hear them say it has "recurred", or that your child has "a recurrence". '
            "Doctors may also call it a relapse, or say the neuroblastoma has relapsed.",
        ),
        (
            "This can happen while your child is still having treatment. That is not the same as "
            "cancer that comes back after treatment has ended. Our sources do not say that both "
            "are treated the same way, so ask your child's care team what it means for your child.",
            "This can happen while your child is still having treatment. It is different from "
            "cancer that comes back after treatment has ended. Your child's care team can explain "
            "what it means for your child's treatment, and whether a clinical trial could be an "
            "option.",
        ),
        (
            "Where the cancer is found this time also matters. Children whose cancer is in only "
            "one place tend to do better than children whose cancer is in many places, such as "
            "the bones and bone marrow (the soft tissue inside bones).\n\n"
            "Every child is different. Your child's team can tell you what this means for your "
            "child.",
            "Where the cancer is found this time also matters. In general, children tend to do "
            "better when the cancer is in only one place. They tend to do less well when it is in "
            "many places, such as the bones and bone marrow (the soft tissue inside bones). Every "
            "child is different. Your child's team can tell you what this means for your child, "
            "and talk it through with you as often as you need.",
        ),
        (
            "- Who can I call if I have questions between visits?",
            "- Who can I call if I have questions between visits?\n" + CALL,
        ),
    ],
    "low-risk": [
        (
            "- What support can our family get, and what care is there to keep my child "
            "comfortable?",
            "- What support can our family get, and what care is there to keep my child "
            "comfortable?\n" + CALL,
        ),
    ],
    "intermediate-risk": [
        (
            "- **radiation therapy**: high-energy rays aimed at the cancer to kill cancer cells",
            "- **radiation therapy** (radiotherapy): high-energy rays aimed at the cancer to kill "
            "cancer cells",
        ),
        (
            "- Who can we talk to if we are finding this hard?",
            "- Who can we talk to if we are finding this hard?\n" + CALL,
        ),
    ],
    "high-risk": [
        (
            "If the cancer has been found in one place only, your child may have chemotherapy "
            "(medicines that kill cancer cells), radiation therapy (high-energy rays aimed at the "
            "cancer to kill cancer cells), or both.",
            "If the cancer has been found in one place only, your child may have chemotherapy, "
            "radiation therapy (radiotherapy), or both. Chemotherapy means medicines that kill "
            "cancer cells. Radiation therapy uses high-energy rays aimed at the cancer to kill "
            "cancer cells.",
        ),
        (
            "Our sources do not give a separate plan for high-risk neuroblastoma that has spread. "
            "The [list below](#treatments) is for any child first treated for high-risk "
            "neuroblastoma whose cancer has come back. Your child's care team can explain which "
            "treatments they suggest for your child.",
            "The treatments in the [list below](#treatments) may be used wherever the cancer has "
            "come back, including when it has spread. The list is for any child first treated for "
            "high-risk neuroblastoma whose cancer has come back. Your child's care team can "
            "explain which of them they suggest, and why.",
        ),
        (
            "In its advice from 2015, the National Cancer Institute listed these treatments for "
            "children first treated for high-risk neuroblastoma whose cancer has come back. Its "
            "list is not limited to one place in the body:",
            "The National Cancer Institute listed these treatments in 2015. They are for any "
            "child first treated for high-risk neuroblastoma whose cancer has come back, wherever "
            "it is:",
        ),
        (
            "- another round of very strong (high-dose) chemotherapy, then another stem cell "
            "rescue ([explained below](#stem-cell-rescue))\n",
            "- another round of very strong (high-dose) chemotherapy, then another stem cell "
            "rescue ([explained below](#stem-cell-rescue))\n\n"
            "The Institute says this list may be out of date now. Your child's team can tell "
            "you what is used today.\n",
        ),
        (
            "MIBG therapy is a targeted treatment. It uses a radioactive form of a substance "
            "called MIBG to carry radiation to cancer cells.",
            "MIBG therapy is a kind of targeted radiation treatment. It uses a radioactive form "
            "of a substance called MIBG (metaiodobenzylguanidine) to carry radiation to cancer "
            "cells.",
        ),
        (
            "MIBG therapy can be given on its own. It can also be combined with other treatments, "
            "or used once stem cell rescue is over.",
            "MIBG therapy can be given on its own, or together with other treatments.",
        ),
        (
            "One of our sources says that only a few centres in its country give it.",
            "Our Canadian source says that only a few centres in Canada give it.",
        ),
        (
            "## Why a clinical trial may be worth asking about {#trials}",
            "## What else the team looks at {#other-things}\n\n"
            "The team also looks at other things before they suggest a plan. These include:\n\n"
            "- the stage of the cancer when it was first found (how far it had spread)\n"
            "- features of the tumour that has come back, such as changes in its chromosomes "
            "(the parts of each cell that carry genes)\n"
            "- the treatments your child has had before\n"
            "- your child's general health\n\n"
            "## Why a clinical trial may be worth asking about {#trials}",
        ),
        (
            "- What support can our family get, and what care is there to keep my child "
            "comfortable?",
            "- What support can our family get, and what care is there to keep my child "
            "comfortable?\n" + CALL,
        ),
    ],
    "cns": [
        (
            "Sometimes the cancer is in the brain or spinal cord and in other parts of the body "
            "too. Our sources do not describe a separate plan for this. Your child's care team "
            "can explain how they plan to treat both.",
            "If the cancer is also in other parts of the body, your child's care team can "
            "explain how they plan to treat both.",
        ),
        (
            "- What signs should I watch for at home, and who do I call?",
            "- What signs should I watch for at home, and who do I call?\n" + CALL,
        ),
    ],
    "clinical-trials": [
        (
            "Trials test new ideas, to find out whether they work better than the treatments "
            "doctors use now.",
            "Trials test new treatments, or new ways of using them, to find out whether they are "
            "safe and whether they work.",
        ),
        (
            "The Institute warns that its advice may be out of date.",
            "The Institute says this information may have changed since then.",
        ),
        (
            "Trials are listed in public registers. You can search each one for neuroblastoma:",
            "Trials are listed in public lists called registers. You can search each one for "
            "neuroblastoma:",
        ),
        (
            "If you live somewhere else, ask your child's care team where trials are listed for "
            "you.",
            "In most registers you can narrow the search by place, by kind of treatment, or by "
            "the name of a medicine. If you live somewhere else, ask your child's care team where "
            "trials are listed for you.",
        ),
        (
            "- Can we change our minds after we join?",
            "- Can we change our minds after we join?\n" + CALL,
        ),
    ],
}

# (slug, field, old, new) of glossary terms.
TERM_EDITS = [
    (
        "clinical-trial",
        "definition",
        "It shows if the new way is safe and if it works better than what doctors use now.",
        "It tests whether the new way is safe and whether it works, sometimes by comparing it"
        " with the usual treatment.",
    ),
    (
        "relapse",
        "definition",
        "Another word for recurrence: the cancer has come back after a time when it seemed to"
        " have gone.",
        "Another word for recurrence. The cancer has come back, or started to grow again, "
        "after it had got better.",
    ),
    (
        "standard-treatment",
        "definition",
        "The treatment that experts agree is right for an illness, and that doctors widely use.",
        "The treatment that experts agree is right for an illness, and that doctors widely "
        "use. When doctors say there is no standard treatment, they mean they have not agreed"
        " on one best choice, not that there is no treatment.",
    ),
    (
        "risk-group",
        "definition",
        "The group, such as low, intermediate or high risk, that doctors place a child's "
        "cancer in when it is first found. It helps them plan treatment.",
        "The group, such as low, intermediate or high risk, that doctors place a child's "
        "cancer in when it is first found. It helps them plan treatment, even if the cancer "
        "comes back, but it does not say what will happen to one child.",
    ),
    (
        "mibg-therapy",
        "definition",
        "A treatment that uses a radioactive form of a substance called MIBG. Many "
        "neuroblastoma cells take in MIBG, so it carries the radiation to them.",
        "A treatment that uses a radioactive form of MIBG, a substance many neuroblastoma "
        "cells take in, to carry radiation to them. MIBG scans use only a small amount of "
        "MIBG, while the treatment uses much more.",
    ),
    # MIBG is the substance, not another name for the treatment.
    ("mibg-therapy", "other_names", "MIBG\nmetaiodobenzylguanidine", ""),
    (
        "targeted-therapy",
        "definition",
        "Treatment with medicines that attack one feature of cancer cells, such as a signal "
        "they need to grow. It often harms normal cells less than chemotherapy does.",
        "Treatment aimed at something cancer cells have and most normal cells do not, such as"
        " a signal they need to grow. Targeted medicines often harm normal cells less than "
        "chemotherapy does.",
    ),
]

# (question key, answer key or None, field, old, new) of the guide.
GUIDE_EDITS = [
    (
        "where",
        None,
        "hint",
        "Your child's care team can tell you where the cancer has been found this time. If you "
        'are not sure, choose "I\'m not sure".',
        "Your child's care team can tell you where the cancer has been found this time.",
    ),
    # The summary row must read right for "It is growing during treatment" too.
    ("where", None, "summary_label", "Where it has come back", "What is happening now"),
    (
        "where",
        "not-sure",
        "hint",
        "If you were told it is in the bone marrow or in a bone and are not sure which answer "
        "fits, choose this too.",
        "Choose this if you were told it is in the bone marrow or a bone (such as the skull or "
        "spine), or pressing on the spinal cord, and are not sure which answer fits.",
    ),
]


def _record(row, model, historical_model, when):
    """One history record for `row`, with the reason, as the admin's saves make."""
    kept = {f.attname for f in historical_model._meta.concrete_fields}
    historical_model.objects.create(
        **{f.attname: getattr(row, f.attname) for f in model._meta.concrete_fields
           if f.attname in kept},
        history_date=when,
        history_type="~",
        history_change_reason=REASON,
    )  # fmt: skip


def _edit(text, edits):
    """`text` with each edit made whose old words are still there (and whose new
    words are not: some only add to the old); how many were made, and how many
    found neither (an editor's own words)."""
    text, done, left = text.replace("\r\n", "\n"), 0, 0
    for old, new in edits:
        if new in text:
            continue
        if old in text:
            text = text.replace(old, new)
            done += 1
        else:
            left += 1
    return text, done, left


def _search_vector(title, summary, body_html):
    # As the Page model's (title, then summary, then text), frozen here.
    def part(text, weight):
        return SearchVector(Value(text, output_field=TextField()), weight=weight, config="english")

    return part(title, "A") + part(summary, "B") + part(plain_text(body_html), "C")


def update_pages(page_model, historical_model, report, vendor="sqlite"):
    when = timezone.now()
    for slug, edits in PAGE_EDITS.items():
        page = page_model.objects.filter(slug=slug).first()
        if page is None:
            continue
        body, done, left = _edit(page.body, edits)
        if not done:
            continue  # a fresh database already has the new words, or an editor changed them
        if page.checked_at is not None:
            report(f"Page “{slug}”: signed off by a clinician, so its wording was not changed.")
            continue
        # Glossary links follow after migrate (content/apps.py); the rest is derived here.
        html = render_markdown(body)
        fields = {
            "body": body,
            "body_html": html,
            "headings": [list(pair) for pair in sections(html)],
            "links": links.links_in(html),
            "anchors": links.anchors_in(html),
            "updated": when,
        }
        page_model.objects.filter(pk=page.pk).update(**fields)
        if vendor == "postgresql":
            page_model.objects.filter(pk=page.pk).update(
                search_vector=_search_vector(page.title, page.summary, html)
            )
        for name, value in fields.items():
            setattr(page, name, value)
        _record(page, page_model, historical_model, when)
        report(
            f"Page “{slug}”: wording updated."
            + (f" {left} sentence(s) an editor had changed were left as they are." if left else "")
        )


def update_terms(term_model, historical_model, report):
    when = timezone.now()
    for slug in dict.fromkeys(slug for slug, *_ in TERM_EDITS):
        term = term_model.objects.filter(slug=slug).first()
        if term is None:
            continue
        changed = False
        for _, field, old, new in (edit for edit in TERM_EDITS if edit[0] == slug):
            value = getattr(term, field).replace("\r\n", "\n")
            if field == "other_names":
                if value.strip() == old:
                    setattr(term, field, new)
                    changed = True
            elif old in value and new not in value:
                setattr(term, field, value.replace(old, new))
                changed = True
        if changed:
            term_model.objects.filter(pk=term.pk).update(
                definition=term.definition, other_names=term.other_names
            )
            _record(term, term_model, historical_model, when)
            report(f"Glossary word “{slug}”: updated.")


def update_guide(question_model, answer_model, historical, report):
    when = timezone.now()
    for key, answer_key, field, old, new in GUIDE_EDITS:
        question = question_model.objects.filter(key=key).first()
        if question is None:
            continue
        row, model = question, question_model
        if answer_key is not None:
            row, model = (
                answer_model.objects.filter(question=question, key=answer_key).first(),
                answer_model,
            )
            if row is None:
                continue
        if getattr(row, field).replace("\r\n", "\n").strip() != old:
            continue  # already new, or an editor's own words
        setattr(row, field, new)
        model.objects.filter(pk=row.pk).update(**{field: new})
        _record(row, model, historical[model], when)
        report(f"Guide “{key}{' = ' + answer_key if answer_key else ''}”: {field} updated.")


def update_wording(apps, report=print, vendor="sqlite"):
    def get(name):
        return apps.get_model("content", name)

    update_pages(get("Page"), get("HistoricalPage"), report, vendor)
    update_terms(get("Term"), get("HistoricalTerm"), report)
    update_guide(
        get("Question"),
        get("Answer"),
        {get("Question"): get("HistoricalQuestion"), get("Answer"): get("HistoricalAnswer")},
        report,
    )


def forwards(apps, schema_editor):
    update_wording(
        apps,
        report=lambda line: print(f"\n  {line}"),
        vendor=schema_editor.connection.vendor,
    )


class Migration(migrations.Migration):
    dependencies = [("content", "0025_worried_now_warning_signs")]

    # elidable: it only rewords existing rows; the starting files have the words.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
