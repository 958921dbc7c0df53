#!/usr/bin/env bash
# Corpus benchmark for connlint: see benches/README.md.
#
# Measures, in one run, and prints as a Markdown table (also written to
# benches/RESULTS.md):
#   - the parse-only floor: serde_json over every apiDefinition.swagger.json and
#     apiProperties.json of ../shared/corpus (examples/parse_baseline.rs), 2 threads and 1;
#   - `connlint check CORPUS --format json`: wall time, ratio to the floor, peak RSS;
#   - `connlint check LARGE_CONNECTOR --format json`, start-up included;
#   - Spectral (spectral:oas) and Redocly (recommended) over the same inputs.
#
# Environment:
#   CONNLINT_BENCH_CACHE         npm tools, logs of the last run (default ~/.cache/connlint-bench)
#   CONNLINT_BENCH_CORPUS        corpus folder (default: REPO/../shared/corpus)
#   CONNLINT_BENCH_LARGE         connector folder for the one-large-file rows
#                                (default: the largest Encodian definition, else the largest one)
#   CONNLINT_BENCH_SAMPLE=N      use the first N definitions (sorted) for every tool instead of
#                                the whole corpus; set to 100 automatically when a tool takes longer
#                                than CONNLINT_BENCH_TOOL_TIMEOUT on the whole corpus
#   CONNLINT_BENCH_TOOL_TIMEOUT  seconds, default 600
#   CONNLINT_BENCH_NO_INSTALL=1  never run apt-get or npm install
#   CONNLINT_BENCH_NO_JS=1       skip Spectral and Redocly
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$script_dir/.." && pwd)
cd "$repo"

corpus=${CONNLINT_BENCH_CORPUS:-$repo/../shared/corpus}
if [[ ! -d $corpus ]]; then
    echo "corpus.sh: SKIP: no corpus at $corpus (set CONNLINT_BENCH_CORPUS)" >&2
    exit 0
fi
corpus=$(cd "$corpus" && pwd)
cache=${CONNLINT_BENCH_CACHE:-$HOME/.cache/connlint-bench}
tool_timeout=${CONNLINT_BENCH_TOOL_TIMEOUT:-600}
sample=${CONNLINT_BENCH_SAMPLE:-0}
mkdir -p "$cache"
logs=$cache/last-run
rm -rf "$logs"
mkdir -p "$logs"
work=$(mktemp -d "${TMPDIR:-/tmp}/connlint-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

say() { printf '%s\n' "$*" >&2; }
notes=()
note() { notes+=("$*"); say "note: $*"; }

# ---------------------------------------------------------------- tools
can_install() { [[ ${CONNLINT_BENCH_NO_INSTALL:-0} != 1 && $(id -u) == 0 ]] && command -v apt-get >/dev/null; }
apt_install() { # PACKAGE
    can_install || return 1
    say "installing Debian package $1"
    apt-get install -y -qq "$1" >"$logs/apt-$1.log" 2>&1 \
        || { apt-get update -qq >>"$logs/apt-$1.log" 2>&1 && apt-get install -y -qq "$1" >>"$logs/apt-$1.log" 2>&1; }
}
command -v hyperfine >/dev/null || apt_install hyperfine || true
[[ -x /usr/bin/time ]] || apt_install time || true
have_hyperfine=0
command -v hyperfine >/dev/null && have_hyperfine=1
have_gnu_time=0
[[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1 && have_gnu_time=1
((have_hyperfine)) || note "hyperfine not found: times are the minimum of 5 runs (date +%s%N)"
((have_gnu_time)) || note "GNU time not found: no peak RSS"

# JSON field extraction for hyperfine's export: jq, else python3, else node.
hf_stats() { # FILE -> "mean_ms stddev_ms min_ms user+system_ms"
    if command -v jq >/dev/null; then
        jq -r '.results[0] | "\(.mean*1000) \((.stddev // 0)*1000) \(.min*1000) \((.user+.system)*1000)"' "$1"
    elif command -v python3 >/dev/null; then
        python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r["mean"]*1e3, (r.get("stddev") or 0)*1e3, r["min"]*1e3, (r["user"]+r["system"])*1e3)' "$1"
    else
        node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1]))["results"][0];console.log(r.mean*1e3,(r.stddev||0)*1e3,r.min*1e3,(r.user+r.system)*1e3)' "$1"
    fi
}

