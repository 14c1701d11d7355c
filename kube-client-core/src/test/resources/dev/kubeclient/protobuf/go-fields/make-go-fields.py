#!/usr/bin/env python3
"""Writes go-fields.tsv: for every field of every Go API struct with a protobuf tag, its JSON name and the facts that
decide whether Go's encoding/json writes its zero value, read from the struct tags of k8s.io/api and
k8s.io/apimachinery (meta/v1) at two releases: v0.20.2 (the envtest server) and v0.36.0 (client-java-proto 27.0's
Kubernetes), and at the newest commit for the few fields of client-java-proto 27.0 that neither release has.
Usage: make-go-fields.py <kubernetes/api git dir> <kubernetes/apimachinery git dir> > go-fields.tsv
Columns: release, protobuf message.field (#number when the tag names no field), JSON name (empty when inline),
omitempty, pointer, Go type."""
import re
import subprocess
import sys

FIELD = re.compile(r'^\s+(?:(\w+)\s+)?([\w.\[\]*]+(?:\[[\w.\[\]*]+\][\w.\[\]*]+)?)\s+`([^`]*)`')
STRUCT = re.compile(r'^type (\w+) struct \{')


def git(repo, *args):
    return subprocess.run(['git', '--git-dir', repo, *args], check=True, capture_output=True, text=True).stdout


def files(repo, tag):
    names = git(repo, 'ls-tree', '-r', '--name-only', tag).split()
    return [n for n in names if n.endswith('.go') and not n.endswith('_test.go') and 'generated' not in n]


def fields(source):
    struct = None
    for line in source.splitlines():
        m = STRUCT.match(line)
        if m:
            struct = m.group(1)
            continue
        if line.startswith('}'):
            struct = None
            continue
        if struct is None:
            continue
        m = FIELD.match(line)
        if not m:
            continue
        tags = m.group(3)
        proto = re.search(r'protobuf:"([^"]*)"', tags)
        js = re.search(r'json:"([^"]*)"', tags)
        if not proto or not js:
            continue
        parts = proto.group(1).split(',')
        names = [p[5:] for p in parts if p.startswith('name=')]
        key = names[0] if names else '#' + parts[1]
        name, _, options = js.group(1).partition(',')
        gotype = m.group(2)
        yield struct, key, name, 'omitempty' in options.split(','), gotype.startswith('*'), gotype


def main(api, machinery):
    out = []
    seen = set()
    # the newest commit last, and only for fields neither release has (client-java-proto 27.0 has a few)
    for release in ('v0.20.2', 'v0.36.0', 'HEAD'):
        label = release if release != 'HEAD' else 'master@' + git(api, 'rev-parse', '--short', 'HEAD').strip()
        rows = []
        for path in files(api, release):
            package = 'k8s.io.api.' + '.'.join(path.split('/')[:-1])
            for f in fields(git(api, 'show', release + ':' + path)):
                rows.append((package, *f))
        for path in [n for n in files(machinery, release) if n.count('/') == 4 and n.startswith('pkg/apis/meta/v1/')]:
            for f in fields(git(machinery, 'show', release + ':' + path)):
                rows.append(('k8s.io.apimachinery.pkg.apis.meta.v1', *f))
        for row in rows:
            key = row[0] + '.' + row[1] + '.' + row[2]
            if release != 'HEAD' or key not in seen:
                out.append((label, *row))
            seen.add(key)
    print('# release\tmessage.field\tjson\tomitempty\tpointer\tgo type')
    for release, package, struct, proto, name, omitempty, pointer, gotype in out:
        print('\t'.join([release, package + '.' + struct + '.' + proto, name, str(omitempty).lower(),
                         str(pointer).lower(), gotype]))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
