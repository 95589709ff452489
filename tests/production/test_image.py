"""The Docker image without a Docker engine: replay the Dockerfile's install and start steps in a
fresh virtual environment and check that gunicorn serves ``/healthz``, ``/map`` and the exports (a
PNG, an SVG and a briefing deck, drawn by kaleido on the system Chromium with the plotly.js bundle
and topojson of the image's ``/app/assets``, not of ``site-packages``).

The COPY, ENV, HEALTHCHECK and CMD lines are read from the Dockerfile itself, so the test follows
it. Slow (a fresh ``pip install`` of the locked runtime set, about a minute): marked ``image``;
deselect with ``-m 'not image'``.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from dashboard.paths import ROOT

pytestmark = pytest.mark.image


@dataclass
class Stage:
    copies: list[tuple[list[str], str]] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    instructions: dict[str, str] = field(default_factory=dict)


def stages(dockerfile: str) -> list[Stage]:
    """Each FROM's COPY (sources, destination; ``--from`` ones left out), ENV and last of each
    other instruction, continuation lines joined."""
    found: list[Stage] = []
    logical = dockerfile.replace("\\\n", " ")
    for line in logical.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, _, rest = line.partition(" ")
        word = word.upper()
        if word == "FROM":
            found.append(Stage())
        elif word == "COPY" and "--from=" not in rest:
            parts = [p for p in shlex.split(rest) if not p.startswith("--")]
            found[-1].copies.append((parts[:-1], parts[-1]))
        elif word == "ENV":
            found[-1].env.update(part.split("=", 1) for part in shlex.split(rest))  # type: ignore[misc]
        else:
            found[-1].instructions[word] = rest.strip()
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def copy_into(stage: Stage, folder: Path) -> None:
    for sources, destination in stage.copies:
        for source in sources:
            target = folder / destination if destination not in ("./", ".") else folder / source
            if (ROOT / source).is_dir():
                shutil.copytree(ROOT / source, target, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(ROOT / source, folder / source if destination.endswith("/") else target)


def get(url: str, timeout: float = 10) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body, errors included (a 503's body says why)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


# What each export must be: its content type and the first bytes of a real file of that kind.
EXPORTS = {
    "/export/map.png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    "/export/map.svg": ("image/svg+xml", b"<svg"),
    "/briefing.pptx?view=/map": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        b"PK\x03\x04",
    ),
}


def test_the_image_installs_and_serves(tmp_path: Path) -> None:
    build, final = stages((ROOT / "Dockerfile").read_text(encoding="utf-8"))
    source, app_dir, venv = tmp_path / "src", tmp_path / "app", tmp_path / "venv"
    source.mkdir()
    app_dir.mkdir()
    copy_into(build, source)
    copy_into(final, app_dir)

    # The build stage: a venv with the locked runtime set, then Puentes without resolving again.
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    subprocess.run([*pip, "-r", source / "requirements.lock"], check=True, timeout=600)
    subprocess.run([*pip, "--no-deps", source], check=True, timeout=300)
    dev_only = ("pytest", "geopandas", "pandera", "selenium")
    probe = f"import importlib.util as u; print([m for m in {dev_only!r} if u.find_spec(m)])"
    extra = subprocess.run([venv / "bin" / "python", "-c", probe], capture_output=True, text=True, check=True)
    assert extra.stdout.strip() == "[]", "test or ETL dependencies in the runtime image"

    # The final stage: its ENV, on loopback and a free port, running its CMD from WORKDIR.
    assert "/healthz" in final.instructions["HEALTHCHECK"]
    assert final.instructions["USER"].split(":")[0] not in ("0", "root")
    port = free_port()
    env = {key: value.replace("$PATH", os.environ["PATH"]) for key, value in final.env.items()}
    env |= {"HOST": "127.0.0.1", "PORT": str(port), "WORKERS": "1", "THREADS": "2"}
    env |= {"PUENTES_DATA_DIR": str(app_dir / "data"), "PATH": f"{venv / 'bin'}:{os.environ['PATH']}"}
    command = json.loads(final.instructions["CMD"])
    log = (tmp_path / "gunicorn.log").open("w+")
    server = subprocess.Popen(command, cwd=app_dir, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, _, body = get(f"http://127.0.0.1:{port}/healthz")
                break
            except OSError:
                assert server.poll() is None, (tmp_path / "gunicorn.log").read_text()[-3000:]
                assert time.monotonic() < deadline, "gunicorn did not answer /healthz in 60 s"
                time.sleep(0.5)
        assert (status, json.loads(body)) == (200, {"status": "ok"})
        status, headers, body = get(f"http://127.0.0.1:{port}/map")
        assert status == 200 and b"_dash-renderer" in body
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert get(f"http://127.0.0.1:{port}/readyz")[0] == 200
        if not Path(env["BROWSER_PATH"]).exists():  # the image installs it; this machine may not
            pytest.skip(f"the pages are served; exports not tried: no Chromium at {env['BROWSER_PATH']}")
        status, _, body = get(f"http://127.0.0.1:{port}/readyz")
        assert status == 200 and json.loads(body)["exports"] == {"status": "ready", "missing": []}
        for path, (content_type, magic) in EXPORTS.items():
            status, headers, body = get(f"http://127.0.0.1:{port}{path}", timeout=90)
            assert (status, headers["Content-Type"].split(";")[0]) == (200, content_type), path
            assert body.startswith(magic) and len(body) > 10_000, (path, len(body), body[:200])
    finally:
        server.terminate()
        server.wait(timeout=30)
    lines = [
        json.loads(line) for line in (tmp_path / "gunicorn.log").read_text().splitlines() if line[:1] == "{"
    ]
    served = {(line["path"], line["status"]) for line in lines}
    assert served >= {("/healthz", 200), ("/map", 200), ("/export/map.png", 200), ("/briefing.pptx", 200)}
    assert "exports will answer 503" not in (tmp_path / "gunicorn.log").read_text()
