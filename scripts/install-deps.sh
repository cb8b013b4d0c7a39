#!/usr/bin/env bash
# Installs what building, running and testing Hearth needs on Debian 12, and nothing when it is
# all there already (safe to repeat). Run as root (or with sudo available).
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config curl ca-certificates
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev libboost-system1.81-dev
  libsqlite3-dev sqlite3 libpq-dev postgresql-15 libsodium-dev libexpected-dev
  libspdlog-dev libfmt-dev libcli11-dev prometheus-cpp-dev libxlsxwriter-dev
  libgtest-dev libgmock-dev libcpp-httplib-dev libjemalloc-dev libzip-dev libexpat1-dev libcurl4-openssl-dev
  chromium fonts-noto-cjk nginx-light wrk procps
  clang sqlmap wapiti postgresql-15-auto-failover
)
# Node.js and npm build the web app; a machine that already has a newer Node keeps it.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
# The Debian package starts a cluster of its own; Hearth's tests start their own server instead.
