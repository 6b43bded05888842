#!/usr/bin/env bash
# Empties the bench instance's `neo4j` database (stop, delete its store and transaction logs,
# start): the fastest way back to an empty graph between measurements. Bench instance only.
set -euo pipefail
cd "$(dirname "$0")/../.."
home=.neo4j/bench
npx tsx tools/bench/benchInstance.ts stop >&2
rm -rf "$home/data/databases/neo4j" "$home/data/transactions/neo4j"
npx tsx tools/bench/benchInstance.ts start
