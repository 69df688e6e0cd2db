#!/usr/bin/env python3
"""The web app in a real browser: Debian's headless Chromium, driven by selenium, at a phone's size (390x844).

A steward signs in with a one-time link, sees 今日, records a visit and sees it settled; a form sent with the network
off is kept on the phone and arrives once after the network is back; a lead sees the spot check, operations the
summary. Every visible input has a label, and every text
meets WCAG AA contrast. Screenshots go to artifacts/web/ for review.

    scripts/web-test.py [BIN_DIR]     (default: the debug build's bin path)
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARTIFACTS = os.path.join(ROOT, "artifacts", "web")
DEADLINE = 60  # seconds any one thing may take on a loaded 2-core machine


def bin_dir():
    if len(sys.argv) > 1:
        return sys.argv[1]
    return subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True,
                          text=True).stdout.strip()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(what, check, deadline=DEADLINE):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


class Daemon:
    """visitd on a fresh database with the demo facts and the shipped rules, its API and web app on a loopback port."""

    def __init__(self, bins, folder):
        self.bins, self.folder, self.port = bins, folder, free_port()
        self.db = os.path.join(folder, "visitd.sqlite")
        self.log = open(os.path.join(folder, "visitd.log"), "w")
        self.process = subprocess.Popen(
            [os.path.join(bins, "visitd"), "--db", self.db, "--rules", os.path.join(ROOT, "rules"), "--demo-if-empty",
             "--listen", f"127.0.0.1:{self.port}"], stdout=self.log, stderr=subprocess.STDOUT, cwd=folder)
        wait_until("the API", self.answers)

    def answers(self):
        try:
            with urllib.request.urlopen(f"{self.url}/openapi.yaml", timeout=5) as response:
                return response.status == 200
        except OSError:
            return False

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def visitctl(self, *arguments):
        run = subprocess.run([os.path.join(self.bins, "visitctl"), *arguments, "--db", self.db], cwd=ROOT,
                             capture_output=True, text=True, timeout=DEADLINE)
        if run.returncode != 0:
            raise AssertionError(f"visitctl {' '.join(arguments)}: {run.stderr}")
        return run.stdout

    def web_contacts(self, household):
        """The visits of `household` that the web form recorded (they carry the hobbies the test typed)."""
        admin = self.visitctl("token", "issue", "--admin").strip()
        request = urllib.request.Request(f"{self.url}/api/v1/households/{household}/brief",
                                         headers={"Authorization": f"Bearer {admin}"})
        with urllib.request.urlopen(request, timeout=DEADLINE) as response:
            brief = json.load(response)
        return [c for c in brief["lastContacts"] if "info: hobbies" in c.get("found", [])]

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=DEADLINE)
        self.log.close()


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=390,844",
                     "--lang=zh-CN", "--force-device-scale-factor=1"]:
        options.add_argument(argument)
    options.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 1},
        "userAgent": "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome Mobile Safari/537.36"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(DEADLINE)
    return driver


def screenshot(driver, name):
    path = os.path.join(ARTIFACTS, f"{name}.png")
    driver.save_screenshot(path)
    print(f"  screenshot {os.path.relpath(path, ROOT)}")


def heading(driver):
    """The page's h1, or "" while a page is being replaced by the next.

    Found and read in one script: between finding an element and reading its text the next page may replace it,
    which Chromium reports as a stale element or as a node that "does not belong to the document".
    """
    try:
        return driver.execute_script("const h = document.querySelector('h1'); return h ? h.innerText.trim() : '';")
    except WebDriverException:
        return ""


# Every visible input, select and textarea has a <label for> naming it.
UNLABELLED = """
return Array.from(document.querySelectorAll('input, select, textarea'))
  .filter(e => e.type !== 'hidden')
  .filter(e => !(e.id && document.querySelector('label[for="' + e.id + '"]')) && !e.closest('label'))
  .map(e => e.name || e.outerHTML);
