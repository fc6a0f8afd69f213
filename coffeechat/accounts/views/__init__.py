"""Account pages, one module per feature; the names below are the ones `coffeechat.urls` uses."""

from coffeechat.accounts.views.session import (
    LoginView,
    home,
    profile,
    sign_in_with_link,
    welcome,
)

__all__ = ["LoginView", "home", "profile", "sign_in_with_link", "welcome"]
