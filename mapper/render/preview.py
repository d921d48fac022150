"""A PNG preview of a map, taken by headless Chromium (no network, nothing downloaded)."""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import ExportError

__all__ = ["find_chromium", "screenshot", "WINDOW"]

log = logging.getLogger(__name__)

WINDOW = (1400, 900)
_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    """``$MAPPER_CHROMIUM``, ``/usr/bin/chromium`` or the first Chromium on ``PATH``; else None."""
    env = os.environ.get("MAPPER_CHROMIUM")
    if env:
        return env if Path(env).is_file() and os.access(env, os.X_OK) else None
    if Path("/usr/bin/chromium").is_file():
        return "/usr/bin/chromium"
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def screenshot(html_path: str | Path, png_path: str | Path, *,
               window: tuple[int, int] = WINDOW, budget_ms: int = 4000,
               timeout: float = 90.0, chromium: str | None = None) -> Path:
    """Open ``html_path`` in headless Chromium and save what it shows to ``png_path``.

    The PNG is written to a temporary file next to ``png_path`` and renamed into
    place, so a failed run leaves no partial image.

    Raises
    ------
    ExportError
        Chromium is missing, fails, times out or writes no image.
    """
    exe = chromium or find_chromium()
    if exe is None:
        raise ExportError("chromium not found (install it, or set MAPPER_CHROMIUM)")
    html_path = Path(html_path).resolve()
    png_path = Path(png_path)
    png_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{png_path.stem}.", suffix=".png", dir=png_path.parent)
    os.close(fd)
    profile = tempfile.mkdtemp(prefix="mapper-chromium-")
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-extensions", "--no-first-run", "--mute-audio", "--hide-scrollbars",
           f"--user-data-dir={profile}", f"--screenshot={tmp}",
           f"--window-size={window[0]},{window[1]}", f"--virtual-time-budget={budget_ms}",
           html_path.as_uri()]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        if proc.returncode != 0 or Path(tmp).stat().st_size == 0:
            last = (proc.stderr or "").strip().splitlines()[-1:] or ["no image written"]
            raise ExportError(f"chromium could not take the screenshot: {last[0]}")
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, png_path)
    except subprocess.TimeoutExpired:
        raise ExportError(f"chromium took more than {timeout:.0f} s for {html_path.name}") from None
    finally:
        Path(tmp).unlink(missing_ok=True)
        shutil.rmtree(profile, ignore_errors=True)
    log.info("preview written to %s", png_path)
    return png_path
