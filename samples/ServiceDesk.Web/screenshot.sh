#!/usr/bin/env bash
# Starts the demo on a fresh SQLite file, waits for it, and takes a screenshot of the dashboard with headless Chromium
# (installed with apt-get when missing). Usage: samples/ServiceDesk.Web/screenshot.sh [OUT.png]. Not part of CI.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
out="$(realpath -m "${1:-dashboard.png}")"
port="${SERVICEDESK_PORT:-5097}"

browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  browser="$(command -v chromium)"
fi

work="$(mktemp -d)"
dotnet build -c Release samples/ServiceDesk.Web >/dev/null
(cd "$work" && exec dotnet "$OLDPWD/samples/ServiceDesk.Web/bin/Release/net10.0/ServiceDesk.Web.dll" --urls "http://127.0.0.1:$port" >"$work/host.log" 2>&1) &
host=$!
trap 'kill "$host" 2>/dev/null || true; wait "$host" 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 120); do
  if curl -sf "http://127.0.0.1:$port/" -o "$work/page.html"; then break; fi
  sleep 1
done
test -s "$work/page.html" || { cat "$work/host.log" >&2; echo "the host did not answer" >&2; exit 1; }

"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1500 --screenshot="$out" "http://127.0.0.1:$port/" 2>/dev/null
echo "dashboard screenshot: $out"
