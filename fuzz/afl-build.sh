#!/bin/sh
# AFL++ build of the fuzz targets (afl-clang-fast with AFL++'s libFuzzer driver), into
# ${1:-build-afl}. Run a campaign with:
#   afl-fuzz -i build-afl/seeds/qmp_preconfig -o build-afl/out -x fuzz/qmp.dict -- build-afl/fuzz_qmp_preconfig
# It must never write outside its output directory.
set -eu
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-build-afl}")
mkdir -p "$out"
CC=afl-clang-fast CFLAGS="-O2 -g -fsanitize=address,undefined" \
    LIB_FUZZING_ENGINE="-fsanitize=fuzzer" OUT="$out" bash fuzz/oss-fuzz-build.sh
python3 fuzz/make_corpus.py "$out/seeds" >/dev/null
echo "AFL++ targets in $out"
