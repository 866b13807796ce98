#!/usr/bin/env bash
# Starts the system services the real-stack tests talk to. Safe to run again; used by .ci/run and by
# developers who want those tests to run locally instead of skipping.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

# PC/SC: pcscd loads vsmartcard-vpcd's reader (/etc/reader.conf.d/vpcd), which waits for a virtual card on
# 127.0.0.1:35963; the smart-card tests connect their simulated card there.
if command -v pcscd >/dev/null || [ -x /usr/sbin/pcscd ]; then
  if ! pgrep -x pcscd >/dev/null; then
    as_root /usr/sbin/pcscd
  fi
  for _ in $(seq 1 50); do
    [ -S /run/pcscd/pcscd.comm ] && break
    sleep 0.1
  done
  echo "services: pcscd $( [ -S /run/pcscd/pcscd.comm ] && echo running || echo 'NOT running')"
fi

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
