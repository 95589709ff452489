"""``PUBLIC_URL``: the site's address on slides and in saved files, whatever ``Host`` a request
carries; unset, the request's own address (a laptop)."""

from __future__ import annotations

import pytest

from app import create_app
from dashboard import paths
from dashboard.settings import Settings, SettingsError

FORGED = {"Host": "evil.example"}


def test_saved_files_carry_the_public_url_not_the_host_header() -> None:
    app = create_app(Settings(data_dir=paths.data_dir(), public_url="https://puentes.example.org/"))
    client = app.server.test_client()
    saved = client.get("/offline/briefing.html?lang=en&view=/map?year=2000", headers=FORGED)
    assert saved.status_code == 200
    text = saved.get_data(as_text=True)
    assert "https://puentes.example.org/map?year=2000" in text and "evil.example" not in text


def test_without_it_the_address_is_the_requests_own() -> None:
    client = create_app(Settings(data_dir=paths.data_dir())).server.test_client()
    text = client.get("/offline/briefing.html?lang=en&view=/map?year=2000").get_data(as_text=True)
    assert "http://localhost/map?year=2000" in text


@pytest.mark.parametrize("value", ["puentes.example.org", "ftp://x.org/", "https://x.org/?a=1", "https://"])
def test_a_malformed_public_url_stops_the_start_naming_it(value: str) -> None:
    with pytest.raises(SettingsError, match="PUBLIC_URL="):
        Settings.from_env({"PUBLIC_URL": value})


def test_the_public_url_is_kept_with_its_path() -> None:
    assert Settings.from_env({"PUBLIC_URL": " https://x.org/puentes "}).public_url == "https://x.org/puentes/"
