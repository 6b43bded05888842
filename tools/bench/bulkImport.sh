#!/usr/bin/env bash
# The floor: `neo4j-admin database import full` of a generated dataset into the bench instance's
# `neo4j` database (replacing it), timed. Usage: tools/bench/bulkImport.sh <data dir> <csv dir>
# The files are the bulk path's own import files of the project's plan (tools/bench/toCsv.ts,
# seed/write/importFiles.ts), so the graph is the one the loader writes. Neo4j Community has one user database and cannot stop it while the
# server runs, so the instance is stopped for the import and started again afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
data=$1
csv=$2
home=$PWD/.neo4j/bench
lib=$(ls -d "$PWD"/.neo4j/lib-*/ | head -1)
start=$(date +%s.%N)
args=$(npx tsx tools/bench/toCsv.ts --data "$data" --out "$csv")
echo "csv written in $(echo "$(date +%s.%N) - $start" | bc) s ($(du -sh "$csv" | cut -f1))" >&2
npx tsx tools/bench/benchInstance.ts stop >&2
# shellcheck disable=SC2086
/usr/bin/time -v env NEO4J_HOME="$home" NEO4J_CONF="$home/conf" java -cp "$home/conf/*:$lib*" org.neo4j.cli.AdminTool \
  database import full neo4j --overwrite-destination --report-file="$csv/import.report" $args
npx tsx tools/bench/benchInstance.ts start
