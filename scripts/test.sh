#!/usr/bin/env bash
# Every test layer, in order. `scripts/test.sh [lint|native|browser|e2e|firefox|webkit]...`
# runs only the named layers; no argument runs them all.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

layers=("$@")
[ ${#layers[@]} -gt 0 ] || layers=(lint native browser e2e firefox webkit)
say() { printf '\n==> %s\n' "$*"; }

# The release build under test, built once per run (e2e builds it; the
# engine layers build it when run alone).
built=0
release_build() {
  [ "$built" = 1 ] || trunk build --release
  built=1
}

for layer in "${layers[@]}"; do
  case "$layer" in
    lint)
      say "lint: cargo fmt --check, clippy (native and wasm32) with -D warnings"
      cargo fmt --all -- --check
      cargo clippy --all-targets -- -D warnings
      cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
      ;;
    native)
      say "native: cargo test (domain logic, step detector on real recordings)"
      cargo test
      ;;
    browser)
      say "browser: wasm-bindgen-test in headless Chromium (adapters and components)"
      CHROMEDRIVER=/usr/bin/chromedriver \
        CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
        cargo test --target wasm32-unknown-unknown --lib --test browser --test browser_care --test browser_history --test browser_store --test browser_walk
      ;;
    e2e)
      say "e2e: release build, then Playwright + Chromium at 390x844"
      release_build
      node --test --test-concurrency=1 tests/e2e/ tests/engines/chromium.test.mjs
      ;;
    firefox)
      say "firefox: the walker's checks in Firefox ESR (puppeteer-core over WebDriver BiDi) at 390x844"
      release_build
      node --test --test-concurrency=1 tests/engines/firefox.test.mjs
      ;;
    webkit)
      say "webkit: the walker's checks in WebKitGTK (WebKitWebDriver + MiniBrowser under Xvfb) at 390x844"
      release_build
      node --test --test-concurrency=1 tests/engines/webkit.test.mjs
      ;;
    *)
      echo "unknown layer: $layer" >&2
      exit 2
      ;;
  esac
done
say "all requested test layers passed"
