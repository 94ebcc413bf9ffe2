"""Being found and shared: titles, descriptions, canonical links, Open Graph,
JSON-LD, the sitemap and robots.txt."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from content.models import Page
from tests.support.factories import make_checked_page, make_page

pytestmark = pytest.mark.django_db


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_a_page_names_itself_and_the_site_and_can_be_shared(client, page):
    html = client.get(page.get_absolute_url()).content.decode()
    assert "<title>A test page – neuroinfo</title>" in html
    assert '<meta name="description" content="A short summary.">' in html
    assert '<link rel="canonical" href="http://testserver/pages/a-test-page/">' in html
    assert '<meta property="og:title" content="A test page">' in html
    assert '<meta property="og:description" content="A short summary.">' in html
    assert '<meta property="og:url" content="http://testserver/pages/a-test-page/">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:site_name" content="neuroinfo">' in html


def test_the_canonical_address_uses_site_url_and_drops_the_query(client, page, settings):
    settings.SITE_URL = "https://neuroinfo.example.org"
    html = client.get(page.get_absolute_url() + "?utm=x").content.decode()
    assert '<link rel="canonical" href="https://neuroinfo.example.org/pages/a-test-page/">' in html


def test_the_json_ld_describes_a_medical_page_for_parents_about_neuroblastoma(client, page):
    data = json_ld(client.get(page.get_absolute_url()).content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalWebPage"
    assert data["name"] == "A test page"
    assert data["url"] == "http://testserver/pages/a-test-page/"
    assert data["about"]["name"] == "Neuroblastoma"
    assert {a["audienceType"] for a in data["audience"]} == {"Patient", "Parents and caregivers"}


def test_the_json_ld_claims_no_review_until_a_clinician_signs_the_page_off(client, page):
    data = json_ld(client.get(page.get_absolute_url()).content.decode())
    assert "lastReviewed" not in data
    assert "reviewedBy" not in data


def test_the_json_ld_carries_the_review_once_signed_off(client):
    page = make_checked_page()
    data = json_ld(client.get(page.get_absolute_url()).content.decode())
    assert data["lastReviewed"] == "2026-11-20"
    assert data["reviewedBy"] == {"@type": "Person", "jobTitle": "Medical reviewer"}


def test_the_json_ld_cannot_be_broken_out_of_by_a_title(client):
    page = make_page(title="</script><script>alert(1)</script> & more")
    html = client.get(page.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html)["name"] == "</script><script>alert(1)</script> & more"


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return [loc.text for loc in root.findall("s:url/s:loc", ns)]


def test_the_sitemap_lists_home_the_guide_and_every_published_page_and_no_draft(client, draft):
    locations = sitemap_locations(client)
    assert "http://testserver/" in locations
    assert "http://testserver/guide/" in locations
    assert "http://testserver/about/" in locations
    for page in Page.objects.published():
        assert f"http://testserver{page.get_absolute_url()}" in locations
    assert f"http://testserver{draft.get_absolute_url()}" not in locations
    assert not any("/guide/result/" in loc or "/admin/" in loc for loc in locations)


def test_the_sitemap_uses_site_url_when_set(client, settings):
    settings.SITE_URL = "https://neuroinfo.example.org"
    locations = sitemap_locations(client)
    assert "https://neuroinfo.example.org/pages/high-risk/" in locations
    assert all(loc.startswith("https://neuroinfo.example.org/") for loc in locations)


def test_robots_txt_names_the_sitemap_by_its_full_address(client, settings):
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").content.decode()
    settings.SITE_URL = "https://neuroinfo.example.org"
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: https://neuroinfo.example.org/sitemap.xml" in text


def test_links_to_the_sites_pages_carry_their_full_address_for_print(client):
    page = make_page(body="See <b>[other](/pages/other/)</b> and [out](https://example.org/).")
    html = client.get(page.get_absolute_url()).content.decode()
    assert 'href="/pages/other/" data-print-url="http://testserver/pages/other/"' in html
    assert 'href="https://example.org/" rel="noopener noreferrer">' in html


def test_every_page_prints_its_origin_and_date(client, page):
    html = client.get(page.get_absolute_url()).content.decode()
    assert '<aside class="print-only print-header" aria-label="About this printout">' in html
    assert "Page address: http://testserver/pages/a-test-page/" in html
    assert "Printed on" in html


def test_a_request_for_another_host_gets_the_plain_400_page(client, page):
    response = client.get(page.get_absolute_url(), HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "evil.example" not in response.content.decode()
