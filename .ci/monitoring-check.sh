#!/usr/bin/env bash
# Checks installer/monitoring: the Prometheus alert rules (promtool), the Grafana dashboard (valid JSON), and that
# every medkiosk_* metric the rules and dashboard use is one the kiosk exports: against the real scrape the
# MetricsEndpointJourneyTest saves (kiosk-app/target/metrics-sample.txt) when present, else against the list in
# KioskMetrics.NAMES. Run from the repository root (Debian 12; installs the prometheus package for promtool if root).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=installer/monitoring

if ! command -v promtool >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
  else
    echo "monitoring-check: promtool is missing (apt-get install prometheus)" >&2
    exit 1
  fi
fi
promtool check rules "$dir/alert-rules.yml"

if command -v jq >/dev/null 2>&1; then
  jq empty "$dir/grafana-dashboard.json"
else
  python3 -m json.tool "$dir/grafana-dashboard.json" >/dev/null
fi
echo "monitoring-check: $dir/grafana-dashboard.json is valid JSON"

# Metric names used (histogram/summary suffixes reduced to the exported family name).
used=$(grep -ohE 'medkiosk_[a-z_]+' "$dir/alert-rules.yml" "$dir/grafana-dashboard.json" | sort -u)
sample=kiosk-app/target/metrics-sample.txt
# The names the kiosk declares (KioskMetrics.NAMES), plus, when the tests saved one, a real scrape: a series that
# needs a device, a printer or a backend error to exist (device_up, paper, errors_total) is absent from a test's scrape.
exported=$(grep -oE '"medkiosk_[a-z_]+"' kiosk-app/src/main/java/org/medkiosk/app/metrics/KioskMetrics.java \
  | tr -d '"' | sed -E 's/^(medkiosk_backend_requests_seconds)$/\1\n\1_count\n\1_sum\n\1_max\n\1_bucket/' | sort -u)
source_of_truth="KioskMetrics.NAMES"
if [ -s "$sample" ]; then
  exported=$(printf '%s\n%s\n' "$exported" "$(grep -oE '^medkiosk_[a-z_]+' "$sample")" | sort -u)
  source_of_truth="KioskMetrics.NAMES and $sample (a real scrape)"
fi
missing=0
for name in $used; do
  if ! grep -qx "$name" <<<"$exported"; then
    # a timer's _bucket series exist only with histograms on; accept them when the family's _count is exported
    family=${name%_bucket}
    if [ "$family" != "$name" ] && grep -qx "${family}_count" <<<"$exported"; then
      continue
    fi
    echo "monitoring-check: $name is used in $dir but not exported by the kiosk" >&2
    missing=1
  fi
done
[ "$missing" = 0 ] || exit 1
echo "monitoring-check: every metric used is exported, checked against $source_of_truth"
