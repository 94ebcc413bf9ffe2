"""Addresses of each public page type, shared by the browser tests."""

PUBLIC_PAGES = {
    "home": "/",
    "overview page": "/pages/what-is-recurrence/",
    "risk group page": "/pages/high-risk/",
    "cns page": "/pages/cns/",
    "trials page": "/pages/clinical-trials/",
    "guide start": "/guide/",
    "question": "/guide/where/",
    "question with error": "/guide/where/next/",
    "result": "/guide/result/?where=one-place&risk-group=intermediate",
    "progressive result": "/guide/result/?where=growing",
    "about": "/about/",
    "page questions to print": "/pages/high-risk/questions/",
    "guide questions to print": "/guide/result/questions/?where=spread&risk-group=high",
    "feedback thanks": "/feedback/thanks/?page=high-risk",
    "not found": "/pages/no-such-page/",
    "bad guide address": "/guide/result/?where=underground",
    "glossary": "/glossary/",
    "search results": "/search/?q=marrow",
    "empty search": "/search/?q=",
    "search with no results": "/search/?q=xylophone",
}
