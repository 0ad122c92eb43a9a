#!/bin/sh
# Line coverage of emu's sources by the whole test suite, as an lcov HTML report.
# It builds a separate instrumented tree (BUILDDIR-coverage) and never touches BUILDDIR.
set -eu
bd="${1:-build}-coverage"
python3 configure.py --coverage --debug --builddir "$bd"
ninja -f "$bd/build.ninja" all
lcov --quiet --zerocounters --directory "$bd" 2>/dev/null
python3 tests/run.py --builddir "$bd" || true
lcov --quiet --capture --directory "$bd" --base-directory . --no-external --output-file "$bd/coverage.info" 2>/dev/null
lcov --quiet --remove "$bd/coverage.info" '*/tests/*' '*/bench/*' --output-file "$bd/coverage.info"
genhtml --quiet --output-directory "$bd/coverage-html" "$bd/coverage.info"
lcov --summary "$bd/coverage.info"
echo "report: $bd/coverage-html/index.html"
