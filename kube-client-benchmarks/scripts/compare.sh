#!/usr/bin/env bash
# Every side-by-side scenario for every client, each measurement in a fresh JVM, clients alternating per round:
#   kube-client, a bare JDK HttpClient + Jackson 3 baseline, fabric8 8.0 (OkHttp) and the official client 27.0.
# Scenarios: full LIST of 10,000 ConfigMaps, small GET, rate-limited throughput (QPS 50 / burst 100, 4 threads,
# 10 s), JVM start to first GET, watch churn; then 1,000 watchers once (kube-client only). Pure decode is the JMH
# benchmark ListDecodeBenchmark (see docs/benchmarks-decode.md), not run here.
#
# Usage: kube-client-benchmarks/scripts/compare.sh <kubeconfig> [jvms=3]
# Builds nothing. Build first, from the repository root:
#   ./mvnw -q -Ppeers -pl kube-client-benchmarks,kube-client-benchmarks/peers/fabric8,kube-client-benchmarks/peers/official -am package -DskipTests
# Environment (all optional): BENCHMARKS_JAR, FABRIC8_JAR, OFFICIAL_JAR (the three jars), RAW (where the raw RESULT
# lines go; default kube-client-benchmarks/target/compare-<UTC time>.txt), ITEMS (10000), LISTS (5 timed LISTs per
# JVM), GETS (2000), WINDOW (10 s), THREADS (4), CYCLES (1000), WATCHERS (1000; 0 skips), SCENARIOS (default
# "full-list small-get throughput startup watch-churn"), FULL_LIST_CLIENTS / SMALL_GET_CLIENTS (the client
# lists of those two scenarios; both include kube-client-protobuf by default).
# Before the rounds, kube-client's own harnesses create what the scenarios read: namespace kube-client-bench with the
# ConfigMaps to list (FullListHarness), kube-client-bench-watch (WatchChurnHarness) and the ConfigMap small-get in
# kube-client-bench-get (SmallGetHarness).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
kubeconfig=${1:?usage: compare.sh <kubeconfig> [jvms]}
jvms=${2:-3}
jar=${BENCHMARKS_JAR:-"$here/target/benchmarks.jar"}
fabric8_jar=${FABRIC8_JAR:-"$here/peers/fabric8/target/peer-fabric8.jar"}
official_jar=${OFFICIAL_JAR:-"$here/peers/official/target/peer-official.jar"}
raw=${RAW:-"$here/target/compare-$(date -u +%Y%m%dT%H%M%SZ).txt"}
items=${ITEMS:-10000}; lists=${LISTS:-5}; gets=${GETS:-2000};
seconds=${WINDOW:-10}; threads=${THREADS:-4}; cycles=${CYCLES:-1000}; watchers=${WATCHERS:-1000}
scenarios=${SCENARIOS:-"full-list small-get throughput startup watch-churn"}
for j in "$jar" "$fabric8_jar" "$official_jar"; do
  [ -f "${j%%:*}" ] || { echo "missing $j; build first (see the head of $0)" >&2; exit 2; }
done
harness=dev.kubeclient.benchmarks.harness
mkdir -p "$(dirname "$raw")"
: > "$raw"

# One fresh JVM: runs a client's scenario and appends its RESULT lines, tagged with the scenario, to the raw file.
measure() {
  local scenario=$1 client=$2; shift 2
  local cmd
  case "$client" in
    fabric8) cmd=(java -Xmx1g -XX:+UseG1GC -cp "$fabric8_jar" dev.kubeclient.benchmarks.peers.fabric8.Fabric8Harness) ;;
    official) cmd=(java -Xmx1g -XX:+UseG1GC -cp "$official_jar" dev.kubeclient.benchmarks.peers.official.OfficialHarness) ;;
  esac
  local out
  if [ -n "${cmd+x}" ]; then
    [ "$scenario" = startup ] && set -- "$(date +%s%N)"
    out=$("${cmd[@]}" "$scenario" "$kubeconfig" "$@" 2>&1) || { echo "FAILED $scenario $client: $out" >&2; return 0; }
  else
    case "$scenario" in
      full-list) out=$(java -Xmx1g -XX:+UseG1GC -cp "$jar" $harness.FullListHarness "$client" "$kubeconfig" "$@" 2>&1) ;;
      small-get) out=$(java -Xmx1g -XX:+UseG1GC -cp "$jar" $harness.SmallGetHarness "$client" "$kubeconfig" "$@" 2>&1) ;;
      throughput) out=$(java -Xmx1g -XX:+UseG1GC -cp "$jar" $harness.ThroughputHarness "$client" "$kubeconfig" "$@" 2>&1) ;;
      startup) out=$(java -Xmx1g -XX:+UseG1GC -cp "$jar" $harness.StartupHarness "$client" "$kubeconfig" "$(date +%s%N)" 2>&1) ;;
      watch-churn) out=$(java -Xmx1g -XX:+UseG1GC -cp "$jar" $harness.WatchChurnHarness "$kubeconfig" "$@" h2 2>&1) ;;
    esac || { echo "FAILED $scenario $client: $(echo "$out" | grep -v '^PHASE' | tail -3)" >&2; return 0; }
  fi
  echo "$out" | grep '^RESULT' | sed "s/^RESULT /RESULT scenario=$scenario /" | tee -a "$raw" >&2
}

# Client list per scenario, and its arguments.
clients() {
  case "$1" in
    full-list) echo "${FULL_LIST_CLIENTS:-jdk-gzip kube-client kube-client-protobuf fabric8 official}" ;;
    small-get) echo "${SMALL_GET_CLIENTS:-jdk kube-client kube-client-protobuf fabric8 official}" ;;
    throughput) echo "kube-client kube-client-unlimited jdk fabric8 official" ;;
    startup) echo "jdk kube-client fabric8 official" ;;
    watch-churn) echo "kube-client fabric8 official" ;;
  esac
}
args() {
  case "$1" in
    full-list) echo "$items $lists" ;;
    small-get) echo "$gets" ;;
    throughput) echo "$seconds $threads" ;;
    startup) echo "" ;;
    watch-churn) echo "$cycles" ;;
  esac
}

echo "load before: $(uptime)" >&2
# Seed the list and watch namespaces once, outside the measurements.
java -cp "$jar" $harness.FullListHarness kube-client "$kubeconfig" "$items" 0 >/dev/null
java -cp "$jar" $harness.WatchChurnHarness "$kubeconfig" 1 h2 >/dev/null
java -cp "$jar" $harness.SmallGetHarness kube-client "$kubeconfig" 1 >/dev/null
for round in $(seq "$jvms"); do
  for scenario in $scenarios; do
    read -r -a list <<< "$(clients "$scenario")"
    # Rotate the order each round, so no client always runs first (or right after the same neighbour).
    n=${#list[@]}
    for i in $(seq 0 $((n - 1))); do
      client=${list[$(((i + round - 1) % n))]}
      # shellcheck disable=SC2046
      measure "$scenario" "$client" $(args "$scenario")
    done
  done
done
if [ "$watchers" -gt 0 ]; then
  java -Xmx512m -cp "$jar" $harness.ManyWatchesHarness "$kubeconfig" "$watchers" platform h2 | grep '^RESULT' \
    | sed 's/^RESULT /RESULT scenario=many-watches client=kube-client /' | tee -a "$raw" >&2
fi
echo "load after: $(uptime)" >&2
python3 "$here/scripts/compare_tables.py" "$raw"
echo
echo "raw RESULT lines: $raw"
