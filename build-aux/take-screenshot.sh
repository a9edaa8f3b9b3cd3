#!/bin/sh
# Takes the window screenshot shown in README.md and the metainfo:
# data/screenshots/window.png, of the annotated sample article.
#
#   sh build-aux/take-screenshot.sh [--dark] [OUTPUT.png]
#
# Runs the app from _build/ on its own virtual display, with settings in
# memory. (No compositor: xcompmgr sends no frame timings, and GTK's
# animations would wait for them.)
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

scheme=default
if [ "${1:-}" = "--dark" ]; then
  scheme=prefer-dark
  shift
fi
output=${1:-data/screenshots/window.png}

sh build-aux/setup-build.sh >/dev/null
for tool in xdotool import Xvfb; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "Installing what screenshots need"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      xdotool imagemagick xvfb >/dev/null
    break
  fi
done

display=:$(( 90 + $$ % 9 ))
Xvfb "$display" -screen 0 1400x960x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
export DISPLAY="$display"
sleep 1

home=$(mktemp -d)
export XDG_CONFIG_HOME="$home" XDG_DATA_HOME="$home" XDG_STATE_HOME="$home"
export GSETTINGS_SCHEMA_DIR="$top/_build/data" GSETTINGS_BACKEND=memory
export ADW_DEBUG_COLOR_SCHEME="$scheme"

dbus-run-session -- sh -c "
  '$top/_build/src/app/spanmark' '$top/data/screenshots/belarus-iran-sanctions.json' &
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
  # a figure nested in a claim
  xdotool key --window \"\$window\" ctrl+End
  sleep 1
  xdotool mousemove 1390 950
  sleep 0.5
  import -window root -crop 1280x880+40+30 +repage '$output'
  kill \$app
"
rm -rf "$home"
echo "Wrote $output"
