#!/usr/bin/env bash
# Throughput of the statistics library (issue 3). Not a test: run it by hand.
#
#   benches/stats_throughput.sh [BYTES] [csv|w3c] [DEFINITION]
#
# Generates a raw request log of BYTES (default 1 GB) against a real definition from
# ../shared/corpus (raw App Insights `requests` rows as the portal exports them, or a W3C
# web server log), then times `connlint::stats::analyze` over it with /usr/bin/time -v:
# MB/s, rows/s and peak RSS. A tenth-size run first shows that memory stays flat as the
# input grows. Target: >= 200 MB/s on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

bytes=${1:-1000000000}
format=${2:-csv}
definition=${3:-../shared/corpus/certified-connectors/Blackbaud Church Management/apiDefinition.swagger.json}
if [[ ! -f "$definition" ]]; then
  echo "skipping: $definition not found" >&2
  exit 0
fi

cargo build --release --quiet --example stats_bench
bin=target/release/examples/stats_bench
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

measure() {
  local size=$1 file="$tmp/requests-$1.$format"
  "$bin" generate "$definition" "$file" "$size" "$format"
  # read it once so both runs start from the page cache
  cat "$file" > /dev/null
  if ! /usr/bin/time -v "$bin" run "$definition" "$file" 2> "$tmp/time.txt"; then
    cat "$tmp/time.txt" >&2
    exit 1
  fi
  grep -E "Maximum resident set size|Elapsed \(wall clock\)|Percent of CPU|User time|System time" "$tmp/time.txt" | sed 's/^\s*/    /'
  rm -f "$file"
}

echo "definition: $definition ($format)"
echo "== $((bytes / 10)) bytes"
measure $((bytes / 10))
echo "== $bytes bytes"
measure "$bytes"
