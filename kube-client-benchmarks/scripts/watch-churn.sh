#!/usr/bin/env bash
# Watch churn: open a watch, wait for the server's answer, close it; 1,000 times over HTTP/2 and over HTTP/1.1
# (RestConfig.disableHttp2), each in fresh JVMs.
# Usage: kube-client-benchmarks/scripts/watch-churn.sh <kubeconfig> [jvms=3] [cycles=1000]
# Build first: ./mvnw -q -pl kube-client-benchmarks -am package -DskipTests
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
kubeconfig=${1:?usage: watch-churn.sh <kubeconfig> [jvms] [cycles]}
jvms=${2:-3}; cycles=${3:-1000}
jar=${BENCHMARKS_JAR:-"$here/target/benchmarks.jar"}
out=$(mktemp); trap 'rm -f "$out"' EXIT
for round in $(seq "$jvms"); do
  for protocol in h2 http1; do
    java -cp "$jar" dev.kubeclient.benchmarks.harness.WatchChurnHarness "$kubeconfig" "$cycles" "$protocol" \
      | grep '^RESULT' | tee -a "$out" >&2
  done
done
python3 - "$out" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    f = dict(kv.split("=") for kv in line.split()[1:])
    rows.setdefault(f["protocol"], []).append(f)
print(f"{'protocol':9} {'cycles':>6} {'total ms (median / min)':>24} {'per cycle median ms':>20} {'p99 ms':>8} {'connections':>12}")
for p, rs in rows.items():
    total = [float(r["totalMs"]) for r in rs]
    print(f"{p:9} {rs[0]['cycles']:>6} {statistics.median(total):13.0f} / {min(total):8.0f} "
          f"{statistics.median(float(r['medianMs']) for r in rs):20.2f} {statistics.median(float(r['p99Ms']) for r in rs):8.2f} "
          f"{max(int(r['connections']) for r in rs):>12}")
PY
