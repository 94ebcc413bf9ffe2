"""The direction rule of content/models/__init__.py holds: which module may
import which, no import cycle, and no import inside a function but where
Django asks for one (AppConfig.ready)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("content", "neuroinfo")
# The parts that answer requests and commands; nothing below them imports them.
INTERFACE = (
    "content.views",
    "content.admin",
    "content.templatetags",
    "content.management",
    "content.urls",
    "content.apps",
    "neuroinfo.urls",
)
# Plain functions over text and data: they import no model.
PLAIN = [
    "content.rendering",
    "content.glossary",
    "content.links",
    "content.readability",
    "content.questions",
    "content.structured_data",
    "content.languages",
    "content.locks",
    "content.widgets",
    "content.starting",
]
# The model modules, in the order they may import each other: each imports
# only those before it.
MODEL_ORDER = [
    "content.models.review",
    "content.models.translations",
    "content.models.versioning",
    "content.models.feedback",
    "content.models.sitetext",
    "content.models.pages",
    "content.models.glossary",
    "content.models.guide",
]


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_files():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


MODULES = {module_name(path): path for path in source_files()}


def is_package(name):
    return MODULES.get(name, Path()).name == "__init__.py"


def imported(name, node):
    """The site's modules an import statement in module `name` runs."""
    if isinstance(node, ast.Import):
        targets = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            package = name if is_package(name) else name.rpartition(".")[0]
            for _ in range(node.level - 1):
                package = package.rpartition(".")[0]
            base = f"{package}.{base}" if base else package
        # `from package import submodule` runs the submodule too.
        targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
    found = set()
    for target in targets:
        parts = target.split(".")
        # Importing a.b.c runs a and a.b first, unless the importer is inside them.
        for end in range(1, len(parts) + 1):
            prefix = ".".join(parts[:end])
            if prefix in MODULES and not (name + ".").startswith(prefix + "."):
                found.add(prefix)
    found.discard(name)
    return found


def imports(name):
    """{imported module: inside a function?} for module `name`."""
    tree = ast.parse(MODULES[name].read_text())
    found = {}

    def walk(node, function):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                for target in imported(name, child):
                    found.setdefault(target, []).append((child.lineno, function))
            inner = function
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                inner = child.name
            walk(child, inner)

    walk(tree, None)
    return found


GRAPH = {name: imports(name) for name in MODULES}


def under(name, prefixes):
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def reaches(start, goal):
    seen, todo = set(), [start]
    while todo:
        current = todo.pop()
        if current == goal or under(current, [goal]):
            return True
        if current not in seen:
            seen.add(current)
            todo.extend(GRAPH.get(current, {}))
    return False


def test_the_graph_is_found():
    assert "content.models.pages" in GRAPH
    assert "content.links" in GRAPH["content.models.pages"]


def test_no_import_inside_a_function_but_in_app_ready():
    inside = {
        f"{name} line {line} (in {function})"
        for name, targets in GRAPH.items()
        for where in targets.values()
        for line, function in where
        if function not in (None, "ready") or (function == "ready" and not name.endswith(".apps"))
    }
    assert not inside, f"Imports inside functions: {sorted(inside)}"


def test_there_is_no_import_cycle():
    def cycle_from(start):
        path, on_path = [], set()

        def visit(node):
            path.append(node)
            on_path.add(node)
            for target in GRAPH.get(node, {}):
                if target in on_path:
                    return path[path.index(target) :] + [target]
                if target not in done:
                    found = visit(target)
                    if found:
                        return found
            path.pop()
            on_path.discard(node)
            done.add(node)
            return None

        return visit(start)

    done = set()
    for name in sorted(GRAPH):
        if name not in done:
            cycle = cycle_from(name)
            assert not cycle, f"Import cycle: {' -> '.join(cycle)}"


@pytest.mark.parametrize("name", MODEL_ORDER)
def test_a_model_module_imports_only_earlier_model_modules_and_no_model_readers(name):
    earlier = MODEL_ORDER[: MODEL_ORDER.index(name)]
    wrong = []
    for target in GRAPH[name]:
        if under(target, ["content.models"]):
            if target not in earlier and target != "content.models":
                wrong.append(f"{target} (a later model module)")
        elif reaches(target, "content.models"):
            wrong.append(f"{target} (it imports the models)")
    assert not wrong, f"{name} imports {wrong}"


@pytest.mark.parametrize("name", PLAIN)
def test_a_plain_module_imports_no_model(name):
    modules = [n for n in MODULES if under(n, [name])]
    assert modules
    wrong = [n for n in modules for target in GRAPH[n] if reaches(target, "content.models")]
    assert not wrong, f"{wrong} import the models"


def test_every_model_module_has_its_place_in_the_order():
    assert {n for n in MODULES if n.startswith("content.models.")} == set(MODEL_ORDER)


def test_only_the_interface_imports_the_interface():
    wrong = [
        f"{name} imports {target}"
        for name, targets in GRAPH.items()
        if not under(name, INTERFACE)
        for target in targets
        if under(target, INTERFACE)
    ]
    assert not wrong, wrong


def test_the_site_wide_package_imports_only_plain_content_modules():
    wrong = [
        f"{name} imports {target}"
        for name, targets in GRAPH.items()
        if under(name, ["neuroinfo"]) and not under(name, INTERFACE)
        for target in targets
        if under(target, ["content"]) and target != "content" and not under(target, PLAIN)
    ]
    assert not wrong, wrong
