from django.urls import path

from content.views import about as about_views
from content.views import feedback as feedback_views
from content.views import glossary as glossary_views
from content.views import guide as guide_views
from content.views import pages as views
from content.views import questions as questions_views
from content.views import search as search_views

app_name = "content"

urlpatterns = [
    path("", views.home, name="home"),
    path("pages/", views.page_list, name="page_list"),
    path("pages/<slug:slug>/", views.page_detail, name="page"),
    path("pages/<slug:slug>/questions/", questions_views.page_questions, name="page_questions"),
    path("about/", about_views.about, name="about"),
    path("glossary/", glossary_views.glossary, name="glossary"),
    path("search/", search_views.search, name="search"),
    path("guide/", guide_views.start, name="guide_start"),
    path("guide/result/", guide_views.result, name="guide_result"),
    path("guide/result/questions/", questions_views.guide_questions, name="guide_questions"),
    path("feedback/", feedback_views.submit, name="feedback"),
    path("feedback/thanks/", feedback_views.thanks, name="feedback_thanks"),
    path("guide/<slug:key>/", guide_views.question, name="guide_question"),
    path("guide/<slug:key>/next/", guide_views.answer, name="guide_answer"),
]
