#!/usr/bin/env bash
# Builds and runs the fuzz targets. Used by `make fuzz` and `make fuzz-seeds`; see Fuzz/README.md.
#
#   Fuzz/fuzz.sh build [TARGET...]   build the targets (all when none is named)
#   Fuzz/fuzz.sh seeds [TARGET...]   run each target once over every file in Fuzz/seeds/<target>/ and
#                                    Fuzz/regressions/<target>/; fails, naming each input, when any crashes,
#                                    hangs or runs out of memory
#   Fuzz/fuzz.sh run [TARGET...]     fuzz each target for FUZZ_SECONDS, one after the other
#
# Environment: SWIFT (swift), FUZZ_CONFIG (release or debug; default release), FUZZ_SECONDS (600),
# FUZZ_TIMEOUT (seconds one input may take; 10), FUZZ_RSS_MB (memory limit; 2048), FUZZ_ARGS (more libFuzzer flags).
set -uo pipefail
cd "$(dirname "$0")/.."

ALL_TARGETS=(fuzz-front-matter fuzz-yaml-files fuzz-checker fuzz-service fuzz-template fuzz-openreferral-feed fuzz-review-answers)
SWIFT=${SWIFT:-swift}
CONFIG=${FUZZ_CONFIG:-release}
SECONDS_EACH=${FUZZ_SECONDS:-600}
TIMEOUT=${FUZZ_TIMEOUT:-10}
RSS_MB=${FUZZ_RSS_MB:-2048}
SCRATCH=.build-fuzz
WORK=Fuzz/work
# A full stack on a stack overflow, which the fast unwinder often cannot give.
export ASAN_OPTIONS=${ASAN_OPTIONS:-fast_unwind_on_fatal=0}

mode=${1:-}; shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${ALL_TARGETS[@]}")
for target in "${targets[@]}"; do
    [[ " ${ALL_TARGETS[*]} " == *" $target "* ]] || { echo "fuzz.sh: no fuzz target $target (there are: ${ALL_TARGETS[*]})" >&2; exit 2; }
done

# The dictionaries each target fuzzes with.
dicts_for() {
    case $1 in
        fuzz-front-matter|fuzz-checker|fuzz-service) echo Fuzz/dicts/yaml.dict Fuzz/dicts/markdown.dict ;;
        fuzz-yaml-files) echo Fuzz/dicts/yaml.dict ;;
        fuzz-template) echo Fuzz/dicts/mustache.dict ;;
        fuzz-openreferral-feed|fuzz-review-answers) echo Fuzz/dicts/json.dict ;;
    esac
}

build() {
    local target started=$SECONDS
    for target in "${targets[@]}"; do
        echo "== building $target ($CONFIG, fuzzer and address sanitizers)"
        # Every module is built with the sanitizers, so libFuzzer sees the coverage of Signpost's own code, Yams
        # and libyaml; cmark is the system library and is not instrumented.
        # A clean environment: SwiftPM rebuilds everything when the environment it sees changes (FUZZ_SECONDS, say).
        env -i PATH="$PATH" HOME="$HOME" ${TMPDIR:+TMPDIR="$TMPDIR"} SIGNPOST_FUZZ=1 \
            $SWIFT build --scratch-path "$SCRATCH" -c "$CONFIG" \
            --sanitize=fuzzer --sanitize=address --product "$target" || exit 1
    done
    echo "== built ${targets[*]} in $((SECONDS - started)) s"
}

binary() { echo "$SCRATCH/$CONFIG/$1"; }

# The line that says what went wrong, and the first frames of the stack in Signpost, its libraries or the target,
# demangled, with a frame that calls itself shown once.
summarise() {
    grep -m1 -E "ERROR: (AddressSanitizer|libFuzzer|LeakSanitizer)|Fatal error" "$1" | sed 's/^/      /'
    grep -E "^ +#[0-9]+ " "$1" | grep -E "/Sources/|/Fuzz/Targets/|/checkouts/" \
        | sed -E 's/^ +#[0-9]+ 0x[0-9a-f]+ in //; s/ \(BuildId: [0-9a-f]+\)//' \
        | { $SWIFT demangle --simplified 2>/dev/null || cat; } | uniq | head -8 | sed 's/^/        at /'
}

seeds() {
    local target failed=() started=$SECONDS
    mkdir -p "$WORK"
    for target in "${targets[@]}"; do
        local inputs=() file log=$WORK/seeds-$target.log
        for file in Fuzz/seeds/$target/* Fuzz/regressions/$target/*; do
            [ -f "$file" ] && inputs+=("$file")
        done
        echo "== $target: ${#inputs[@]} inputs"
        # Every input at once first: quick when all pass.
        if "$(binary "$target")" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" -artifact_prefix="$WORK/" \
            "${inputs[@]}" >"$log" 2>&1; then
            continue
        fi
        # Something failed: one input at a time, to name every one that does.
        for file in "${inputs[@]}"; do
            log=$WORK/seeds-$target-$(basename "$file").log
            if ! "$(binary "$target")" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" -artifact_prefix="$WORK/" \
                "$file" >"$log" 2>&1; then
                # A stack overflow sometimes leaves no stack to print; a second run usually prints it.
                grep -q -E "^ +#[0-9]+ " "$log" || "$(binary "$target")" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" \
                    -artifact_prefix="$WORK/" "$file" >"$log" 2>&1
                echo "   FAILED: $target $file   (log: $log)"
                summarise "$log"
                failed+=("$target $file")
            fi
        done
    done
    echo "== seeds ran in $((SECONDS - started)) s"
    if [ ${#failed[@]} -gt 0 ]; then
        echo "fuzz-seeds: ${#failed[@]} input(s) crashed, hung or ran out of memory:"
        printf '   %s\n' "${failed[@]}"
        exit 1
    fi
    echo "fuzz-seeds: every input ran cleanly."
}

run() {
    local target failed=()
    mkdir -p "$WORK"
    for target in "${targets[@]}"; do
        local corpus=Fuzz/corpus/$target crashes=Fuzz/crashes/$target dict=$WORK/$target.dict
        mkdir -p "$corpus" "$crashes"
        cat $(dicts_for "$target") > "$dict"
        echo "== fuzzing $target for $SECONDS_EACH s (new inputs in $corpus, crashes in $crashes)"
        # New inputs go to the first folder, the work corpus; the seeds are only read.
        if ! "$(binary "$target")" "$corpus" "Fuzz/seeds/$target" -dict="$dict" \
            -max_total_time="$SECONDS_EACH" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" \
            -artifact_prefix="$crashes/" -print_final_stats=1 ${FUZZ_ARGS:-} 2>&1 | tee "$WORK/fuzz-$target.log"; then
            failed+=("$target")
        fi
    done
    if [ ${#failed[@]} -gt 0 ]; then
        echo "fuzz: found problems in ${failed[*]}; see Fuzz/crashes/ and Fuzz/README.md to add them to the regressions."
        exit 1
    fi
}

case $mode in
    build) build ;;
    seeds) build && seeds ;;
    run) build && run ;;
    *) sed -n '2,12p' "$0" >&2; exit 2 ;;
esac
