"""The site-wide texts as first created, by a data migration, before the
organisation that runs the site has set its own. They name no organisation and
no phone number: the site must never invent either."""

from content.rendering import render_markdown

WORRIED_NOW = """\
If your child is unwell, or you are frightened for them now, call your child's \
treatment centre on the 24-hour number they gave you.

In an emergency, call your local emergency number.
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
Cancer Terms. Each page lists its sources at the bottom, with their dates.

Before a page is published, we check that no sentence copies a source, and that \
the page is easy to read.

## How pages are checked {#how-pages-are-checked}

A clinician (a doctor or nurse) checks each page against its sources and signs \
it off. They check it again when its review is due: we aim to review each page \
at least once a year. Each page shows when it was last checked and when its \
next review is due. Some pages may not have been checked by a clinician yet: \
those pages say so clearly.

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
