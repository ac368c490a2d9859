"""The French catalogue: complete, not fuzzy, placeholders kept, and the committed .mo current.

The portal runs without gettext installed, so the compiled catalogue is committed; these tests
catch a .po edited without running `manage.py compilemessages` afterwards.
"""

import ast
import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES"
PO_FILE = LOCALE_DIR / "django.po"
MO_FILE = LOCALE_DIR / "django.mo"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{\s*\w+\s*\}\}")


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0


def parse_po(text: str) -> list[Entry]:
    """A small .po reader: enough for what `makemessages` writes (no obsolete entries kept)."""
    entries: list[Entry] = []
    entry, key = Entry(), None

    def close() -> None:
        nonlocal entry
        if entry.msgstr or entry.msgid:
            entries.append(entry)
        entry = Entry()

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            close()
            key = None
        elif line.startswith("#~"):
            continue
        elif line.startswith("#,"):
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            _append(entry, key, ast.literal_eval(line))
        else:
            keyword, _space, value = line.partition(" ")
            key = keyword
            entry.line = entry.line or number
            _set(entry, key, ast.literal_eval(value))
    close()
    return entries


def _set(entry: Entry, key: str, value: str) -> None:
    if key == "msgid":
        entry.msgid = value
    elif key == "msgid_plural":
        entry.msgid_plural = value
    elif key == "msgctxt":
        entry.msgctxt = value
    elif key == "msgstr":
        entry.msgstr[0] = value
    elif key.startswith("msgstr["):
        entry.msgstr[int(key[7:-1])] = value
    else:
        raise ValueError(f"Unknown keyword {key!r} in {PO_FILE}")


def _append(entry: Entry, key: str | None, value: str) -> None:
    if key is None:
        raise ValueError(f"A continued string with no keyword in {PO_FILE}")
    if key.startswith("msgstr"):
        index = 0 if key == "msgstr" else int(key[7:-1])
        entry.msgstr[index] += value
    else:
        _set(entry, key, getattr(entry, key) + value)


@pytest.fixture(scope="module")
def catalogue() -> tuple[Entry, list[Entry]]:
    header, *entries = parse_po(PO_FILE.read_text(encoding="utf-8"))
    assert header.msgid == ""
    return header, entries


def _name(entry: Entry) -> str:
    return f"{PO_FILE.name}:{entry.line} {entry.msgid!r}"


def test_the_french_catalogue_has_entries(catalogue):
    header, entries = catalogue
    assert "Language: fr" in header.msgstr[0]
    assert "nplurals=3" in header.msgstr[0]
    assert len(entries) > 150


def test_every_entry_is_translated_and_none_is_fuzzy(catalogue):
    header, entries = catalogue
    assert "fuzzy" not in header.flags
    fuzzy = [_name(entry) for entry in entries if "fuzzy" in entry.flags]
    assert not fuzzy, f"fuzzy entries: {fuzzy}"
    plurals = 3
    untranslated = [
        _name(entry)
        for entry in entries
        if not entry.msgstr
        or any(not text.strip() for text in entry.msgstr.values())
        or (entry.msgid_plural is not None and sorted(entry.msgstr) != list(range(plurals)))
    ]
    assert not untranslated, f"untranslated entries: {untranslated}"


def test_translations_keep_the_placeholders(catalogue):
    _header, entries = catalogue
    wrong = []
    for entry in entries:
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        expected_plural = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        for index, text in entry.msgstr.items():
            wanted = expected if index == 0 else expected_plural
            found = sorted(PLACEHOLDER.findall(text))
            if found != wanted:
                wrong.append(f"{_name(entry)} [{index}]: {found} instead of {wanted}")
    assert not wrong, "\n".join(wrong)


def test_the_committed_mo_file_matches_the_po_file(catalogue):
    _header, entries = catalogue
    with MO_FILE.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for entry in entries:
        if entry.msgid_plural is None:
            got = (
                compiled.pgettext(entry.msgctxt, entry.msgid)
                if entry.msgctxt
                else compiled.gettext(entry.msgid)
            )
            if got != entry.msgstr[0]:
                stale.append(f"{_name(entry)}: .mo says {got!r}")
            continue
        for count, index in ((1, 0), (1_000_000, 1), (2, 2)):
            got = compiled.ngettext(entry.msgid, entry.msgid_plural, count)
            if got != entry.msgstr[index]:
                stale.append(f"{_name(entry)} (n={count}): .mo says {got!r}")
    assert not stale, "run `manage.py compilemessages`:\n" + "\n".join(stale)


def test_the_portal_speaks_french_through_django():
    with translation.override("fr"):
        assert translation.gettext("Member directory") == "Annuaire des membres"
        assert translation.gettext("Outbox") == "Boîte d'envoi"
        assert (
            translation.ngettext("%(counter)s administration", "%(counter)s administrations", 24)
            % {"counter": 24}
            == "24 administrations"
        )
        # allauth ships its own French catalogue.
        assert translation.gettext("Sign In") == "Connexion"


def test_a_cancelled_registration_and_a_cancelled_workshop_agree_in_french():
    from django.utils import translation

    from workshops.models import Registration, Workshop

    with translation.override("fr"):
        assert str(Registration.Status.CANCELLED.label) == "Annulée"  # une inscription
        assert str(Workshop.Status.CANCELLED.label) == "Annulé"  # un atelier
