# Two commands do all the set-up on a machine with only Swift:
#   make run    extract the facts of the bundled seed document
#   make test   build and run the tests
.PHONY: setup run test release bench fuzz

setup:
	@bash scripts/setup.sh

run: setup
	swift build -c release --product extract
	.build/release/extract --format jsonl seeds/000_071e48968401a800.txt

# The command-line tests run the release build (EXTRACT_BIN), as users do.
test: setup
	swift build -c release --product extract
	swift build --build-tests
	EXTRACT_BIN=.build/release/extract swift test --skip-build

release: setup
	swift build -c release --product extract

bench: setup
	cd Benchmarks && swift package --allow-writing-to-package-directory benchmark

fuzz: setup
	Tests/fuzz.sh 600
