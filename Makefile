# jixiao — see README.md. `make run` renders the samples, `make test` runs every test.
GO      ?= go
BIN     := bin/jixiao
SAMPLES := $(shell find data -name '*.toml' | sort)
FUZZTIME ?= 20s
# The version a build reports (and an archive's manifest records).
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: all build run test race bench lint fuzz dist generate clean e2e
all: build

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/jixiao

# Render every filing under data/ into out/ (PDF, DOCX and the tables as a
# workbook, NAME-绩效目标表.xlsx), write each as the data workbook an officer
# fills in (out/NAME.xlsx), and a finance bureau's summary of them all
# (out/汇总.xlsx).
run: build
	@mkdir -p out
	$(BIN) build -o out --format pdf,docx,xlsx $(SAMPLES)
	@for f in $(SAMPLES); do $(BIN) convert --force $$f -o out/$$(basename $$f .toml).xlsx || exit 1; done
	$(BIN) summary --force -o out/汇总.xlsx $(SAMPLES)

# The fuzz runs of make test are bounded by a count of inputs, not by time:
# Go 1.26 can fail a time-bounded run with "context deadline exceeded" when
# its workers are slow to stop (go.dev/issue/75804, fixed in Go 1.27).
# JIXIAO_FONTS=embedded: no test may depend on the office fonts of the
# machine it runs on (those that need installed faces bring stand-ins).
test: lint
	JIXIAO_FONTS=embedded $(GO) test -count=1 ./...
	$(MAKE) fuzz FUZZTIME=20000x

# The editor's end-to-end test in headless Chromium (Debian's chromium;
# playwright-core from npm, installed into the test's folder by npm ci;
# nothing downloads a browser). It also refreshes the screenshot in docs/;
# guide.e2e.js then takes the user guide's screenshots (docs/images/guide-*.png).
E2E := cmd/jixiao/internal/editor/e2e
e2e: build
	@[ -d $(E2E)/node_modules/playwright-core ] || (cd $(E2E) && npm ci --no-audit --no-fund)
	JIXIAO_BIN=$(abspath $(BIN)) node $(E2E)/editor.e2e.js
	JIXIAO_BIN=$(abspath $(BIN)) node $(E2E)/guide.e2e.js

# The tests under the race detector (needs cgo, i.e. a C compiler): a run
# uses several goroutines (template and filing, fonts and pages).
race:
	JIXIAO_FONTS=embedded $(GO) test -count=1 -race ./...

# Bounded fuzz runs: FUZZTIME is a duration (`make fuzz FUZZTIME=10m` for a
# long one) or a count of inputs (20000x). Minimisation is bounded too: with
# the default (a minute per finding) a long run can spend its time
# minimising instead of fuzzing.
FUZZ := $(GO) test -run='^$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=20x
fuzz:
	$(FUZZ) -fuzz='^FuzzLoadCheck$$' ./render/check
	$(FUZZ) -fuzz='^FuzzPatch$$' ./render/budget
	$(FUZZ) -fuzz='^FuzzTemplate$$' ./templates
	$(FUZZ) -fuzz='^FuzzLayout$$' ./render/layout
	$(FUZZ) -fuzz='^FuzzWrite$$' ./render/pdf
	$(FUZZ) -fuzz='^FuzzOutline$$' ./fonts
	$(FUZZ) -fuzz='^FuzzScanSheet$$' ./render/workbook

# One self-contained binary per desktop the users have: Windows, Kylin/UOS on
# x86, ARM (Phytium, Kunpeng) and LoongArch, and macOS.
DIST_TARGETS := windows/amd64 linux/amd64 linux/arm64 linux/loong64 darwin/arm64
dist:
	@mkdir -p dist
	@for t in $(DIST_TARGETS); do \
		os=$${t%/*}; arch=$${t#*/}; ext=; [ $$os = windows ] && ext=.exe; \
		echo "dist/jixiao-$$os-$$arch$$ext"; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o dist/jixiao-$$os-$$arch$$ext ./cmd/jixiao || exit 1; \
	done

# After editing a built-in template (templates/*.toml): regenerate the
# decoded copy a run uses, templates/builtin_specs.go. After editing the
# rules (render/diag/rules.go): regenerate the rule lists of
# docs/用户手册.md and docs/rules.md.
generate:
	$(GO) generate ./templates ./render/diag

bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./...

lint:
	@out=$$(gofmt -l cmd render templates fonts); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

clean:
	rm -rf bin out dist

include fonts/fonts.mk
