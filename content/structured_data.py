"""JSON-LD for search engines: each page as a schema.org MedicalWebPage."""

from django.conf import settings

from neuroinfo.language import html_lang


def medical_web_page(page, url):
    """The page's structured data. The review date and reviewer appear only
    once a clinician has signed the page off: never a review that did not happen."""
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": page.title,
        "headline": page.title,
        "description": page.summary,
        "url": url,
        "inLanguage": html_lang(),
        "isPartOf": {"@type": "WebSite", "name": settings.SITE_NAME},
        "audience": [
            {"@type": "MedicalAudience", "audienceType": "Patient"},
            {"@type": "PeopleAudience", "audienceType": "Parents and caregivers"},
        ],
        "about": {
            "@type": "MedicalCondition",
            "name": "Neuroblastoma",
            "alternateName": "Recurrent neuroblastoma",
        },
    }
    if page.is_checked and page.last_reviewed:
        data["lastReviewed"] = page.last_reviewed.isoformat()
        data["reviewedBy"] = {
            "@type": "Person",
            "jobTitle": page.checked_by_role or "Medical reviewer",
        }
    return data
