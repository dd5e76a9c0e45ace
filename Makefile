# Signpost: `make site` builds the sample site into Output/, `make test` runs every test.
# Both install what they need (Debian packages, a Python virtual environment) when it is missing.

SWIFT   ?= swift
CONTENT ?= Content
OUTPUT  ?= Output
THEME   ?= Themes/default
VENV    ?= .venv
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SIGNPOST = .build/debug/signpost

.PHONY: site test swift-test browser-test a11y deps browser-deps bench clean

site: deps
	$(SWIFT) build --product signpost
	$(SIGNPOST) build --content $(CONTENT) --output $(OUTPUT)

test: deps swift-test

swift-test: deps
	$(SWIFT) test

# The C library cmark, found through pkg-config.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark; then \
		echo "Installing libcmark-dev and pkg-config…"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libcmark-dev pkg-config; \
	fi

clean:
	rm -rf .build $(OUTPUT)/* $(VENV)
