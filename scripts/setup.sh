#!/usr/bin/env bash
# Installs what building and testing Loopwalk needs, skipping what is there.
# Works as root on a fresh Debian machine with rustup, cargo and network
# access to the package registries only (no prebuilt binary downloads).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '==> %s\n' "$*"; }

apt_pkgs=()
command -v chromium >/dev/null 2>&1 || apt_pkgs+=(chromium)
command -v chromedriver >/dev/null 2>&1 || apt_pkgs+=(chromium-driver)
command -v node >/dev/null 2>&1 || apt_pkgs+=(nodejs)
command -v npm >/dev/null 2>&1 || apt_pkgs+=(npm)
# The cross-engine layers: Firefox ESR, and WebKitGTK's WebDriver with its
# MiniBrowser (in libwebkit2gtk-4.1-0), which needs an X display (Xvfb).
command -v firefox-esr >/dev/null 2>&1 || apt_pkgs+=(firefox-esr)
command -v WebKitWebDriver >/dev/null 2>&1 || apt_pkgs+=(webkit2gtk-driver)
[ -x /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser ] || [ -x /usr/libexec/webkit2gtk-4.1/MiniBrowser ] || apt_pkgs+=(libwebkit2gtk-4.1-0)
command -v Xvfb >/dev/null 2>&1 || apt_pkgs+=(xvfb)
if [ ${#apt_pkgs[@]} -gt 0 ]; then
  say "apt-get install ${apt_pkgs[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${apt_pkgs[@]}"
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

TRUNK_VERSION=0.21.14
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "cargo install trunk $TRUNK_VERSION (takes a few minutes, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WBG_VERSION"; then
  say "cargo install wasm-bindgen-cli $WBG_VERSION"
  # No --locked: its lock file pins a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci (wasm-opt from binaryen, Playwright driver, puppeteer-core for Firefox, axe-core, Lighthouse)"
  npm ci --no-audit --no-fund
fi

cargo fetch --quiet
