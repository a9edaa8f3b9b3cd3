#!/bin/sh
# Runs the tests under the sanitizers and valgrind, in builds of their own:
#
#   asan      the whole test suite in _build-asan (gcc, -Db_sanitize=address,undefined;
#             app tests under a virtual X display, as build-aux/run-tests.sh does)
#   valgrind  the core tests in _build-valgrind under memcheck: no invalid access,
#             no definite leak (build-aux/valgrind.supp says what is not ours)
#
#   build-aux/sanitize.sh              both
#   build-aux/sanitize.sh valgrind     one of them
#
# Prints how long each took; exits non-zero if either found anything.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
checks=${*:-asan valgrind}

sh build-aux/install-deps.sh || exit 1
if ! command -v valgrind >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q && $sudo apt-get install -y -q --no-install-recommends valgrind || exit 1
fi

# GLib's slice allocator would hide use-after-free and leaks from both tools
export G_SLICE=always-malloc
export G_DEBUG=gc-friendly

# Configures $1 with the options that follow; if the app does not build
# (it is being written), says so and goes on without it.
setup () {
  dir=$1
  shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" -Dwerror=true "$@" >/dev/null
  else
    meson setup "$dir" -Dwerror=true "$@" >/dev/null
  fi || return 1
  if ! ninja -C "$dir" >"$dir/ninja.log" 2>&1; then
    echo "sanitize.sh: $dir does not build with the app; trying without it:"
    grep -m 5 -E "error|Error" "$dir/ninja.log"
    meson setup --reconfigure "$dir" -Dwerror=true "$@" -Dapp=false >/dev/null &&
      ninja -C "$dir" >"$dir/ninja.log" 2>&1 || { cat "$dir/ninja.log"; return 1; }
  fi
}

status=0
report=""

for check in $checks; do
  start=$(date +%s)
  case $check in
    asan)
      setup _build-asan -Db_sanitize=address,undefined || exit 1
      # Every UBSan report fails the test that caused it, like an ASan one.
      # Leaks are checked everywhere but in the app tests: there LeakSanitizer
      # reports fontconfig's, GTK's and the GL driver's own caches (FcValueSave
      # and friends, kept until exit by design), and with frames those
      # libraries lack it cannot tell them from ours; valgrind checks the core.
      export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
      ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
        meson test -C _build-asan --print-errorlogs --num-processes 2 -t 4 --no-suite app
      result=$?
      summary=$(python3 build-aux/summarize-tests.py _build-asan/meson-logs/testlog.json | tail -1)
      if grep -q "^ *subdir('app')" tests/meson.build 2>/dev/null && [ -d _build-asan/tests/app ]; then
        ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:strict_string_checks=1 \
        xvfb-run -a -s "-screen 0 1400x1000x24 -noreset" \
          dbus-run-session -- \
          meson test -C _build-asan --print-errorlogs --num-processes 2 -t 4 --suite app
        app_result=$?
        [ $app_result -ne 0 ] && result=$app_result
        summary="$summary; app: $(python3 build-aux/summarize-tests.py _build-asan/meson-logs/testlog.json | tail -1)"
      fi
      ;;
    valgrind)
      setup _build-valgrind || exit 1
      # A definite leak or any memory error fails the test; "possibly lost"
      # and "still reachable" blocks are GLib's type system and caches.
      meson test -C _build-valgrind --print-errorlogs --num-processes 2 -t 10 \
        --suite core --suite fuzz \
        --wrap="valgrind --quiet --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --track-origins=yes --suppressions=$top/build-aux/valgrind.supp"
      result=$?
      summary=$(python3 build-aux/summarize-tests.py _build-valgrind/meson-logs/testlog-valgrind.json | tail -1)
      ;;
    *)
      echo "sanitize.sh: unknown check $check (asan, valgrind)"
      exit 2
      ;;
  esac
  [ $result -ne 0 ] && status=1
  report="$report
$check: $summary, $(( $(date +%s) - start )) s (build included)"
done

echo "$report"
exit $status
