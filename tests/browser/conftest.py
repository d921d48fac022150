"""Headless Chromium (Playwright driving Debian's /usr/bin/chromium) for the map tests."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")


def _render_fixtures():
    """The report fixtures of tests/render/conftest.py (tests/ is not a package)."""
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "render" / "conftest.py"
    spec = importlib.util.spec_from_file_location("render_fixtures", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


_rf = _render_fixtures()
sample_report = _rf.sample_report
hostile_report_fixture = _rf.hostile_report_fixture
synthetic = _rf.synthetic


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("/usr/bin/chromium is missing in CI (scripts/setup.sh installs it)")
        pytest.skip("/usr/bin/chromium is not installed (CI installs it with apt)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                               args=["--no-sandbox", "--disable-gpu",
                                     "--disable-background-networking"])
        yield b
        b.close()


class OpenedMap:
    """A page showing one map, with every JS error, console error and blocked request kept."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.dialogs: list[str] = []

    def count(self, selector: str) -> int:
        return self.page.locator(selector).count()

    def group_size(self, key: str) -> int:
        return self.page.evaluate(
            "k => mapper.groups[k].group.getLayers().length", key)


@pytest.fixture
def open_map(browser):
    """``open_map(path)`` opens an HTML file with all network requests blocked."""
    contexts = []

    def _open(path: Path, width: int = 1400, height: int = 900) -> OpenedMap:
        ctx = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(ctx)
        page = ctx.new_page()
        opened = OpenedMap(page)

        def route(r):
            url = r.request.url
            if url.startswith(("file://", "data:")):
                r.continue_()
            else:
                opened.blocked.append(url)
                r.abort()

        page.route("**/*", route)
        page.on("pageerror", lambda e: opened.errors.append(f"pageerror: {e}"))
        page.on("console", lambda m: opened.errors.append(f"console: {m.text}")
                if m.type == "error" else None)

        def dialog(d):
            opened.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        t0 = time.perf_counter()
        page.goto(path.resolve().as_uri(), wait_until="load")
        page.wait_for_function("() => window.mapper && document.querySelector('.leaflet-pane')")
        opened.load_s = time.perf_counter() - t0
        return opened

    yield _open
    for ctx in contexts:
        ctx.close()
