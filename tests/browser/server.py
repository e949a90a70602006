"""The real app for browser tests: `streamlit run` on a free port, and Debian's Chromium to drive it.

Never downloads a browser: Playwright launches /usr/bin/chromium (apt-get install chromium).

    with streamlit_app(env, log_path) as url:
        browser = launch(playwright)
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.browser.seed import PROJECT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = PROJECT / "tests" / "artifacts"


def require_browser() -> None:
    """Fail (not skip) when Chromium or a Chinese font is missing, saying what to install."""
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing at /usr/bin/chromium: install it with `apt-get install -y chromium`")
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout
    if not fonts.strip():  # the screenshot would show every Chinese character as a box
        pytest.fail("no Chinese font for Chromium: install one with `apt-get install -y fonts-noto-cjk`")


def launch(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"streamlit exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"streamlit not healthy after {timeout}s:\n{log.read_text(errors='replace')[-3000:]}")


@contextmanager
def streamlit_app(env: dict[str, str], log: Path) -> Iterator[str]:
    """The chat app started with `env`, its output in `log`; yields its URL and stops it afterwards."""
    log.parent.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", "app/streamlit_app.py",
        "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
    ]  # fmt: skip
    with log.open("w") as out:
        proc = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc, log)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
