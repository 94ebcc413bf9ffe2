"""The README stays a short map, and its "Where things live" table stays true:
every path it names exists, and every file of the site's folders is named."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
# The folders whose every file the table must name (a folder or a pattern
# named in the table covers what is in it).
MAPPED = ["content", "neuroinfo", "templates", "static", "scripts", "tests"]
# `content/`: `a.py`, `b.py` names content/a.py and content/b.py.
TOKEN = re.compile(r"`([^`]+)`(:?)")


def table_paths(text):
    """Each path the "Where things live" table names, as written in the row."""
    section = text.split("## Where things live", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    paths = []
    for row in rows[2:]:  # after the header and its separator
        files = row.strip("|").split("|", 1)[1]
        folder = ""
        for name, colon in TOKEN.findall(files):
            if colon:  # a folder for the names after it, not itself named
                folder = name if name.endswith("/") else name + "/"
            else:
                paths.append(folder + name)
    return paths


def on_disk(path):
    return any(ROOT.glob(path)) if "*" in path else (ROOT / path).exists()


def covered(relative, named):
    return any(
        relative == path
        or (path.endswith("/") and relative.startswith(path))
        or ("*" in path and Path(relative).match(path) and relative.count("/") == path.count("/"))
        for path in named
    )


def site_files():
    for top in MAPPED:
        for path in sorted((ROOT / top).rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            if path.name == "__init__.py" or path.suffix == ".pyc":
                continue
            yield path.relative_to(ROOT).as_posix()


def test_the_table_is_found_and_names_many_paths():
    assert len(table_paths(README.read_text())) > 100


def test_every_path_the_table_names_exists():
    missing = [path for path in table_paths(README.read_text()) if not on_disk(path)]
    assert not missing, f"README's 'Where things live' names paths that do not exist: {missing}"


def test_every_file_of_the_site_is_in_the_table():
    named = table_paths(README.read_text())
    unnamed = [path for path in site_files() if not covered(path, named)]
    assert not unnamed, f"Add these to README's 'Where things live' table: {unnamed}"


def test_the_readme_stays_short_and_narrow():
    lines = README.read_text().splitlines()
    assert len(lines) <= 160
    wide = [number for number, line in enumerate(lines, 1) if len(line) > 80]
    assert not wide, f"README lines over 80 columns: {wide}"
