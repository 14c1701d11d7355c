#!/usr/bin/env bash
# JVM start to first GET: kube-client vs a bare JDK HttpClient + Jackson 3 baseline, alternating, each in fresh JVMs.
# Usage: kube-client-benchmarks/scripts/startup.sh <kubeconfig> [jvms=10]
# Build first: ./mvnw -q -pl kube-client-benchmarks -am package -DskipTests
# Prints medians and minima per client and phase, and the classes each phase loads (one extra run per client with
# -Xlog:class+load). Raw RESULT lines go to stderr, for the record.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
kubeconfig=${1:?usage: startup.sh <kubeconfig> [jvms]}
jvms=${2:-10}
jar=${BENCHMARKS_JAR:-"$here/target/benchmarks.jar"}
main=dev.kubeclient.benchmarks.harness.StartupHarness
out=$(mktemp); classes=$(mktemp)
trap 'rm -f "$out" "$classes"' EXIT
for round in $(seq "$jvms"); do
  for client in jdk kube-client; do
    java -cp "$jar" "$main" "$client" "$kubeconfig" "$(date +%s%N)" | grep '^RESULT' | tee -a "$out" >&2
  done
done
for client in jdk kube-client; do
  # Count "class,load" lines between the harness's PHASE markers.
  java -Xlog:class+load=info:stdout -cp "$jar" "$main" "$client" "$kubeconfig" | awk -v c="$client" '
    /\[class,load\]/ { n++ } /^PHASE / { printf "CLASSES client=%s phase=%s count=%d\n", c, $2, n; n = 0 }' >> "$classes"
done
python3 - "$out" "$classes" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    f = dict(kv.split("=") for kv in line.split()[1:])
    rows.setdefault(f.pop("client"), []).append({k: float(v) for k, v in f.items()})
phase_classes = {}
for line in open(sys.argv[2]):
    f = dict(kv.split("=") for kv in line.split()[1:])
    phase_classes.setdefault(f["client"], {})[f["phase"]] = int(f["count"])
keys = []
for rs in rows.values():
    for k in rs[0]:
        if k not in keys: keys.append(k)
print(f"{'ms (median / min)':18}" + "".join(f"{c:>22}" for c in rows))
for k in keys:
    cells = []
    for c, rs in rows.items():
        v = [r[k] for r in rs if k in r]
        cells.append(f"{statistics.median(v):10.1f} /{min(v):9.1f}" if v else f"{'-':>22}")
    print(f"{k:18}" + "".join(f"{x:>22}" for x in cells))
if "jdk" in rows and "kube-client" in rows:
    for k in ("jvmToGetMs", "mainToGetMs"):
        if k in rows["jdk"][0]:
            med = statistics.median(r[k] for r in rows["kube-client"]) / statistics.median(r[k] for r in rows["jdk"])
            mn = min(r[k] for r in rows["kube-client"]) / min(r[k] for r in rows["jdk"])
            print(f"kube-client / jdk, {k}: {med:.2f}x median, {mn:.2f}x min")
print("classes loaded per phase (one -Xlog:class+load run each):")
for c, phases in phase_classes.items():
    print(f"  {c:12} " + " ".join(f"{p}={n}" for p, n in phases.items()) + f" total={sum(phases.values())}")
PY
