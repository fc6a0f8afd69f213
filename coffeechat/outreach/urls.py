from django.urls import path

from coffeechat.outreach.views import compose, mailbox, messages, settings, templates

urlpatterns = [
    path("compose/", compose.compose, name="compose"),
    path("compose/findings", compose.findings, name="compose-findings"),
    path("compose/autosave", compose.autosave_new, name="compose-autosave"),
    path("compose/draft", compose.fresh_draft, name="compose-draft"),
    path("compose/contacts", compose.contact_matches, name="compose-contacts"),
    path("messages/", messages.message_list, name="message-list"),
    path("messages/<int:pk>/", compose.message_detail, name="message-detail"),
    path("messages/<int:pk>/autosave", compose.autosave, name="message-autosave"),
    path("messages/<int:pk>/copy", compose.copy_message, name="message-copy"),
    path("messages/<int:pk>/sent", messages.message_sent, name="message-sent"),
    path("messages/<int:pk>/replied", messages.message_replied, name="message-replied"),
    path("messages/<int:pk>/referral", messages.message_referral, name="message-referral"),
    path("messages/<int:pk>/delete", messages.message_delete, name="message-delete"),
    path("messages/<int:pk>/eml", messages.message_eml, name="message-eml"),
    path("outreach/templates/", templates.template_list, name="template-list"),
    path(
        "outreach/templates/<str:kind>/<str:variant>/",
        templates.template_edit,
        name="template-edit",
    ),
    path(
        "outreach/templates/<str:kind>/<str:variant>/reset",
        templates.template_reset,
        name="template-reset",
    ),
    path("outreach/settings/", settings.outreach_settings, name="outreach-settings"),
    path("outreach/mailbox/test", mailbox.mailbox_test, name="mailbox-test"),
    path("outreach/mailbox/sync", mailbox.mailbox_sync, name="mailbox-sync"),
    path("outreach/mailbox/remove", mailbox.mailbox_remove, name="mailbox-remove"),
    path("outreach/mailbox/found/<int:pk>/undo", mailbox.finding_undo, name="finding-undo"),
]
