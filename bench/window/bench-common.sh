# bench-common.sh: what run-window-bench.sh and run-stalls-bench.sh share,
# sourced by both (bash): the packages and the build they need, a work
# folder removed at exit, and a display and session bus of their own.
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later

# Installs what the benchmark needs beyond the build itself, builds $build
# in $top, and makes $work (spanmark-NAME-XXXXXX), removed at exit with
# whatever $app_pid, $bus_pid and $xvfb_pid name. Sets $probe and $generate.
bench_prepare () {
  local name=$1 package missing=""

  cd "$top"
  sh build-aux/install-deps.sh
  for package in gnome-text-editor xvfb xauth dbus-daemon xdotool libgl1-mesa-dri; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing="$missing $package"
    fi
  done
  if [ -n "$missing" ]; then
    echo "Installing:$missing"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -q
    # shellcheck disable=SC2086
    $sudo apt-get install -y -q --no-install-recommends $missing
  fi

  if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" -Dwerror=true
  fi
  ninja -C "$build" >/dev/null

  probe="$top/$build/bench/window/libspanmark-bench-probe.so"
  generate="$top/$build/bench/core/spanmark-bench-generate"

  work=$(mktemp -d -t "spanmark-$name-XXXXXX")
  xvfb_pid=""
  bus_pid=""
  app_pid=""
  trap bench_cleanup EXIT
}

bench_cleanup () {
  local pid

  for pid in $app_pid $bus_pid $xvfb_pid; do
    kill "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}

# A display (Xvfb, 1400x1000x24, no window manager) and a session bus of
# the benchmark's own, exported with the settings both applications get
bench_start_session () {
  Xvfb -displayfd 3 -screen 0 1400x1000x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 100); do
    [ -s "$work/display" ] && break
    sleep 0.1
  done
  DISPLAY=":$(cat "$work/display")"
  export DISPLAY
  dbus-daemon --session --fork --print-address=1 --print-pid=1 > "$work/bus" 2>/dev/null
  DBUS_SESSION_BUS_ADDRESS=$(sed -n 1p "$work/bus")
  bus_pid=$(sed -n 2p "$work/bus")
  export DBUS_SESSION_BUS_ADDRESS
  export GDK_BACKEND=x11 LC_ALL=C.UTF-8 GSETTINGS_BACKEND=memory
}
