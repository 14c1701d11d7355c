#!/usr/bin/env bash
# Captures a real ConfigMap list from a running API server (the envtest one by default) for the decode benchmark.
# It creates a throw-away namespace with a few ConfigMaps of different shapes (labels, annotations, multi-line data,
# binaryData, an immutable one), reads them back with one list call (the exact JSON the server sends, including
# managedFields), and writes src/main/resources/decode/configmap-list-sample.json. The benchmark multiplies these
# items to 10,000 at setup time, so the checked-in file stays small.
#
# Usage: scripts/capture-configmap-sample.sh [kubeconfig]
set -euo pipefail
kubeconfig="${1:-$HOME/.cache/kube-envtest/run/admin.kubeconfig}"
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/src/main/resources/decode/configmap-list-sample.json"
ns="decode-sample-$(date +%s)"
k() { kubectl --kubeconfig "$kubeconfig" "$@"; }

k create namespace "$ns" >/dev/null
k -n "$ns" create configmap app-settings --from-literal=mode=fast --from-literal=replicas=3 \
  --from-literal=endpoint=https://api.example.com/v2 >/dev/null
k -n "$ns" label configmap app-settings app=web tier=frontend >/dev/null
k -n "$ns" annotate configmap app-settings owner=team-a description="settings for the web tier" >/dev/null
printf 'server {\n  listen 8080;\n  location / {\n    proxy_pass http://backend;\n  }\n}\n' > "/tmp/$ns-nginx.conf"
k -n "$ns" create configmap nginx-conf --from-file=nginx.conf="/tmp/$ns-nginx.conf" >/dev/null
head -c 256 /dev/urandom > "/tmp/$ns-blob.bin"
k -n "$ns" create configmap with-binary --from-file=blob.bin="/tmp/$ns-blob.bin" --from-literal=kind=blob >/dev/null
k -n "$ns" apply --server-side --field-manager=capture -f - >/dev/null <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: applied
  labels: {app: batch}
immutable: true
data:
  schedule: "*/5 * * * *"
  retries: "2"
YAML
k -n "$ns" create configmap empty >/dev/null
k get --raw "/api/v1/namespaces/$ns/configmaps" > "$out"
rm -f "/tmp/$ns-nginx.conf" "/tmp/$ns-blob.bin"
k delete namespace "$ns" --wait=false >/dev/null
echo "wrote $(wc -c < "$out") bytes to $out"
