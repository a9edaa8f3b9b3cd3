#!/bin/sh
# Takes the window screenshots shown in README.md and the metainfo, of the
# sample article, partly annotated, with suggestions pending:
#
#   sh build-aux/take-screenshot.sh                   data/screenshots/window.png
#   sh build-aux/take-screenshot.sh --dark OUT.png    in the dark style
#   sh build-aux/take-screenshot.sh --locale fa_IR.UTF-8 data/screenshots/window-rtl.png
#                                                     in Persian, right to left
#
# Runs the app on its own virtual display, with settings in memory. With
# --locale it is installed into a temporary prefix first, since the
# translations are found where the app is installed. (No compositor:
# xcompmgr sends no frame timings, and GTK's animations would wait for them.)
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

scheme=default
locale=""
while [ $# -gt 0 ]; do
  case $1 in
    --dark) scheme=prefer-dark; shift ;;
    --locale) locale=$2; shift 2 ;;
    *) break ;;
  esac
done
output=${1:-data/screenshots/window.png}
case $output in
  /*) ;;
  *) output="$top/$output" ;;
esac

if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
need=""
for tool in xdotool import Xvfb; do
  command -v "$tool" >/dev/null 2>&1 || need="xdotool imagemagick xvfb"
done
[ -n "$locale" ] && ! command -v localedef >/dev/null 2>&1 && need="$need locales"
if [ -n "$need" ]; then
  echo "Installing what screenshots need:$need"
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $need >/dev/null
fi

sh build-aux/setup-build.sh >/dev/null
app="$top/_build/src/app/spanmark"
schemas="$top/_build/data"

home=$(mktemp -d)
if [ -n "$locale" ]; then
  if ! locale -a | grep -qix "$(echo "$locale" | sed 's/UTF-8/utf8/')"; then
    $sudo localedef -i "${locale%%.*}" -f UTF-8 "$locale"
  fi
  # A new prefix each time: reconfiguring would keep the old one
  if [ -f _build-screenshot/build.ninja ]; then
    meson configure _build-screenshot -Dprefix="$home/prefix" >/dev/null
  else
    meson setup _build-screenshot --prefix="$home/prefix" >/dev/null
  fi
  ninja -C _build-screenshot >/dev/null
  meson install -C _build-screenshot >/dev/null
  app="$home/prefix/bin/spanmark"
  schemas="$home/prefix/share/glib-2.0/schemas"
  export LANGUAGE="${locale%%_*}" LC_ALL="$locale"
fi

display=:$(( 90 + $$ % 9 ))
Xvfb "$display" -screen 0 1400x960x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$home"' EXIT
export DISPLAY="$display"
sleep 1

export XDG_CONFIG_HOME="$home" XDG_DATA_HOME="$home" XDG_STATE_HOME="$home"
export GSETTINGS_SCHEMA_DIR="$schemas" GSETTINGS_BACKEND=memory
export ADW_DEBUG_COLOR_SCHEME="$scheme"

dbus-run-session -- sh -c "
  '$app' '$top/data/screenshots/belarus-iran-sanctions.json' &
  app=\$!
  for i in \$(seq 100); do
    xdotool search --name '^belarus-iran-sanctions' >/dev/null 2>&1 && break
    sleep 0.1
  done
  window=\$(xdotool search --name '^belarus-iran-sanctions' | head -1)
  xdotool windowsize \"\$window\" 1280 880
  xdotool windowmove \"\$window\" 40 30
  sleep 1
  # Show the end of the article: claims with their speakers, figures, and
  # a figure nested in a claim; above them, suggestions still to review,
  # the last one current (Shift+F7 from the end)
  xdotool key --window \"\$window\" ctrl+End
  sleep 1
  xdotool key --window \"\$window\" shift+F7
  sleep 1
  xdotool mousemove 1390 950
  sleep 0.5
  import -window root -crop 1280x880+40+30 +repage '$output'
  kill \$app
"
echo "Wrote $output"
