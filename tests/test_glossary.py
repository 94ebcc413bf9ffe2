"""Glossary words linked where a parent meets them (content/glossary.py), the
Term model that keeps pages linked, and the /glossary/ page."""

import re

from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.glossary import compile_glossary, first_use_sections, link_terms
from content.models import Page, Term
from content.readability import reading_grade
from content.starting.glossary import TERMS, load_starting_glossary
from neuroinfo import response_cache
from tests.support.factories import make_page, make_term

GLOSSARY = compile_glossary(
    [
        (1, "chemotherapy", ["chemotherapy", "chemo"]),
        (2, "high-dose-chemotherapy", ["high-dose chemotherapy"]),
        (3, "bone-marrow", ["bone marrow"]),
        (4, "ch1418", ["ch14.18", "dinutuximab"]),
        (5, "chromosome", ["chromosome"]),
    ]
)


def links(html):
    return re.findall(r'<a class="term-link" href="#word-([^"]+)">([^<]+)</a>', html)


def test_a_term_is_linked_at_its_first_use_on_the_page_only():
    # Linked once a section, the high-risk page had 30 links ("neuroblastoma"
    # 6 times): nearly every paragraph underlined on a phone.
    html = (
        "<p>Chemotherapy first. Then chemotherapy again.</p>"
        '<h2 id="one">One</h2><p>More chemotherapy.</p><p>And chemotherapy.</p>'
        '<h2 id="two">Two</h2><ul><li>chemo</li><li>bone marrow</li></ul>'
    )
    linked, used = link_terms(html, GLOSSARY)
    assert links(linked) == [("chemotherapy", "Chemotherapy"), ("bone-marrow", "bone marrow")]
    assert used == [1, 3]
    assert "Then chemotherapy again." in linked
    assert "<p>More chemotherapy.</p>" in linked


def test_the_words_the_title_names_are_the_pages_subject_and_never_linked():
    html = "<p>Bone marrow and chemotherapy. Chemo and chromosomes.</p>"
    linked, used = link_terms(html, GLOSSARY, subject="When chemotherapy is given")
    assert links(linked) == [("bone-marrow", "Bone marrow"), ("chromosome", "chromosomes")]
    assert used == [3, 5]


def test_each_word_knows_the_section_it_was_first_linked_in():
    html = (
        "<p>Chemotherapy first.</p>"
        '<h2 id="one">One &amp; <em>only</em></h2><p>The bone marrow.</p>'
        '<h2 id="two">Two</h2><p>Chromosomes, and bone marrow again.</p>'
    )
    linked, _ = link_terms(html, GLOSSARY)
    assert first_use_sections(linked) == {
        "chemotherapy": None,
        "bone-marrow": ("one", "One & only"),
        "chromosome": ("two", "Two"),
    }


def test_a_term_is_never_linked_inside_a_heading_a_link_or_code():
    html = (
        '<h2 id="chemotherapy">What chemotherapy is</h2>'
        '<p><a href="/pages/chemotherapy/">about chemotherapy</a> and <code>chemotherapy</code></p>'
        '<h3 id="x">Bone marrow</h3><pre><code>bone marrow</code></pre>'
    )
    linked, used = link_terms(html, GLOSSARY)
    assert linked == html
    assert used == []


def test_a_word_after_a_heading_or_link_is_linked_in_the_text_that_follows():
    html = '<h2 id="a">Chemotherapy</h2><p>Why <a href="/x/">read</a> about chemotherapy.</p>'
    linked, _ = link_terms(html, GLOSSARY)
    assert links(linked) == [("chemotherapy", "chemotherapy")]
    assert linked.startswith('<h2 id="a">Chemotherapy</h2>')


def test_the_longest_name_wins_and_other_names_and_plurals_link_to_their_term():
    html = "<p>High-dose chemotherapy, dinutuximab, chromosomes and bone\nmarrow.</p>"
    linked, used = link_terms(html, GLOSSARY)
    assert links(linked) == [
        ("high-dose-chemotherapy", "High-dose chemotherapy"),
        ("ch1418", "dinutuximab"),
        ("chromosome", "chromosomes"),
        ("bone-marrow", "bone\nmarrow"),
    ]
    assert used == [2, 4, 5, 3]


