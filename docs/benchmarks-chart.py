#!/usr/bin/env python3
"""Draws docs/benchmarks.svg from docs/benchmarks-results.txt.

Usage: python3 docs/benchmarks-chart.py [results.txt] [out.svg]
Only the standard library: the SVG is written by hand. Each panel shows medians as bars and minima as ticks.
Where the results hold "## compare..." sections (the raw RESULT lines of kube-client-benchmarks/scripts/compare.sh), the
chart shows each scenario from the last section that has it, every client side by side, with the medians and minima computed by that script's own
compare_tables.py; otherwise it falls back to the single-harness sections (full-list, startup, watch-churn).
"""
import importlib.util
import pathlib
import re
import sys
from html import escape

_tables_path = pathlib.Path(__file__).resolve().parent.parent / "kube-client-benchmarks/scripts/compare_tables.py"
_spec = importlib.util.spec_from_file_location("compare_tables", _tables_path)
compare_tables = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compare_tables)

results = sys.argv[1] if len(sys.argv) > 1 else "docs/benchmarks-results.txt"
out = sys.argv[2] if len(sys.argv) > 2 else "docs/benchmarks.svg"

sections = {}
name = None
for line in open(results, encoding="utf-8"):
    m = re.match(r"^## (\S+)", line)
    if m:
        name = m.group(1)
        sections[name] = []
    elif name:
        sections[name].append(line.rstrip("\n"))


def full_list():
    """(label, median ms, min ms) and (label, alloc MiB) per client of full-list.sh's table."""
    times, alloc = [], []
    for line in sections.get("full-list", []):
        f = line.split()
        if len(f) == 8 and not f[0] == "client":
            times.append((f[0], float(f[1]), float(f[2])))
            alloc.append((f[0], float(f[4]), None))
    return times, alloc


def startup():
    """(label, median, min) of jvmToGetMs for the baseline and kube-client before/after."""
    rows = []
    for section, label in (("startup-before", "before"), ("startup-after", "after")):
        for line in sections.get(section, []):
            if line.startswith("jvmToGetMs"):
                nums = [float(x) for x in re.findall(r"[\d.]+", line)]
                if label == "before":
                    rows.append(("jdk (run 1)", nums[0], nums[1]))
                    rows.append(("kube-client before", nums[2], nums[3]))
                else:
                    rows.append(("jdk (run 2)", nums[0], nums[1]))
                    rows.append(("kube-client after", nums[2], nums[3]))
    return rows


def churn():
    rows = []
    for line in sections.get("watch-churn", []):
        f = line.split()
        if len(f) >= 6 and f[0] in ("h2", "http1"):
            rows.append((f[0] + " 1,000 cycles", float(f[2]), float(f[4])))
    return rows


def compare():
    """Panels of the last compare section: (title, [(label, median, min)])."""
    runs = {}
    for name in [n for n in sections if n.startswith("compare")]:
        # A later section's scenario replaces an earlier one's (a run may repeat only some scenarios).
        runs.update(compare_tables.parse(sections[name]))
    if not runs:
        return []

    def rows(scenario, key, with_min=True):
        return [(client, v[0], v[1] if with_min else None)
                for client, v in compare_tables.summary(runs, scenario, key).items()]

    panels = [
        ("Full LIST of 10,000 ConfigMaps: wall time per LIST (ms)", rows("full-list", "ms")),
        ("Full LIST: allocated per LIST (MiB)", rows("full-list", "allocMiB")),
        ("Small GET: median per GET (us; tick: best JVM's median)", rows("small-get", "usPerGet")),
        ("Small GET: allocated per GET (KiB)", rows("small-get", "allocKiBPerGet")),
        ("Throughput, 4 threads, 10 s: GETs completed (client-go allows 600 at QPS 50 / burst 100)",
         rows("throughput", "requests")),
        ("JVM start to first GET (ms)", rows("startup", "jvmToGetMs")),
        ("Watch churn: open + close, median per cycle (ms; tick: best JVM)", rows("watch-churn", "medianMs")),
    ]
    labels = {"kube-client": "kube-client (QPS 50/100)"}
    return [(title, [(labels.get(c, c) if "Throughput" in title else c, m, n) for c, m, n in data])
            for title, data in panels]


panels = compare() or [
    ("Full LIST of 10,000 ConfigMaps: wall time (ms)", full_list()[0]),
    ("Full LIST: bytes allocated (MiB)", full_list()[1]),
    ("JVM start to first GET (ms)", startup()),
    ("Watch churn: open + close, total (ms)", churn()),
]
panels = [p for p in panels if p[1]]
COLOURS = {"jdk": "#9ecae9", "kube-client": "#4c78a8", "fabric8": "#f58518", "official": "#54a24b"}


def colour(label):
    for prefix in ("kube-client", "jdk", "fabric8", "official"):
        if label.startswith(prefix):
            return COLOURS[prefix]
    return "#72b7b2"


width, bar_h, gap, left, right = 760, 18, 6, 190, 150
y = 30
parts = []
for title, rows in panels:
    parts.append(f'<text x="10" y="{y}" font-weight="bold">{escape(title)}</text>')
    y += 12
    top = max(max(r[1], r[2] or 0) for r in rows)
    scale = (width - left - right) / top
    for label, median, minimum in rows:
        w = median * scale
        parts.append(f'<text x="{left - 8}" y="{y + bar_h - 5}" text-anchor="end">{escape(label)}</text>')
        parts.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colour(label)}"/>')
        if minimum is not None:
            mx = left + minimum * scale
            parts.append(f'<line x1="{mx:.1f}" y1="{y - 2}" x2="{mx:.1f}" y2="{y + bar_h + 2}" stroke="#222" stroke-width="2"/>')
        text = f"{median:,.1f}" + (f" (min {minimum:,.1f})" if minimum is not None else "")
        parts.append(f'<text x="{left + w + 6:.1f}" y="{y + bar_h - 5}">{escape(text)}</text>')
        y += bar_h + gap
    y += 26

height = y
svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width + 120}" height="{height}" '
       f'font-family="sans-serif" font-size="12">\n<rect width="100%" height="100%" fill="white"/>\n'
       + "\n".join(parts)
       + f'\n<text x="10" y="{height - 8}" fill="#555">bars: median over fresh JVMs; black tick: minimum. '
       'Source: docs/benchmarks-results.txt</text>\n</svg>\n')
open(out, "w", encoding="utf-8").write(svg)
print(f"wrote {out}")
