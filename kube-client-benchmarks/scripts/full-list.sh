#!/usr/bin/env bash
# Full LIST of 10,000 ConfigMaps: kube-client (JSON and protobuf) vs a bare JDK HttpClient + Jackson 3 baseline, each
# in fresh JVMs, every client once per round.
# Usage: kube-client-benchmarks/scripts/full-list.sh <kubeconfig> [jvms=3] [items=10000] [iterations=5]
# CLIENTS="jdk-gzip kube-client-protobuf" narrows the clients (default: all six).
# "kept MiB" is the heap the listed items keep alive after the LIST (see FullListHarness.retainedBytes); the
# issue bounds peak heap growth during a LIST at 1.5 times it.
# Build first: ./mvnw -q -pl kube-client-benchmarks -am package -DskipTests
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
kubeconfig=${1:?usage: full-list.sh <kubeconfig> [jvms] [items] [iterations]}
jvms=${2:-3}; items=${3:-10000}; iterations=${4:-5}
jar=${BENCHMARKS_JAR:-"$here/target/benchmarks.jar"}
clients=${CLIENTS:-"jdk-identity jdk-gzip kube-client-identity kube-client kube-client-protobuf-identity kube-client-protobuf"}
out=$(mktemp)
for round in $(seq "$jvms"); do
  for client in $clients; do
    java -Xmx1g -XX:+UseG1GC -cp "$jar" dev.kubeclient.benchmarks.harness.FullListHarness \
      "$client" "$kubeconfig" "$items" "$iterations" | grep '^RESULT' >> "$out"
  done
done
python3 - "$out" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    f = dict(kv.split("=") for kv in line.split()[1:])
    rows.setdefault(f["client"], []).append({k: float(v) for k, v in f.items() if k != "client"})
# The baseline of the same compression, as in the first columns; protobuf is also set beside the other baseline and
# beside kube-client's JSON of the same compression.
base = {"jdk-gzip": "jdk-gzip", "kube-client": "jdk-gzip", "kube-client-protobuf": "jdk-gzip",
        "jdk-identity": "jdk-identity", "kube-client-identity": "jdk-identity",
        "kube-client-protobuf-identity": "jdk-identity"}
other = {"kube-client-protobuf": "jdk-identity", "kube-client-protobuf-identity": "jdk-gzip"}
json_twin = {"kube-client-protobuf": "kube-client", "kube-client-protobuf-identity": "kube-client-identity"}
med = {c: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for c, rs in rows.items()}
mins = {c: {k: min(r[k] for r in rs) for k in rs[0]} for c, rs in rows.items()}
print(f"{'client':30} {'median ms':>10} {'min ms':>8} {'vs base':>8} {'min/min':>8} {'alloc MiB':>10} {'vs base':>8} {'peak MiB':>9} {'kept MiB':>9} {'peak/kept':>9} {'gc/op':>6}  base")
order = ["jdk-identity", "kube-client-identity", "kube-client-protobuf-identity", "jdk-gzip", "kube-client", "kube-client-protobuf"]
for c in order:
    if c not in rows or base[c] not in rows: continue
    m = med[c]; b = med[base[c]]
    print(f"{c:30} {m['ms']:10.1f} {mins[c]['ms']:8.1f} {m['ms']/b['ms']:8.2f} {mins[c]['ms']/mins[base[c]]['ms']:8.2f} {m['allocMiB']:10.1f} {m['allocMiB']/b['allocMiB']:8.2f} {m['peakGrowthMiB']:9.1f} {m.get('retainedMiB', float('nan')):9.1f} {m['peakGrowthMiB']/m.get('retainedMiB', float('nan')):9.2f} {m['gcCount']:6.1f}  {base[c]}")
extra = [(c, o) for c, o in list(other.items()) + list(json_twin.items()) if c in rows and o in rows]
if extra:
    print()
    print(f"{'ratio':56} {'median ms':>10} {'min ms':>8} {'alloc':>8}")
    for c, o in extra:
        print(f"{c + ' / ' + o:56} {med[c]['ms']/med[o]['ms']:10.2f} {mins[c]['ms']/mins[o]['ms']:8.2f} {med[c]['allocMiB']/med[o]['allocMiB']:8.2f}")
PY
rm -f "$out"
