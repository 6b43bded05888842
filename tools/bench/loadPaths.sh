#!/usr/bin/env bash
# The loader's first load of a generated dataset into the empty `bench` instance, three ways, one
# after the other in one run: the online loader (`npm run seed -- --online`), the bulk path
# (`npm run seed -- --bulk`: import files, neo4j-admin, restart, migrations, load record) and the
# floor (neo4j-admin alone on the same files, tools/bench/bulkImport.sh). Each starts from an
# empty store (tools/bench/resetBench.sh). Wall time and peak memory by /usr/bin/time -v; the
# loader's Node heap is capped at $HEAP_MB (default 4096). With FINGERPRINT=1 the graph fingerprint
# (tools/bench/fingerprint.ts) of the online and the bulk load is recorded and compared.
# Usage: tools/bench/loadPaths.sh <data dir> <label>   (results under .tmp/bench/loadPaths-<label>/)
set -euo pipefail
cd "$(dirname "$0")/../.."
data=$1
out=.tmp/bench/loadPaths-$2
heap=${HEAP_MB:-4096}
mkdir -p "$out"
run() { # name, command…
  local name=$1; shift
  tools/bench/resetBench.sh > /dev/null 2>&1
  echo "== $name (load average $(cut -d' ' -f1 /proc/loadavg))" | tee -a "$out/summary.txt"
  /usr/bin/time -v "$@" > "$out/$name.out" 2> "$out/$name.err" || echo "   FAILED, see $out/$name.err" | tee -a "$out/summary.txt"
  grep -E "Elapsed \(wall|Maximum resident" "$out/$name.err" | sed 's/^\s*/   /' | tee -a "$out/summary.txt"
  grep -E "^Seeded|^\[" "$out/$name.out" "$out/$name.err" | sed 's/^/   /' | tee -a "$out/summary.txt" || true
}
export NODE_OPTIONS=--max-old-space-size=$heap
fingerprint() { # name
  if [ "${FINGERPRINT:-0}" = 1 ]; then
    NODE_OPTIONS=--max-old-space-size=8192 npx tsx tools/bench/fingerprint.ts --instance bench > "$out/$1.fingerprint"
    echo "   fingerprint: $(cat "$out/$1.fingerprint")" | tee -a "$out/summary.txt"
  fi
}
run online npx tsx ops/seed.ts --instance bench --online --data "$data"
fingerprint online
run bulk npx tsx ops/seed.ts --instance bench --bulk --data "$data"
fingerprint bulk
if [ "${FINGERPRINT:-0}" = 1 ]; then
  if cmp -s "$out/online.fingerprint" "$out/bulk.fingerprint"; then echo "   online = bulk: equal fingerprints" | tee -a "$out/summary.txt"
  else echo "   online ≠ bulk: fingerprints DIFFER" | tee -a "$out/summary.txt"; fi
fi
run floor tools/bench/bulkImport.sh "$data" "$out/csv"
rm -rf "$out/csv"
