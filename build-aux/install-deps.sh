#!/bin/sh
# Installs what Spanmark needs to build, run and test, from Debian or Ubuntu
# packages. Safe to run again: it only calls apt-get when something is missing.
set -eu

packages="
  gcc libc6-dev pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin libjson-glib-dev nettle-dev
  libgtk-4-dev libgtksourceview-5-dev libadwaita-1-dev
  desktop-file-utils appstream
  python3 python3-nltk python3-pandas
  git
  xvfb xauth dbus dbus-x11 imagemagick xdotool
  fonts-cantarell fonts-noto-core adwaita-icon-theme hicolor-icon-theme
  shared-mime-info librsvg2-common
"

missing=""
for package in $packages; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $package"
  fi
done

if [ -z "$missing" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
else
  sudo="sudo"
fi

echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
# shellcheck disable=SC2086
$sudo apt-get install -y -q --no-install-recommends $missing
