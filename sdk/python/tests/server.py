"""The real AegisOS server for the SDK tests.

* If ``AEGIS_TEST_BASE_URL`` and ``AEGIS_TEST_DATA_DIR`` are set, that running
  server is used (its data dir holds ``demo-credentials.json``).
* Otherwise one server is started for the whole test run: ``node
  scripts/start.mjs`` in the repository root with a fresh ``AEGIS_DATA_DIR``
  and a free ``PORT`` (start.mjs builds the app first if needed), in its own
  process group; it is stopped (SIGTERM, then SIGKILL) when the run ends.

``get_server()`` returns the shared :class:`TestServer`; it raises
``unittest.SkipTest`` only when the repository has no ``scripts/start.mjs`` at
all (the SDK checked out alone). Set ``AEGIS_TEST_START_TIMEOUT`` to wait
longer than 180 s for a first build.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

SDK_ROOT = Path(__file__).resolve().parents[1]
REPO_ROOT = SDK_ROOT.parents[1]
# The public document, kept in the SDK so a clean clone tests against it; the team's shared
# original (when present beside the repository) must be identical (test_document_examples).
SEED_DOC = SDK_ROOT / "docs" / "aegis-os-python-sdk.txt"
SHARED_SEED_DOC = REPO_ROOT.parent / "shared" / "seed" / "aegis-os-python-sdk.txt"

_lock = threading.Lock()
_server: Optional["TestServer"] = None
_failure: Optional[BaseException] = None


def _free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def _healthy(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(base_url + "/api/health", timeout=5) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _last_json(text: str) -> Any:
    """The last JSON object printed in ``text`` (CLIs may log before it)."""
    text = text.strip()
    try:
        return json.loads(text)
    except ValueError:
        pass
    decoder = json.JSONDecoder()
    found = None
    i = text.find("{")
    while i != -1:
        try:
            obj, end = decoder.raw_decode(text, i)
            found = obj
            i = text.find("{", end)
        except ValueError:
            i = text.find("{", i + 1)
    if found is None:
        raise ValueError("no JSON object in output: %r" % text[-500:])
    return found


class TestServer:
    def __init__(self, base_url: str, data_dir: str, process: Optional[subprocess.Popen] = None,
                 log_path: Optional[str] = None, temp_root: Optional[str] = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.data_dir = data_dir
        self.process = process
        self.log_path = log_path
        self.temp_root = temp_root
        self._creds: Optional[Dict[str, Any]] = None
        self._agent_lock = threading.Lock()

    # -- demo credentials ----------------------------------------------------
    @property
    def credentials(self) -> Dict[str, Any]:
        if self._creds is None:
            path = Path(self.data_dir) / "demo-credentials.json"
            deadline = time.monotonic() + 60
            while not path.exists() and time.monotonic() < deadline:
                time.sleep(0.5)
            if not path.exists():
                raise RuntimeError("%s was not written by the server" % path)
            self._creds = json.loads(path.read_text())
        return self._creds

    @property
    def org_id(self) -> str:
        return self.credentials["organisation"]["id"]

    def user_key(self, email: str) -> str:
        for k in self.credentials.get("user_keys", []):
            if k.get("email") == email:
                return k["key"]
        raise KeyError("no user key for %s in demo-credentials.json" % email)

    def demo_agent_key(self) -> Tuple[str, str]:
        k = self.credentials["agent_keys"][0]
        return k["agent_id"], k["key"]

    # -- admin CLI -------------------------------------------------------------
    def cli(self, *args: str) -> Any:
        env = dict(os.environ, AEGIS_DATA_DIR=self.data_dir, AEGIS_BASE_URL=self.base_url)
        proc = subprocess.run(
            ["npx", "tsx", "scripts/aegis.ts", *args],
            cwd=str(REPO_ROOT), env=env, capture_output=True, text=True, timeout=180,
        )
        if proc.returncode != 0:
            raise RuntimeError("aegis CLI %s failed (%d):\n%s\n%s" % (" ".join(args), proc.returncode,
                                                                      proc.stdout[-2000:], proc.stderr[-2000:]))
        return _last_json(proc.stdout)

    def new_agent(self, balance: int = 50_000_000, currency: str = "INR", name: Optional[str] = None,
                  overrides: Optional[Dict[str, Any]] = None) -> Tuple[str, str]:
        """A fresh agent with a funded wallet and its own key -> (agent_id, key).

        ``overrides`` (e.g. ``{"daily_budget": ...}``) are added to the
        organisation policy's ``agent_overrides`` for this agent only.
        """
        name = name or "sdk-test-%s" % uuid.uuid4().hex[:8]
        with self._agent_lock:
            agent = self.cli("agent", "create", "--org", self.org_id, "--name", name,
                             "--balance", str(balance), "--currency", currency, "--json")
            key = self.cli("key", "create", "--agent", agent["id"], "--json")
            if overrides:
                policy = self.cli("policy", "show", "--org", self.org_id, "--json")
                policy.setdefault("agent_overrides", {})[agent["id"]] = dict(overrides)
                fd, path = tempfile.mkstemp(suffix=".json", prefix="aegis-policy-")
                try:
                    with os.fdopen(fd, "w") as fh:
                        json.dump(policy, fh)
                    self.cli("policy", "set", "--org", self.org_id, "--file", path, "--reason", "SDK test agent overrides", "--json")
                finally:
                    os.unlink(path)
        return agent["id"], key["key"]

    # -- lifecycle -------------------------------------------------------------
    def log_tail(self, n: int = 4000) -> str:
        if not self.log_path or not os.path.exists(self.log_path):
            return ""
        with open(self.log_path, "rb") as fh:
            data = fh.read()
        return data[-n:].decode("utf-8", "replace")

    def stop(self) -> None:
        proc = self.process
        if proc is not None:
            # The whole process group: start.mjs, next start and its workers.
            for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 10)):
                try:
                    os.killpg(proc.pid, sig)
                except (ProcessLookupError, PermissionError):
                    break
                try:
                    proc.wait(timeout=wait)
                    # start.mjs is gone; give its children a moment, then make sure.
                    time.sleep(0.5)
                    os.killpg(proc.pid, 0)
                except subprocess.TimeoutExpired:
                    continue
                except (ProcessLookupError, PermissionError):
                    break
            self.process = None
        if self.temp_root and not os.environ.get("AEGIS_TEST_KEEP_DATA"):
            shutil.rmtree(self.temp_root, ignore_errors=True)
            self.temp_root = None


def _start() -> TestServer:
    base_url = os.environ.get("AEGIS_TEST_BASE_URL")
    data_dir = os.environ.get("AEGIS_TEST_DATA_DIR")
    if base_url and data_dir:
        if not _healthy(base_url.rstrip("/")):
            raise RuntimeError("AEGIS_TEST_BASE_URL=%s is not answering /api/health" % base_url)
        return TestServer(base_url, data_dir)

    start = REPO_ROOT / "scripts" / "start.mjs"
    if not start.exists():
        raise unittest.SkipTest("no server to test against: %s does not exist and AEGIS_TEST_BASE_URL/"
                                "AEGIS_TEST_DATA_DIR are not set" % start)
    temp_root = tempfile.mkdtemp(prefix="aegis-sdk-tests-")
    data_dir = os.path.join(temp_root, "data")
    log_path = os.path.join(temp_root, "server.log")
    port = _free_port()
    # test_webhooks checks verify_webhook against the server's real deliveries to a loopback receiver.
    env = dict(os.environ, AEGIS_DATA_DIR=data_dir, PORT=str(port), HOSTNAME="127.0.0.1",
               AEGIS_WEBHOOK_ALLOW_PRIVATE_URLS="1", AEGIS_WEBHOOK_POLL_MS="200")
    env.pop("AEGIS_SKIP_BUILD", None)
    env.pop("DATABASE_URL", None)  # a fresh embedded database
    log = open(log_path, "wb")
    proc = subprocess.Popen(["node", "scripts/start.mjs"], cwd=str(REPO_ROOT), env=env, stdin=subprocess.DEVNULL,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    log.close()
    server = TestServer("http://127.0.0.1:%d" % port, data_dir, proc, log_path, temp_root)
    atexit.register(server.stop)
    deadline = time.monotonic() + float(os.environ.get("AEGIS_TEST_START_TIMEOUT", "180"))
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("the server exited with %s during start-up:\n%s" % (proc.returncode, server.log_tail()))
        if _healthy(server.base_url):
            server.credentials  # noqa: B018 - wait until the demo seed has been written
            return server
        time.sleep(1)
    server.stop()
    raise RuntimeError("the server did not answer GET /api/health within the start timeout:\n%s" % server.log_tail())


def get_server() -> TestServer:
    """The shared server (started on first use, stopped at exit)."""
    global _server, _failure
    with _lock:
        if _server is None:
            if _failure is not None:
                raise _failure
            try:
                _server = _start()
            except BaseException as exc:  # remember: do not try again for every test class
                _failure = exc
                raise
        return _server
