"""Filled in by the workshops issue."""

from workshops.views.public import _todo

funding_create = funding_edit = funding_delete = facilitators = facilitation_remove = seats = _todo
session_create = session_edit = session_delete = _todo
