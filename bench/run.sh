#!/bin/sh
# run.sh runs the bench module's benchmarks COUNT times (default 10) with -cpu 1, one whole
# pass of every contender per round so that contenders interleave and a burst of machine
# noise hits them all, then prints a Markdown table of medians, ratios and targets
# (cmd/benchtable). The raw `go test` output is kept in $OUT (default results/raw.txt).
#
#   ./run.sh                  # codec and generator benchmarks, 10 rounds (about 15 minutes on 2 cores)
#   COUNT=3 GEN=0 ./run.sh    # a quick look at the codec only
#   BENCH='Encode/ChatMessage' GEN=0 ./run.sh
set -eu
cd "$(dirname "$0")"
COUNT=${COUNT:-10}
GEN=${GEN:-1}
BENCH=${BENCH:-Encode|Decode}
OUT=${OUT:-results/raw.txt}
mkdir -p "$(dirname "$OUT")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go test -c -o "$tmp/bench.test" .
go build -o "$tmp/benchtable" ./cmd/benchtable
{
	echo "# $(go version), $(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%MZ), COUNT=$COUNT"
	echo "# load average before the run: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
} > "$OUT"
i=1
while [ "$i" -le "$COUNT" ]; do
	echo "round $i/$COUNT" >&2
	"$tmp/bench.test" -test.run '^$' -test.bench "$BENCH" -test.benchmem -test.cpu 1 -test.count 1 >> "$OUT"
	if [ "$GEN" = 1 ]; then
		# One generation of 5,000 frames takes tens of seconds: one op per round is plenty.
		"$tmp/bench.test" -test.run '^$' -test.bench 'Generate|Format' -test.benchtime 1x -test.benchmem -test.cpu 1 -test.count 1 >> "$OUT"
	fi
	i=$((i + 1))
done

targets=""
for p in AuthError ChatMessage; do
	targets="$targets -target Encode/$p/framegen:Encode/$p/goccy:1.0"
	targets="$targets -target Encode/$p/framegen_append:Encode/$p/floor:1.3"
	targets="$targets -target Decode/$p/framegen:Decode/$p/goccy:1.2"
done
for n in 100 1000 5000; do
	targets="$targets -target Generate/frames=$n:Format/frames=$n:2"
done
# shellcheck disable=SC2086 # targets is a list of flags
"$tmp/benchtable" -base map_json,easyjson $targets "$OUT"
