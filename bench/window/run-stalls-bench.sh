#!/bin/bash
# run-stalls-bench.sh: the longest stall of the window's main loop in each
# action with a 20 MB article and 100,000 spans, Spanmark beside GNOME Text
# Editor with the same text for the actions it has. Prints Markdown tables;
# nothing here is a test.
#
#   bash bench/window/run-stalls-bench.sh [--runs N] [--scroll-pages N]
#        [--renderer NAME] [--build DIR] [--bytes N] [--spans N]
#        [--no-text-editor]
#
#   --runs N          runs of every action in each application (default 3)
#   --scroll-pages N  pages Spanmark scrolls, a page a frame (default 300);
#                     Text Editor gets as many Page Down presses instead
#   --renderer NAME   GSK_RENDERER for both (default: GTK's choice, GL on
#                     llvmpipe under Xvfb)
#   --build DIR       the build directory (default _build-winbench)
#   --bytes, --spans  the article's size (default 20000000 and 100000)
#
# Spanmark is measured by spanmark-bench-stalls (sm-bench-stalls.c says
# how) in a real SmWindow; Text Editor by the same probe preloaded
# (sm-bench-probe.c with SM_BENCH_PROBE_STALLS): after SIGUSR2 it waits for
# a frame and for the main loop to go idle and reports the longest gap
# between the calls of a G_PRIORITY_HIGH timeout every millisecond since
# its last report. Keys go to Text Editor with xdotool (XTEST), half a
# second before the report is asked for.
#
# It installs what it needs from Debian (the project's build dependencies,
# GNOME Text Editor, Xvfb, D-Bus, xdotool), builds Spanmark, generates the
# article with bench/core's generator (.json with its spans, the same text
# as .txt, and a corpus folder of two such documents), and starts its own
# Xvfb and session bus.
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
runs=3
scroll_pages=300
renderer=""
build=_build-winbench
bytes=20000000
spans=100000
text_editor=1

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --scroll-pages) scroll_pages=$2; shift 2 ;;
    --renderer) renderer=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --bytes) bytes=$2; shift 2 ;;
    --spans) spans=$2; shift 2 ;;
    --no-text-editor) text_editor=0; shift ;;
    -h|--help) sed -n '2,32p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

# shellcheck source=bench/window/bench-common.sh
. "$top/bench/window/bench-common.sh"
bench_prepare stalls-bench
stalls="$top/$build/bench/window/spanmark-bench-stalls"

"$generate" --bytes "$bytes" --spans "$spans" "$work/article.json" >/dev/null
"$generate" --bytes "$bytes" --text "$work/article.txt" >/dev/null
"$generate" --bytes "$bytes" --spans "$spans" --documents 2 "$work/corpus" >/dev/null
chars=$(LC_ALL=C.UTF-8 wc -m < "$work/article.txt")
# GNOME Text Editor keeps a file's last newline out of its buffer
threshold=$((chars - 1))

bench_start_session
if [ -n "$renderer" ]; then
  export GSK_RENDERER="$renderer"
fi