def test_a_shorter_name_is_linked_when_a_longer_one_does_not_fit():
    glossary = compile_glossary([(1, "stem-cell", ["stem cell"]), (2, "sct", ["stem cell rescue"])])
    linked, used = link_terms("<p>A stem cell rescuer, then stem cell rescues.</p>", glossary)
    assert links(linked) == [("stem-cell", "stem cell"), ("sct", "stem cell rescues")]
    assert used == [1, 2]


def test_only_whole_words_are_linked():
    linked, _ = link_terms("<p>Chemotherapeutic, nonchemotherapy and chemo-like.</p>", GLOSSARY)
    assert links(linked) == []


def test_linking_keeps_escaped_text_escaped_and_tags_untouched():
    html = '<p title="chemotherapy">&lt;script&gt; chemotherapy &amp; more</p>'
    linked, _ = link_terms(html, GLOSSARY)
    assert linked.startswith('<p title="chemotherapy">&lt;script&gt; <a class="term-link"')
    assert "&amp; more" in linked
    assert "<script>" not in linked


def test_an_empty_glossary_changes_nothing():
    assert link_terms("<p>chemotherapy</p>", compile_glossary([])) == ("<p>chemotherapy</p>", [])


def test_saving_a_page_links_its_words_and_lists_them_at_its_foot(client, db):
    page = make_page(body="About chemotherapy.\n\n## Bone marrow {#marrow}\n\nThe bone marrow.")
    assert {term.slug for term in page.terms.all()} == {"chemotherapy", "bone-marrow"}
    html = client.get(page.get_absolute_url()).content.decode()
    assert '<a class="term-link" href="#word-chemotherapy">chemotherapy</a>' in html
    assert '<h2 id="marrow">Bone marrow</h2>' in html
    assert '<h2 id="words-heading">Words on this page</h2>' in html
    assert '<dt id="word-bone-marrow">bone marrow</dt>' in html
    assert Term.objects.in_language().get(slug="chemotherapy").definition in html


def test_adding_a_term_links_it_on_pages_that_use_it_without_saving_them(db):
    page = make_page(body="We talk about a lymph node here.")
    updated = page.updated
    term = make_term(term="lymph node", slug="lymph-node")
    page.refresh_from_db()
    assert 'href="#word-lymph-node"' in page.body_html
    assert list(page.terms.all()) == [term]
    assert page.updated == updated  # the page's own text did not change


def test_renaming_or_deleting_a_term_relinks_the_pages_that_used_it(db):
    page = make_page(body="A lymph node and a lymph gland.")
    term = make_term(term="lymph node", slug="lymph-node")
    term.term = "lymph gland"
    term.save()
    page.refresh_from_db()
    assert links(page.body_html) == [("lymph-node", "lymph gland")]
    term.delete()
    page.refresh_from_db()
    assert links(page.body_html) == []
    assert not page.terms.exists()


def test_a_name_cannot_belong_to_two_terms(db):
    term = Term(term="chemo", slug="chemo", definition="x", published=True)
    try:
        term.full_clean()
    except Exception as error:
        assert "already belongs to “chemotherapy”" in str(error)
    else:
        raise AssertionError("a second term named 'chemo' was allowed")


def test_saving_a_page_costs_the_same_queries_with_2000_terms_as_with_20(
    db, django_assert_num_queries
):
    Term.objects.all().delete()
    page = make_page(body="Chemotherapy and bone marrow.")
    make_term(term="chemotherapy", slug="chemotherapy")
    make_term(term="bone marrow", slug="bone-marrow")
    Term.objects.bulk_create(
        Term(term=f"made-up word {n}", slug=f"made-up-{n}", definition="x", published=True)
        for n in range(18)
    )
    page.save()  # so both measured saves find the same links already there
    with CaptureQueriesContext(connection) as with_20:
        page.save()
    assert Term.objects.count() == 20
    Term.objects.bulk_create(
        Term(term=f"made-up word {n}", slug=f"made-up-{n}", definition="x", published=True)
        for n in range(18, 1998)
    )
    assert Term.objects.count() == 2000
    with django_assert_num_queries(len(with_20)):
        page.save()
    assert {t.slug for t in page.terms.all()} == {"chemotherapy", "bone-marrow"}
    # One query reads the whole (published) glossary; the others touch only this page's rows.
    whole_glossary = [q for q in with_20 if 'FROM "content_term" ' in q["sql"] + " "]
    reads_all = [
        q
        for q in whole_glossary
        if q["sql"].split("WHERE")[-1].strip(" (").startswith('"content_term"."published"')
    ]
    assert len(reads_all) == 1


