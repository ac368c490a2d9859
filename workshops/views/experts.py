"""Filled in by the workshops issue."""

from workshops.views.public import _todo

expert_list = expert_detail = expert_edit = _todo