median () {
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores;" \
     "Linux $(uname -r); load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
echo "Display: Xvfb at 1400x1000x24, no compositor; Mesa $(dpkg-query -W -f='${Version}' libgl1-mesa-dri);" \
     "GSK_RENDERER ${renderer:-unset, GTK chooses}"
echo "GTK $(dpkg-query -W -f='${Version}' libgtk-4-1), GtkSourceView $(dpkg-query -W -f='${Version}' libgtksourceview-5-0)," \
     "GNOME Text Editor $(dpkg-query -W -f='${Version}' gnome-text-editor)"
echo "Document: $(stat -c %s "$work/article.txt") bytes of text ($chars characters)," \
     "$(stat -c %s "$work/article.json") bytes of Spanmark JSON with $spans spans; a corpus of two such"
echo

# Spanmark: its own table, and its rows kept for the side-by-side one
echo "Spanmark (spanmark-bench-stalls, $runs runs)…"
env HOME="$work" XDG_CACHE_HOME="$work/cache-spanmark" GSETTINGS_SCHEMA_DIR="$top/$build/data" \
  "$stalls" --runs "$runs" --scroll-pages "$scroll_pages" "$work/article.json" "$work/corpus" \
  > "$work/spanmark.md" 2> "$work/spanmark.log" || {
    cat "$work/spanmark.log" >&2
    exit 1
  }
cat "$work/spanmark.md"
echo

# Text Editor: one start per run, each action in turn through xdotool
: > "$work/text-editor"
read_stall () {
  local event line
  kill -USR2 "$app_pid"
  while read -r -t 300 -u "$fd" event line; do
    if [ "$event" = stall ]; then
      echo "$line"
      return
    fi
  done
  echo "Text Editor never reported its stalls" >&2
  exit 1
}
te_action () {
  local name=$1
  shift
  read_stall > /dev/null
  xdotool "$@"
  sleep 0.5
  read_stall | awk -v n="$name" '{ printf "%s\t%.1f\t%.1f\n", n, $1 / 1000, $2 / 1000 }' >> "$work/text-editor"
}

if [ "$text_editor" = 1 ]; then
  echo "GNOME Text Editor ($runs runs)…"
  for run in $(seq "$runs"); do
    dir=$(mktemp -d "$work/te-XXXXXX")
    mkfifo "$dir/probe"
    exec {fd}<>"$dir/probe"
    env HOME="$dir" XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data" XDG_STATE_HOME="$dir/state" \
        XDG_CACHE_HOME="$work/cache-te" SM_BENCH_PROBE_OUTPUT="$dir/probe" SM_BENCH_PROBE_CHARS="$threshold" \
        SM_BENCH_PROBE_STALLS=1 LD_PRELOAD="$probe" \
        gnome-text-editor --ignore-session "$work/article.txt" > "$dir/log" 2>&1 &
    app_pid=$!
    shown=""
    while read -r -t 300 -u "$fd" event line; do
      if [ "$event" = document-frame ]; then
        shown=1
        break
      fi
    done
    if [ -z "$shown" ]; then
      echo "Text Editor never showed the document; its output:" >&2
      cat "$dir/log" >&2
      exit 1
    fi
    # Open: from the window presented to the document shown and idle
    read_stall | awk '{ printf "open (load to idle)\t%.1f\t%.1f\n", $1 / 1000, $2 / 1000 }' >> "$work/text-editor"

    window=$(xdotool search --onlyvisible --pid "$app_pid" | head -1)
    xdotool windowfocus --sync "$window" 2>/dev/null || xdotool windowfocus "$window"
    te_action "scroll a page a frame" key --clearmodifiers --repeat "$scroll_pages" --delay 17 Next
    te_action "Ctrl+Home" key --clearmodifiers ctrl+Home
    te_action "Ctrl+End" key --clearmodifiers ctrl+End
    te_action "Ctrl+Home" key --clearmodifiers ctrl+Home
    for _ in 1 2 3; do
      te_action "Page Down" key --clearmodifiers Next
    done
    for _ in 1 2 3; do
      te_action "Page Up" key --clearmodifiers Prior
    done
    exec {fd}<&-
    kill "$app_pid"
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
    rm -rf "$dir"
  done
fi

# Side by side: Spanmark's medians from its table, Text Editor's here
echo "Longest stall of the main loop, median of $runs runs (ms); idle after, in brackets."
echo "Text Editor's \"scroll\" is Page Down pressed $scroll_pages times, 17 ms apart."
echo
echo "| action | Spanmark | GNOME Text Editor | under 100 ms | Spanmark's busiest iteration, processor time |"
echo "| --- | ---: | ---: | --- | ---: |"
grep '^| [a-zA-Z]' "$work/spanmark.md" | grep -v '^| action' | while IFS='|' read -r _ action _ stall _ idle busiest _; do
  action=$(echo "$action" | sed 's/^ *//; s/ *$//')
  s=$(echo "$stall" | awk '{ print $1 }')
  i=$(echo "$idle" | awk '{ print $1 }')
  te=$(awk -F'\t' -v a="$action" '$1 == a { print $2 }' "$work/text-editor" | median)
  tei=$(awk -F'\t' -v a="$action" '$1 == a { print $3 }' "$work/text-editor" | median)
  if [ "$te" = nan ]; then
    te_cell="—"
  else
    te_cell=$(awk -v t="$te" -v i="$tei" 'BEGIN { printf "%.0f (%.0f)", t, i }')
  fi
  met=$(awk -v s="$s" 'BEGIN { print (s < 100) ? "yes" : "**no**" }')
  echo "| $action | $s ($i) | $te_cell | $met | $(echo "$busiest" | awk '{ print $1 }') |"
done

echo
echo "Load average $(cut -d' ' -f1-3 /proc/loadavg) at the end."
