"""In a real browser: the result page draws the graph only when its button
is clicked, and then shows it in the page (the picture drawn by the server on
that request, not on upload)."""

from __future__ import annotations

import pytest

from .test_browser import page_message, upload, wait_for

pytestmark = pytest.mark.slow


def test_clicking_draw_shows_the_picture_in_the_page(browser, live_server, bp_json):
    from selenium.webdriver.common.by import By

    upload(browser, live_server, bp_json)
    assert not page_message(browser), page_message(browser)
    picture = browser.find_element(By.ID, "graph-picture")
    assert not picture.is_displayed() and not picture.get_attribute("src")  # nothing drawn yet
    browser.find_element(By.ID, "graph-draw").click()
    wait_for(lambda: picture.is_displayed() and browser.execute_script(
        "return arguments[0].complete && arguments[0].naturalWidth > 0", picture), timeout=90)
    assert picture.get_attribute("src").startswith("data:image/svg+xml") and picture.size["width"] > 100
    assert len(browser.window_handles) == 1  # shown in the page, not in a new tab
