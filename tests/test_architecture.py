"""Architecture rules of STYLE.md, tested: the library knows nothing of Dash, figures know no SQL,
every environment variable is documented, and every expected callback is registered."""

from __future__ import annotations

import ast
from pathlib import Path

from indicators.config import ENVIRONMENT, PROJECT_ROOT


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_indicators_never_imports_dash_or_plotly():
    for path in (PROJECT_ROOT / "indicators").rglob("*.py"):
        assert not imports_of(path) & {"dash", "plotly", "dashboard", "flask"}, path


def test_figure_builders_never_touch_sql():
    paths = list((PROJECT_ROOT / "dashboard" / "figures").glob("*.py")) + [
        PROJECT_ROOT / "dashboard" / name for name in ("maps.py", "geometry.py", "map_hover.py")]
    for path in paths:
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        assert "sqlalchemy" not in imports_of(path), path
        for module in ("indicators.repository", "indicators.db", "dashboard.data"):
            assert module not in text, (path, module)


def test_map_geometry_is_plain_python():
    assert not imports_of(PROJECT_ROOT / "dashboard" / "geometry.py") & {"dash", "plotly", "pandas", "sqlalchemy"}


def test_pages_hold_no_callbacks():
    for path in (PROJECT_ROOT / "dashboard" / "pages").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "@callback" not in text and "app.callback" not in text, path


def test_every_environment_variable_is_documented():
    example = (PROJECT_ROOT / ".env.example").read_text(encoding="utf-8")
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    for name in ENVIRONMENT:
        assert f"{name}=" in example, name
        assert name in readme, name


def test_expected_callbacks_are_registered(tmp_path):
    from dashboard import create_app
    from indicators.config import Settings

    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'app.db'}"))
    outputs = " ".join(app.callback_map)
    for expected in ("url.search", "filter-programme.options", "app-header.children", "app-nav.children"):
        assert expected in outputs, expected
