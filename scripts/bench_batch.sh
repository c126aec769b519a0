#!/usr/bin/env bash
# Batch benchmark (issue 7): `polynorm clean` over a generated JSONL corpus
# with 1 and 2 worker threads, at 100 MB and 1 GB, beside the Python peers.
#
#   scripts/bench_batch.sh [POLYNORM_BINARY]      (default: target/release/polynorm)
#   CORPUS=typical scripts/bench_batch.sh ...     (the typical corpus, below)
#
# CORPUS=corpus (default) is the stress corpus (make_batch_corpus.py's
# default draw: two thirds evaluation sentences, about half of them
# damaged); CORPUS=typical is a scraped corpus in which 5% of the
# paragraphs are damaged (--damaged-share 0.05), files typical-<MB>mb.jsonl.
#
# Needs: the corpora (scripts/make_batch_corpus.py, see below), GNU time at
# /usr/bin/time, and for the peers a venv with peers/requirements-batch.txt
# at $PEERS_VENV (default /work/peers-venv). Writes one CSV row per run to
# $OUT (default /tmp/polynorm-batch/results.csv); nothing under the work tree.
#
# Columns: corpus, MB, config, jobs, records, seconds (wall), user and
# system CPU seconds, MB/s and records/s (wall), peak RSS in KB, the
# 1-minute load average before the run (other processes on the machine
# take cores from the run when it is above 0), MB per CPU second (user +
# system; what contention changes least), and the 1/5/15-minute load
# averages as `uptime` shows them, and how many records `clean` changed.
set -euo pipefail

BIN=${1:-target/release/polynorm}
DIR=${DIR:-/tmp/polynorm-batch}
OUT=${OUT:-$DIR/results.csv}
PEERS_VENV=${PEERS_VENV:-/work/peers-venv}
PEER_SAMPLE_MB=${PEER_SAMPLE_MB:-20}
CORPUS=${CORPUS:-corpus}
case "$CORPUS" in
    corpus) CORPUS_FLAGS="" ;;
    typical) CORPUS_FLAGS="--damaged-share 0.05" ;;
    *) echo "CORPUS must be corpus or typical" >&2; exit 2 ;;
esac
RUNS=${RUNS-"100:full:1 100:full:2 100:hygiene:1 100:hygiene:2 100:layer:1 100:layer:2 1000:layer:1 1000:layer:2 1000:hygiene:2 1000:full:2"}

mkdir -p "$DIR"
for run in $RUNS 100:peers:1; do
    mb=${run%%:*}
    if [ ! -f "$DIR/$CORPUS-${mb}mb.jsonl" ]; then
        # shellcheck disable=SC2086
        python3 "$(dirname "$0")/make_batch_corpus.py" --size-mb "$mb" $CORPUS_FLAGS --out "$DIR/$CORPUS-${mb}mb.jsonl"
    fi
done

config_flags() {
    case "$1" in
        # Everything `clean` does by default.
        full) echo "" ;;
        # Unicode hygiene and NFC only: no mojibake, no mixed-script judge.
        hygiene) echo "--disable mojibake --disable homoglyphs --disable keyboard-layouts" ;;
        # Every rule off: the batch layer alone (read, validate and parse
        # each JSON record, find the field, write the record).
        layer) echo "--normalize none --disable mojibake --disable homoglyphs --disable keyboard-layouts \
            --disable controls --disable bom --disable soft-hyphens --disable zero-width \
            --disable bidi-controls --disable spaces --disable line-separators" ;;
    esac
}

[ -f "$OUT" ] || echo "date,tool,corpus,mb,config,jobs,records,seconds,user_s,sys_s,mb_per_s,records_per_s,peak_rss_kb,load1,mb_per_cpu_s,loads,records_changed" > "$OUT"

