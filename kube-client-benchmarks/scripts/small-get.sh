#!/usr/bin/env bash
# Small GET (one ConfigMap): kube-client in JSON and in protobuf vs a bare JDK HttpClient + Jackson 3 baseline, each
# in fresh JVMs, every client once per round.
# Usage: kube-client-benchmarks/scripts/small-get.sh <kubeconfig> [jvms=3] [iterations=2000]
# Build first: ./mvnw -q -pl kube-client-benchmarks -am package -DskipTests
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
kubeconfig=${1:?usage: small-get.sh <kubeconfig> [jvms] [iterations]}
jvms=${2:-3}; iterations=${3:-2000}
jar=${BENCHMARKS_JAR:-"$here/target/benchmarks.jar"}
out=$(mktemp)
for round in $(seq "$jvms"); do
  for client in jdk kube-client kube-client-protobuf; do
    java -Xmx512m -XX:+UseG1GC -cp "$jar" dev.kubeclient.benchmarks.harness.SmallGetHarness \
      "$client" "$kubeconfig" "$iterations" | grep '^RESULT' | tee -a "$out"
  done
done
python3 - "$out" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    f = dict(kv.split("=") for kv in line.split()[1:])
    rows.setdefault(f["client"], []).append({k: float(v) for k, v in f.items() if k != "client"})
med = {c: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for c, rs in rows.items()}
mins = {c: {k: min(r[k] for r in rs) for k in rs[0]} for c, rs in rows.items()}
print(f"{'client':22} {'median us':>10} {'vs jdk':>7} {'min us':>8} {'vs jdk':>7} {'p99 us':>8} {'alloc KiB':>10} {'vs jdk':>7} {'jvms':>5}")
for c in ["jdk", "kube-client", "kube-client-protobuf"]:
    if c not in rows or "jdk" not in rows: continue
    m = med[c]; b = med["jdk"]
    print(f"{c:22} {m['usPerGet']:10.1f} {m['usPerGet']/b['usPerGet']:7.2f} {mins[c]['minUs']:8.1f} {mins[c]['minUs']/mins['jdk']['minUs']:7.2f} {m['p99Us']:8.1f} {m['allocKiBPerGet']:10.2f} {m['allocKiBPerGet']/b['allocKiBPerGet']:7.2f} {len(rows[c]):5d}")
if "kube-client" in rows and "kube-client-protobuf" in rows:
    p, j = med["kube-client-protobuf"], med["kube-client"]
    print(f"kube-client-protobuf / kube-client: median {p['usPerGet']/j['usPerGet']:.2f}, alloc {p['allocKiBPerGet']/j['allocKiBPerGet']:.2f}")
PY
rm -f "$out"
