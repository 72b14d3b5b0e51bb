#!/usr/bin/env bash
# Stage logic never imports a transport: only cmd/ may choose a queue
# implementation (the pipeline sees the contract, intake/queue), and only
# the Kafka package imports kafka-go.
set -euo pipefail
GO=${GO:-go}
status=0
while read -r pkg imports; do
  for imp in $imports; do
    case "$imp" in
      github.com/segmentio/kafka-go*)
        case "$pkg" in */intake/queue/kafka) ;; *)
          echo "import rule: $pkg imports kafka-go; only intake/queue/kafka may" >&2; status=1 ;;
        esac ;;
      */intake/queue/*)
        case "$pkg" in */cmd/*|*/intake/queue/*) ;; *)
          echo "import rule: $pkg imports transport $imp; only cmd/ chooses one" >&2; status=1 ;;
        esac ;;
    esac
  done
done < <($GO list -f '{{.ImportPath}} {{join .Imports " "}}' ./...)
exit $status
