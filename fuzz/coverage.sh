#!/bin/sh
# Line coverage of qmp/ (and the whole library) reached by a fuzz target's corpus: builds the
# target with gcc --coverage and fuzz/standalone/replay_inputs.c instead of libFuzzer in
# ${OUT:-build-fuzzcov}, runs every input once, and prints lcov's summary for qmp/.
# Usage: fuzz/coverage.sh TARGET CORPUS_DIR_OR_FILE...   (TARGET: qmp_preconfig, json, ...)
# It must never fuzz and never write outside its output directory.
set -eu
cd "$(dirname "$0")/.."
target=$1
shift
out=${OUT:-build-fuzzcov}
rm -rf "$out"
mkdir -p "$out/obj"
objs=""
for f in $(ls emu/*.c emu/tcg/*.c emu/hw/*.c qmp/*.c replay/*.c | grep -v '^emu/main\.c$') \
    fuzz/support.c fuzz/strict_json.c "fuzz/fuzz_$target.c" fuzz/standalone/replay_inputs.c; do
    o="$out/obj/$(echo "$f" | tr / _).o"
    gcc -std=c11 -D_GNU_SOURCE -I. -O0 -g --coverage -c "$f" -o "$o"
    objs="$objs $o"
done
gcc --coverage -o "$out/replay_$target" $objs -lmsgpackc -lxxhash -lfdt -ljansson -lm
"$out/replay_$target" "$@" 2>"$out/run.log" || { tail -5 "$out/run.log"; exit 1; }
tail -1 "$out/run.log"
lcov --quiet --capture --directory "$out/obj" --output-file "$out/all.info" 2>/dev/null
lcov --quiet --extract "$out/all.info" "*/qmp/*" --output-file "$out/qmp.info" 2>/dev/null
echo "qmp/ line coverage by the $target corpus:"
lcov --summary "$out/qmp.info" 2>&1 | grep -E 'lines|functions'
lcov --list "$out/qmp.info" 2>/dev/null | grep -E '\.c' | sed 's/^/  /'
