#!/bin/sh
# Installs the dependencies and configures and compiles Spanmark in _build/.
# The two commands in README.md start with this.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

sh build-aux/install-deps.sh

if [ -d _build ] && [ -f _build/build.ninja ]; then
  meson setup --reconfigure _build -Dwerror=true >/dev/null
else
  meson setup _build -Dwerror=true
fi

ninja -C _build
