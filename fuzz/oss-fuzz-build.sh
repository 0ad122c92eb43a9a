#!/bin/bash -eu
# Build script in OSS-Fuzz's convention: $CC, $CFLAGS, $LIB_FUZZING_ENGINE, $OUT are given by
# the environment (OSS-Fuzz, or by hand: CC=clang CFLAGS="-fsanitize=address,fuzzer-no-link"
# LIB_FUZZING_ENGINE=-fsanitize=fuzzer OUT=/tmp/out). It builds every fuzz target, its
# .options and dictionary, and a seed corpus zip from the golden transcripts; it must never
# depend on ninja or configure.py, which OSS-Fuzz images need not run.
cd "$(dirname "$0")/.."
srcs=$(ls emu/*.c emu/tcg/*.c emu/hw/*.c qmp/*.c replay/*.c 2>/dev/null | grep -v '^emu/main\.c$')
work=$(mktemp -d)
objs=""
for f in $srcs fuzz/support.c fuzz/strict_json.c; do
    o="$work/$(echo "$f" | tr / _).o"
    $CC $CFLAGS -std=c11 -D_GNU_SOURCE -I. -c "$f" -o "$o"
    objs="$objs $o"
done
for t in fuzz/fuzz_*.c; do
    name=$(basename "$t" .c)
    $CC $CFLAGS -std=c11 -D_GNU_SOURCE -I. -c "$t" -o "$work/$name.o"
    $CC $CFLAGS $LIB_FUZZING_ENGINE "$work/$name.o" $objs -lmsgpackc -lxxhash -lfdt -ljansson -lm \
        -o "$OUT/$name"
    cp "fuzz/$name.options" "$OUT/" 2>/dev/null || true
done
cp fuzz/qmp.dict "$OUT/"
python3 fuzz/make_corpus.py "$work/seeds" >/dev/null
for t in qmp_preconfig json replay_roundtrip; do
    (cd "$work/seeds/$t" && zip -q -r "$OUT/fuzz_${t}_seed_corpus.zip" .)
done
rm -rf "$work"
