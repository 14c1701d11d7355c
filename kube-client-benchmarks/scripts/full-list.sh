#!/usr/bin/env bash
# Full LIST of 10,000 ConfigMaps: kube-client vs a bare JDK HttpClient + Jackson 3 baseline, each in fresh JVMs.
# Usage: kube-client-benchmarks/scripts/full-list.sh <kubeconfig> [jvms=3] [items=10000] [iterations=5]
# Build first: ./mvnw -q -pl kube-client-benchmarks -am package -DskipTests
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
kubeconfig=${1:?usage: full-list.sh <kubeconfig> [jvms] [items] [iterations]}
jvms=${2:-3}; items=${3:-10000}; iterations=${4:-5}
jar=${BENCHMARKS_JAR:-"$here/target/benchmarks.jar"}
out=$(mktemp)
for round in $(seq "$jvms"); do
  for client in jdk-identity jdk-gzip kube-client-identity kube-client; do
    java -Xmx1g -XX:+UseG1GC -cp "$jar" dev.kubeclient.benchmarks.harness.FullListHarness \
      "$client" "$kubeconfig" "$items" "$iterations" | grep '^RESULT' >> "$out"
  done
done
python3 - "$out" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    f = dict(kv.split("=") for kv in line.split()[1:])
    rows.setdefault(f["client"], []).append({k: float(v) for k, v in f.items() if k != "client"})
base = {"jdk-gzip": "jdk-gzip", "kube-client": "jdk-gzip", "jdk-identity": "jdk-identity", "kube-client-identity": "jdk-identity"}
med = {c: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for c, rs in rows.items()}
print(f"{'client':22} {'median ms':>10} {'min ms':>8} {'vs base':>8} {'alloc MiB':>10} {'vs base':>8} {'peak MiB':>9} {'gc/op':>6}")
for c in ["jdk-identity", "kube-client-identity", "jdk-gzip", "kube-client"]:
    if c not in rows: continue
    m = med[c]; b = med[base[c]]
    print(f"{c:22} {m['ms']:10.1f} {min(r['ms'] for r in rows[c]):8.1f} {m['ms']/b['ms']:8.2f} {m['allocMiB']:10.1f} {m['allocMiB']/b['allocMiB']:8.2f} {m['peakGrowthMiB']:9.1f} {m['gcCount']:6.1f}")
PY
rm -f "$out"
