"""report.html in a real browser (headless Debian Chromium via selenium and the system
ChromeDriver): it loads with no console errors, shows segments and flags, links aligned
segments, filters flags, shows flag details on hover, and runs no script from a source.

These tests fail (never skip) when Chromium is missing: `bash .ci/setup --test` installs it.
"""

import json
from pathlib import Path

import pytest
from conftest import ROOT
from html_page import divergent_sources, xss_sources

import comparekit
from comparekit.report import write_report

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SEED_DIR = ROOT / "reports" / "seeds"
ARTIFACTS = ROOT / "tests" / "_artifacts"


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.is_file()]
    if missing:
        pytest.fail(f"headless Chromium is missing ({', '.join(missing)}): run `bash .ci/setup --test`")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common import selenium_manager

    def no_manager(*args, **kwargs):  # it would try to download a browser or a driver
        raise AssertionError("Selenium Manager must not run: the system chromedriver is given")

    mp = pytest.MonkeyPatch()
    mp.setattr(selenium_manager.SeleniumManager, "binary_paths", no_manager)
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        drv = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    finally:
        mp.undo()
    drv.set_page_load_timeout(60)
    yield drv
    drv.quit()


def open_page(driver, path: Path):
    driver.get(path.resolve().as_uri())
    assert driver.execute_script("return document.body.getAttribute('data-ready')") == "1", (
        "page script did not run"
    )
    return driver


def console_problems(driver) -> list[str]:
    return [
        e["message"]
        for e in driver.get_log("browser")
        if e["level"] == "SEVERE" or "Content Security Policy" in e["message"]
    ]


def seed_report():
    return json.loads((SEED_DIR / "report.json").read_text("utf-8"))


def test_seed_page_loads_clean_with_segments_and_flags(driver):
    from selenium.webdriver.common.by import By

    report = seed_report()
    open_page(driver, SEED_DIR / "report.html")
    assert console_problems(driver) == []
    segs = driver.find_elements(By.CSS_SELECTOR, ".text .seg[data-seg]")
    assert len(segs) == sum(len(d["segments"]) for d in report["documents"])
    marked = {
        fid
        for m in driver.find_elements(By.CSS_SELECTOR, "mark.flag[data-flags]")
        for fid in m.get_attribute("data-flags").split()
    }
    assert marked == {f["id"] for f in report["flags"]} and marked
    assert len(driver.find_elements(By.CSS_SELECTOR, "tr.flagrow")) == len(report["flags"])
    assert driver.find_elements(By.CSS_SELECTOR, "svg.heatmap rect.al")
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "seed_report.png"
    assert driver.save_screenshot(str(shot)) and shot.stat().st_size > 20_000


def test_clicking_a_segment_highlights_its_counterparts(driver):
    from selenium.webdriver.common.by import By

    report = seed_report()
    al = report["alignments"][0]
    open_page(driver, SEED_DIR / "report.html")
    segs = {
        e.get_attribute("data-seg"): e for e in driver.find_elements(By.CSS_SELECTOR, ".text .seg[data-seg]")
    }
    source = segs[al["a"][0]]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", source)
    source.click()
    assert "selected" in source.get_attribute("class").split()
    for sid in al["b"]:
        classes = segs[sid].get_attribute("class").split()
        assert f"hl-{al['relation']}" in classes and "counterpart" in classes
        assert segs[sid].is_displayed()
    others = [e for sid, e in segs.items() if sid not in al["b"]]
    linked = {s for a in report["alignments"] if al["a"][0] in a["a"] for s in a["b"]}
    assert all("counterpart" not in e.get_attribute("class") for sid, e in segs.items() if sid not in linked)
    assert others
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "seed_report_selected.png"))
    source.click()  # a second click unpins
    assert not driver.find_elements(By.CSS_SELECTOR, ".seg.counterpart, .seg.selected")


