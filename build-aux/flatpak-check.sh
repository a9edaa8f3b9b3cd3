#!/bin/sh
# Builds the real Flatpak manifest (flatpak/io.github.spanmark.Spanmark.json)
# offline, installs the app, runs it under Xvfb on the sample article, runs
# spanmark-cli inside the sandbox, takes a screenshot and writes a .flatpak
# bundle. Flathub cannot be reached here, so the GNOME runtime and SDK the
# manifest names are STAND-INS built from Debian trixie packages
# (flatpak-standin-*.txt beside this script), cached between runs.
#
# Usage: sh build-aux/flatpak-check.sh [FLATPAK-BUILDER-OPTION...]
# as root, or a user with sudo (the stand-in is made with debootstrap and
# chroot). Options are passed to flatpak-builder, e.g. --disable-tests.
# Artefacts go to _build-flatpak/ (or $SPANMARK_FLATPAK_OUT): the bundle, the
# screenshot and the logs. The stand-in runtime, flatpak-builder's state and a
# private flatpak installation go to $SPANMARK_FLATPAK_CACHE (default
# /var/cache/spanmark-flatpak). Nothing is installed into the system's
# flatpak installation: everything lives under that cache's FLATPAK_USER_DIR.
set -eu

if [ "$(id -u)" -ne 0 ]; then
  exec sudo SPANMARK_FLATPAK_CACHE="${SPANMARK_FLATPAK_CACHE:-}" \
    SPANMARK_FLATPAK_OUT="${SPANMARK_FLATPAK_OUT:-}" DEBIAN_MIRROR="${DEBIAN_MIRROR:-}" \
    sh "$0" "$@"
fi

top=$(cd "$(dirname "$0")/.." && pwd)
here="$top/build-aux"
manifest="$top/flatpak/io.github.spanmark.Spanmark.json"
sample="$top/data/samples/belarus-iran-sanctions.txt"

started=$(date +%s)
say () { printf 'flatpak-check [%4ss]: %s\n' "$(( $(date +%s) - started ))" "$*"; }
die () { say "FAILED: $*"; exit 1; }

cat <<'EOF'
========================================================================
flatpak-check: this check builds and runs Spanmark's REAL Flatpak
manifest, but against a STAND-IN for the GNOME runtime and SDK that is
built here from Debian trixie packages, because Flathub cannot be reached.
It proves the manifest, the sandbox permissions and the app; it does not
prove compatibility with the real org.gnome.Platform from Flathub.
========================================================================
EOF

# --- 1. The host's tools --------------------------------------------------
tools="flatpak flatpak-builder debootstrap bubblewrap ostree fuse3
  elfutils xvfb xauth xdotool imagemagick dbus dbus-x11 python3 debian-archive-keyring"
missing=""
for package in $tools; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $package"
  fi
done
if [ -n "$missing" ]; then
  say "installing:$missing"
  env DEBIAN_FRONTEND=noninteractive apt-get update -q
  # shellcheck disable=SC2086
  env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
fi

# --- 2. What the manifest asks for ----------------------------------------
eval "$(python3 - "$manifest" <<'EOF'
import json, shlex, sys
m = json.load(open(sys.argv[1]))
for key, name in (("id", "app_id"), ("runtime", "runtime"),
                  ("runtime-version", "version"), ("sdk", "sdk"),
                  ("command", "command")):
    print(f"{name}={shlex.quote(m[key])}")
EOF
)"
say "manifest: $app_id, runtime $runtime//$version, sdk $sdk//$version, command $command"

cache=${SPANMARK_FLATPAK_CACHE:-/var/cache/spanmark-flatpak}
out=${SPANMARK_FLATPAK_OUT:-$top/_build-flatpak}
mkdir -p "$cache" "$out"
rm -f "$out/failed-tests.txt"

# The stand-in is keyed by everything that goes into it: the package lists,
# the script that builds it, and the names it is exported under.
key=$( { cat "$here/flatpak-standin-platform.txt" "$here/flatpak-standin-sdk.txt" \
             "$here/flatpak-standin.sh"
         echo "$(uname -m) $runtime $sdk $version"; } | sha256sum | cut -c1-16)
standin="$cache/standin-$key"
export FLATPAK_USER_DIR="$standin/flatpak-user"

# --- 3. The stand-in runtime and SDK, from Debian packages ----------------
if [ -f "$standin/ready" ]; then
  say "the stand-in for $runtime//$version is cached in $standin"
else
  say "building the stand-in for $runtime//$version and $sdk//$version from Debian packages"
  rm -rf "$cache"/standin-*
  sh "$here/flatpak-standin.sh" "$standin" "$runtime" "$sdk" "$version"
  say "installing the stand-in into the private FLATPAK_USER_DIR"
  flatpak remote-add --user --no-gpg-verify --if-not-exists standin "file://$standin/repo"
  flatpak install --user --noninteractive -y standin "$runtime//$version" "$sdk//$version"
  touch "$standin/ready"
fi

# --- 4. A display for the tests in the build sandbox and for the app --------
# A private X server and session bus, started here and stopped by pid.
display=99
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do
  display=$((display + 1))
