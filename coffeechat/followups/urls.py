from django.urls import path

from coffeechat.followups.views import calendar, meetings, today

urlpatterns = [
    path("today/", today.today, name="today"),
    path("today/counts", today.nav_counts, name="today-counts"),
    path("today/actions/undo", today.action_undo, name="action-undo"),
    path("today/groups/undo", today.group_undo, name="group-undo"),
    path("today/groups/<str:verb>", today.group_state, name="group-state"),
    path("today/actions/<str:verb>", today.action_state, name="action-state"),
    path("meetings/", meetings.meeting_list, name="meeting-list"),
    path("meetings/new", meetings.meeting_create, name="meeting-create"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting-detail"),
    path("meetings/<int:pk>/edit", meetings.meeting_edit, name="meeting-edit"),
    path("meetings/<int:pk>/status", meetings.meeting_status, name="meeting-status"),
    path("meetings/<int:pk>.ics", meetings.meeting_ics, name="meeting-ics"),
    path("calendar/", calendar.calendar_settings, name="calendar-settings"),
    path("calendar/regenerate", calendar.calendar_regenerate, name="calendar-regenerate"),
    path("calendar/digest", calendar.digest_toggle, name="digest-toggle"),
    path("calendar/<str:secret>.ics", calendar.calendar_feed, name="calendar-feed"),
]
