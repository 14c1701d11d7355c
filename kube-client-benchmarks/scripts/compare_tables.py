#!/usr/bin/env python3
"""Tables of the side-by-side benchmarks from the raw lines scripts/compare.sh writes.

Usage: python3 kube-client-benchmarks/scripts/compare_tables.py <raw-results.txt>

Each raw line is a harness's RESULT line with the scenario put in front by compare.sh:
    RESULT scenario=full-list client=fabric8 ms=412.0 allocMiB=80.1 ...
One fresh JVM prints one line per scenario, except full-list (one line per timed LIST). Per client and value this
prints the median and the minimum over all lines, and the ratio of each to the bare baseline's (median to median,
minimum to minimum). docs/benchmarks-chart.py imports this file for the same numbers.
"""
import statistics
import sys

# The bare JDK HttpClient + Jackson baseline each scenario's ratios are taken against.
BASELINE = {"full-list": "jdk-gzip", "small-get": "jdk", "startup": "jdk", "throughput": None, "watch-churn": None}
ORDER = ["jdk", "jdk-gzip", "jdk-identity", "kube-client", "kube-client-identity", "kube-client-protobuf",
         "kube-client-unlimited", "fabric8", "official"]


def client_go_budget(qps, burst, seconds):
    """Requests client-go's token bucket grants in a window that opens with a full bucket."""
    return burst + qps * seconds


def parse(lines):
    """{scenario: {client: [ {key: value} ]}} from RESULT lines; numbers become floats, other values stay text."""
    runs = {}
    for line in lines:
        if not line.startswith("RESULT scenario="):
            continue
        fields = dict(field.split("=", 1) for field in line.split()[1:])
        scenario, client = fields.pop("scenario"), fields.pop("client", "kube-client")
        runs.setdefault(scenario, {}).setdefault(client, []).append({k: number(v) for k, v in fields.items()})
    return runs


def number(text):
    try:
        return float(text)
    except ValueError:
        return text


def stats(rows, key):
    """(median, minimum) of a key over rows, or None where no row has it."""
    values = [r[key] for r in rows if isinstance(r.get(key), float)]
    return (statistics.median(values), min(values)) if values else None


def ratio(value, base):
    return value / base if base else None


def ordered(clients):
    return sorted(clients, key=lambda c: (ORDER.index(c) if c in ORDER else len(ORDER), c))


def summary(runs, scenario, key):
    """{client: (median, min, median ratio, min ratio)} of one value, ratios against the scenario's baseline."""
    clients = runs.get(scenario, {})
    base = stats(clients.get(BASELINE.get(scenario), []), key)
    out = {}
    for client in ordered(clients):
        s = stats(clients[client], key)
        if s:
            out[client] = (s[0], s[1], ratio(s[0], base[0]) if base else None, ratio(s[1], base[1]) if base else None)
    return out


def fmt(value, digits=1):
    return "-" if value is None else f"{value:,.{digits}f}"


def plain(value):
    """A value as the harness printed it: whole numbers without a decimal point."""
    return f"{value:.0f}" if isinstance(value, float) and value.is_integer() else str(value)


def table(title, header, rows):
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows)] if rows else [len(h) for h in header]
    print(f"\n{title}")
    print("  ".join(h.rjust(w) if i else h.ljust(w) for i, (h, w) in enumerate(zip(header, widths))))
    for row in rows:
        print("  ".join(str(x).rjust(w) if i else str(x).ljust(w) for i, (x, w) in enumerate(zip(row, widths))))


