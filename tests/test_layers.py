"""Dependencies flow one way, core <- members <- workshops <- programmes, with the portal shell
and the demo above them all: a lower app never imports a higher one, and its templates never
name a higher app's URL or load its template tags. Checked for every app below programmes."""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)
LAYERS = ["core", "members", "workshops", "programmes"]
ABOVE_ALL = ["oco_portal", "demo"]
CHECKED = ["core", "members", "workshops"]
URL_NAME = re.compile(r"""\{%\s*url\s+["'](\w+):""")
LOAD = re.compile(r"\{%\s*load\s+([^%]+?)\s*%\}")


def _higher(app: str) -> list[str]:
    return LAYERS[LAYERS.index(app) + 1 :] + ABOVE_ALL


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
    return names


def _tag_libraries() -> dict[str, str]:
    return {
        module.stem: app
        for app in LAYERS + ABOVE_ALL
        for module in (BASE / app / "templatetags").glob("*.py")
        if module.stem != "__init__"
    }


@pytest.mark.parametrize("app", CHECKED)
def test_an_app_imports_no_higher_app(app):
    wrong = [
        f"{path.relative_to(BASE)} imports {name}"
        for path in (BASE / app).rglob("*.py")
        if "migrations" not in path.parts
        for name in _imports(path) & set(_higher(app))
    ]
    assert not wrong


@pytest.mark.parametrize("app", CHECKED)
def test_an_apps_templates_name_no_higher_apps_url_or_tags(app):
    libraries = _tag_libraries()
    wrong = []
    for path in (BASE / "templates" / app).rglob("*"):
        if path.is_dir():
            continue
        text = path.read_text()
        wrong += [f"{path.name}: url {ns}" for ns in URL_NAME.findall(text) if ns in _higher(app)]
        loaded = [name for names in LOAD.findall(text) for name in names.split()]
        wrong += [f"{path.name}: tags {n}" for n in loaded if libraries.get(n) in _higher(app)]
    assert not wrong


def test_the_members_app_names_no_url_of_a_higher_app():
    wrong = [
        str(path.relative_to(BASE))
        for path in (BASE / "members").rglob("*.py")
        if "migrations" not in path.parts
        and re.search(r"""["'](workshops|programmes):""", path.read_text())
    ]
    assert not wrong