def test_the_glossary_page_costs_one_query_however_many_terms(
    client, db, django_assert_num_queries
):
    def uncached_get():
        caches["default"].clear()
        response_cache.forget_version()
        # the content version, the terms, the site-wide texts (the "worried right now" box)
        with django_assert_num_queries(3):
            return client.get("/glossary/")

    uncached_get()
    Term.objects.bulk_create(
        Term(term=f"made-up word {n}", slug=f"made-up-{n}", definition="x", published=True)
        for n in range(2000)
    )
    response = uncached_get()
    assert response.content.decode().count('class="glossary__entry"') == 2000 + len(TERMS)


def test_the_glossary_lists_every_term_a_to_z_with_its_anchor_other_names_and_source(client, db):
    html = client.get("/glossary/").content.decode()
    anchors = re.findall(r'<dt id="([^"]+)">', html)
    assert len(anchors) == Term.objects.in_language().count() == len(TERMS)
    names = [Term.objects.in_language().get(slug=slug).term.casefold() for slug in anchors]
    assert names == sorted(names)
    assert '<dt id="ch1418">ch14.18</dt>' in html
    assert "Also called: dinutuximab" in html
    assert "NCI Dictionary of Cancer Terms" in html
    assert '<a href="#letter-M">M</a>' in html
    make_term(term="13-cis-retinoic acid test", slug="numbers")
    html = client.get("/glossary/").content.decode()
    assert '<h2 id="letter-0-9">0-9</h2>' in html
    assert "A clinician has not yet checked them." in html
    assert not client.get("/glossary/").cookies


ISSUE_WORDS = [
    "recurrence", "relapse", "progressive", "risk group", "stage", "chromosome",
    "chemotherapy", "combination chemotherapy", "high-dose chemotherapy", "radiation therapy",
    "surgery", "stem cell rescue", "stem cell transplant", "MIBG therapy", "monoclonal antibody",
    "immunotherapy", "retinoid", "isotretinoin", "tyrosine kinase inhibitor", "crizotinib",
    "lenalidomide", "vaccine therapy", "central nervous system", "bone marrow", "clinical trial",
    "ch14.18", "dinutuximab", "CNS", "neuroblastoma", "tumour", "immune system", "gene",
    "radioactive", "standard treatment", "outlook", "stem cell", "symptom",
]  # fmt: skip


def test_the_starting_glossary_has_every_word_the_issue_and_the_pages_name(db):
    names = {name.casefold() for term in Term.objects.all() for name in term.names}
    assert {word.casefold() for word in ISSUE_WORDS} <= names


def test_starting_definitions_are_short_plain_and_sourced():
    for term, _, _, definition, (source, url) in TERMS:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", definition) if s]
        assert 1 <= len(sentences) <= 2, term
        assert reading_grade(f"<p>{definition}</p>") <= 8, (term, definition)
        assert source and url.startswith("https://"), term


def test_the_starting_pages_link_their_medical_words(db):
    trials = Page.objects.in_language().get(slug="clinical-trials")
    linked = {slug for slug, _ in links(trials.body_html)}
    assert {
        "combination-chemotherapy", "ch1418", "monoclonal-antibody",
        "lenalidomide", "isotretinoin", "vaccine-therapy", "crizotinib",
        "tyrosine-kinase-inhibitor", "immune-system",
    } <= linked  # fmt: skip
    # The page is about clinical trials for neuroblastoma: it explains them itself.
    assert not {"clinical-trial", "neuroblastoma"} & linked


def test_each_starting_page_links_a_word_once_and_never_its_own_subject(db):
    for page in Page.objects.all():
        slugs = [slug for slug, _ in links(page.body_html)]
        assert len(slugs) == len(set(slugs)), page.slug
        assert "neuroblastoma" not in slugs, page.slug
    high_risk = Page.objects.in_language().get(slug="high-risk")
    assert len(links(high_risk.body_html)) < 20  # 30 when linked once a section


