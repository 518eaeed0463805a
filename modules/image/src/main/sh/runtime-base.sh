#!/usr/bin/env bash
# The offline base of the image (docs/image.md): no image registry is reachable on the build machines, so the
# build makes the base's files itself. A Java runtime is linked (jlink) from the JDK that runs the build, and the
# shared libraries it loads (glibc, zlib, libstdc++, the font and image libraries PDFBox reaches through
# java.desktop) are copied from the same Debian system with their packages' copyright files; then glibc's C.utf8
# locale, /etc/passwd and /etc/group naming the image's user 65532, /etc/nsswitch.conf, and empty /tmp and /proc.
# Nothing is installed or downloaded.
# Usage: runtime-base.sh <jdk home> <folder>. The folder is made again only when the JDK or this script changed.
set -euo pipefail
jdk=${1:?usage: runtime-base.sh <jdk home> <folder>}
out=${2:?usage: runtime-base.sh <jdk home> <folder>}
java_home=opt/java/openjdk   # where eclipse-temurin images keep theirs, so both bases look alike

for tool in ldd dpkg-query "$jdk/bin/jlink"; do
  command -v "$tool" >/dev/null || { echo "runtime-base.sh: needs $tool (a Debian-like Linux and a JDK with jmods)" >&2; exit 1; }
done

stamp="$("$jdk/bin/java" -version 2>&1 | tr '\n' ' ') $(sha256sum "$0" | cut -c1-64)"
if [ -f "$out.stamp" ] && [ "$(cat "$out.stamp")" = "$stamp" ] && [ -d "$out" ]; then
  exit 0
fi
rm -rf "$out" "$out.stamp"
mkdir -p "$out/opt/java"

# The modules Payara Micro and the application use: Java SE, the JDK's crypto providers, management, JFR,
# DNS naming, zip file systems, locales and charsets (no compiler, no tools).
"$jdk/bin/jlink" --output "$out/$java_home" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.zipfs,jdk.localedata,jdk.charsets,jdk.httpserver,jdk.jfr,jdk.net,jdk.security.auth,jdk.security.jgss,jdk.xml.dom
# A headless server: the X11 and sound back ends would pull in X and ALSA libraries for nothing.
rm -f "$out/$java_home"/lib/{libawt_xawt,libjawt,libsplashscreen,libjsound}.so

# Every shared library any of the runtime's programs and libraries needs, from the build machine, at the path
# the dynamic loader looks in. Copied as files (the image format here carries no symbolic links).
libs=$(find "$out/$java_home" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} + 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/lib.*ld-linux/ {print $1}' | sort -u)
packages=()
for lib in $libs; do
  case "$lib" in "$out"/*) continue ;; esac
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
  # Debian 12 lists some libraries under /lib, others under /usr/lib (merged /usr): ask for both names.
  packages+=("$( (dpkg-query -S "$lib" || dpkg-query -S "$(readlink -f "$lib")") 2>/dev/null | head -1 | cut -d: -f1)")
done
for package in $(printf '%s\n' "${packages[@]}" | grep -v '^$' | sort -u); do
  mkdir -p "$out/usr/share/doc/$package"
  cp "/usr/share/doc/$package/copyright" "$out/usr/share/doc/$package/"
  dpkg-query -W -f '${Package} ${Version} ${Architecture}\n' "$package" >> "$out/usr/share/doc/packages.txt"
done

# Java 17 takes its default charset from the locale: LANG=C.UTF-8 (set by the image) needs glibc's C.utf8 files.
mkdir -p "$out/usr/lib/locale" "$out/usr/share/doc/libc-bin"
cp -r /usr/lib/locale/C.utf8 "$out/usr/lib/locale/"
cp /usr/share/doc/libc-bin/copyright "$out/usr/share/doc/libc-bin/"
dpkg-query -W -f '${Package} ${Version} ${Architecture}\n' libc-bin >> "$out/usr/share/doc/packages.txt"

# /proc is where the runtime mounts proc (the dynamic loader resolves the JDK's $ORIGIN through it).
mkdir -p "$out/etc" "$out/tmp" "$out/proc"
printf 'root:x:0:0:root:/root:/sbin/nologin\nservicepoint:x:65532:65532:ServicePoint:/tmp:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\nservicepoint:x:65532:\n' > "$out/etc/group"
# Host names from the /etc/hosts the container runtime mounts, then DNS (glibc has both built in).
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$out/etc/nsswitch.conf"
echo "$stamp" > "$out.stamp"
