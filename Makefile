# Loopwalk: the two commands of the README are `make run` and `make test`.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080
HOST ?= 127.0.0.1

.PHONY: run test setup build serve lint native browser e2e e2e-firefox e2e-webkit bench icons

## Build the release and serve it on http://127.0.0.1:8080
run: setup build
	node scripts/serve.mjs dist $(PORT) $(HOST)

## Run every test layer: lint, native, in-browser (wasm-bindgen-test), end-to-end on the release build in Chromium, Firefox and WebKit
test: setup
	scripts/test.sh

setup:
	scripts/setup.sh

build:
	trunk build --release

serve:
	node scripts/serve.mjs dist $(PORT) $(HOST)

lint:
	scripts/test.sh lint

native:
	scripts/test.sh native

browser:
	scripts/test.sh browser

e2e: build
	scripts/test.sh e2e

## The same walker's checks in Firefox ESR and in WebKitGTK (iPhone Safari's engine)
e2e-firefox: setup
	scripts/test.sh firefox

e2e-webkit: setup
	scripts/test.sh webkit

## Every benchmark figure and budget check
bench: setup
	scripts/bench.sh

## Re-render the PNG icons from public/icons/*.svg
icons:
	node scripts/icons.mjs
