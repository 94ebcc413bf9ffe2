"""The site-wide texts as first created, by a data migration, before the
organisation that runs the site has set its own. They name no organisation and
no phone number: the site must never invent either."""

from content.rendering import render_markdown

WORRIED_NOW = """\
If your child is unwell, or you are worried about them now, call your child's \
treatment centre on the 24-hour number they gave you. Do not wait for your next visit.

Call them straight away, day or night, if your child has a fever (a high \
temperature), or any warning sign the team told you about. Your centre's own \
advice says which temperature counts as a fever.

If you have no 24-hour number, or nobody answers, call your local emergency number.

Call your local emergency number at once if your child is struggling to breathe, \
has a fit, or is very hard to wake.
"""

ABOUT = """\
## What this site is for

This site is for parents and carers whose child's neuroblastoma has come back. \
It explains, in plain words, what this means and how it may be treated. It gives \
general information. It does not replace your child's care team.

## How we write our pages {#how-we-write}

We write each page in our own words, from named sources. The medical facts come \
from the National Cancer Institute and the Canadian Cancer Society. For the \
meaning of medical words we use the National Cancer Institute's Dictionary of \
Cancer Terms. Each page lists its sources at the bottom, with the dates we read \
them.

Our sources are not new. The National Cancer Institute text we use was last \
updated in May 2015. The Canadian Cancer Society page gives no date: we read it \
in November 2026. Treatment may have changed since they were written, so ask \
your child's care team what applies now.

This site is not written for one country. Which treatments are offered, and \
where, differs between countries. Your child's team can tell you what applies \
to you.

Before a page is published, we check that no sentence copies a source, and that \
the page is easy to read.

## The "If you are worried right now" box {#worried-now}

The box lists the signs that children's cancer centres ask families to call about \
straight away, such as a fever. Our two sources above do not cover them, and we \
have not yet named a guide that this box is based on. Always follow the advice \
your own treatment centre gave you.

## How pages are checked {#how-pages-are-checked}

Some pages may not have been checked by a clinician (a doctor or nurse) yet: \
those pages say so at the top. We aim for a clinician to check each page against \
its sources and sign it off. They check it again when its review is due: we aim \
to review each page at least once a year. A checked page shows when it was last \
checked and when its next review is due.

## What we do with your information {#your-data}

We do not store anything you tell the guide. You do not need an account, and the \
public pages set no cookies. Our records of visits leave out your answers.

Your answers to the guide are kept only in the web address of its pages. This \
means they may show in your browser's history, or in a bookmark if you save one. \
To remove them, clear your browser's history. In most browsers you can do this \
from the settings, under "Privacy" or "History". A private or incognito window \
keeps no history.
"""

CONTACT = ""


def load_starting_site_text(site_text_model):
    """Create the site-wide texts unless they exist. Takes the model as an argument
    so the data migration can pass its historical one (which has no save())."""
    if site_text_model.objects.exists():
        return
    site_text_model.objects.create(
        organisation_name="",
        worried_now=WORRIED_NOW,
        worried_now_html=render_markdown(WORRIED_NOW),
        about=ABOUT,
        about_html=render_markdown(ABOUT),
        contact=CONTACT,
        contact_html=render_markdown(CONTACT),
    )
