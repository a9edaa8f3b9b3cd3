#!/bin/sh
# Checks that the MIME type Spanmark installs recognises its files: by the
# *.spanmark.json glob, and by the "format" magic when a saved file is called
# plain x.json or has no extension, and that other JSON stays application/json.
# Usage: test-mime-type.sh BUILT-MIME-XML
set -eu

for tool in update-mime-database gio; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "1..0 # SKIP $tool is not installed"
    exit 0
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/share/mime/packages" "$tmp/files"
cp "$1" "$tmp/share/mime/packages/"
update-mime-database "$tmp/share/mime" >/dev/null 2>&1

# As Spanmark writes files (JsonGenerator's pretty layout), and as it wrote
# them before
saved='{
  "format" : "spanmark",
  "version" : 1
}'
printf '%s\n' "$saved" > "$tmp/files/article.spanmark.json"
printf '%s\n' "$saved" > "$tmp/files/article.json"
printf '%s\n' "$saved" > "$tmp/files/article"
printf '{\n  "format": "spanmark",\n  "version": 1\n}\n' > "$tmp/files/older.json"
printf '{"format":"spanmark","version":1}\n' > "$tmp/files/compact.json"
printf '{"format": "other", "version": 1}\n' > "$tmp/files/other.json"

echo "1..6"
n=0
status=0
check () {
  n=$((n + 1))
  type=$(XDG_DATA_HOME="$tmp/share" XDG_DATA_DIRS="$tmp/share:/usr/share" \
         gio info -a standard::content-type "$tmp/files/$1" 2>/dev/null |
         sed -n 's/^ *standard::content-type: //p')
  if [ "$type" = "$2" ]; then
    echo "ok $n - $1 is $2"
  else
    echo "not ok $n - $1 is '$type', expected $2"
    status=1
  fi
}
check article.spanmark.json application/x-spanmark+json
check article.json application/x-spanmark+json
check article application/x-spanmark+json
check older.json application/x-spanmark+json
check compact.json application/x-spanmark+json
check other.json application/json
exit $status