def print_tables(runs):
    if "full-list" in runs:
        ms, alloc = summary(runs, "full-list", "ms"), summary(runs, "full-list", "allocMiB")
        peak, gc, gc_ms = (summary(runs, "full-list", k) for k in ("peakGrowthMiB", "gcCount", "gcMs"))
        table("Full LIST (ratios against jdk-gzip: the JDK HttpClient + Jackson baseline asking for gzip)",
              ["client", "LISTs", "median ms", "min ms", "x base (med)", "x base (min)", "alloc MiB", "x base",
               "peak growth MiB", "GCs/LIST", "GC ms/LIST"],
              [[c, len(runs["full-list"][c]), fmt(v[0]), fmt(v[1]), fmt(v[2], 2), fmt(v[3], 2), fmt(alloc[c][0]),
                fmt(alloc[c][2], 2), fmt(peak[c][0]), fmt(gc[c][0]), fmt(gc_ms[c][0])] for c, v in ms.items()])
    if "small-get" in runs:
        us, alloc = summary(runs, "small-get", "usPerGet"), summary(runs, "small-get", "allocKiBPerGet")
        fastest, p99 = summary(runs, "small-get", "minUs"), summary(runs, "small-get", "p99Us")
        table("Small GET of one ConfigMap (per-JVM medians; ratios against jdk)",
              ["client", "JVMs", "median us", "best JVM us", "x base", "fastest GET us", "p99 us", "alloc KiB/GET",
               "x base"],
              [[c, len(runs["small-get"][c]), fmt(v[0]), fmt(v[1]), fmt(v[2], 2), fmt(fastest[c][1]), fmt(p99[c][0]),
                fmt(alloc[c][0]), fmt(alloc[c][2], 2)] for c, v in us.items()])
    if "throughput" in runs:
        rows = []
        for c in ordered(runs["throughput"]):
            rs = runs["throughput"][c]
            requests, seconds = stats(rs, "requests"), rs[0]["seconds"]
            qps, burst = rs[0].get("qps"), rs[0].get("burst")
            limited = isinstance(qps, float)
            budget = client_go_budget(qps, burst, seconds) if limited else None
            rows.append([c, len(rs), f"{fmt(qps, 0)}/{fmt(burst, 0)}" if limited else "none", fmt(requests[0], 0),
                         fmt(requests[1], 0), fmt(max(r["requests"] for r in rs), 0), fmt(requests[0] / seconds),
                         fmt(budget, 0) if limited else "-", fmt(requests[0] / budget, 3) if limited else "-"])
        table("Throughput: GETs completed in the window by 4 threads (client-go allows burst + qps x seconds)",
              ["client", "JVMs", "limiter qps/burst", "median", "min", "max", "per s (median)", "client-go", "x client-go"],
              rows)
    if "startup" in runs:
        total, main_ = summary(runs, "startup", "jvmToGetMs"), summary(runs, "startup", "mainToGetMs")
        classes = summary(runs, "startup", "classes")
        table("JVM start to first GET (ratios against jdk)",
              ["client", "JVMs", "median ms", "min ms", "x base (med)", "x base (min)", "main to GET ms (med)",
               "classes"],
              [[c, len(runs["startup"][c]), fmt(v[0]), fmt(v[1]), fmt(v[2], 2), fmt(v[3], 2), fmt(main_[c][0]),
                fmt(classes[c][0], 0)] for c, v in total.items()])
    if "watch-churn" in runs:
        per, total = summary(runs, "watch-churn", "medianMs"), summary(runs, "watch-churn", "totalMs")
        p99 = summary(runs, "watch-churn", "p99Ms")
        table("Watch churn: open a watch, let the server answer, close it (no bare baseline)",
              ["client", "JVMs", "cycles", "per cycle ms (med)", "per cycle ms (best JVM)", "p99 ms", "total ms (med)",
               "total ms (min)", "connections"],
              [[c, len(runs["watch-churn"][c]), fmt(runs["watch-churn"][c][0]["cycles"], 0), fmt(v[0], 2), fmt(v[1], 2),
                fmt(p99[c][0], 2), fmt(total[c][0], 0), fmt(total[c][1], 0),
                fmt(max(r["connections"] for r in runs["watch-churn"][c]), 0)] for c, v in per.items()])
    if "many-watches" in runs:
        print("\n1,000 watchers on one client (kube-client only):")
        for c, rs in runs["many-watches"].items():
            for r in rs:
                print("  " + " ".join(f"{k}={plain(v)}" for k, v in r.items()))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: compare_tables.py <raw-results.txt>")
    with open(sys.argv[1], encoding="utf-8") as raw:
        print_tables(parse(raw))
