"""End to end in Debian's headless Chromium (Playwright), against the real assistant served on loopback.

Screenshots go to test-artifacts/ (git-ignored).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from app_support import ARTIFACTS, serve

from assistant.web import gradio_app as webapp
from assistant.web.feedback import FeedbackLog
from assistant.web.staff_accounts import hash_password
from index.shared.settings import Settings

pytestmark = [pytest.mark.browser, pytest.mark.slow]

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
PHONE = {"width": 390, "height": 844}
PASSWORD = "browser-test-password"
XSS = "<img src=x onerror=alert(1)>"
TIMEOUT_MS = 30_000
# Every Content-Security-Policy violation the page reports: none is allowed (the policy must fit gradio).
RECORD_CSP_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
"""

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def feedback() -> FeedbackLog:
    return FeedbackLog(":memory:")


@pytest.fixture(scope="module")
def base_url(real_assistant, real_settings: Settings, feedback: FeedbackLog) -> Iterator[str]:
    settings = real_settings.model_copy(
        update={"staff_users": "alice:" + hash_password(PASSWORD, iterations=1000)}
    )
    with serve(webapp.build_app(real_assistant, settings, feedback=feedback)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, base_url: str):
    context = browser.new_context(viewport=PHONE, base_url=base_url)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.dialogs = []  # every alert/confirm/prompt the page tries to open
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    yield page
    context.close()


def shot(page, name: str, *, full_page: bool = True) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def open_chat(page) -> None:
    page.goto("/")
    page.wait_for_selector("#message textarea")


def send(page, message: str):
    """Type a message, send it, and wait until the reply to it is complete; returns the last bot message."""
    bots = page.locator("#chat [data-testid='bot']")
    before = bots.count()
    page.fill("#message textarea", message)
    page.press("#message textarea", "Enter")
    page.wait_for_function(
        "n => document.querySelectorAll(\"#chat [data-testid='bot']\").length > n", arg=before
    )
    # the event is over when the chat's progress tracker is hidden again
    page.wait_for_selector("#chat [data-testid='status-tracker'].hide", state="attached")
    return bots.last


def test_banner_with_tap_to_call_numbers_is_visible_on_a_phone(page) -> None:
    open_chat(page)
    banner = page.locator("#help-banner")
    for href in ("tel:911", "tel:988", "tel:+18002221222", "tel:+18006624357"):
        link = banner.locator(f"a[href='{href}']")
        assert link.is_visible(), href
        box = link.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"]  # above the fold
    assert "not medical advice" in banner.inner_text()
    shot(page, "chat-start-phone")
    # the banner sticks to the top when the page scrolls
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.scrollY") > 0
    box = banner.locator("a[href='tel:911']").bounding_box()
    assert box is not None and 0 <= box["y"] <= 80
    shot(page, "chat-scrolled-phone", full_page=False)


def test_question_gets_a_cited_answer(page) -> None:
    open_chat(page)
    answer = send(page, "How long does inpatient rehab last?")
    panel = answer.locator("details.sources")
    assert panel.count() == 1
    assert panel.get_attribute("open") is None  # collapsed until opened
    panel.locator("summary").click()
    section = panel.locator(".source-section").first
    quote = panel.locator("blockquote").first
    assert section.is_visible() and section.inner_text().strip()
    assert quote.is_visible() and len(quote.inner_text()) > 40
    assert answer.locator(".safety-card").count() == 0
    shot(page, "chat-cited-answer")


def csp_violations(page) -> list[str]:
    return page.evaluate("() => window.cspViolations")


def test_the_security_policy_lets_gradio_load_and_blocks_nothing_it_needs(page) -> None:
    response = page.goto("/")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector("#message textarea")
    answer = send(page, "What are the withdrawal symptoms of clonazepam?")
    answer.locator("details.sources summary").click()
    page.wait_for_timeout(300)
    assert csp_violations(page) == []
    staff = page.goto("/staff/")
    assert "frame-ancestors 'none'" in staff.headers["content-security-policy"]
    page.wait_for_selector("input[type=password]")
    page.wait_for_timeout(300)
    assert csp_violations(page) == []


