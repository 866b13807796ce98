#!/usr/bin/env bash
# CI check of the MedKiosk .deb (installer/): builds it, shellchecks its maintainer scripts, installs it, runs the
# installed kiosk, verifies the systemd unit, upgrades over it, removes it, purges it, and shows nothing is left.
# Runs as root (or with passwordless sudo) on a fresh Debian 12 with Debian's mirror reachable. It installs and
# purges the package medkiosk on this machine: run it on a CI machine, not on a kiosk.
#
# Needs (installed here when missing): the apt packages below, plus a JDK 17 with jpackage and Maven.
#   fakeroot shellcheck curl cage systemd   (cage: the unit's ExecStart; systemd: systemd-analyze)
#   openjdk-17-jdk maven                    (the build)
# The package's own dependencies (libgtk-3-0, pcscd, libpcsclite1, cage, xwayland, ...) come with apt-get install -f.
# Environment: DEB_CHECK_PORT (the demo hospital's port; default: a free one), DEB_CHECK_NO_BUILD=1 (use the .deb
# already in installer/target).
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
START=$SECONDS

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }
step() { echo "deb-check: $*"; }
fail() { echo "deb-check: FAIL: $*" >&2; exit 1; }

PACKAGES=(fakeroot shellcheck curl cage systemd)
command -v jpackage >/dev/null || PACKAGES+=(openjdk-17-jdk)
command -v mvn >/dev/null || PACKAGES+=(maven)
APT_UPDATED=false
apt_update() { $APT_UPDATED || { as_root apt-get update -qq; APT_UPDATED=true; }; }
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]}"
  apt_update
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- build ----------------------------------------------------------------------------------------
if [ "${DEB_CHECK_NO_BUILD:-}" != 1 ]; then
  step "building the .deb (mvn -Pdeb -pl installer -am package)"
  rm -f installer/target/medkiosk_*.deb
  mvn -B -q -DskipTests -Pdeb -pl installer -am package
fi
DEBS=(installer/target/medkiosk_*.deb)
[ -f "${DEBS[0]}" ] || fail "no installer/target/medkiosk_*.deb"
DEB="$(readlink -f "${DEBS[0]}")"
step "built $(basename "$DEB") ($(du -h "$DEB" | cut -f1)) at $((SECONDS - START)) s"