"""

# Texts whose contrast with their background is below WCAG AA (4.5:1; 3:1 for large text).
LOW_CONTRAST = """
function rgb(text) { const m = text.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; }
function luminance(c) {
  const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
}
function background(e) {
  for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.a > 0) return c; }
  return {r: 255, g: 255, b: 255, a: 1};
}
const low = [];
for (const e of document.querySelectorAll('body *')) {
  const own = Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
  if (!own || e.offsetParent === null) continue;
  const style = getComputedStyle(e);
  const [l1, l2] = [luminance(rgb(style.color)), luminance(background(e))].sort((a, b) => b - a);
  const ratio = (l1 + 0.05) / (l2 + 0.05);
  const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
  if (ratio < (large ? 3 : 4.5)) low.push(e.tagName + ' "' + e.textContent.trim().slice(0, 20) + '" ' + ratio.toFixed(2));
}
return low;
"""


def check_accessible(driver, page):
    unlabelled = driver.execute_script(UNLABELLED)
    assert not unlabelled, f"{page}: inputs without a label: {unlabelled}"
    low = driver.execute_script(LOW_CONTRAST)
    assert not low, f"{page}: text below WCAG AA contrast: {low}"


def fill_visit(driver, hobbies):
    Select(driver.find_element(By.ID, "channel")).select_by_value("in-home")
    Select(driver.find_element(By.ID, "outcome")).select_by_value("reached")
    driver.find_element(By.ID, "info-hobbies").send_keys(hobbies)
    at = driver.find_element(By.ID, "at")
    # An hour ago in Shanghai: a visit is never in the future.
    earlier = time.strftime("%Y-%m-%dT%H:%M", time.gmtime(time.time() + 8 * 3600 - 3600))
    driver.execute_script("arguments[0].value = arguments[1]", at, earlier)


def main():
    bins = bin_dir()
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    os.makedirs(ARTIFACTS)
    folder = tempfile.mkdtemp(prefix="visitd-web-test-")
    daemon = Daemon(bins, folder)
    driver = None
    try:
        tasks = json.loads(daemon.visitctl("tasks", "--state", "open", "--json"))
        steward = tasks[0]["task"]["assignee"]
        households = []
        for row in tasks:
            if row["task"]["assignee"] == steward and row["task"]["household"] not in households:
                households.append(row["task"]["household"])
        assert len(households) >= 2, f"the demo steward {steward} has fewer than two households owed a visit"
        link = daemon.visitctl("token", "link", "--steward", steward, "--base-url", daemon.url).strip()
        driver = browser()

        print(f"== {steward} signs in with a one-time link")
        driver.get(link)
        assert heading(driver) == "登录", driver.page_source[:500]
        screenshot(driver, "01-signin")
        driver.find_element(By.CSS_SELECTOR, "button.primary").click()
        wait_until("今日", lambda: heading(driver) == "今日")
        assert "本月剩余" in driver.page_source
        check_accessible(driver, "今日")
        screenshot(driver, "02-today")
        driver.find_element(By.CSS_SELECTOR, "a[href='/app/month']").click()
        wait_until("本月", lambda: heading(driver) == "本月")
        check_accessible(driver, "本月")
        screenshot(driver, "02b-month")

        print(f"== records a visit to {households[0]} and sees it settled")
        driver.get(f"{daemon.url}/app/visit?household={households[0]}")
        assert heading(driver) == "记录访谈"
        check_accessible(driver, "记录访谈")
        fill_visit(driver, "太极拳")
        screenshot(driver, "03-visit-form")
        driver.find_element(By.CSS_SELECTOR, "form.visit button[type=submit]").click()
        wait_until("已记录", lambda: "已记录" in driver.page_source)
        screenshot(driver, "04-settled")
        driver.get(f"{daemon.url}/app/household?household={households[0]}")
        assert heading(driver) == "访前准备"
        assert "太极拳" not in driver.page_source and "采集：兴趣爱好" in driver.page_source
        check_accessible(driver, "访前准备")
        screenshot(driver, "04b-household")
        assert len(daemon.web_contacts(households[0])) == 1, daemon.web_contacts(households[0])

        print(f"== a visit to {households[1]} sent with the network off arrives once when it is back")
        driver.get(f"{daemon.url}/app/visit?household={households[1]}")
        fill_visit(driver, "书法")
        driver.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
        driver.find_element(By.CSS_SELECTOR, "form.visit button[type=submit]").click()
        status = wait_until("the kept-on-the-phone notice", lambda: driver.find_element(By.ID, "offline-status").text)
        assert "保存在手机上" in status, status
        screenshot(driver, "05-offline-kept")
        assert daemon.web_contacts(households[1]) == [], "nothing may arrive while offline"
        driver.set_network_conditions(offline=False, latency=0, download_throughput=-1, upload_throughput=-1)
        # The 'online' event sends it; a page opened afterwards would too (and must not send it twice).
        wait_until("the kept visit to arrive", lambda: daemon.web_contacts(households[1]))
        driver.get(f"{daemon.url}/app/today")
        wait_until("the phone's queue to empty",
                   lambda: driver.execute_script("return localStorage.getItem('visitd.pendingVisits')") == "[]")
        screenshot(driver, "06-back-online")
        arrived = daemon.web_contacts(households[1])
        assert len(arrived) == 1, f"the kept visit arrived {len(arrived)} times: {arrived}"

        project = tasks[0]["task"]["project"]
        print(f"== the lead of {project} sees the month's spot check")
        driver.delete_all_cookies()
        driver.get(daemon.visitctl("token", "link", "--lead", project, "--base-url", daemon.url).strip())
        driver.find_element(By.CSS_SELECTOR, "button.primary").click()
        wait_until("抽查", lambda: heading(driver) == "抽查")
        assert driver.find_elements(By.CSS_SELECTOR, "svg.chart"), "no progress chart"
        assert steward in driver.page_source, f"{steward} is not on the spot check"
        check_accessible(driver, "抽查")
        screenshot(driver, "07-lead-spot-check")
        driver.get(f"{daemon.url}/app/lead/history")
        assert heading(driver) == "历月趋势"
        check_accessible(driver, "历月趋势")
        screenshot(driver, "07b-lead-history")

        print("== operations read the month's summary")
        driver.delete_all_cookies()
        driver.get(daemon.visitctl("token", "link", "--operations", "--base-url", daemon.url).strip())
        driver.find_element(By.CSS_SELECTOR, "button.primary").click()
        wait_until("月度汇总", lambda: heading(driver) == "月度汇总")
        check_accessible(driver, "月度汇总")
        screenshot(driver, "08-operations-summary")
        print("web-test: OK")
    except Exception:
        if driver:
            screenshot(driver, "failure")
        print(open(os.path.join(folder, "visitd.log")).read()[-3000:], file=sys.stderr)
        raise
    finally:
        if driver:
            driver.quit()
        daemon.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