def test_overdose_report_shows_the_emergency_card_with_911(page) -> None:
    open_chat(page)
    reply = send(page, "my friend took a whole bottle of klonopin and won't wake up")
    card = reply.locator(".safety-card--emergency")
    assert card.is_visible()
    assert card.get_attribute("role") == "alert"
    assert "911" in card.inner_text()
    assert card.locator("a[href='tel:911']").first.is_visible()
    assert reply.locator("details.sources").count() == 0
    # the chat scrolls back so that the top of the card ("... Call 911 now") is on screen
    page.wait_for_timeout(1500)
    chat_box, card_box = page.locator("#chat [role='log']").bounding_box(), card.bounding_box()
    assert chat_box is not None and card_box is not None
    assert chat_box["y"] - 1 <= card_box["y"] <= chat_box["y"] + 60
    shot(page, "chat-emergency-card")


def test_html_in_a_message_is_shown_as_text_and_never_runs(page) -> None:
    open_chat(page)
    send(page, XSS)
    page.wait_for_timeout(500)
    user = page.locator("#chat [data-testid='user']").last
    assert XSS in user.inner_text()
    assert page.locator("#chat img[src='x']").count() == 0
    assert page.locator("#chat [onerror]").count() == 0
    assert page.dialogs == []
    shot(page, "chat-html-as-text")


def test_thumbs_are_logged_with_route_and_question(page, feedback: FeedbackLog) -> None:
    open_chat(page)
    before = feedback.count()
    answer_row = send(page, "What are the withdrawal symptoms of clonazepam?")
    answer_row.locator("xpath=ancestor::*[contains(@class,'message-row')]").first.hover()
    page.locator("#chat button[aria-label='Like']").last.click()
    for _ in range(50):
        if feedback.count() > before:
            break
        page.wait_for_timeout(100)
    entry = feedback.recent(1)[0]
    assert feedback.count() == before + 1
    assert (entry.rating, entry.route, entry.question) == (
        "up",
        "none",
        "What are the withdrawal symptoms of clonazepam?",
    )


def test_clear_button_empties_the_chat(page) -> None:
    open_chat(page)
    send(page, "Is Klonopin addictive?")
    page.click("#clear")
    page.wait_for_function("() => document.querySelectorAll(\"#chat [data-testid='bot']\").length === 0")


def test_staff_console_refuses_without_login(page, base_url: str) -> None:
    page.goto("/staff/")
    page.wait_for_selector("input[type=password]")
    assert page.locator("#staff-message").count() == 0
    assert page.request.get(f"{base_url}/staff/config").status == 401
    page.fill("input[type=text]", "alice")
    page.fill("input[type=password]", "not the password")
    page.click("button:has-text('Login')")
    page.get_by_text("Incorrect Credentials").wait_for()
    assert page.locator("#staff-message").count() == 0
    shot(page, "staff-login-refused")


def test_staff_console_works_after_login(browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    try:
        page.goto("/staff/")
        page.fill("input[type=text]", "alice")
        page.fill("input[type=password]", PASSWORD)
        page.click("button:has-text('Login')")
        page.wait_for_selector("#staff-message textarea")
        page.add_init_script(RECORD_CSP_VIOLATIONS)

        page.fill("#staff-message textarea", "my friend took a whole bottle of klonopin and won't wake up")
        page.press("#staff-message textarea", "Enter")
        page.wait_for_selector("#staff-route [data-route='emergency']")
        assert page.locator("#staff-route .route-reason").inner_text().strip() != "Reason: (no rule fired)"
        script = page.locator("#staff-script")
        assert "Script to read to the caller" in script.inner_text()
        assert script.locator("a[href='tel:911']").count() >= 1
        assert page.locator("#staff-resources a[href='tel:+18006624357']").is_visible()

        page.fill("#staff-message textarea", "How long does inpatient rehab last?")
        page.press("#staff-message textarea", "Enter")
        page.wait_for_selector("#staff-route [data-route='none']")
        passages = page.locator("#staff-passages li.passage")
        passages.first.wait_for()
        assert passages.count() >= 1
        assert "score" in passages.first.inner_text()

        page.fill("#staff-search textarea", "withdrawal seizures")
        page.press("#staff-search textarea", "Enter")
        page.locator("#staff-results li.passage").first.wait_for()
        assert "Search results for" in page.locator("#staff-results").inner_text()
        page.reload()
        page.wait_for_selector("#staff-message textarea")
        page.wait_for_timeout(300)
        assert page.evaluate("() => window.cspViolations") == []
        shot(page, "staff-console")
    finally:
        context.close()
