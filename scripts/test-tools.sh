#!/bin/sh
# Installs what the test suite drives besides npm packages: a real browser, the web server
# production runs (nginx, serving deploy/nginx.conf) and the standard-library clients that
# parse our feeds. Debian/Ubuntu only; does nothing when everything is present. Run as root
# (CI) or with sudo available.
set -eu

missing=""
# The headless shell: the browser the tests prefer (tests/support/browser.ts).
[ -x /usr/bin/chromium-headless-shell ] || missing="$missing chromium-headless-shell"
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || missing="$missing nginx"
/usr/bin/python3 -c 'import feedparser' 2>/dev/null || missing="$missing python3-feedparser"
/usr/bin/python3 -c 'import jsonschema' 2>/dev/null || missing="$missing python3-jsonschema"
/usr/bin/python3 -c 'import icalendar' 2>/dev/null || missing="$missing python3-icalendar"

[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "test tools missing:$missing (install them with your package manager; the tests that need them say so)" >&2
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing test tools:$missing"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
