"""The package's modules import each other without a cycle (type-only imports count too)."""

from __future__ import annotations

import ast
import unittest
from pathlib import Path
from typing import Dict, List, Set

PACKAGE = Path(__file__).resolve().parents[1] / "aegis_os"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> Set[str]:
    """Modules of the package that ``path`` imports, wherever the import sits (``if TYPE_CHECKING:`` too)."""
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found: Set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            target = base + ("." + node.module if node.module else "")
            for alias in node.names:  # `from . import _requests` imports a module
                candidate = target + "." + alias.name
                found.add(candidate if (PACKAGE.parent / (candidate.replace(".", "/") + ".py")).exists() else target)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("aegis_os"))
    return {m for m in found if m != here and m != "aegis_os"}


class ImportGraphTests(unittest.TestCase):
    def test_no_module_imports_itself_through_others(self):
        graph: Dict[str, Set[str]] = {module_name(p): imports_of(p) for p in PACKAGE.rglob("*.py")}
        self.assertIn("aegis_os._http", graph["aegis_os._retry"])
        cycles: List[List[str]] = []
        state: Dict[str, int] = {}

        def visit(node: str, trail: List[str]) -> None:
            state[node] = 1
            for nxt in sorted(graph.get(node, ())):
                if state.get(nxt) == 1:
                    cycles.append(trail[trail.index(nxt):] + [nxt] if nxt in trail else [node, nxt])
                elif nxt not in state:
                    visit(nxt, trail + [nxt])
            state[node] = 2

        for start in sorted(graph):
            if start not in state:
                visit(start, [start])
        self.assertEqual(cycles, [])


if __name__ == "__main__":
    unittest.main()