def test_filters_hide_and_show_flags_and_hover_shows_details(driver):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    report = seed_report()
    flag = report["flags"][0]
    open_page(driver, SEED_DIR / "report.html")
    marks = driver.find_elements(By.CSS_SELECTOR, "mark.flag[data-flags]")
    mark = next(m for m in marks if flag["id"] in m.get_attribute("data-flags").split())
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    ActionChains(driver).move_to_element(mark).perform()
    tip = driver.find_element(By.ID, "tip")
    assert tip.is_displayed() and flag["message"] in tip.text and flag["type"] in tip.text

    def rows_shown():
        return {
            r.get_attribute("data-flag")
            for r in driver.find_elements(By.CSS_SELECTOR, "tr.flagrow")
            if r.is_displayed()
        }

    def marks_on():
        return [
            m
            for m in driver.find_elements(By.CSS_SELECTOR, "mark.flag[data-flags]")
            if "flag-off" not in m.get_attribute("class")
        ]

    every = {f["id"] for f in report["flags"]}
    assert rows_shown() == every and marks_on()
    box = driver.find_element(
        By.CSS_SELECTOR, f'#filters input[data-filter="category"][value="{flag["category"]}"]'
    )
    driver.execute_script("arguments[0].scrollIntoView()", box)
    box.click()
    assert rows_shown() == {f["id"] for f in report["flags"] if f["category"] != flag["category"]}
    shown = rows_shown()
    marks = driver.find_elements(By.CSS_SELECTOR, "mark.flag[data-flags]")
    for m in marks:  # a mark stays highlighted exactly when one of its flags passes the filters
        on = "flag-off" not in m.get_attribute("class").split()
        assert on == bool(set(m.get_attribute("data-flags").split()) & shown)
    assert any("flag-off" in m.get_attribute("class") for m in marks)
    box.click()
    assert rows_shown() == every
    tbox = driver.find_element(By.CSS_SELECTOR, f'#filters input[data-filter="type"][value="{flag["type"]}"]')
    tbox.click()
    assert rows_shown() == {f["id"] for f in report["flags"] if f["type"] != flag["type"]}
    assert flag["id"] not in {fid for m in marks_on() for fid in m.get_attribute("data-flags").split()}
    tbox.click()
    assert rows_shown() == every and console_problems(driver) == []


def test_no_script_from_a_source_runs(driver, use_fake_encoder, tmp_path):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    comparison = comparekit.compare(xss_sources(tmp_path))
    paths = write_report(comparison, tmp_path / "out")
    open_page(driver, paths["report.html"])
    assert driver.execute_script("return typeof window.__xss") == "undefined"
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 - reading it is the check
    assert console_problems(driver) == []
    shown = driver.find_element(By.ID, "sbs").text
    assert "<script>window.__xss=1;alert(1)</script>" in shown and "onerror=" in shown
    assert not driver.find_elements(By.CSS_SELECTOR, "#sbs img, #sbs script")
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "xss_report.png"))


def test_clicking_a_divergence_shows_its_words_in_both_columns(driver, use_fake_encoder, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    paths = divergent_sources(tmp_path)
    filler = "".join(
        f"Paragraph {k} of the archive adds nothing new to the story.\r\n\r\n" for k in range(60)
    )
    for path in paths:  # long columns, so reaching the words takes a scroll
        path.write_bytes(path.read_bytes() + filler.encode())
    comparison = comparekit.compare(paths)
    out = write_report(comparison, tmp_path / "out")
    report = json.loads(out["report.json"].read_text("utf-8"))
    ids = {f"{al['id']}:{k}": dv for al in report["alignments"] for k, dv in enumerate(al["divergences"])}
    did = next(i for i, dv in ids.items() if dv["type"] == "number_mismatch")
    open_page(driver, out["report.html"])

    def marks(i):
        return [
            m
            for m in driver.find_elements(By.CSS_SELECTOR, ".text mark.div[data-divs]")
            if i in m.get_attribute("data-divs").split()
        ]

    def in_view(el):  # inside the visible part of its scrolling column
        return driver.execute_script(
            "var r = arguments[0].getBoundingClientRect(), b = arguments[0].closest('.text').getBoundingClientRect();"
            "return r.top >= b.top && r.bottom <= b.bottom;",
            el,
        )

    assert {m.text for m in marks(did)} == {"Twelve", "Twenty"}
    for box in driver.find_elements(By.CSS_SELECTOR, ".text"):
        driver.execute_script("arguments[0].scrollTop = arguments[0].scrollHeight", box)
    assert not any(in_view(m) for m in marks(did))
    assert not driver.find_elements(By.CSS_SELECTOR, "mark.div-hit")
    row = driver.find_element(By.CSS_SELECTOR, f'tr.divrow[data-div="{did}"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", row)
    row.click()
    hit = driver.find_elements(By.CSS_SELECTOR, "mark.div-hit")
    assert hit and set(hit) == set(marks(did))
    assert {
        m.find_element(By.XPATH, "ancestor::section[@data-doc]").get_attribute("data-doc") for m in hit
    } == {
        "a",
        "b",
    }
    assert all(in_view(m) and m.is_displayed() for m in hit)
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "divergence_clicked.png"))
    # Another divergence moves the highlight; hovering a divergent word shows its detail.
    other = next(i for i, dv in ids.items() if dv["type"] == "entity_added" and dv["text"] == "Iran")
    driver.find_element(By.CSS_SELECTOR, f'tr.divrow[data-div="{other}"]').click()
    assert set(driver.find_elements(By.CSS_SELECTOR, "mark.div-hit")) == set(marks(other))
    (iran,) = marks(other)
    ActionChains(driver).move_to_element(iran).perform()
    tip = driver.find_element(By.ID, "tip")
    assert tip.is_displayed() and ids[other]["detail"] in tip.text and other in tip.text
    assert console_problems(driver) == []
