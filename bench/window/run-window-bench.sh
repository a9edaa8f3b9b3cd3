#!/bin/bash
# run-window-bench.sh: Spanmark's window beside GNOME Text Editor with an
# article (1 MB and 10,000 spans unless --bytes and --spans say otherwise):
# start-up time and memory, side by side, then scrolling. Prints Markdown
# tables; nothing here is a test.
#
#   bash bench/window/run-window-bench.sh [--runs N] [--rounds N]
#        [--renderer NAME] [--settle SECONDS] [--window-size WxH|none]
#        [--build DIR] [--no-scroll] [--no-startup] [--plain]
#        [--bytes N] [--spans N]
#
#   --runs N         start-ups of each application, alternating (default 7, at least 7)
#   --rounds N       rounds of spanmark-bench-scroll (default 3)
#   --renderer NAME  GSK_RENDERER for both applications: gl, cairo, ngl...
#                    (default: GTK's own choice, which on Xvfb is GL on Mesa's
#                    llvmpipe, a software rasterizer)
#   --settle S       seconds after the document shows before memory is read (default 3)
#   --window-size S  once the document shows, resize both windows to S before
#                    memory is read, so that both draw the same area (default
#                    1000x700, a size neither opens at; none keeps each one's own)
#   --build DIR      the build directory (default _build-winbench, configured if missing)
#   --bytes N        size of the article's text (default 1000000)
#   --spans N        spans in the annotated article (default 10000)
#   --plain          Spanmark opens the .txt as well (a copy in a folder of its
#                    own, or it would find the .json beside it), so the text
#                    without its annotations: what the annotations cost is the
#                    difference
#
# It installs what it needs from Debian (the project's build dependencies,
# GNOME Text Editor, Xvfb, D-Bus), builds Spanmark, generates the article
# with bench/core's generator (the same text as .json with its spans and as
# .txt), and starts its own Xvfb and session bus.
#
# Start-up is timed by the same rule in both applications: the probe
# sm-bench-probe.c, preloaded into each, reports the end of the first frame
# painted while a text view in the window holds the whole text (for Spanmark
# that is the document with its highlights, which are applied before the
# view is put in the window). The clock starts when this script forks the
# process. Each application opens its file from the command line, with
# fresh settings (in memory), state and data folders, and a warm cache.
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
runs=7
rounds=3
renderer=""
settle=3
window_size=1000x700
build=_build-winbench
do_scroll=1
do_startup=1
plain=0
bytes=1000000
spans=10000

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --renderer) renderer=$2; shift 2 ;;
    --settle) settle=$2; shift 2 ;;
    --window-size) window_size=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --no-scroll) do_scroll=0; shift ;;
    --no-startup) do_startup=0; shift ;;
    --plain) plain=1; shift ;;
    --bytes) bytes=$2; shift 2 ;;
    --spans) spans=$2; shift 2 ;;
    -h|--help) sed -n '2,40p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ "$runs" -lt 7 ]; then
  echo "--runs must be at least 7: medians of fewer runs mean little on a shared machine" >&2
  exit 2
fi

# shellcheck source=bench/window/bench-common.sh
. "$top/bench/window/bench-common.sh"
bench_prepare window-bench
scroll="$top/$build/bench/window/spanmark-bench-scroll"
spanmark="$top/$build/src/app/spanmark"

# The document: the same text, annotated and plain
"$generate" --bytes "$bytes" --spans "$spans" "$work/article.json"
"$generate" --bytes "$bytes" --text "$work/article.txt"
chars=$(LC_ALL=C.UTF-8 wc -m < "$work/article.txt")
spanmark_input="$work/article.json"
if [ "$plain" = 1 ]; then
  mkdir "$work/plain"
  cp "$work/article.txt" "$work/plain/"
  spanmark_input="$work/plain/article.txt"
fi
# GNOME Text Editor keeps a file's last newline out of its buffer
threshold=$((chars - 1))

bench_start_session
if [ -n "$renderer" ]; then
  export GSK_RENDERER="$renderer"
fi

