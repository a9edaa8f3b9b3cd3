#!/bin/sh
# Builds Spanmark and opens the bundled sample article in it.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
sh "$top/build-aux/setup-build.sh"

cd "$top"
# Run from the build tree: the GSettings schema is compiled there
export GSETTINGS_SCHEMA_DIR="$top/_build/data"
exec "$top/_build/src/app/spanmark" "$top/data/samples/belarus-iran-sanctions.txt"
