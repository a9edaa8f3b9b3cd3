#!/bin/sh
# Builds Spanmark and runs the whole test suite: core and CLI tests headless,
# app tests under a virtual X display that this script starts itself.
# Ends with a line "N passed, N failed".
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
sh "$top/build-aux/setup-build.sh" || exit 1

cd "$top"
xvfb-run -a -s "-screen 0 1400x1000x24 -noreset" \
  dbus-run-session -- \
  meson test -C _build --print-errorlogs --num-processes 2 "$@"
status=$?

python3 build-aux/summarize-tests.py _build/meson-logs/testlog.json
exit $status
