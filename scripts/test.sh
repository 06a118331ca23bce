#!/usr/bin/env bash
# Every test layer, in order. `scripts/test.sh [lint|native|browser|e2e]...`
# runs only the named layers; no argument runs them all.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

layers=("$@")
[ ${#layers[@]} -gt 0 ] || layers=(lint native browser e2e)
say() { printf '\n==> %s\n' "$*"; }

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
      trunk build --release
      node --test --test-concurrency=1 tests/e2e/
      ;;
    *)
      echo "unknown layer: $layer" >&2
      exit 2
      ;;
  esac
done
say "all requested test layers passed"
