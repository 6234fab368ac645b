"""A tiny, standard-library-only PEP 517 / PEP 660 build backend.

It exists so that ``pip install ./sdk/python`` works offline and without
setuptools or wheel: the package is pure Python, so a wheel is just a zip
file with a ``.dist-info`` folder. Metadata comes from ``pyproject.toml``'s
``[project]`` table (read with a minimal parser, since ``tomllib`` only exists
from Python 3.11 on).
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import tarfile
import time
import zipfile
from typing import Dict, List, Optional, Tuple

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "aegis_os"
TAG = "py3-none-any"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


# -- metadata ----------------------------------------------------------------
def _project() -> Dict[str, object]:
    """Read the [project] table of pyproject.toml (strings, lists, one level)."""
    with open(os.path.join(ROOT, "pyproject.toml"), encoding="utf-8") as fh:
        text = fh.read()
    section = None
    data: Dict[str, object] = {}
    urls: Dict[str, str] = {}
    pending_key: Optional[str] = None
    pending: List[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if pending_key is not None:
            pending.append(line)
            if line.startswith("]"):
                data[pending_key] = re.findall(r'"((?:[^"\\]|\\.)*)"', " ".join(pending))
                pending_key = None
            continue
        if not line or line.startswith("#"):
            continue
        m = re.match(r"^\[([^\]]+)\]$", line)
        if m:
            section = m.group(1).strip()
            continue
        if section not in ("project", "project.urls"):
            continue
        m = re.match(r'^([A-Za-z0-9_."-]+)\s*=\s*(.*)$', line)
        if not m:
            continue
        key, value = m.group(1).strip('"'), m.group(2).strip()
        if section == "project.urls":
            urls[key] = value.strip('"')
            continue
        if value.startswith("[") and not value.endswith("]"):
            pending_key, pending = key, [value]
        elif value.startswith("["):
            data[key] = re.findall(r'"((?:[^"\\]|\\.)*)"', value)
        elif value.startswith("{"):
            data[key] = dict(re.findall(r'(\w+)\s*=\s*"([^"]*)"', value))
        else:
            data[key] = value.strip('"')
    data["urls"] = urls
    return data


def _name_version() -> Tuple[str, str]:
    project = _project()
    return str(project["name"]), str(project["version"])


def _dist_name() -> str:
    name, version = _name_version()
    return "%s-%s" % (re.sub(r"[-_.]+", "_", name).lower(), version)


def _metadata() -> str:
    project = _project()
    lines = [
        "Metadata-Version: 2.1",
        "Name: %s" % project["name"],
        "Version: %s" % project["version"],
    ]
    if project.get("description"):
        lines.append("Summary: %s" % project["description"])
    if project.get("requires-python"):
        lines.append("Requires-Python: %s" % project["requires-python"])
    lic = project.get("license")
    if isinstance(lic, dict) and lic.get("text"):
        lines.append("License: %s" % lic["text"])
    if project.get("keywords"):
        lines.append("Keywords: %s" % ",".join(project["keywords"]))  # type: ignore[arg-type]
    for classifier in project.get("classifiers", []) or []:  # type: ignore[union-attr]
        lines.append("Classifier: %s" % classifier)
    for label, url in dict(project.get("urls") or {}).items():  # type: ignore[arg-type]
        lines.append("Project-URL: %s, %s" % (label, url))
    readme_path = os.path.join(ROOT, str(project.get("readme") or "README.md"))
    body = ""
    if os.path.exists(readme_path):
        lines.append("Description-Content-Type: text/markdown")
        with open(readme_path, encoding="utf-8") as fh:
            body = fh.read()
    return "\n".join(lines) + "\n\n" + body


def _wheel_file() -> str:
    return "Wheel-Version: 1.0\nGenerator: aegis_build\nRoot-Is-Purelib: true\nTag: %s\n" % TAG


def _write_dist_info(directory: str) -> str:
    info = _dist_name() + ".dist-info"
    path = os.path.join(directory, info)
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, "METADATA"), "w", encoding="utf-8") as fh:
        fh.write(_metadata())
    with open(os.path.join(path, "WHEEL"), "w", encoding="utf-8") as fh:
        fh.write(_wheel_file())
    with open(os.path.join(path, "top_level.txt"), "w", encoding="utf-8") as fh:
        fh.write(PACKAGE + "\n")
    return info


# -- wheels ------------------------------------------------------------------
def _package_files() -> List[str]:
    out = []
    base = os.path.join(ROOT, PACKAGE)
    for folder, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".typed")):
                full = os.path.join(folder, name)
                out.append(os.path.relpath(full, ROOT).replace(os.sep, "/"))
    return out


def _record_line(arcname: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return "%s,sha256=%s,%d" % (arcname, digest, len(data))


def _build(wheel_directory: str, entries: List[Tuple[str, bytes]]) -> str:
    info = _dist_name() + ".dist-info"
    entries = list(entries) + [
        (info + "/METADATA", _metadata().encode("utf-8")),
        (info + "/WHEEL", _wheel_file().encode("utf-8")),
        (info + "/top_level.txt", (PACKAGE + "\n").encode("utf-8")),
    ]
    record = [_record_line(name, data) for name, data in entries]
    record.append(info + "/RECORD,,")
    entries.append((info + "/RECORD", ("\n".join(record) + "\n").encode("utf-8")))
    filename = "%s-%s.whl" % (_dist_name(), TAG)
    os.makedirs(wheel_directory, exist_ok=True)
    with zipfile.ZipFile(os.path.join(wheel_directory, filename), "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            zi = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            zi.external_attr = 0o644 << 16
            zi.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(zi, data)
    return filename


def get_requires_for_build_wheel(config_settings=None):  # noqa: D103
    return []


def get_requires_for_build_sdist(config_settings=None):  # noqa: D103
    return []


def get_requires_for_build_editable(config_settings=None):  # noqa: D103
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):  # noqa: D103
    return _write_dist_info(metadata_directory)


def prepare_metadata_for_build_editable(metadata_directory, config_settings=None):  # noqa: D103
    return _write_dist_info(metadata_directory)


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):  # noqa: D103
    entries = []
    for rel in _package_files():
        with open(os.path.join(ROOT, rel), "rb") as fh:
            entries.append((rel, fh.read()))
    return _build(wheel_directory, entries)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):  # noqa: D103
    pth = (ROOT + "\n").encode("utf-8")
    return _build(wheel_directory, [("__editable__.%s.pth" % _dist_name(), pth)])


def build_sdist(sdist_directory, config_settings=None):  # noqa: D103
    base = _dist_name()
    filename = base + ".tar.gz"
    os.makedirs(sdist_directory, exist_ok=True)
    files = ["pyproject.toml", "README.md", "_build/aegis_build.py"] + _package_files()
    tests = os.path.join(ROOT, "tests")
    if os.path.isdir(tests):
        for name in sorted(os.listdir(tests)):
            if name.endswith(".py"):
                files.append("tests/" + name)
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz", format=tarfile.PAX_FORMAT) as tf:

        def add(arcname: str, data: bytes) -> None:
            ti = tarfile.TarInfo(base + "/" + arcname)
            ti.size = len(data)
            ti.mtime = mtime
            ti.mode = 0o644
            tf.addfile(ti, io.BytesIO(data))

        for rel in files:
            path = os.path.join(ROOT, rel)
            if os.path.exists(path):
                with open(path, "rb") as fh:
                    add(rel, fh.read())
        add("PKG-INFO", _metadata().encode("utf-8"))
    return filename