done
Xvfb ":$display" -screen 0 1280x860x24 -nolisten tcp -noreset > "$out/xvfb.log" 2>&1 &
xvfb_pid=$!
bus_pid=""
app_pid=""
cleanup () {
  [ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null || true
  [ -z "$bus_pid" ] || kill "$bus_pid" 2>/dev/null || true
  kill "$xvfb_pid" 2>/dev/null || true
}
trap cleanup EXIT
trap 'cleanup; exit 1' INT TERM
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
export DISPLAY=":$display"
unset WAYLAND_DISPLAY
bus=$(dbus-daemon --session --fork --print-address=1 --print-pid=1)
DBUS_SESSION_BUS_ADDRESS=$(echo "$bus" | sed -n 1p)
bus_pid=$(echo "$bus" | sed -n 2p)
export DBUS_SESSION_BUS_ADDRESS

# --- 5. Build the real manifest -------------------------------------------
say "building $manifest with flatpak-builder"
builder_args=""
[ -e /dev/fuse ] || builder_args="--disable-rofiles-fuse"
# flatpak-builder keeps the build folder of a failed module for a look
# inside; keep only the last run's.
rm -rf "$cache/app-repo" "$cache/flatpak-builder/build"
# shellcheck disable=SC2086
flatpak-builder --user --disable-download --force-clean $builder_args "$@" \
  --state-dir="$cache/flatpak-builder" \
  --repo="$cache/app-repo" \
  "$cache/app-build" "$manifest" > "$out/flatpak-builder.log" 2>&1 ||
  { tail -60 "$out/flatpak-builder.log"
    # A failed test's own words (meson's --print-errorlogs puts them
    # between its ">>> command" line and the summary) are long gone from
    # those last lines; keep their end, where an assertion is, in a file
    # .ci/run prints again as its last words.
    awk '/^>>> /{ on = 1 } /^Summary of Failures:/{ on = 0 } on' "$out/flatpak-builder.log" |
      tail -120 > "$out/failed-tests.txt"
    if [ -s "$out/failed-tests.txt" ]; then
      say "the end of what the failed tests printed:"
      sed 's/^/  /' "$out/failed-tests.txt"
    fi
    die "flatpak-builder (full log: $out/flatpak-builder.log)"; }
grep -E '^ *[0-9]+/[0-9]+ |^(Ok|Fail|Skipped|Expected Fail|Unexpected Pass|Timeout): ' \
  "$out/flatpak-builder.log" | sed 's/^/  sandbox test: /' || true

# The bundle is the artefact a user installs, so the app is installed from
# it. It names no runtime repo: the runtime comes from the Flathub remote a
# user has (a runtime repo URL would be fetched at install, which fails here).
say "writing the single-file bundle"
flatpak build-bundle "$cache/app-repo" "$out/spanmark.flatpak" "$app_id"
ls -l "$out/spanmark.flatpak" | sed 's/^/  /'

say "installing the app from the bundle"
flatpak uninstall --user --noninteractive -y "$app_id" > /dev/null 2>&1 || true
flatpak install --user --noninteractive -y --bundle "$out/spanmark.flatpak" > "$out/install.log" 2>&1 ||
  { cat "$out/install.log"; die "flatpak install --bundle $out/spanmark.flatpak"; }
flatpak info --user "$app_id" | sed 's/^/  /'

# --- 6. Run it ------------------------------------------------------------
# The sandbox has no access to the host's files: a user's files come through
# the file chooser portal. Here the test grants read access to the samples
# for this one run, the way `flatpak run --filesystem` lets a user do.
say "running $command on $(basename "$sample") under Xvfb $DISPLAY"
flatpak run --user --filesystem="$(dirname "$sample"):ro" "$app_id" "$sample" \
  > "$out/app.log" 2>&1 &
app_pid=$!
window=""
for _ in $(seq 60); do
  # GTK sets the X11 class from the program name, which is the command here
  window=$(xdotool search --onlyvisible --class "^($app_id|$command)\$" 2>/dev/null | head -1) || true
  [ -n "$window" ] && break
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.5
done
if [ -z "$window" ]; then
  cat "$out/app.log"
  die "no window of $app_id appeared"
fi
sleep 2
say "window $window: \"$(xdotool getwindowname "$window")\", $(xdotool getwindowgeometry "$window" | sed -n 's/ *Geometry: //p')"
import -window root "$out/screenshot.png"
say "screenshot: $out/screenshot.png"

cli_work="$out/cli"
rm -rf "$cli_work"
mkdir -p "$cli_work"
cli () { flatpak run --user --command=spanmark-cli "$@"; }
if [ ! -x "$(flatpak info --user --show-location "$app_id")/files/bin/spanmark-cli" ]; then
  say "SKIPPED spanmark-cli: this build installs no spanmark-cli yet (src/cli," \
      "issue 4, is not written), so there is nothing to run in the sandbox"
else
  say "running spanmark-cli inside the sandbox"
  cli "$app_id" --help > "$cli_work/help.txt" 2>&1 ||
    { cat "$cli_work/help.txt"; die "spanmark-cli --help in the sandbox"; }
  if ! cli "$app_id" import --help > /dev/null 2>&1; then
    say "SKIPPED the export: spanmark-cli --help ran in the sandbox, but it has" \
        "no import command yet (issue 4) to make a Spanmark file of the sample"
  else
    cli --filesystem="$(dirname "$sample"):ro" --filesystem="$cli_work" "$app_id" \
      import --from text -o "$cli_work/imported" "$sample" ||
      die "spanmark-cli import --from text in the sandbox"
    cli --filesystem="$cli_work" "$app_id" \
      export --format jsonl -o "$cli_work/sample.jsonl" "$cli_work/imported" ||
      die "spanmark-cli export --format jsonl in the sandbox"
    python3 -c 'import json, sys; [json.loads(l) for l in open(sys.argv[1])]' "$cli_work/sample.jsonl" ||
      die "the exported JSON Lines do not parse"
    say "spanmark-cli exported the sample in the sandbox:" \
        "$cli_work/sample.jsonl, $(wc -l < "$cli_work/sample.jsonl") line(s)"
  fi
fi

say "done in $(( $(date +%s) - started ))s, with the Debian-built stand-in for $runtime//$version"