median () {
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

range () {
  sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s–%s", lo, hi }'
}

usec () {
  echo "${1/./}"
}

# start_once NAME [VAR=VALUE...] COMMAND ARGS...: starts one application
# through env (so that the probe is preloaded into it alone), waits for the
# probe to report the document painted, resizes the window to --window-size,
# waits --settle seconds, reads its memory (then again once the probe has had malloc_trim() give free memory
# back), and stops it. Appends a line to $work/results: the name, ms from
# fork to the document shown, to the first frame and to the probe's loading,
# VmRSS and PSS in kB, the same after the trim, Spanmark's main-thread time
# for the view, the window and view sizes, and the renderer.
start_once () {
  local app=$1
  shift
  local run
  run=$(mktemp -d "$work/run-XXXXXX")
  mkfifo "$run/probe"
  local fd
  exec {fd}<>"$run/probe"

  local t0 line loaded="" first="" document="" rss pss rss_trimmed pss_trimmed showing window="" view="" gsk=""
  t0=$(usec "$EPOCHREALTIME")
  env HOME="$run" XDG_CONFIG_HOME="$run/config" XDG_DATA_HOME="$run/data" XDG_STATE_HOME="$run/state" \
      XDG_CACHE_HOME="$work/cache-$app" \
      SM_BENCH_PROBE_OUTPUT="$run/probe" SM_BENCH_PROBE_CHARS="$threshold" LD_PRELOAD="$probe" \
      "$@" > "$run/log" 2>&1 &
  app_pid=$!

  local event fields
  while read -r -t 120 -u "$fd" event line; do
    read -r -a fields <<< "$line"
    case "$event" in
      loaded) loaded=${fields[0]} ;;
      first-frame) first=${fields[0]} ;;
      document-frame) document=${fields[1]}; window=${fields[2]}; view=${fields[3]}; gsk=${fields[4]}; break ;;
    esac
  done

  if [ -z "$document" ]; then
    echo "$app never showed the document; its output:" >&2
    cat "$run/log" >&2
    exit 1
  fi

  if [ "$window_size" != none ]; then
    xdotool windowsize "$(xdotool search --onlyvisible --pid "$app_pid" | head -1)" "${window_size%x*}" "${window_size#*x}"
  fi
  sleep "$settle"
  rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$app_pid/status")
  pss=$(awk '/^Pss:/ { print $2 }' "/proc/$app_pid/smaps_rollup")

  # Then what is in use: the probe has the allocator give its free memory back
  kill -USR1 "$app_pid"
  while read -r -t 30 -u "$fd" event line; do
    [ "$event" = trimmed ] && break
  done
  rss_trimmed=$(awk '/^VmRSS:/ { print $2 }' "/proc/$app_pid/status")
  pss_trimmed=$(awk '/^Pss:/ { print $2 }' "/proc/$app_pid/smaps_rollup")
  exec {fd}<&-

  kill "$app_pid"
  wait "$app_pid" 2>/dev/null || true
  app_pid=""

  showing=$(sed -n 's/.*Showing .* took \([0-9.]*\) ms on the main thread.*/\1/p' "$run/log" | head -1)
  awk -v app="$app" -v t0="$t0" -v l="$loaded" -v f="$first" -v d="$document" \
      -v rss="$rss" -v pss="$pss" -v rt="$rss_trimmed" -v pt="$pss_trimmed" \
      -v s="${showing:-nan}" -v w="$window" -v v="$view" -v g="$gsk" \
      'BEGIN { printf "%s %.1f %.1f %.1f %d %d %d %d %s %s %s %s\n", app, (d - t0) / 1000, (f - t0) / 1000, (l - t0) / 1000, rss, pss, rt, pt, s, w, v, g }' \
      | tee -a "$work/results"
  rm -rf "$run"
}

start_spanmark () {
  start_once spanmark GSETTINGS_SCHEMA_DIR="$top/$build/data" G_MESSAGES_DEBUG=sm-window \
    "$spanmark" "$spanmark_input"
}

start_text_editor () {
  start_once text-editor gnome-text-editor --ignore-session "$work/article.txt"
}

renderer_label=${renderer:-"unset, GTK chooses"}
echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores;" \
     "Linux $(uname -r); load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
echo "Display: Xvfb $(dpkg-query -W -f='${Version}' xvfb) at 1400x1000x24, no compositor;" \
     "Mesa $(dpkg-query -W -f='${Version}' libgl1-mesa-dri); GSK_RENDERER $renderer_label"
