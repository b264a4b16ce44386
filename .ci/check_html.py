"""Checks the ServiceDesk sample's HTML page: self-contained, every table captioned with column headers, every chart named."""
import re
import sys
from html.parser import HTMLParser

SECTIONS = ["kpis", "tiers", "compliance", "agreements", "compliance-by-kind", "backlog", "oldest", "breaches", "escalations-recorded", "escalations-due",
            "callbacks", "satisfaction", "staff", "credits", "credits-largest"]


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems, self.sections, self.stack = [], [], []
        self.tables = self.captions = self.charts = self.named_charts = self.col_headers = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" or "src" in a or (tag == "link" and a.get("rel") == "stylesheet"):
            self.problems.append(f"<{tag}> loads or runs something: {attrs}")
        if tag == "section":
            self.sections.append(a.get("id"))
        if tag == "table":
            self.tables += 1
        if tag == "caption":
            self.captions += 1
        if tag == "th" and a.get("scope") == "col":
            self.col_headers += 1
        if tag == "svg":
            self.charts += 1
            labelled = a.get("aria-labelledby", "").split()
            if a.get("role") != "img" or not labelled:
                self.problems.append(f"a chart without role=img and aria-labelledby: {a.get('id')}")
            else:
                self.named_charts += 1


html = open(sys.argv[1], encoding="utf-8").read()
page = Page()
page.feed(html)
problems = page.problems
if page.sections != SECTIONS:
    problems.append(f"the sections are {page.sections}, expected {SECTIONS}")
if page.tables == 0 or page.captions != page.tables:
    problems.append(f"{page.tables} tables but {page.captions} captions")
if page.col_headers < page.tables:
    problems.append("a table has no column headers")
if page.charts < 4:
    problems.append(f"only {page.charts} charts")
for chart_id in re.findall(r'<svg id="([^"]+)"', html):
    if f'<title id="{chart_id}-title">' not in html:
        problems.append(f"chart {chart_id} has no title")
if "stroke-dasharray" not in html:
    problems.append("no objective or threshold is drawn on the charts")
if "✗ Not met" not in html and "✓ Met" not in html:
    problems.append("verdicts are not written out in words")

for problem in problems:
    print(f"html check: {problem}", file=sys.stderr)
if problems:
    sys.exit(1)
print(f"html check: {page.tables} captioned tables, {page.named_charts} named charts, no scripts or external assets")
