#!/bin/bash
# usage: ab.sh rooms target "env1" "env2" ... (rounds interleaved, 2 rounds)
rooms=$1; target=$2; shift 2
for round in 1 2; do
  for env in "$@"; do
    echo "=== round $round env [$env]"
    npm run bench -- --rooms=$rooms --only=$target --repeat=1 ${env:+--quorum-env=$env} 2>&1 | grep -E "rooms \| update|wrote"
  done
done
