from django.urls import path

from coffeechat.accounts.views import (
    advisers,
    passwords,
    privacy,
    sharing,
    signup,
    staff,
    tokens,
)

urlpatterns = [
    path("signup/", signup.signup, name="signup"),
    path("signup/<str:key>", signup.signup_invited, name="signup-invited"),
    path("account/", privacy.account, name="account"),
    path("account/verify/resend", signup.resend_verification, name="verify-email-resend"),
    path("account/verify/<str:token>", signup.verify_email, name="verify-email"),
    path("account/password-reset/", passwords.PasswordResetView.as_view(), name="password_reset"),
    path(
        "account/password-reset/sent",
        passwords.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "account/password-reset/<uidb64>/<token>/",
        passwords.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "account/password-reset/done",
        passwords.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("account/tokens/", tokens.token_list, name="account-tokens"),
    path("account/tokens/<int:pk>/revoke", tokens.token_revoke, name="account-token-revoke"),
    path("account/sharing/", sharing.sharing, name="account-sharing"),
    path("account/sharing/<int:pk>/revoke", sharing.sharing_revoke, name="account-sharing-revoke"),
    path("account/download", privacy.download, name="account-download"),
    path("account/delete", privacy.delete, name="account-delete"),
    path("advisers/", advisers.dashboard, name="advisers"),
    path("advisers/students/<int:pk>/", advisers.student_journal, name="adviser-student"),
    path("staff/", staff.overview, name="staff"),
    path("staff/invitations/", staff.invitation_list, name="staff-invitations"),
]
