"""The briefing's downloads when the room keeps the server busy, and with no network: the page
stays where it is, says why in the reader's language, and a busy server's answer is tried again
after the seconds it names, until the file arrives."""

from __future__ import annotations

import io
from pathlib import Path

from basket_steps import add_current_view, allow_downloads, click, downloaded
from dash.testing.composite import DashComposite
from pptx import Presentation

from app import create_app
from dashboard.renders.queue import RenderQueue
from dashboard.settings import Settings
from layouts import ids
from server import health


def test_a_busy_server_is_waited_for_and_no_network_is_said(dash_duo: DashComposite, tmp_path: Path) -> None:
    app = create_app(Settings.from_env({"RENDER_QUEUE": "2"}))  # a small queue: its wait is a second
    queue = app.server.extensions[health.EXPORTS].queue
    assert isinstance(queue, RenderQueue)
    dash_duo.driver.set_window_size(1366, 900)
    dash_duo.start_server(app)
    dash_duo.driver.get(f"{dash_duo.server_url}/map?indicator=migrant_share&year=2020&lang=fr")
    dash_duo.wait_for_element(f"#{ids.MAP_GRAPH} .choroplethlayer path", timeout=15)
    add_current_view(dash_duo, "1")
    dash_duo.find_element(f"#{ids.BRIEFING_OPEN}").click()
    dash_duo.wait_for_element(f"#{ids.BRIEFING_DOWNLOAD}", timeout=10)
    allow_downloads(dash_duo, tmp_path)

    held = queue.reserve(queue.capacity)  # the room's exports fill the queue
    click(dash_duo, f"#{ids.BRIEFING_DOWNLOAD}")
    dash_duo.wait_for_contains_text(f"#{ids.BRIEFING_STATUS}", "Réessayez dans", timeout=10)
    assert dash_duo.driver.current_url.endswith("/map?indicator=migrant_share&year=2020&lang=fr")
    held.close()  # the queue drains: the next try (after Retry-After) is drawn
    deck = Presentation(io.BytesIO(downloaded(tmp_path, ".pptx", timeout=60)))
    assert len(deck.slides) == 2
    dash_duo.wait_for_text_to_equal(f"#{ids.BRIEFING_STATUS}", "", timeout=10)

    dash_duo.driver.execute_cdp_cmd("Network.enable", {})
    offline = {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
    dash_duo.driver.execute_cdp_cmd("Network.emulateNetworkConditions", offline)
    click(dash_duo, f"#{ids.BRIEFING_PDF}")
    dash_duo.wait_for_contains_text(f"#{ids.BRIEFING_STATUS}", "Pas de réseau", timeout=10)
    online = offline | {"offline": False}
    dash_duo.driver.execute_cdp_cmd("Network.emulateNetworkConditions", online)
    assert dash_duo.find_element(f"#{ids.BRIEFING_DOWNLOAD}").is_enabled()  # ready to try again

    # The only console errors are the two refusals this test caused: the 503 and the cut network.
    logs = [entry["message"] for entry in dash_duo.get_logs()]
    assert all("503" in line or "ERR_INTERNET_DISCONNECTED" in line for line in logs), logs
