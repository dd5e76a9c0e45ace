# Signpost: `make site` builds the sample site into Output/, `make test` runs every test.
# Both install what they need (Debian packages, a Python virtual environment) when it is missing.

SWIFT   ?= swift
CONTENT ?= Content
OUTPUT  ?= Output
THEME   ?= Themes/default
VENV    ?= .venv
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SIGNPOST = .build/debug/signpost

PREFIX  ?= /usr/local

.PHONY: install uninstall embedded-files site test swift-test browser-test docs-test hostile-test a11y deps browser-deps bench clean fuzz fuzz-seeds docs docs-reference

site: deps
	$(SWIFT) build --product signpost
	$(SIGNPOST) build --content $(CONTENT) --output $(OUTPUT)

# fuzz-seeds comes last, so the other tests still run and report when an input in Fuzz/regressions/ still crashes.
test: deps swift-test browser-test docs-test hostile-test fuzz-seeds

# The documentation site: Docs/ is a Signpost content folder, built with the default theme into Output-docs/.
DOCS_OUTPUT ?= Output-docs

docs: deps
	$(SWIFT) build --product signpost
	$(SIGNPOST) build --content Docs --output $(DOCS_OUTPUT)

# Rewrites the parts of Docs/ made from the code (rules, command reference, settings keys): Scripts/docs-reference.py.
# Run it after changing a rule, a default, an option or a settings key; docs-test fails until you do.
docs-reference:
	$(SWIFT) build --product signpost
	python3 Scripts/docs-reference.py --signpost $(SIGNPOST)

# The documentation agrees with the code, its rule examples do what they say, it has no checker warnings and no broken
# links (Tests/Docs), and it passes axe-core and the Nu HTML Checker like the sample site (Tests/Browser, CONTENT=Docs).
docs-test: deps browser-deps $(VENV)/.installed
	$(SWIFT) build --product signpost
	SIGNPOST=$(SIGNPOST) $(VENV)/bin/python -m pytest Tests/Docs -q -p no:cacheprovider
	SIGNPOST=$(SIGNPOST) CONTENT=Docs $(VENV)/bin/python -m pytest Tests/Browser/test_axe.py \
		Tests/Browser/test_html_valid.py::test_every_page_is_valid_html -q -p no:cacheprovider

# The command tests run the built signpost binary, so it is built first.
swift-test: deps
	$(SWIFT) build --product signpost
	$(SWIFT) test

# Hostile inputs (Tests/Hostile): broken, huge and odd content must fail cleanly, never crash, hang or leak.
hostile-test: deps $(VENV)/.installed
	$(SWIFT) build --product signpost
	$(VENV)/bin/python -m pytest Tests/Hostile -q -p no:cacheprovider

# The C library cmark, found through pkg-config.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark; then \
		echo "Installing libcmark-dev and pkg-config…"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libcmark-dev pkg-config; \
	fi

# Headless Chromium, its driver, Java (for the Nu HTML Checker) and poppler (to read printed PDFs), from Debian.
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 || ! command -v java >/dev/null 2>&1 \
		|| ! command -v pdftotext >/dev/null 2>&1; then \
		echo "Installing chromium, chromium-driver, default-jre-headless and poppler-utils…"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver default-jre-headless poppler-utils; \
	fi

# The Python virtual environment for the browser tests, made again when its requirements change.
$(VENV)/.installed: Tests/Browser/requirements.txt Tests/Browser/requirements-nodeps.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r Tests/Browser/requirements.txt
	$(VENV)/bin/pip install -q --disable-pip-version-check --no-deps -r Tests/Browser/requirements-nodeps.txt
	touch $@

# Builds the sample site and proves it in a real browser: axe-core, the Nu HTML Checker, layout, keyboard, easy read.
browser-test: deps browser-deps $(VENV)/.installed
	$(SWIFT) build --product signpost
	SIGNPOST=$(SIGNPOST) CONTENT=$(CONTENT) $(VENV)/bin/python -m pytest Tests/Browser -q -p no:cacheprovider

# The same browser checks on your own theme: make a11y THEME=Themes/mine
a11y: deps browser-deps $(VENV)/.installed
	$(SWIFT) build --product signpost
	SIGNPOST=$(SIGNPOST) CONTENT=$(CONTENT) THEME=$(THEME) $(VENV)/bin/python -m pytest Tests/Browser -q -p no:cacheprovider

# Fuzzing (Fuzz/README.md). Targets are built with libFuzzer and AddressSanitizer into .build-fuzz.
# `make fuzz` fuzzes each target for FUZZ_SECONDS: make fuzz FUZZ_SECONDS=60 FUZZ_TARGETS="fuzz-checker fuzz-template"
# `make fuzz-seeds` runs every seed and every saved crash once, and names each input that still fails.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= fuzz-front-matter fuzz-yaml-files fuzz-checker fuzz-service fuzz-template fuzz-openreferral-feed \
                fuzz-review-answers
FUZZ_SEEDS_CONFIG ?= debug

fuzz: deps
	SWIFT="$(SWIFT)" FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_CONFIG=release Fuzz/fuzz.sh run $(FUZZ_TARGETS)

fuzz-seeds: deps
	SWIFT="$(SWIFT)" FUZZ_CONFIG=$(FUZZ_SEEDS_CONFIG) Fuzz/fuzz.sh seeds $(FUZZ_TARGETS)

# Benchmarks (not part of make test): build speed against Hugo, and the directory's search against Pagefind.
$(VENV)-bench/.installed: Benchmarks/requirements.txt
	python3 -m venv $(VENV)-bench
	$(VENV)-bench/bin/pip install -q --disable-pip-version-check -r Benchmarks/requirements.txt
	touch $@

bench: deps browser-deps $(VENV)-bench/.installed
	$(SWIFT) build -c release --product signpost
	@command -v hugo >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq hugo; }
	python3 Benchmarks/build_speed.py --signpost .build/release/signpost
	python3 Benchmarks/directory_build.py --signpost .build/release/signpost
	$(VENV)-bench/bin/python Benchmarks/directory_search.py --signpost .build/release/signpost

# Installs a release build of signpost into $(PREFIX)/bin (default /usr/local/bin), with its bash and zsh completions.
# The binary carries the default theme inside it, so it works from anywhere.
install: deps
	$(SWIFT) build -c release --product signpost
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 .build/release/signpost $(DESTDIR)$(PREFIX)/bin/signpost
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions
	.build/release/signpost --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/signpost
	.build/release/signpost --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_signpost
	@echo "Installed $(DESTDIR)$(PREFIX)/bin/signpost: try \`signpost --version\`."

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/signpost $(DESTDIR)$(PREFIX)/share/bash-completion/completions/signpost \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_signpost

# The default theme, the starter site and the checker's word lists, inside the binary (Scripts/embed-files.py).
# Run after changing Themes/default, Starter or Sources/EasyReadChecker/Data; a test fails until you do.
embedded-files:
	python3 Scripts/embed-files.py

clean:
	rm -rf .build .build-fuzz Fuzz/corpus Fuzz/crashes Fuzz/work $(OUTPUT) .$(OUTPUT).previous $(DOCS_OUTPUT) .$(DOCS_OUTPUT).previous .$(DOCS_OUTPUT).cache $(VENV) $(VENV)-bench
