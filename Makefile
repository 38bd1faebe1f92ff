# Makefile — the two commands of the README, and a few more.
#   make demo   install what is missing, build, run tidings on examples/
#   make test   install what is missing, build, run every test, then again
#               under AddressSanitizer + UndefinedBehaviorSanitizer with
#               the fuzz targets
#   make bench  measure speed and memory (bench/RESULTS.md)

BUILD ?= build
SAN   ?= build-san
JOBS  ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 10

.PHONY: all deps build build-san test test-fast demo bench clean

all: build

deps:
	@scripts/setup-deps

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

build-san: deps
	@cmake -S . -B $(SAN) -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug \
	  -DTD_SANITIZE=ON -DTD_FUZZ=ON -DTD_FUZZ_SECONDS=$(FUZZ_SECONDS) >/dev/null
	@cmake --build $(SAN) -j$(JOBS)

test-fast: build
	@ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)

test: test-fast build-san
	@ctest --test-dir $(SAN) --output-on-failure -j$(JOBS)

demo: build
	@scripts/demo $(BUILD)/tidings

bench: build
	@bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(SAN) build-bench
