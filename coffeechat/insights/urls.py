from django.urls import path

from coffeechat.insights.views import journal, overview

urlpatterns = [
    path("insights/", overview.insights_page, name="insights"),
    path("insights/journal/", journal.journal_page, name="insights-journal"),
    path("insights/journal.md", journal.journal_download, name="insights-journal-download"),
]
