#!/bin/sh
# Fuzzes Spanmark's file loaders with libFuzzer: builds the harnesses with
# clang in _build-fuzz (-Dfuzzing=true: coverage, AddressSanitizer and
# UndefinedBehaviorSanitizer) and runs each for FUZZ_SECONDS (default 60)
# on a working copy of its seed corpus in tests/fuzz/corpus/.
#
#   build-aux/fuzz.sh                 all harnesses, a minute each
#   FUZZ_SECONDS=600 build-aux/fuzz.sh format
#
# A crash, a sanitizer report, a leak or a broken check leaves its input in
# _build-fuzz/findings/<target>/ and makes this script fail. Fix the bug,
# then copy the input to tests/fuzz/regressions/<target>/: every normal
# `meson test` replays it from then on (suite 'fuzz').
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
seconds=${FUZZ_SECONDS:-60}
build=_build-fuzz

sh build-aux/install-deps.sh || exit 1

# clang and its runtime (libFuzzer and the sanitizers) from Debian
if ! command -v clang >/dev/null 2>&1 ||
   [ ! -f "$(clang -print-file-name=libclang_rt.fuzzer-x86_64.a 2>/dev/null)" ]; then
  echo "Installing clang and its runtime"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q && $sudo apt-get install -y -q --no-install-recommends clang libclang-rt-dev || exit 1
fi

# Not -Dwerror: the gcc builds keep the code free of warnings, and clang
# warns about some things gcc does not; a fuzz run should not wait on them.
if [ -f $build/build.ninja ]; then
  meson setup --reconfigure $build -Dfuzzing=true -Dapp=false -Dwerror=false >/dev/null || exit 1
else
  CC=clang meson setup $build -Dfuzzing=true -Dapp=false -Dwerror=false || exit 1
fi
ninja -C $build || exit 1

targets=${*:-$(sed -n "s/^fuzz_targets = \[\(.*\)\]/\1/p" tests/fuzz/meson.build | tr -d "',")}

# GLib's slice allocator hides use-after-free from ASan
export G_SLICE=always-malloc
export G_DEBUG=gc-friendly
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

status=0
for target in $targets; do
  if [ ! -x $build/tests/fuzz/fuzz-"$target" ]; then
    echo "fuzz.sh: no harness fuzz-$target (the targets are: $(sed -n "s/^fuzz_targets = \[\(.*\)\]/\1/p" tests/fuzz/meson.build))"
    status=1
    continue
  fi
  work=$build/fuzz-corpus/$target
  findings=$build/findings/$target
  mkdir -p "$work" "$findings"
  cp -n tests/fuzz/corpus/"$target"/* "$work"/ 2>/dev/null
  dict=""
  [ -f tests/fuzz/"$target".dict ] && dict="-dict=tests/fuzz/$target.dict"
  regressions=""
  [ -d tests/fuzz/regressions/"$target" ] && regressions=tests/fuzz/regressions/"$target"

  echo "== fuzz-$target: ${seconds}s"
  # -max_len: room for real articles; -rss_limit_mb: a 2-core, 24 GB machine
  # shared with the build. The working corpus grows between runs.
  # shellcheck disable=SC2086
  $build/tests/fuzz/fuzz-"$target" $dict \
      -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=4096 -timeout=20 \
      -print_final_stats=1 -artifact_prefix="$findings"/ \
      "$work" $regressions 2>&1 | tee "$build/fuzz-$target.log" | grep -E "^(==|#[0-9]+ *(DONE|pulse)|stat::|INFO: (Loaded|seed))|ERROR|SUMMARY|Test unit written"
  if ls "$findings"/* >/dev/null 2>&1; then
    echo "fuzz-$target: FINDINGS in $findings (full log: $build/fuzz-$target.log)"
    status=1
  fi
done

exit $status
