#!/bin/sh
# `ninja fuzz-smoke`: the fuzz smoke test on its own (tests/check_fuzz.py, also part of
# `ninja test`). It never runs a fuzzer without a time bound.
set -eu
exec python3 tests/check_fuzz.py --builddir "${1:-build}"
