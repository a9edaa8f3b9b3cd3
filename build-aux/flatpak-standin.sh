#!/bin/sh
# Builds the stand-in GNOME runtime and SDK that build-aux/flatpak-check.sh
# tests the Flatpak with, because Flathub cannot be reached: a Debian trixie
# rootfs (debootstrap, minbase) with the packages of flatpak-standin-platform.txt,
# and a copy with flatpak-standin-sdk.txt added, each exported under the
# runtime and SDK names the manifest asks for into the ostree repo DIR/repo.
#
# Usage: flatpak-standin.sh DIR RUNTIME SDK VERSION   (as root: it uses chroot)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
dir=$1 runtime=$2 sdk=$3 version=$4
suite=trixie
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
arch=$(uname -m)

started=$(date +%s)
say () { printf 'flatpak-standin [%4ss]: %s\n' "$(( $(date +%s) - started ))" "$*"; }
fail () { # LOG WHAT
  tail -30 "$1"
  say "FAILED: $2 (log: $1)"
  exit 1
}
packages () { grep -v '^#' "$1" | tr '\n' ' '; }

apt_in () { # ROOTFS PACKAGES...
  root=$1; shift
  chroot "$root" env DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 \
    apt-get install -y -q --no-install-recommends "$@" > "$dir/apt.log" 2>&1 ||
    fail "$dir/apt.log" "apt-get install in the $suite chroot"
  chroot "$root" apt-get clean
}

# A runtime directory as `flatpak build-export --runtime` wants it: metadata,
# an empty files/, and usr/ (the rootfs's /usr, with its /etc in usr/etc,
# ldconfig in usr/bin where flatpak runs it from, and /app/lib on the library
# path so that an app's own libraries are found).
runtime_dir () { # ROOTFS DIR NAME
  mkdir -p "$2/files"
  cat > "$2/metadata" <<EOT
[Runtime]
name=$3
runtime=$runtime/$arch/$version
sdk=$sdk/$arch/$version
EOT
  mv "$1/usr" "$2/usr"
  rm -rf "$2/usr/etc"
  cp -a "$1/etc" "$2/usr/etc"
  printf '/app/lib\n/app/lib/%s-linux-gnu\n' "$arch" > "$2/usr/etc/ld.so.conf.d/app.conf"
  [ -e "$2/usr/bin/ldconfig" ] || ln -s ../sbin/ldconfig "$2/usr/bin/ldconfig"
  rm -rf "$1"
}

rm -rf "$dir"
mkdir -p "$dir"

say "debootstrap --variant=minbase $suite from $mirror"
debootstrap --variant=minbase "$suite" "$dir/platform-root" "$mirror" > "$dir/debootstrap.log" 2>&1 ||
  fail "$dir/debootstrap.log" "debootstrap $suite"
chroot "$dir/platform-root" apt-get update -q > "$dir/apt.log" 2>&1 ||
  fail "$dir/apt.log" "apt-get update in the $suite chroot"

say "installing the Platform packages"
# shellcheck disable=SC2046
apt_in "$dir/platform-root" $(packages "$here/flatpak-standin-platform.txt")
cp -a "$dir/platform-root" "$dir/sdk-root"
say "installing the SDK packages"
# shellcheck disable=SC2046
apt_in "$dir/sdk-root" $(packages "$here/flatpak-standin-sdk.txt")
modversion () { chroot "$dir/sdk-root" pkg-config --modversion "$1"; }
say "GTK $(modversion gtk4), libadwaita $(modversion libadwaita-1)," \
    "GtkSourceView $(modversion gtksourceview-5), json-glib $(modversion json-glib-1.0)"

runtime_dir "$dir/platform-root" "$dir/platform" "$runtime"
runtime_dir "$dir/sdk-root" "$dir/sdk" "$sdk"

say "exporting $runtime//$version and $sdk//$version to $dir/repo"
ostree init --mode=bare-user-only --repo="$dir/repo"
for name in platform sdk; do
  flatpak build-export --runtime "$dir/repo" "$dir/$name" "$version" > "$dir/export.log" 2>&1 ||
    fail "$dir/export.log" "flatpak build-export of the $name"
done
# The exported trees stay in the cache (about 2 GB): deleting tens of
# thousands of files costs minutes on some disks, and the cache is replaced
# whole when the package lists change.
rm -f "$dir/apt.log" "$dir/export.log" "$dir/debootstrap.log"
say "done"
