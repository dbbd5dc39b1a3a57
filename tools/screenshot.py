"""Screenshots of pages in headless Chromium: `python -m tools.screenshot [path?query] [out.png]`.

Needs RNNVIZ_DATA_DIR (or internet) for the IMDB parts. Default: the tokens page
in Korean, saved as docs/screenshot.png (the README's picture).
"""

import sys

from tools.appserver import ROOT, app_server, browser_page, wait_for_app


def screenshot(path_and_query: str, out: str, wait_text: str, height: int = 3200) -> None:
    with app_server() as url, browser_page(width=1400, height=height) as page:
        page.goto(f"{url}/{path_and_query}")
        wait_for_app(page, wait_text)
        page.wait_for_timeout(1500)  # let Plotly finish drawing
        page.screenshot(path=out)


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else "tokens?lang=ko"
    output = sys.argv[2] if len(sys.argv) > 2 else str(ROOT / "docs" / "screenshot.png")
    wait = sys.argv[3] if len(sys.argv) > 3 else "IMDB"
    screenshot(target, output, wait)
    print(output)
