#!/usr/bin/env bash
# Regenerates the PEM fixtures in this folder with openssl. Run from this folder: ./generate.sh
set -euo pipefail
days=36500

# A CA and an intermediate, so chains and bundles can be tested.
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca-key.pem -out ca.pem -days $days -subj "/CN=test-ca" 2>/dev/null
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca2-key.pem -out ca2.pem -days $days -subj "/CN=test-ca-2" 2>/dev/null
cat ca.pem ca2.pem > ca-bundle.pem

issue() { # name subject keyfile
  openssl req -new -key "$3" -subj "$2" -out "$1.csr" 2>/dev/null
  openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days $days -out "$1.pem" 2>/dev/null
  rm -f "$1.csr"
}

# RSA client: PKCS#8 (PRIVATE KEY) and PKCS#1 (RSA PRIVATE KEY) forms of the same key.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa-key-pkcs8.pem 2>/dev/null
openssl rsa -in rsa-key-pkcs8.pem -traditional -out rsa-key-pkcs1.pem 2>/dev/null
issue rsa-cert "/O=system:masters/CN=rsa-user" rsa-key-pkcs8.pem
cat rsa-cert.pem ca.pem > rsa-chain.pem

# EC clients on the three NIST curves: SEC1 (EC PRIVATE KEY) and PKCS#8 forms.
for curve in P-256 P-384 P-521; do
  n=$(echo "$curve" | tr -d '-' | tr 'A-Z' 'a-z')
  openssl ecparam -name "$(case $curve in P-256) echo prime256v1;; P-384) echo secp384r1;; P-521) echo secp521r1;; esac)" \
    -genkey -noout -out "ec-$n-key-sec1.pem"
  openssl pkcs8 -topk8 -nocrypt -in "ec-$n-key-sec1.pem" -out "ec-$n-key-pkcs8.pem"
  issue "ec-$n-cert" "/CN=ec-$n-user" "ec-$n-key-sec1.pem"
done

# Ed25519 (PKCS#8 only).
openssl genpkey -algorithm ed25519 -out ed25519-key.pem
issue ed25519-cert "/CN=ed25519-user" ed25519-key.pem

# Encrypted keys: PKCS#8 encrypted, and the legacy OpenSSL Proc-Type form.
openssl pkcs8 -topk8 -in rsa-key-pkcs8.pem -passout pass:secret -out rsa-key-encrypted-pkcs8.pem
openssl rsa -in rsa-key-pkcs8.pem -traditional -aes256 -passout pass:secret -out rsa-key-encrypted-legacy.pem 2>/dev/null

# A second RSA key that belongs to no certificate here, for mismatch tests.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out other-rsa-key.pem 2>/dev/null

rm -f ca.srl
