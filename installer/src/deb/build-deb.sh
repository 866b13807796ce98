#!/usr/bin/env bash
# Assembles medkiosk_VERSION_ARCH.deb from jpackage's app-image and the files beside this script.
#   build-deb.sh APP_IMAGE PROJECT_VERSION OUT_DIR
# Called by installer/pom.xml's profile deb (after jpackage made APP_IMAGE). Needs dpkg-deb (no fakeroot: the
# package's files are owned by root through --root-owner-group; the medkiosk user's folder is made by postinst).
set -euo pipefail

IMAGE="$1"
VERSION="$2"
OUT="$3"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
INSTALLER="$(cd "$HERE/../.." && pwd)"

# 0.1.0-SNAPSHOT -> 0.1.0~SNAPSHOT: a snapshot sorts before its release.
DEB_VERSION="${VERSION//-/\~}"
ARCH="$(dpkg --print-architecture)"
DEB="$OUT/medkiosk_${DEB_VERSION}_${ARCH}.deb"
ROOT="$OUT/deb-root"

[ -x "$IMAGE/bin/kiosk" ] || { echo "build-deb: no app-image launcher at $IMAGE/bin/kiosk" >&2; exit 1; }

rm -rf "$ROOT" "$DEB"
umask 022
mkdir -p "$ROOT/DEBIAN" "$ROOT/opt" "$ROOT/usr/bin" "$ROOT/lib/systemd/system" "$ROOT/lib/udev/rules.d" \
  "$ROOT/usr/share/polkit-1/rules.d" "$ROOT/etc/medkiosk" "$ROOT/usr/share/bash-completion/completions" \
  "$ROOT/usr/share/doc/medkiosk" "$ROOT/usr/share/lintian/overrides"

# The application: the app-image as /opt/medkiosk (bin/kiosk, lib/app/*.jar, lib/runtime), on PATH as /usr/bin/kiosk.
cp -a "$IMAGE" "$ROOT/opt/medkiosk"
ln -s /opt/medkiosk/bin/kiosk "$ROOT/usr/bin/kiosk"

install -m 0644 "$HERE/files/medkiosk.service" "$ROOT/lib/systemd/system/medkiosk.service"
install -m 0644 "$HERE/files/60-medkiosk-serial.rules" "$ROOT/lib/udev/rules.d/60-medkiosk-serial.rules"
install -m 0644 "$HERE/files/50-medkiosk-pcscd.rules" "$ROOT/usr/share/polkit-1/rules.d/50-medkiosk-pcscd.rules"
install -m 0644 "$HERE/files/51-medkiosk-power.rules" "$ROOT/usr/share/polkit-1/rules.d/51-medkiosk-power.rules"
install -m 0644 "$INSTALLER/kiosk.properties.example" "$ROOT/etc/medkiosk/kiosk.properties"
install -m 0644 "$HERE/files/copyright" "$ROOT/usr/share/doc/medkiosk/copyright"
install -m 0644 "$INSTALLER/INSTALL.md" "$ROOT/usr/share/doc/medkiosk/INSTALL.md"
install -m 0644 "$INSTALLER/kiosk.properties.example" "$ROOT/usr/share/doc/medkiosk/kiosk.properties.example"
printf 'medkiosk (%s) unstable; urgency=medium\n\n  * Built from the MedKiosk sources.\n\n -- %s  %s\n' \
  "$DEB_VERSION" "MedKiosk maintainers <kiosk@medkiosk.invalid>" "$(LC_ALL=C date -R)" \
  | gzip -9n > "$ROOT/usr/share/doc/medkiosk/changelog.gz"

# Bash completion: picocli's script from `kiosk completion` when the CLI has that subcommand; otherwise one made here
# from the subcommand names `kiosk help` lists ("  word [word] ..." lines).
COMPLETION="$ROOT/usr/share/bash-completion/completions/kiosk"
if "$IMAGE/bin/kiosk" completion > "$COMPLETION.tmp" 2>/dev/null && grep -q '^complete ' "$COMPLETION.tmp"; then
  # a completion file is sourced, not run: no #! line
  sed '1{/^#!/d}' "$COMPLETION.tmp" > "$COMPLETION" && rm -f "$COMPLETION.tmp"
  echo "build-deb: bash completion from 'kiosk completion'"
else
  rm -f "$COMPLETION.tmp"
  help="$("$IMAGE/bin/kiosk" help)"
  top="$(printf '%s\n' "$help" | sed -n 's/^  \([a-z-][a-z-]*\).*/\1/p' | sort -u | tr '\n' ' ')"
  subs="$(printf '%s\n' "$help" | sed -n 's/^  \([a-z][a-z-]*\) \([a-z][a-z-]*\).*/\1 \2/p' | sort -u |
    awk '{ w[$1] = w[$1] " " $2 } END { for (k in w) printf "    %s) words=\"%s\" ;;\n", k, substr(w[k], 2) }' | sort)"
  [ -n "$top" ] || { echo "build-deb: 'kiosk help' listed no subcommands" >&2; exit 1; }
  sed -e "s/@TOP@/${top% }/" "$HERE/files/kiosk-completion.bash.in" |
    awk -v subs="$subs" '$0 == "    @SUBS@" { print subs; next } { print }' > "$COMPLETION"
  echo "build-deb: 'kiosk completion' is not there yet: bash completion made from 'kiosk help'"
fi
chmod 0644 "$COMPLETION"

# Maintainer scripts and control files.
install -m 0755 "$HERE/debian/postinst" "$HERE/debian/prerm" "$HERE/debian/postrm" "$ROOT/DEBIAN/"
echo /etc/medkiosk/kiosk.properties > "$ROOT/DEBIAN/conffiles"
install -m 0644 "$HERE/files/lintian-overrides" "$ROOT/usr/share/lintian/overrides/medkiosk"
chmod -R u+rwX,go+rX,go-w "$ROOT"
# Shared libraries are not executables; the JDK's and jpackage's ELF files are shipped stripped.
find "$ROOT/opt/medkiosk" -name '*.so' -exec chmod 0644 {} +
if command -v strip >/dev/null; then
  find "$ROOT/opt/medkiosk" -type f \( -name '*.so' -o -perm -u+x \) -exec sh -c \
    'for f; do case "$(head -c 4 "$f" | od -An -c | tr -d " ")" in 177ELF) strip --strip-unneeded "$f" ;; esac; done' sh {} +
fi
SIZE="$(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)"
sed -e "s/@VERSION@/$DEB_VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$SIZE/" "$HERE/debian/control.in" > "$ROOT/DEBIAN/control"
(cd "$ROOT" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) \
  > "$ROOT/DEBIAN/md5sums"
chmod 0644 "$ROOT/DEBIAN/control" "$ROOT/DEBIAN/conffiles" "$ROOT/DEBIAN/md5sums"

dpkg-deb --root-owner-group -Zgzip -z6 --build "$ROOT" "$DEB" >/dev/null
echo "build-deb: $DEB ($(du -h "$DEB" | cut -f1))"
