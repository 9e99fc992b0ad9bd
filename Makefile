# Two commands do all the set-up on a machine with only Swift:
#   make run    extract the facts of the bundled seed document
#   make test   build and run the tests
.PHONY: setup run test release bench

setup:
	@bash scripts/setup.sh

run: setup
	swift build -c release --product extract
	.build/release/extract --format jsonl seeds/000_071e48968401a800.txt

test: setup
	swift build --build-tests
	swift test --skip-build

release: setup
	swift build -c release --product extract

bench: setup
	cd Benchmarks && swift package benchmark