load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)
if awk -v l="$load" -v n="$(nproc)" 'BEGIN { exit !(l > 0.75 * n) }'; then
    note "the machine was busy when the run started (load average $load on $(nproc) CPUs): wall times and their ratios are noisy; compare CPU times"
fi

# ---------------------------------------------------------------- build
say "building release (connlint, examples/parse_baseline)"
cargo build --release --bin connlint --example parse_baseline >"$logs/cargo-build.log" 2>&1 \
    || { tail -30 "$logs/cargo-build.log" >&2; exit 1; }
target_dir=$(cargo metadata --format-version 1 --no-deps 2>/dev/null \
    | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
target_dir=${target_dir:-$repo/target}
connlint=$target_dir/release/connlint
baseline=$target_dir/release/examples/parse_baseline
connlint_version=$("$connlint" --version | awk '{print $NF}')

# ---------------------------------------------------------------- npm tools
spectral="" redocly=""
spectral_version="" redocly_version=""
npm_tool() { # NAME PACKAGE BIN -> prints the binary's path, or nothing
    local bin=$cache/node_modules/.bin/$3
    if [[ ! -x $bin ]]; then
        if [[ ${CONNLINT_BENCH_NO_INSTALL:-0} == 1 ]]; then
            note "$1 skipped: not installed in $cache and CONNLINT_BENCH_NO_INSTALL=1"
            return 0
        fi
        if ! command -v npm >/dev/null; then
            note "$1 skipped: npm not found"
            return 0
        fi
        say "npm install $2 into $cache (the first time takes a while)"
        if ! npm install --prefix "$cache" --no-audit --no-fund "$2" >"$logs/npm-$3.log" 2>&1 || [[ ! -x $bin ]]; then
            note "$1 skipped: npm install $2 failed (log: $logs/npm-$3.log): $(tail -1 "$logs/npm-$3.log")"
            return 0
        fi
    fi
    printf '%s\n' "$bin"
}
if [[ ${CONNLINT_BENCH_NO_JS:-0} == 1 ]]; then
    note "Spectral and Redocly skipped: CONNLINT_BENCH_NO_JS=1"
elif ! command -v node >/dev/null; then
    note "Spectral and Redocly skipped: node not found"
else
    spectral=$(npm_tool Spectral '@stoplight/spectral-cli@6' spectral)
    redocly=$(npm_tool Redocly '@redocly/cli@2' redocly)
fi
semver() { grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -1; }
if [[ -n $spectral ]]; then
    printf 'extends: ["spectral:oas"]\n' >"$cache/.spectral.yaml"
    spectral_version=$("$spectral" --version 2>/dev/null | semver) || true
    [[ -n $spectral_version ]] || { note "Spectral skipped: \`spectral --version\` failed"; spectral=""; }
fi
if [[ -n $redocly ]]; then
    redocly_version=$("$redocly" --version 2>/dev/null | semver) || true
    [[ -n $redocly_version ]] || { note "Redocly skipped: \`redocly --version\` failed"; redocly=""; }
fi

# ---------------------------------------------------------------- measuring
# Quote for hyperfine -N, which splits its command with POSIX shell rules.
shq() { local a out=""; for a; do out+=" '${a//\'/\'\\\'\'}'"; done; printf '%s' "${out# }"; }
fmt_ms() { awk -v t="$1" 'BEGIN { if (t >= 1000) printf "%.2f s", t / 1000; else printf "%.1f ms", t }'; }

# measure ID RUNS WARMUP CMD... : sets m_min m_mean m_sd m_cpu (ms), m_rss (KB), m_rc, m_runs.
# One run under /usr/bin/time -v (peak RSS, CPU time; stdout/stderr kept in $logs/ID.{out,err} for
# checking that the tool ran), under a timeout; then, when that run took at most 20 s,
# hyperfine (or the minimum of RUNS runs). m_rc=124 means the timeout struck.
measure() {
    local id=$1 runs=$2 warmup=$3
    shift 3
    local t0 t1 rc=0
    m_rss="" m_sd="" m_cpu="" m_runs=1
    t0=$(date +%s%N)
    if ((have_gnu_time)); then
        timeout "$tool_timeout" /usr/bin/time -v -o "$logs/$id.time" "$@" >"$logs/$id.out" 2>"$logs/$id.err" || rc=$?
        m_rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$logs/$id.time" 2>/dev/null || true)
        m_cpu=$(awk -F': ' '/User time|System time/ {s += $2; n++} END {if (n == 2) printf "%.3f", s * 1000}' "$logs/$id.time" 2>/dev/null || true)
    else
        timeout "$tool_timeout" "$@" >"$logs/$id.out" 2>"$logs/$id.err" || rc=$?
    fi
    t1=$(date +%s%N)
    m_rc=$rc
    m_min=$(((t1 - t0) / 1000)) # µs for now
    m_min=$(awk -v u="$m_min" 'BEGIN { printf "%.3f", u / 1000 }')
    m_mean=$m_min
    ((rc == 124)) && return 0
    if awk -v t="$m_min" 'BEGIN { exit !(t > 20000) }'; then
        return 0
    fi
    if ((have_hyperfine)); then
        hyperfine -N -i --style none -w "$warmup" -r "$runs" --export-json "$logs/$id.hyperfine.json" \
            "$(shq "$@")" >"$logs/$id.hyperfine.txt" 2>&1
        read -r m_mean m_sd m_min m_cpu < <(hf_stats "$logs/$id.hyperfine.json")
    else
        local i best=""
        for ((i = 0; i < 5; i++)); do
            t0=$(date +%s%N)
            "$@" >/dev/null 2>&1 || true
            t1=$(date +%s%N)
            if [[ -z $best ]] || ((t1 - t0 < best)); then best=$((t1 - t0)); fi
        done
        m_min=$(awk -v n="$best" 'BEGIN { printf "%.3f", n / 1e6 }')
        m_mean=$m_min
        runs=5
    fi
    m_runs=$runs
}

rows=()   # tool | input | wall | ratio | cpu | rss
noisy=0
declare -A result
row() { # KEY TOOL INPUT BASE_KEY
    local key=$1 tool=$2 input=$3 base=$4 wall ratio rss cpu="n/a"
    result[$key]=$m_min
    wall="$(fmt_ms "$m_min")"
    if ((m_runs > 1)); then
        wall+=" (mean $(fmt_ms "$m_mean")"
        [[ -n $m_sd ]] && wall+=" ± $(fmt_ms "$m_sd")"
        wall+=", $m_runs runs)"
        if [[ -n $m_sd ]] && awk -v s="$m_sd" -v m="$m_mean" 'BEGIN { exit !(s > 0.1 * m) }'; then
            wall+=" ⚠"
            noisy=1
        fi
    else
        wall+=" (1 run)"
    fi
    if [[ $key == "$base" ]]; then
        ratio="1.00×"
    else
        ratio=$(awk -v a="$m_min" -v b="${result[$base]}" 'BEGIN { printf "%.2f×", a / b }')
    fi
    if [[ -n $m_rss ]]; then rss=$(awk -v k="$m_rss" 'BEGIN { printf "%.1f MB", k / 1024 }'); else rss="n/a"; fi
    result[$key.rss]=${m_rss:-}
    result[$key.cpu]=${m_cpu:-}
    [[ -n $m_cpu ]] && cpu=$(fmt_ms "$m_cpu")
    rows+=("| $tool | $input | $wall | $ratio | $cpu | $rss |")
    say "  $tool, $input: $wall, $ratio, CPU $cpu, $rss"
}
failed_row() { # TOOL INPUT WHY
    rows+=("| $1 | $2 | failed: $3 | – | – | – |")
    note "$1 on $2 failed: $3"
}

# ---------------------------------------------------------------- inputs
mapfile -d '' all_defs < <(find "$corpus" -name apiDefinition.swagger.json -type f -print0 | LC_ALL=C sort -z)
((${#all_defs[@]} > 0)) || { say "corpus.sh: SKIP: no apiDefinition.swagger.json under $corpus"; exit 0; }

# Files serde_json cannot parse: the JS tools get only the definitions that parse.
"$baseline" "$corpus" --threads 2 --repeat 1 --list-failed >"$logs/baseline-failed.txt"
declare -A unparsable
while IFS=$'\t' read -r tag path _; do
    [[ $tag == failed ]] && unparsable[$path]=1
done <"$logs/baseline-failed.txt"

# The large file: the largest Encodian definition, else the largest definition.
if [[ -n ${CONNLINT_BENCH_LARGE:-} ]]; then
    large_dir=$(cd "$CONNLINT_BENCH_LARGE" && pwd)
else
    large_def=$(find "$corpus" -ipath '*encodian*' -name apiDefinition.swagger.json -type f -printf '%s\t%p\n' \
        | sort -n | tail -1 | cut -f2-)
    if [[ -z $large_def ]]; then
        large_def=$(find "$corpus" -name apiDefinition.swagger.json -type f -printf '%s\t%p\n' \
            | sort -n | tail -1 | cut -f2-)
        note "no Encodian connector in the corpus: the one-large-file rows use the largest definition, $(basename "$(dirname "$large_def")")"
    fi
    large_dir=$(dirname "$large_def")
fi
large_def=$large_dir/apiDefinition.swagger.json
[[ -f $large_def ]] || { say "corpus.sh: no apiDefinition.swagger.json in $large_dir"; exit 1; }
large_size=$(stat -c %s "$large_def")
large_label="$(basename "$large_dir") ($(awk -v b="$large_size" 'BEGIN { printf "%.0f KB", b / 1024 }'))"

# Spectral takes its file arguments as globs, so names with ( ) [ ] fail to match:
# the JS tools read the definitions through symlinks with plain names.
stage() { # DIR FILE... -> symlinks DIR/NNNN.json
    local dir=$1 i=0 f
    shift
    rm -rf "$dir"
    mkdir -p "$dir"
    for f; do
        i=$((i + 1))
        ln -s "$f" "$dir/$(printf %05d "$i").json"
    done
}
stage "$work/large" "$large_def"
large_staged=("$work/large/00001.json")

# ---------------------------------------------------------------- one large file
say "one large file: $large_def"
measure large-baseline 30 5 "$baseline" "$large_dir" --threads 2 --repeat 1
row large.base "serde_json parse-only, 2 threads" "$large_label" large.base
measure large-connlint 30 5 "$connlint" check "$large_dir" --format json
if ((m_rc == 0 || m_rc == 1)); then
    row large.connlint "connlint $connlint_version" "$large_label" large.base
else
    failed_row "connlint $connlint_version" "$large_label" "exit $m_rc (log: $logs/large-connlint.err)"
fi

spectral_ran() { # ID: exit 0/1 (2: runtime error, e.g. "No files found") and a JSON array out
    [[ ${m_rc} == 0 || ${m_rc} == 1 ]] && ! grep -q 'No files found' "$logs/$1.err" && [[ $(head -c 1 "$logs/$1.out") == "[" ]]
}
redocly_ran() { # ID COUNT: exit 0/1 and one "validated in" per file
    [[ ${m_rc} == 0 || ${m_rc} == 1 ]] && (($(grep -c 'validated in' "$logs/$1.err") == $2))
}
bench_spectral() { # ID BASE INPUT FILE...
    local id=$1 base=$2 input=$3
    shift 3
    measure "$id" 3 1 "$spectral" lint -r "$cache/.spectral.yaml" -f json "$@"
    if ((m_rc == 124)); then
        return 124
    elif spectral_ran "$id"; then
        row "$id" "Spectral $spectral_version (spectral:oas)" "$input" "$base"
    else
        failed_row "Spectral $spectral_version" "$input" "exit $m_rc: $(tail -1 "$logs/$id.err") (log: $logs/$id.err)"
    fi
}
# Redocly stops at the first file it cannot parse (e.g. duplicate keys, which serde_json
# accepts): drop such files from REDOCLY_FILES and try again, then time the list that ran.
bench_redocly() { # ID BASE INPUT  (files in the array redocly_files)
    local id=$1 base=$2 input=$3 bad tries=0
    local label_later=0
    [[ $input == @js ]] && label_later=1 input="definitions"
    while :; do
        measure "$id" 3 1 "$redocly" lint --format json "${redocly_files[@]}"
        ((m_rc == 124)) && return 124
        bad=$(sed -n 's/^Failed to parse API description at \(.*\):$/\1/p' "$logs/$id.err" | head -1)
        [[ -n $bad && $tries -lt 50 ]] || break
        tries=$((tries + 1))
        redocly_dropped+=("$(readlink "$bad")")
        local keep=() f
        for f in "${redocly_files[@]}"; do [[ $f == "$bad" ]] || keep+=("$f"); done
        redocly_files=("${keep[@]}")
        if ((${#redocly_files[@]} == 0)); then
            failed_row "Redocly $redocly_version" "$input" "it parses none of the files"
            return 0
        fi
        say "  Redocly cannot parse $(readlink "$bad"): dropped, running again"
    done
    ((label_later)) && input=$(js_label)
    if redocly_ran "$id" "${#redocly_files[@]}"; then
        row "$id" "Redocly $redocly_version (recommended)" "$input" "$base"
    else
        failed_row "Redocly $redocly_version" "$input" "exit $m_rc: $(grep -v '^\s*$' "$logs/$id.err" | tail -1) (log: $logs/$id.err)"
    fi
}
if [[ -n $spectral ]]; then
    bench_spectral large.spectral large.base "$large_label" "${large_staged[@]}" || true
fi
if [[ -n $redocly ]]; then
    redocly_files=("${large_staged[@]}") redocly_dropped=()
    bench_redocly large.redocly large.base "$large_label" || true
fi
large_rows=("${rows[@]}")

# ---------------------------------------------------------------- corpus
# corpus_run: all rows for the corpus (or the sample); returns 124 when a JS tool timed out.
corpus_run() {
    rows=()
    local defs=() dirs=() f input js_input
    if ((sample > 0)); then
        defs=("${all_defs[@]:0:sample}")
        for f in "${defs[@]}"; do dirs+=("$(dirname "$f")"); done
        input="sample: first ${#defs[@]} connectors (sorted)"
    else
        defs=("${all_defs[@]}")
        dirs=("$corpus")
        input="corpus: ${#defs[@]} connectors"
    fi
    js_label() { echo "${#redocly_files[@]} definitions (of ${#defs[@]}: $((${#defs[@]} - ${#redocly_files[@]})) do not parse)"; }
    local js_defs=()
    for f in "${defs[@]}"; do [[ -n ${unparsable[$f]:-} ]] || js_defs+=("$f"); done
    stage "$work/defs" "${js_defs[@]}"
    local staged=("$work/defs"/*.json)

    say "$input"
    measure corpus-baseline 10 2 "$baseline" "${dirs[@]}" --threads 2 --repeat 1
    local nfiles
    nfiles=$(sed -n 's/.* files=\([0-9]*\) .*/\1/p' "$logs/corpus-baseline.out")
    row corpus.base "serde_json parse-only, 2 threads" "$input, $nfiles files" corpus.base
    measure corpus-baseline-1t 10 2 "$baseline" "${dirs[@]}" --threads 1 --repeat 1
    row corpus.base1 "serde_json parse-only, 1 thread" "$input, $nfiles files" corpus.base
    measure corpus-connlint 10 2 "$connlint" check "${dirs[@]}" --format json
    if ((m_rc == 0 || m_rc == 1)) && [[ $(head -c 1 "$logs/corpus-connlint.out") == "{" ]]; then
        row corpus.connlint "connlint $connlint_version" "$input, $nfiles files" corpus.base
    else
        failed_row "connlint $connlint_version" "$input" "exit $m_rc (log: $logs/corpus-connlint.err)"
    fi

    redocly_files=("${staged[@]}") redocly_dropped=()
    if [[ -n $redocly ]]; then
        # First, so that Spectral gets the same list (without the files Redocly cannot parse).
        bench_redocly corpus.redocly corpus.base @js || return 124
    fi
    js_input=$(js_label)
    if [[ -n $spectral ]]; then
        bench_spectral corpus.spectral corpus.base "$js_input" "${redocly_files[@]}" || return 124
    fi
    if [[ -n $spectral || -n $redocly ]]; then
        js_note="Spectral and Redocly get the definitions only (not apiProperties.json), without the ${#unparsable[@]} files serde_json rejects"
        ((${#redocly_dropped[@]})) && js_note+=" nor the ${#redocly_dropped[@]} Redocly cannot parse (it stops at the first): $(printf '%s, ' "${redocly_dropped[@]#"$corpus"/}" | sed 's/, $//')"
    fi
    return 0
}
js_note=""
if ! corpus_run; then
    note "a JS tool took more than ${tool_timeout}s on the whole corpus: every tool runs on the first 100 definitions (sorted) instead"
    sample=100
    corpus_run || note "still more than ${tool_timeout}s on the sample"
fi
[[ -n $js_note ]] && note "$js_note"
corpus_rows=("${rows[@]}")

# ---------------------------------------------------------------- report
pass() { if awk "BEGIN { exit !($1) }"; then echo PASS; else echo FAIL; fi; }
targets=()
if [[ -n ${result[corpus.connlint]:-} ]]; then
    r=$(awk -v a="${result[corpus.connlint]}" -v b="${result[corpus.base]}" 'BEGIN { printf "%.2f", a / b }')
    cr=""
    if [[ -n ${result[corpus.connlint.cpu]:-} && -n ${result[corpus.base.cpu]:-} ]]; then
        cr=$(awk -v a="${result[corpus.connlint.cpu]}" -v b="${result[corpus.base.cpu]}" 'BEGIN { if (b > 0) printf " (CPU time: %.2f×)", a / b }')
    fi
    targets+=("| corpus wall time ≤ 2× parse-only floor (2 threads) | ${r}×$cr | $(pass "$r <= 2") |")
    if [[ -n ${result[corpus.connlint.rss]:-} ]]; then
        mb=$(awk -v k="${result[corpus.connlint.rss]}" 'BEGIN { printf "%.1f", k / 1024 }')
        targets+=("| corpus peak RSS ≤ 64 MB | $mb MB | $(pass "$mb <= 64") |")
    else
        targets+=("| corpus peak RSS ≤ 64 MB | n/a | – |")
    fi
fi
if [[ -n ${result[large.connlint]:-} ]]; then
    ms=$(awk -v t="${result[large.connlint]}" 'BEGIN { printf "%.1f", t }')
    targets+=("| one large file ≤ 30 ms, start-up included | $ms ms | $(pass "$ms <= 30") |")
fi

((noisy)) && note "some wall times (⚠) varied by more than 10% between runs: other work was running; the minimum and the CPU time are the figures to trust"
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
[[ -n $cpu ]] || cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1)
report() {
    echo "# connlint corpus benchmark"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs ($cpu), connlint $connlint_version$( [[ -n $spectral_version ]] && echo ", Spectral $spectral_version")$( [[ -n $redocly_version ]] && echo ", Redocly $redocly_version"), $(node --version 2>/dev/null | sed 's/^/Node /' || true). Produced by \`benches/corpus.sh\`."
    echo
    echo "Wall time: the minimum over the runs (mean ± σ beside it; ⚠: σ above 10% of the mean, the machine was busy). Ratio: of wall times, to the serde_json parse-only floor on the same input, 2 threads. CPU time: hyperfine's mean user+sys, or, for a command run once, \`/usr/bin/time -v\` (10 ms resolution); it is the steadier number when the machine is busy. Peak RSS: one run under \`/usr/bin/time -v\`."
    echo
    echo "| tool | input | wall time | ratio to baseline | CPU (user+sys) | peak RSS |"
    echo "| --- | --- | --- | --- | --- | --- |"
    printf '%s\n' "${corpus_rows[@]}" "${large_rows[@]}"
    echo
    echo "| target | measured | result |"
    echo "| --- | --- | --- |"
    ((${#targets[@]})) && printf '%s\n' "${targets[@]}"
    if ((${#notes[@]})); then
        echo
        echo "Notes:"
        echo
        printf -- '- %s\n' "${notes[@]}"
    fi
}
echo
report | tee "$script_dir/RESULTS.md"
say ""
say "written: benches/RESULTS.md; logs: $logs"
