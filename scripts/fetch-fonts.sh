#!/usr/bin/env bash
# PDFs print Chinese and Japanese with Droid Sans Fallback (Apache License 2.0) and Korean with Nanum Gothic (SIL Open
# Font License 1.1); no Maven artifact carries them. The build takes them from Debian's fonts-droid-fallback and
# fonts-nanum packages into the platform's jar (argument: the folder to put them in), each with its copyright file;
# nothing is installed on the machine. Debian's package lists are read once more first when they do not know a
# package yet (as root, as CI runs; otherwise it says what to do).
set -euo pipefail
out=${1:?usage: fetch-fonts.sh <folder>}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# fetch PACKAGE FONT-FOLDER FONT-FILE
fetch() {
  local package=$1 folder=$2 file=$3
  if [ -s "$out/$file" ] && [ -s "$out/$package-copyright.txt" ]; then
    return
  fi
  if [ -s "$folder/$file" ] && [ -s "/usr/share/doc/$package/copyright" ]; then
    cp "$folder/$file" "$out/"
    cp "/usr/share/doc/$package/copyright" "$out/$package-copyright.txt"
    return
  fi
  (
    cd "$work"
    if ! apt-get download "$package" >/dev/null 2>&1; then
      if [ "$(id -u)" -ne 0 ]; then
        echo "The PDF fonts come from Debian: run 'sudo apt-get update' (or 'sudo apt-get install $package')" >&2
        exit 1
      fi
      apt-get update -qq
      apt-get download "$package" >/dev/null 2>&1
    fi
    dpkg-deb -x "$package"_*.deb "$package"
  )
  cp "$work/$package$folder/$file" "$out/"
  cp "$work/$package/usr/share/doc/$package/copyright" "$out/$package-copyright.txt"
}

fetch fonts-droid-fallback /usr/share/fonts/truetype/droid DroidSansFallbackFull.ttf
fetch fonts-nanum /usr/share/fonts/truetype/nanum NanumGothic.ttf
