"""The time bank's pages, under the language prefix (/time-bank/, /en/time-bank/)."""

from django.urls import path

from .views import member, public, registration, signin

urlpatterns = [
    path("time-bank/", public.index, name="index"),
    path("time-bank/<int:pk>/", public.listing_detail, name="listing"),
    path("time-bank/<int:pk>/respond/", member.respond, name="respond"),
    path("time-bank/join/", registration.join, name="join"),
    path("time-bank/join/sent/", registration.join_sent, name="join_sent"),
    path(
        "time-bank/confirm/<str:token>/",
        registration.confirm_email,
        name="confirm_email",
    ),
    path("time-bank/sign-in/", signin.sign_in, name="sign_in"),
    path("time-bank/sign-in/sent/", signin.sign_in_sent, name="sign_in_sent"),
    path("time-bank/sign-in/link/", signin.sign_in_link, name="sign_in_link"),
    path("time-bank/sign-out/", signin.sign_out, name="sign_out"),
    path("time-bank/me/", member.me, name="me"),
    path("time-bank/me/statement/", member.statement, name="statement"),
    path("time-bank/me/new/", member.listing_new, name="listing_new"),
    path("time-bank/me/<int:pk>/edit/", member.listing_edit, name="listing_edit"),
    path("time-bank/me/<int:pk>/close/", member.listing_close, name="listing_close"),
    path(
        "time-bank/me/conversations/<int:pk>/",
        member.conversation,
        name="conversation",
    ),
    path("time-bank/me/exchanges/new/", member.exchange_new, name="exchange_new"),
    path(
        "time-bank/me/exchanges/<int:pk>/decide/",
        member.exchange_decide,
        name="exchange_decide",
    ),
    path("time-bank/me/data.json", member.my_data, name="my_data"),
    path("time-bank/me/leave/", member.leave, name="leave"),
]

neutral_urlpatterns = []
