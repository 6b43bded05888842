#!/usr/bin/env bash
# Warm start: runs `npm start` in <checkout> (default: this one) until its "Ready in" line, prints
# that line and the wall time, then stops it with SIGINT. Usage: tools/bench/warmStart.sh [checkout]
cd "${1:-$(dirname "$0")/../..}"
start=$(date +%s.%N)
npm start > /tmp/startup.out 2>&1 &
pid=$!
for i in $(seq 1 1200); do
  if grep -q "Ready in" /tmp/startup.out; then break; fi
  sleep 0.05
done
end=$(date +%s.%N)
grep "Ready in" /tmp/startup.out
echo "wall: $(echo "$end - $start" | bc)"
pkill -INT -f "loader.mjs ops/start.ts"; wait $pid 2>/dev/null
for i in $(seq 1 100); do pgrep -f "src/serve.ts" >/dev/null || break; sleep 0.1; done
