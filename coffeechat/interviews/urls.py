from django.urls import path

from coffeechat.interviews.views import live, prep, questions, reflect

urlpatterns = [
    path("questions/", questions.question_bank, name="question-bank"),
    path("questions/new", questions.question_create, name="question-create"),
    path("questions/check", questions.question_check, name="question-check"),
    path("questions/<str:ref>/edit", questions.question_edit, name="question-edit"),
    path("questions/<str:ref>/hide", questions.question_hide, name="question-hide"),
    path("questions/<str:ref>/move", questions.question_move, name="question-move"),
    path("questions/<str:ref>/delete", questions.question_delete, name="question-delete"),
    path("meetings/<int:pk>/prep/", prep.prep_sheet, name="meeting-prep"),
    path("meetings/<int:pk>/objective", prep.save_objective, name="meeting-objective"),
    path("meetings/<int:pk>/times-reply", prep.times_reply, name="meeting-times-reply"),
    path("meetings/<int:pk>/agenda/plan", prep.plan_agenda, name="agenda-plan"),
    path("meetings/<int:pk>/agenda/add", prep.add_item, name="agenda-add"),
    path("meetings/<int:pk>/agenda/<int:item_pk>/move", prep.move_item, name="agenda-move"),
    path("meetings/<int:pk>/agenda/<int:item_pk>/remove", prep.remove_item, name="agenda-remove"),
    path("meetings/<int:pk>/live/", live.live, name="meeting-live"),
    path("meetings/<int:pk>/reflect/", reflect.reflect, name="meeting-reflect"),
]
