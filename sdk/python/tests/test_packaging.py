"""The wheel builds and installs offline with pip into a fresh venv."""

from __future__ import annotations

import os
import sys
import unittest

from .support import SDK_ROOT


class PackagingTests(unittest.TestCase):
    def test_wheel_build_and_offline_pip_install(self):
        import subprocess
        import tempfile
        import zipfile

        sys.path.insert(0, str(SDK_ROOT / "_build"))
        try:
            import aegis_build
        finally:
            sys.path.pop(0)
        with tempfile.TemporaryDirectory() as tmp:
            name = aegis_build.build_wheel(tmp)
            self.assertEqual(name, "aegis_os-%s-py3-none-any.whl" % __import__("aegis_os").__version__)
            with zipfile.ZipFile(os.path.join(tmp, name)) as zf:
                names = zf.namelist()
                meta = zf.read([n for n in names if n.endswith("METADATA")][0]).decode()
            self.assertIn("aegis_os/__init__.py", names)
            self.assertIn("aegis_os/py.typed", names)
            self.assertIn("Name: aegis-os", meta)
            self.assertIn("Requires-Python: >=3.9", meta)
            self.assertNotIn("Requires-Dist", meta)
            try:
                import ensurepip  # noqa: F401
            except ImportError:
                self.skipTest("no ensurepip: cannot make a venv with pip")
            venv = os.path.join(tmp, "venv")
            subprocess.run([sys.executable, "-m", "venv", venv], check=True, capture_output=True, timeout=120)
            py = os.path.join(venv, "bin", "python")
            env = dict(os.environ, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
            res = subprocess.run([py, "-m", "pip", "install", "--no-index", str(SDK_ROOT)], capture_output=True,
                                 text=True, timeout=300, env=env)
            self.assertEqual(res.returncode, 0, res.stdout + res.stderr)
            res = subprocess.run([py, "-c", "import aegis_os, sys; print(aegis_os.__file__)"], capture_output=True,
                                 text=True, cwd=tmp, timeout=60)
            self.assertEqual(res.returncode, 0, res.stderr)
            self.assertIn(venv, res.stdout)


if __name__ == "__main__":
    unittest.main()