def test_a_definition_has_a_link_back_to_the_section_the_word_was_met_in(client, db):
    page = make_page(
        title="Marrow",
        body="About chemotherapy.\n\n## Where it is {#where}\n\nThe bone marrow, and chemo.",
    )
    html = client.get(page.get_absolute_url()).content.decode()
    words = html[html.index('id="words-heading"') :]
    marrow = words[words.index('id="word-bone-marrow"') : words.index('id="word-chemotherapy"')]
    chemo = words[words.index('id="word-chemotherapy"') :]
    assert '<a class="words__back" href="#main-content">Back to where you were reading' in chemo
    assert "the start of the page" in chemo
    assert '<a class="words__back" href="#where">Back to where you were reading' in marrow
    assert '<span class="visually-hidden">: Where it is</span>' in marrow
    assert '<h2 id="where">Where it is</h2>' in html


def test_the_glossary_has_back_to_letters_links_and_every_page_links_to_it(client, db):
    html = client.get("/glossary/").content.decode()
    assert '<nav class="letters" id="letters"' in html
    letters = html.count('<h2 id="letter-')
    assert letters > 5
    assert html.count('<a href="#letters">Back to letters</a>') == letters
    for url in ["/", "/about/", "/pages/high-risk/", "/search/?q=marrow"]:
        footer = client.get(url).content.decode().split('<footer class="site-footer">')[1]
        assert '<a href="/glossary/">Medical words explained</a>' in footer, url


def test_the_glossary_loader_works_on_any_page_text(db):
    Term.objects.all().delete()
    page = make_page(
        body="Brand new words: the bone marrow, and nothing else.\n\n## Later\n\nMarrow."
    )
    load_starting_glossary(Term, Page)
    page.refresh_from_db()
    assert links(page.body_html) == [("bone-marrow", "bone marrow")]
    assert Term.objects.count() == len(TERMS)
    load_starting_glossary(Term, Page)  # a second run changes nothing
    assert Term.objects.count() == len(TERMS)


def test_editors_can_add_a_term_in_the_admin_and_its_versions_are_kept(staff_client, db):
    response = staff_client.post(
        "/admin/content/term/add/",
        {
            "term": "lymph node",
            "slug": "lymph-node",
            "definition": "A small bean-shaped part of the immune system.",
            "other_names": "lymph gland",
            "source_name": "NCI Dictionary of Cancer Terms",
            "source_url": "https://www.cancer.gov/publications/dictionaries/cancer-terms",
        },
    )
    assert response.status_code == 302
    term = Term.objects.in_language().get(slug="lymph-node")
    assert term.also_called == ["lymph gland"]
    assert term.history.count() == 1
    page = staff_client.get(f"/admin/content/term/{term.pk}/change/")
    assert page.status_code == 200
    assert "reading grade" in page.content.decode()
    assert staff_client.get(f"/admin/content/term/{term.pk}/history/").status_code == 200
    assert staff_client.get("/admin/content/term/").status_code == 200


def test_a_heading_id_starting_with_word_is_refused(db):
    page = make_page(body="## Word bone {#word-bone-marrow}\n\nText.")
    try:
        page.full_clean()
    except Exception as error:
        assert "word-bone-marrow" in str(error)
    else:
        raise AssertionError("a heading took a 'word-' id")


def test_migrating_links_pages_that_a_data_migration_wrote_without_save(db):
    from django.apps import apps

    from content.models.glossary import link_glossary_after_migrate
    from content.rendering import render_markdown

    page = Page.objects.in_language().get(slug="cns")
    Page.objects.filter(pk=page.pk).update(body_html=render_markdown(page.body))
    page.terms.clear()
    link_glossary_after_migrate(sender=None, using="default")  # as `flush` sends it
    link_glossary_after_migrate(sender=None, apps=apps, using="default", plan=[])
    page.refresh_from_db()
    assert links(page.body_html) == []  # nothing was migrated: nothing to do
    link_glossary_after_migrate(sender=None, apps=apps, using="default", plan=[("x", False)])
    page.refresh_from_db()
    assert ("central-nervous-system", "central nervous system") in links(page.body_html)
    assert page.terms.filter(slug="central-nervous-system").exists()


def test_glossary_links_are_not_counted_as_broken_links_between_pages(db):
    assert 'class="term-link"' in Page.objects.in_language().get(slug="cns").body_html
    broken, _, _ = Page.objects.check_published_links()
    assert broken == []
    assert not any(link.startswith("#word-") for p in Page.objects.all() for link in p.links)
