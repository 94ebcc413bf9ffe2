"""The glossary's starting words: every medical word the starting pages use.

Written in our own words, general and plain, based on the source named with
each. Loaded by data migration 0013 (and by the browser tests, whose database
is emptied between tests). The loader takes the models as arguments, so the
migration can pass its historical ones, and it depends only on the words, not
on the pages' exact text: it links whatever the pages say today.
"""

from content.glossary import compile_glossary, link_terms, split_names
from content.rendering import localise_links, render_markdown

NCI = (
    "NCI Dictionary of Cancer Terms",
    "https://www.cancer.gov/publications/dictionaries/cancer-terms",
)
CCS = (
    "Canadian Cancer Society: Treatments for recurrent neuroblastoma",
    "https://cancer.ca/en/cancer-information/cancer-types/neuroblastoma/treatment",
)

# (term, slug, other names, definition, source)
TERMS = [
    ("bone marrow", "bone-marrow", [],
     "The soft, spongy tissue inside most bones. It makes the body's blood cells.", NCI),
    ("central nervous system", "central-nervous-system", ["CNS"],
     "The brain and the spinal cord. Together they control how the body moves, feels and "
     "thinks.", NCI),
    ("ch14.18", "ch1418", ["dinutuximab"],
     "A lab-made antibody used to treat neuroblastoma. It sticks to neuroblastoma cells, so "
     "the immune system can find and kill them.", NCI),
    ("chemotherapy", "chemotherapy", ["chemo"],
     "Treatment with medicines that kill cancer cells or stop them from growing.", NCI),
    ("chromosome", "chromosome", [],
     "A thread-like part inside almost every cell. Chromosomes carry the genes: the "
     "instructions for how the cell grows and works.", NCI),
    ("clinical trial", "clinical-trial", [],
     "A research study that tests a new treatment, or a new way to use one, with people "
     "who choose to take part. It tests whether the new way is safe and whether it works, "
     "sometimes by comparing it with the usual treatment.", NCI),
    ("combination chemotherapy", "combination-chemotherapy", [],
     "Chemotherapy that uses two or more cancer medicines together.", NCI),
    ("crizotinib", "crizotinib", [],
     "A targeted medicine, of the kind called a tyrosine kinase inhibitor. It blocks a signal "
     "that some cancer cells need to grow.", NCI),
    ("diagnosis", "diagnosis", ["diagnosed"],
     "Finding out which illness a person has, from their signs, tests and scans.", NCI),
    ("gene", "gene", [],
     "A tiny part of a chromosome. It holds the instructions for one thing that a cell makes "
     "or does.", NCI),
    ("high-dose chemotherapy", "high-dose-chemotherapy", [],
     "Chemotherapy in much stronger doses than usual. It also harms the cells in the bone "
     "marrow that make blood, so a stem cell transplant often follows it.", NCI),
    ("immune system", "immune-system", [],
     "The body's defence system. It finds and fights germs and other things that do not "
     "belong in the body, and it can fight some cancer cells.", NCI),
    ("immunotherapy", "immunotherapy", [],
     "Treatment that helps the body's own immune system find and fight cancer.", NCI),
    ("isotretinoin", "isotretinoin", ["13-cis-retinoic acid"],
     "A medicine related to vitamin A (a retinoid). It can slow down some cancer cells and "
     "make them act more like normal cells.", NCI),
    ("lenalidomide", "lenalidomide", [],
     "A medicine that helps the immune system attack cancer cells. It may also stop a tumour "
     "from growing the new blood vessels it needs.", NCI),
    ("MIBG therapy", "mibg-therapy", [],
     "A treatment that uses a radioactive form of MIBG, a substance many neuroblastoma "
     "cells take in, to carry radiation to them. MIBG scans use only a small amount of "
     "MIBG, while the treatment uses much more.", NCI),
    ("monoclonal antibody", "monoclonal-antibody", ["antibody therapy"],
     "A protein made in a lab that finds and sticks to one target, such as a substance on "
     "cancer cells. Some are used to treat cancer.", NCI),
    ("neuroblastoma", "neuroblastoma", [],
     "A cancer that starts in young nerve cells. It most often begins in the tummy, often in "
     "the glands above the kidneys, and mostly affects young children.", NCI),
    ("outlook", "outlook", ["prognosis"],
     "How an illness is likely to go, and the chance of getting better. It is based on what "
     "happened to many children, so it cannot say for sure what will happen to one child.",
     NCI),
    ("progressive", "progressive", ["progression", "progresses", "progressed"],
     "Cancer that is growing or spreading, or that is not getting better with treatment.", NCI),
    ("radiation therapy", "radiation-therapy", ["radiotherapy"],
     "Treatment with high-energy rays aimed at the cancer. The rays kill cancer cells and "
     "shrink tumours.", NCI),
    ("radioactive", "radioactive", [],
     "Giving off radiation, a kind of energy. In cancer care, a radioactive medicine can "
     "carry this energy to cancer cells to kill them.", NCI),
    ("recurrence", "recurrence", ["recurrent", "recurred", "recur", "recurring"],
     "Cancer that has come back after treatment, often after a time when tests could not "
     "find it. It can come back in the same place or in a new part of the body.", NCI),
    ("relapse", "relapse", ["relapsed"],
     "Another word for recurrence. The cancer has come back, or started to grow again, "
     "after it had got better.", NCI),
    ("retinoid", "retinoid", [],
     "A medicine related to vitamin A. Some retinoids can slow the growth of cancer cells or "
     "help them become more like normal cells.", NCI),
    ("risk group", "risk-group", [],
     "The group, such as low, intermediate or high risk, that doctors place a child's "
     "cancer in when it is first found. It helps them plan treatment, even if the cancer "
     "comes back, but it does not say what will happen to one child.", CCS),
    ("spinal cord", "spinal-cord", [],
     "The long bundle of nerves inside the bones of the back. It carries messages between "
     "the brain and the rest of the body.", NCI),
    ("stage", "stage", ["staging"],
     "A way to describe how big a cancer is and how far it has spread in the body.", NCI),
    ("standard treatment", "standard-treatment", ["standard of care", "standard therapy"],
     "The treatment that experts agree is right for an illness, and that doctors widely "
     "use. When doctors say there is no standard treatment, they mean they have not agreed "
     "on one best choice, not that there is no treatment.", NCI),
    ("stem cell", "stem-cell", [],
     "A cell that can make new cells of other kinds. Stem cells in the bone marrow make all "
     "of the body's blood cells.", NCI),
    ("stem cell transplant", "stem-cell-transplant", ["stem cell rescue",
                                                      "stem cell transplantation"],
     "A treatment that gives back blood-making stem cells after very strong chemotherapy. "
     "For neuroblastoma, the cells are usually the child's own, collected and stored "
     "before the strong treatment.", NCI),
    ("surgery", "surgery", ["operation"],
     "An operation in which a surgeon takes out a tumour or repairs part of the body.", NCI),
    ("symptom", "symptom", [],
     "A change that a person feels or notices, such as pain or tiredness, that may be a sign "
     "of an illness.", NCI),
    ("targeted therapy", "targeted-therapy", ["targeted medicine", "targeted treatment"],
     "Treatment aimed at something cancer cells have and most normal cells do not, such as "
     "a signal they need to grow. Targeted medicines often harm normal cells less than "
     "chemotherapy does.", NCI),
    ("tumour", "tumour", ["tumor"],
     "A lump that forms when cells grow and divide more than they should. A tumour can be "
     "cancer or not.", NCI),
    ("tyrosine kinase inhibitor", "tyrosine-kinase-inhibitor", [],
     "A targeted medicine that blocks signals that some cancer cells need to grow. "
     "Crizotinib is one.", NCI),
    ("vaccine therapy", "vaccine-therapy", ["cancer vaccine"],
     "A treatment that helps the immune system learn to spot cancer cells and attack them. "
     "It is not the same as the vaccines that protect against infections.", NCI),
]  # fmt: skip


