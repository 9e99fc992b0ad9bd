# Two commands do all the set-up on a machine with only Swift:
#   make run    extract the facts of the bundled seed document
#   make test   build and run the tests
.PHONY: setup run test release bench fuzz

# The Swift runtime linked into the binary: start-up skips resolving its symbols
# (the seed's whole run: 44 M -> 37 M instructions). Only glibc, libstdc++, ICU and
# SQLite stay shared. Linking prints one warning from the static FoundationEssentials
# library (glibc: "the use of `mktemp' is dangerous"): that library's code, not this package's.
RELEASE = swift build -c release --static-swift-stdlib --product extract

setup:
	@bash scripts/setup.sh

run: setup
	$(RELEASE)
	.build/release/extract --format jsonl seeds/000_071e48968401a800.txt

# The command-line tests run the release build (EXTRACT_BIN), as users do.
test: setup
	$(RELEASE)
	swift build --build-tests
	EXTRACT_BIN=.build/release/extract swift test --skip-build

release: setup
	$(RELEASE)

bench: setup
	cd Benchmarks && swift package --allow-writing-to-package-directory benchmark

fuzz: setup
	Tests/fuzz.sh 600
