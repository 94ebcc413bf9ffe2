"""The admin, one module per capability; importing them registers their ModelAdmins."""

from content.admin import accounts, feedback, glossary, guide, pages, sitetext  # noqa: F401
