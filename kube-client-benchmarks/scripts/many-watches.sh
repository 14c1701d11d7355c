#!/usr/bin/env bash
# 1,000 resilient watchers on one client over HTTP/2: platform threads on the default JDK, then platform and virtual
# threads on a JDK with virtual threads (21+), each in a fresh JVM.
# Usage: kube-client-benchmarks/scripts/many-watches.sh <kubeconfig> [watchers=1000] [jdk21+-home]
#   default JDK home for virtual threads: $JAVA21_HOME, else /usr/lib/jvm/temurin-25-jdk-amd64
# Build first: ./mvnw -q -pl kube-client-benchmarks -am package -DskipTests
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
kubeconfig=${1:?usage: many-watches.sh <kubeconfig> [watchers] [jdk21+-home]}
watchers=${2:-1000}
vjdk=${3:-${JAVA21_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}}
jar=${BENCHMARKS_JAR:-"$here/target/benchmarks.jar"}
main=dev.kubeclient.benchmarks.harness.ManyWatchesHarness
run() { "$1" -Xmx512m -cp "$jar" "$main" "$kubeconfig" "$watchers" "$2" h2 | grep '^RESULT'; }
run java platform
if [ -x "$vjdk/bin/java" ]; then
  run "$vjdk/bin/java" platform
  run "$vjdk/bin/java" virtual
else
  echo "no JDK 21+ at $vjdk: virtual threads not measured" >&2
fi
