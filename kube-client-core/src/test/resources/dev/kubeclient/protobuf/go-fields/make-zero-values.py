#!/usr/bin/env python3
"""Writes kube-client-codegen's protobuf-zero-values.txt from go-fields.tsv: the fields whose empty value Go's JSON
writes (a pointer scalar, or a field without omitempty), by the tags of v0.20.2, or of v0.36.0 (or the newest commit)
for fields 1.20 lacks.
Usage: make-zero-values.py go-fields.tsv > protobuf-zero-values.txt"""
import sys

HEADER = """\
# Fields whose empty value the JSON form writes: Go pointer scalars and fields without omitempty. Protobuf always
# carries the zero value (0, false, "") of a non-pointer scalar, which JSON omits when the field is omitempty, so the
# decoders drop such zeros except for the scalars listed here. A repeated or map field listed here (no omitempty)
# is written as null by JSON when empty, and protobuf cannot tell empty from absent, so the decoders set it to null
# when the message has no entry. Derived from the Go struct tags of k8s.io/api and k8s.io/apimachinery meta/v1:
# Kubernetes 1.20 (v0.20.2), and 1.36 (v0.36.0) or a newer commit for the fields 1.20 lacks. Made by kube-client-core's
# src/test/resources/dev/kubeclient/protobuf/go-fields/make-zero-values.py from go-fields.tsv there; do not edit."""


def main(path):
    rows = {}
    for line in open(path):
        if line.startswith('#'):
            continue
        release, key, json, omitempty, pointer, gotype = line.rstrip('\n').split('\t')
        if '#' in key or not json:
            continue
        if release == 'v0.20.2' or key not in rows:
            rows[key] = (omitempty == 'true', pointer == 'true', gotype)
    print(HEADER)
    for key in sorted(rows):
        omitempty, pointer, gotype = rows[key]
        collection = gotype.lstrip('*').startswith(('[]', 'map['))
        if not omitempty or (pointer and not collection):
            print(key)


if __name__ == '__main__':
    main(sys.argv[1])
