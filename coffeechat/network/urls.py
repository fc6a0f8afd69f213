from django.urls import URLPattern, path

from coffeechat.network.views import board, contacts, merge, transfer

urlpatterns: list[URLPattern] = [
    path("board/", board.board_page, name="board"),
    path("board/<slug:column>/", board.board_column, name="board-column"),
    path("contacts/bulk", contacts.contact_bulk, name="contact-bulk"),
    path("contacts/bulk/undo", contacts.contact_bulk_undo, name="contact-bulk-undo"),
    path("contacts/fill-fields", contacts.contact_fill_fields, name="contact-fill-fields"),
    path("import/", transfer.import_page, name="import"),
    path("import/preview/<str:key>/", transfer.import_preview, name="import-preview"),
    path("import/<int:pk>/", transfer.batch_detail, name="import-batch"),
    path("import/<int:pk>/undo", transfer.batch_undo, name="import-undo"),
    path("export/<str:kind>", transfer.export_download, name="export"),
    path("contacts/duplicates/", merge.duplicate_list, name="duplicate-list"),
    path(
        "contacts/duplicates/<int:pk>/keep-both",
        merge.duplicate_keep_both,
        name="duplicate-keep-both",
    ),
    path("contacts/<int:pk>/merge/<int:other>/", merge.contact_merge, name="contact-merge"),
    path("organizations/merge/", merge.organization_merge, name="organization-merge"),
]