echo "GTK $(dpkg-query -W -f='${Version}' libgtk-4-1), libadwaita $(dpkg-query -W -f='${Version}' libadwaita-1-0)," \
     "GtkSourceView $(dpkg-query -W -f='${Version}' libgtksourceview-5-0)," \
     "GNOME Text Editor $(dpkg-query -W -f='${Version}' gnome-text-editor)," \
     "Spanmark built $(meson introspect --buildoptions "$build" | python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"] == "buildtype"][0])')"
echo "Document: $(stat -c %s "$work/article.txt") bytes of text ($chars characters)," \
     "$(stat -c %s "$work/article.json") bytes of Spanmark JSON with $spans spans"
echo

if [ "$do_startup" = 1 ]; then
  : > "$work/results"
  echo "Warming up (one start of each, not counted)…"
  start_spanmark > /dev/null
  start_text_editor > /dev/null
  : > "$work/results"

  echo "Start-ups, alternating which goes first: app, document shown (ms), first frame (ms)," \
       "probe loaded (ms), VmRSS and PSS (kB), the same after malloc_trim (kB)," \
       "Spanmark's main-thread time for the view (ms), window, view, renderer"
  for i in $(seq "$runs"); do
    if [ $((i % 2)) = 1 ]; then
      start_spanmark
      start_text_editor
    else
      start_text_editor
      start_spanmark
    fi
  done

  values () {
    awk -v app="$1" -v n="$2" '$1 == app { print $n }' "$work/results"
  }
  row () {
    local label=$1 n=$2 scale=$3
    local a b ra rb
    a=$(values spanmark "$n" | awk -v s="$scale" '{ print $1 / s }' | median)
    b=$(values text-editor "$n" | awk -v s="$scale" '{ print $1 / s }' | median)
    ra=$(values spanmark "$n" | awk -v s="$scale" '{ printf "%.0f\n", $1 / s }' | range)
    rb=$(values text-editor "$n" | awk -v s="$scale" '{ printf "%.0f\n", $1 / s }' | range)
    awk -v l="$label" -v a="$a" -v b="$b" -v ra="$ra" -v rb="$rb" \
      'BEGIN { printf "| %s | %.0f (%s) | %.0f (%s) | %.2f |\n", l, a, ra, b, rb, a / b }'
  }

  echo
  echo "Medians of $runs start-ups each (lowest–highest in brackets); ratio = Spanmark / Text Editor."
  echo
  if [ "$plain" = 0 ]; then
    echo "| | Spanmark, .json with 10,000 spans | GNOME Text Editor, .txt | ratio |"
  else
    echo "| | Spanmark, the same .txt | GNOME Text Editor, .txt | ratio |"
  fi
  echo "| --- | ---: | ---: | ---: |"
  row "document shown, from process start (ms)" 2 1
  row "first frame of the window, from process start (ms)" 3 1
  row "VmRSS ${settle} s after the document shows (MB)" 5 1024
  row "PSS ${settle} s after the document shows (MB)" 6 1024
  row "VmRSS after malloc_trim (MB)" 7 1024
  row "PSS after malloc_trim (MB)" 8 1024
  echo
  echo "Spanmark's main thread spent a median $(values spanmark 9 | median) ms building the view with its highlights (its own debug message)."
  if [ "$window_size" = none ]; then
    echo "Memory was read with each window at the size it opened at."
  else
    echo "Memory was read with both windows resized to ${window_size} (X geometry)."
  fi
  echo "Window and text view sizes as opened: Spanmark $(values spanmark 10 | head -1), view $(values spanmark 11 | head -1);" \
       "Text Editor $(values text-editor 10 | head -1), view $(values text-editor 11 | head -1); renderer $(values spanmark 12 | head -1)."
  echo
fi

if [ "$do_scroll" = 1 ]; then
  echo "Scrolling (spanmark-bench-scroll, $rounds rounds)…"
  env HOME="$work" XDG_CACHE_HOME="$work/cache-spanmark" GSETTINGS_SCHEMA_DIR="$top/$build/data" \
    "$scroll" --rounds "$rounds" "$work/article.json" "$work/article.txt" 2> "$work/scroll.log" || {
      cat "$work/scroll.log" >&2
      exit 1
    }
fi

echo
echo "Load average $(cut -d' ' -f1-3 /proc/loadavg) at the end."
