from django.contrib.auth import views as auth_views
from django.urls import include, path

from coffeechat.accounts import views as accounts
from coffeechat.api.main import api
from coffeechat.common import views as common_views
from coffeechat.network.views import contacts, organizations

urlpatterns = [
    path("", accounts.home, name="home"),
    path("healthz", common_views.healthz, name="healthz"),
    path("favicon.ico", common_views.favicon, name="favicon"),
    path("guide/", common_views.guide, name="guide"),
    path("signin/<str:key>", accounts.sign_in_with_link, name="signin-link"),
    path("login/", accounts.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("profile/", accounts.profile, name="profile"),
    path("welcome/", accounts.welcome, name="welcome"),
    path("contacts/", contacts.contact_list, name="contact-list"),
    path("contacts/new", contacts.contact_create, name="contact-create"),
    path("contacts/suggest", contacts.contact_suggest, name="contact-suggest"),
    path("contacts/<int:pk>/", contacts.contact_detail, name="contact-detail"),
    path("contacts/<int:pk>/edit", contacts.contact_edit, name="contact-edit"),
    path("contacts/<int:pk>/delete", contacts.contact_delete, name="contact-delete"),
    path("organizations/", organizations.organization_list, name="organization-list"),
    path("organizations/new", organizations.organization_create, name="organization-create"),
    path("organizations/<int:pk>/", organizations.organization_detail, name="organization-detail"),
    path("organizations/<int:pk>/edit", organizations.organization_edit, name="organization-edit"),
    path(
        "organizations/<int:pk>/delete",
        organizations.organization_delete,
        name="organization-delete",
    ),
    path("", include("coffeechat.network.urls")),
    path("", include("coffeechat.outreach.urls")),
    path("", include("coffeechat.followups.urls")),
    path("", include("coffeechat.interviews.urls")),
    path("", include("coffeechat.insights.urls")),
    path("", include("coffeechat.accounts.urls")),
    path("api/v1/", api.urls),
]
