"""Client construction: base URL, API key, timeout; version and stdlib-only imports."""

from __future__ import annotations

import os
import re
import sys
import unittest

from aegis_os import AegisClient, AegisError, AsyncAegisClient

from .support import SDK_ROOT


class ClientConfigTests(unittest.TestCase):
    def test_base_url_falls_back_to_env_then_localhost(self):
        old = os.environ.pop("AEGIS_BASE_URL", None)
        try:
            self.assertEqual(AegisClient(api_key="k").base_url, "http://localhost:3000")
            os.environ["AEGIS_BASE_URL"] = "http://127.0.0.1:4567"
            self.assertEqual(AegisClient(api_key="k").base_url, "http://127.0.0.1:4567")
            self.assertEqual(AsyncAegisClient(api_key="k").base_url, "http://127.0.0.1:4567")
            self.assertEqual(AegisClient(api_key="k", base_url="http://h:1").base_url, "http://h:1")
        finally:
            os.environ.pop("AEGIS_BASE_URL", None)
            if old is not None:
                os.environ["AEGIS_BASE_URL"] = old

    def test_signature_and_timeout(self):
        c = AegisClient(api_key="k", timeout=10, base_url=None)
        self.assertEqual(c.timeout, 10)
        c.close()
        with self.assertRaises(AegisError):
            AegisClient(api_key="")

    def test_version_matches_pyproject_and_stdlib_only(self):
        import aegis_os

        text = (SDK_ROOT / "pyproject.toml").read_text()
        self.assertIn('version = "%s"' % aegis_os.__version__, text)
        self.assertIn('name = "aegis-os"', text)
        self.assertIn('requires-python = ">=3.9"', text)
        if hasattr(sys, "stdlib_module_names"):
            for path in (SDK_ROOT / "aegis_os").glob("*.py"):
                for mod in re.findall(r"^\s*(?:from|import) ([a-zA-Z_][\w]*)", path.read_text(), re.M):
                    if mod not in ("aegis_os", "__future__"):
                        self.assertIn(mod, sys.stdlib_module_names, "%s imports %s" % (path.name, mod))


if __name__ == "__main__":
    unittest.main()
