#!/usr/bin/env bash
# Starts the system services the real-stack tests talk to. Safe to run again; used by .ci/run and by
# developers who want those tests to run locally instead of skipping.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

# PC/SC: not started here on purpose. The smart-card tests start their own `pcscd --foreground` (as root)
# with vsmartcard-vpcd's reader (/etc/reader.conf.d/vpcd, TCP 35963), so they can also stop and restart it
# to prove the reader recovers; they never stop a pcscd they did not start.

# CUPS with a cups-pdf queue named PDF: the report printer prints real jobs that land as PDF files.
if [ -x /usr/sbin/cupsd ]; then
  if ! pgrep -x cupsd >/dev/null; then
    as_root /usr/sbin/cupsd
  fi
  for _ in $(seq 1 100); do
    lpstat -r 2>/dev/null | grep -q "is running" && break
    sleep 0.1
  done
  if ! lpstat -v PDF >/dev/null 2>&1; then
    as_root lpadmin -p PDF -E -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd
  fi
  as_root cupsenable PDF || true
  as_root cupsaccept PDF || true
  echo "services: $(lpstat -r 2>/dev/null); $(lpstat -v PDF 2>/dev/null)"
fi
