from django.urls import path

from content import views

app_name = "content"

urlpatterns = [
    path("", views.home, name="home"),
    path("pages/<slug:slug>/", views.page_detail, name="page"),
]