# --- shellcheck ------------------------------------------------------------------------------------
step "shellcheck: maintainer scripts, build script, this script"
WORK="$(mktemp -d)"
DEMO_PID=""
cleanup() {
  if [ -n "$DEMO_PID" ]; then kill "$DEMO_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
dpkg-deb --ctrl-tarfile "$DEB" | tar -x -C "$WORK"
shellcheck "$WORK"/postinst "$WORK"/prerm "$WORK"/postrm installer/src/deb/build-deb.sh .ci/deb-check.sh
# The bash completion: picocli's generated script (`kiosk completion`) is only syntax-checked; the package build's
# own fallback (made from `kiosk help` while the CLI had no `completion`) is shellchecked too.
dpkg-deb --fsys-tarfile "$DEB" | tar -x -C "$WORK" ./usr/share/bash-completion/completions/kiosk
bash -n "$WORK"/usr/share/bash-completion/completions/kiosk
if grep -q '^# Made by the package build from .kiosk help.' "$WORK"/usr/share/bash-completion/completions/kiosk; then
  step "bash completion: the fallback made from 'kiosk help'"
  shellcheck -s bash "$WORK"/usr/share/bash-completion/completions/kiosk
else
  step "bash completion: from 'kiosk completion'"
fi

# --- install -------------------------------------------------------------------------------------
if dpkg-query -W -f='${Status}' medkiosk 2>/dev/null | grep -q installed; then
  step "purging a medkiosk left installed by an earlier run"
  as_root dpkg --purge medkiosk >/dev/null
fi
step "dpkg -i $(basename "$DEB")"
if ! as_root dpkg -i "$DEB" >"$WORK/dpkg.log" 2>&1; then
  step "installing the package's dependencies (apt-get install -f)"
  apt_update
  as_root apt-get install -f -y -qq --no-install-recommends >/dev/null
fi
dpkg-query -W -f='${Status}' medkiosk | grep -q "install ok installed" || { cat "$WORK/dpkg.log"; fail "medkiosk is not installed"; }

[ "$(command -v kiosk)" = /usr/bin/kiosk ] || fail "kiosk on PATH is $(command -v kiosk || echo nothing), not /usr/bin/kiosk"
[ "$(readlink -f /usr/bin/kiosk)" = /opt/medkiosk/bin/kiosk ] || fail "/usr/bin/kiosk does not lead to /opt/medkiosk/bin/kiosk"
for f in /lib/systemd/system/medkiosk.service /usr/share/polkit-1/rules.d/50-medkiosk-pcscd.rules \
         /usr/share/polkit-1/rules.d/51-medkiosk-power.rules \
         /lib/udev/rules.d/60-medkiosk-serial.rules /etc/medkiosk/kiosk.properties \
         /usr/share/bash-completion/completions/kiosk; do
  [ -f "$f" ] || fail "$f is not installed"
done
grep -qx /etc/medkiosk/kiosk.properties /var/lib/dpkg/info/medkiosk.conffiles || fail "kiosk.properties is not a conffile"
getent passwd medkiosk >/dev/null || fail "no user medkiosk"
id -nG medkiosk | tr ' ' '\n' | grep -qx dialout || fail "medkiosk is not in group dialout"
[ "$(stat -c '%U:%G %a' /var/lib/medkiosk)" = "medkiosk:medkiosk 750" ] \
  || fail "/var/lib/medkiosk is $(stat -c '%U:%G %a' /var/lib/medkiosk), not medkiosk:medkiosk 750"

step "kiosk --version: $(kiosk --version)"
kiosk --version | grep -q '^MedKiosk ' || fail "kiosk --version"

# --- the installed kiosk serves the demo hospital, as the kiosk's own user ----------------------------
PORT="${DEB_CHECK_PORT:-}"
if [ -z "$PORT" ]; then
  for _ in $(seq 50); do
    PORT=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null || break
  done
fi
step "kiosk demo-hospital --port $PORT (as user medkiosk)"
(cd / && exec runuser -u medkiosk -- /opt/medkiosk/bin/kiosk demo-hospital --port "$PORT") >"$WORK/demo.log" 2>&1 &
DEMO_PID=$!
ok=false
for _ in $(seq 120); do
  if curl -fsS "http://127.0.0.1:$PORT/fhir/metadata" -o "$WORK/metadata.json" 2>/dev/null; then ok=true; break; fi
  kill -0 "$DEMO_PID" 2>/dev/null || break
  sleep 0.5
done
$ok || { cat "$WORK/demo.log"; fail "the demo hospital did not answer http://127.0.0.1:$PORT/fhir/metadata"; }
grep -q CapabilityStatement "$WORK/metadata.json" || fail "/fhir/metadata is not a CapabilityStatement"
step "demo hospital answered /fhir/metadata"
kill "$DEMO_PID"
wait "$DEMO_PID" 2>/dev/null || true
DEMO_PID=""

# --- the systemd unit ----------------------------------------------------------------------------------
step "systemd-analyze verify /lib/systemd/system/medkiosk.service"
if ! SYSTEMD_LOG_LEVEL=notice systemd-analyze verify /lib/systemd/system/medkiosk.service >"$WORK/verify.log" 2>&1; then
  cat "$WORK/verify.log"
  fail "systemd-analyze verify"
fi
# Without systemd as PID 1 (a container), verify warns about units of other packages that are not installed here;
# any line naming our unit is ours to fix.
if grep medkiosk.service "$WORK/verify.log"; then fail "systemd-analyze verify complains about medkiosk.service"; fi
grep -q '^ExecStart=/usr/bin/cage -- /opt/medkiosk/bin/kiosk run --config /etc/medkiosk/kiosk.properties$' \
  /lib/systemd/system/medkiosk.service || fail "the unit does not run the kiosk under cage"
[ -x /usr/bin/cage ] || fail "cage is not installed (it is a dependency)"

# --- upgrade (the same package again) keeps the configuration and the data -----------------------------------------
step "upgrade: dpkg -i over the installed package"
echo "# deb-check: a local change" | as_root tee -a /etc/medkiosk/kiosk.properties >/dev/null
as_root runuser -u medkiosk -- sh -c 'echo journal > /var/lib/medkiosk/deb-check-journal'
CONF_SUM="$(md5sum < /etc/medkiosk/kiosk.properties)"
as_root dpkg -i "$DEB" >"$WORK/dpkg.log" 2>&1 || { cat "$WORK/dpkg.log"; fail "upgrade"; }
[ "$(md5sum < /etc/medkiosk/kiosk.properties)" = "$CONF_SUM" ] || fail "the upgrade changed /etc/medkiosk/kiosk.properties"
[ "$(cat /var/lib/medkiosk/deb-check-journal)" = journal ] || fail "the upgrade lost /var/lib/medkiosk"
[ "$(stat -c '%U' /var/lib/medkiosk/deb-check-journal)" = medkiosk ] || fail "the upgrade changed /var/lib/medkiosk"

# --- remove keeps configuration, data and user; purge removes everything --------------------------------------
step "dpkg --remove keeps /etc/medkiosk, /var/lib/medkiosk and the user"
as_root dpkg --remove medkiosk >/dev/null
for f in /opt/medkiosk /usr/bin/kiosk /lib/systemd/system/medkiosk.service; do
  if [ -e "$f" ] || [ -L "$f" ]; then fail "remove left $f"; fi
done
[ -f /etc/medkiosk/kiosk.properties ] || fail "remove deleted /etc/medkiosk/kiosk.properties"
[ -f /var/lib/medkiosk/deb-check-journal ] || fail "remove deleted /var/lib/medkiosk"
getent passwd medkiosk >/dev/null || fail "remove deleted the user medkiosk"

step "dpkg --purge"
as_root dpkg --purge medkiosk >/dev/null
left=()
for f in /opt/medkiosk /etc/medkiosk /var/lib/medkiosk /usr/bin/kiosk /lib/systemd/system/medkiosk.service \
         /usr/share/polkit-1/rules.d/50-medkiosk-pcscd.rules /usr/share/polkit-1/rules.d/51-medkiosk-power.rules \
         /lib/udev/rules.d/60-medkiosk-serial.rules \
         /usr/share/bash-completion/completions/kiosk /usr/share/doc/medkiosk; do
  if [ -e "$f" ] || [ -L "$f" ]; then left+=("$f"); fi
done
getent passwd medkiosk >/dev/null && left+=("user medkiosk")
getent group medkiosk >/dev/null && left+=("group medkiosk")
dpkg-query -W -f='${Status}' medkiosk 2>/dev/null | grep -qv "not-installed" && left+=("dpkg status: $(dpkg-query -W -f='${Status}' medkiosk)")
if [ ${#left[@]} -gt 0 ]; then fail "purge left: ${left[*]}"; fi
step "purge left nothing: /opt/medkiosk /etc/medkiosk /var/lib/medkiosk /usr/bin/kiosk medkiosk.service, user medkiosk all gone"
step "OK in $((SECONDS - START)) s"
