#!/usr/bin/env bash
# Runs the whole test suite (unit, reference-vector and real-host tests). Tests that need
# ../shared/data report themselves as skipped when it is absent.
set -euo pipefail
cd "$(dirname "$0")"
exec mvn -B verify "$@"