# With WAIT_FOR_LOAD=X, each run waits (up to 30 minutes) until the
# 1-minute load average is below X, so that other processes do not take
# its cores; the load it started at is recorded either way.
wait_for_quiet() {
    [ -n "${WAIT_FOR_LOAD:-}" ] || return 0
    for _ in $(seq 180); do
        awk -v max="$WAIT_FOR_LOAD" '{ exit !($1 < max) }' /proc/loadavg && return 0
        sleep 10
    done
}

for run in $RUNS; do
    IFS=: read -r mb config jobs <<< "$run"
    input="$DIR/$CORPUS-${mb}mb.jsonl"
    wait_for_quiet
    load=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/')
    # shellcheck disable=SC2046
    /usr/bin/time -f "%e %U %S %M" -o "$DIR/time.txt" \
        "$BIN" clean --jobs "$jobs" --stats "$DIR/stats.json" $(config_flags "$config") "$input" > /dev/null
    read -r secs user sys rss < "$DIR/time.txt"
    python3 - "$DIR/stats.json" "$secs" "$user" "$sys" "$rss" "$mb" "$config" "$jobs" "$load" "$CORPUS" >> "$OUT" <<'EOF'
import datetime, json, sys
stats = json.load(open(sys.argv[1]))
secs, user, sys_s, rss = float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
mb, config, jobs, loads, corpus = sys.argv[6], sys.argv[7], sys.argv[8], sys.argv[9], sys.argv[10]
assert stats["rejects"] == 0 and stats["records_in"] == stats["records_out"], stats
print(",".join(str(x) for x in [
    datetime.date.today(), "polynorm", f"{corpus}-{mb}mb.jsonl", round(stats["bytes_in"] / 1e6, 1), config, jobs,
    stats["records_in"], secs, user, sys_s, round(stats["bytes_in"] / 1e6 / secs, 2),
    round(stats["records_in"] / secs), rss, loads.split("/")[0],
    round(stats["bytes_in"] / 1e6 / max(user + sys_s, 0.01), 1), loads, stats["records_changed"]]))
EOF
    tail -1 "$OUT"
done

# Python peers, single-threaded, on the first $PEER_SAMPLE_MB MB of the
# 100 MB corpus (their rate is per MB, so the sample stands for the file).
if [ -x "$PEERS_VENV/bin/python" ] && [ -z "${NO_PEERS:-}" ]; then
    head -c $((PEER_SAMPLE_MB * 1000000)) "$DIR/$CORPUS-100mb.jsonl" | head -n -1 > "$DIR/peer-sample.jsonl"
    for job in clean translit names; do
        wait_for_quiet
        load=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/')
        /usr/bin/time -f "%e %U %S %M" -o "$DIR/time.txt" \
            "$PEERS_VENV/bin/python" "$(dirname "$0")/../peers/batch_peers.py" --job "$job" \
            "$DIR/peer-sample.jsonl" "$DIR/peer-$job.jsonl" > "$DIR/peer.json"
        read -r secs user sys rss < "$DIR/time.txt"
        python3 - "$DIR/peer.json" "$user" "$sys" "$rss" "$job" "$load" "$CORPUS" >> "$OUT" <<'EOF'
import datetime, json, sys
p = json.load(open(sys.argv[1]))
tool = {"clean": "python ftfy.fix_text", "translit": "python anyascii", "names": "python rapidfuzz"}[sys.argv[5]]
# CPU seconds of the job's loop, as the script measures them (without the
# interpreter's start and imports, which user + system seconds include).
cpu = p["cpu_seconds"]
print(",".join(str(x) for x in [
    datetime.date.today(), tool, f"{sys.argv[7]}-100mb.jsonl (sample)", round(p["bytes"] / 1e6, 1), sys.argv[5], 1,
    p["records"], p["seconds"], sys.argv[2], sys.argv[3], p["mb_per_second"], round(p["records_per_second"]),
    sys.argv[4], sys.argv[6].split("/")[0], round(p["bytes"] / 1e6 / max(cpu, 0.01), 2), sys.argv[6], ""]))
EOF
        tail -1 "$OUT"
    done
fi
