#!/usr/bin/env bash
# Stage logic never imports a transport: only cmd/ and the pipeline wiring
# may import a queue implementation, and only the Kafka package imports
# kafka-go.
set -euo pipefail
GO=${GO:-go}
status=0
while read -r pkg imports; do
  case "$pkg" in
    */cmd/*|*/intake/pipeline*|*/intake/queue*) continue ;;
  esac
  for imp in $imports; do
    case "$imp" in
      */intake/queue/*|github.com/segmentio/kafka-go*)
        echo "import rule: $pkg imports transport $imp" >&2; status=1 ;;
    esac
  done
done < <($GO list -f '{{.ImportPath}} {{join .Imports " "}}' ./...)
exit $status