def load_starting_glossary(term_model, page_model):
    """Create any starting term that doesn't exist yet, then link every page.

    A term that exists is left alone: an editor's changes are never
    overwritten. Pages are linked with plain functions and update(), so the
    migration's historical models work the same as today's.
    """
    existing = set(term_model.objects.values_list("slug", flat=True))
    # bulk_create: no per-term signals; every page is linked once, below.
    term_model.objects.bulk_create(
        term_model(
            term=term,
            slug=slug,
            other_names="\n".join(others),
            definition=definition,
            source_name=source_name,
            source_url=source_url,
        )
        for term, slug, others, definition, (source_name, source_url) in TERMS
        if slug not in existing
    )
    link_all_pages(term_model, page_model)


def link_all_pages(term_model, page_model):
    """Render and link every page again, with one query for the terms.

    Plain functions and update(), so any version of the models works: the
    migrations' historical ones, and today's after `migrate` (see apps.py).
    """
    # Each language's pages link that language's words (models from before
    # languages were kept have one language).
    by_language = any(f.name == "language" for f in term_model._meta.fields)
    names = ("language", "pk", "slug", "term", "other_names")
    rows = (
        term_model.objects.values_list(*names)
        if by_language
        else [(None, *row) for row in term_model.objects.values_list(*names[1:])]
    )
    words = {}
    for language, pk, slug, term, others in rows:
        words.setdefault(language, []).append((pk, slug, [term, *split_names(others)]))
    glossaries = {language: compile_glossary(found) for language, found in words.items()}
    fields = ("pk", "title", "body", "language") if by_language else ("pk", "title", "body")
    for page in page_model.objects.only(*fields):
        glossary = glossaries.get(getattr(page, "language", None)) or compile_glossary([])
        html, used = link_terms(render_markdown(page.body), glossary, subject=page.title)
        # A translation's links lead to pages in its language (/fr/pages/x/).
        html = localise_links(html, getattr(page, "language", None))
        page_model.objects.filter(pk=page.pk).update(body_html=html)
        page.terms.set(used)
