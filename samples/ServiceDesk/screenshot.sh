#!/usr/bin/env bash
# Writes the default month's HTML report and takes screenshots of it with headless Chromium (installed with apt-get when
# missing): the top of the page and the whole page. Usage: samples/ServiceDesk/screenshot.sh [OUT-PREFIX] [-- sample options].
# Not part of CI (CI checks the page's structure); for looking at the page before changing it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
prefix="$(realpath -m "${1:-servicedesk-report}")"
shift || true
if [ "${1:-}" = "--" ]; then shift; fi

browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  browser="$(command -v chromium)"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet run --project samples/ServiceDesk -c Release -- --html "$work/report.html" --out "$work/report.txt" "$@" 2>/dev/null
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1600 --screenshot="$prefix-top.png" "file://$work/report.html" 2>/dev/null
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,12000 --screenshot="$prefix-page.png" "file://$work/report.html" 2>/dev/null
echo "HTML report screenshots: $prefix-top.png, $prefix-page.png"
