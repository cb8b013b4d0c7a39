# Hearth — the two commands a newcomer needs are `make run` and `make test`.
# Each target installs what is missing (Debian packages, npm packages) and is safe to repeat.
BUILD      ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= $(shell nproc)
HEARTH_ADMIN_PASSWORD ?= hearth-admin-2026
LISTEN     ?= 127.0.0.1:8080
DB         ?= sqlite:hearth.db

.PHONY: all deps web build build-tests run test test-asan soak fuzz bench clean

all: build

deps:
	@scripts/install-deps.sh

web/node_modules/.package-lock.json: web/package-lock.json
	cd web && npm ci --no-audit --no-fund

web: deps web/node_modules/.package-lock.json
	cd web && npm run build

$(BUILD)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build: deps web $(BUILD)/build.ninja
	cmake -S . -B $(BUILD) >/dev/null
	ninja -C $(BUILD) -j $(JOBS) hearth
	@echo "built $(BUILD)/hearth"

build-tests: build
	ninja -C $(BUILD) -j $(JOBS) hearth_tests

run: build
	@if [ "$(DB)" = "sqlite:hearth.db" ] && [ ! -f hearth.db ]; then \
	  echo "loading demo data into hearth.db (once)"; \
	  HEARTH_ADMIN_PASSWORD='$(HEARTH_ADMIN_PASSWORD)' $(BUILD)/hearth demo --db $(DB); fi
	@echo "Log in as admin with the password $(HEARTH_ADMIN_PASSWORD) (set HEARTH_ADMIN_PASSWORD to choose another; it is used only while no user is an administrator, and the server says when it ignores it)."
	@echo "Demo staff: manager, agent, sales, viewer with the password Demo-pass-1."
	HEARTH_ADMIN_PASSWORD='$(HEARTH_ADMIN_PASSWORD)' $(BUILD)/hearth serve --listen $(LISTEN) --db $(DB)

test: build-tests
	scripts/test.sh $(BUILD)

# The unit, service and API tests (SQLite and PostgreSQL) with the server and the tests built
# under AddressSanitizer and UBSan (a Debug build: assertions on), in build-asan.
test-asan: deps web
	cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DHEARTH_SANITIZE=ON >/dev/null
	ninja -C build-asan -j $(JOBS) hearth hearth_tests
	scripts/test.sh build-asan --ctest-only

# Every libFuzzer target for ten million executions (make test runs each for 20 seconds).
fuzz: deps
	scripts/fuzz.sh --runs 10000000

# The long durability runs (minutes to an hour): 240 kills in the crash test.
soak: build-tests
	scripts/soak.sh $(BUILD)

bench: build
	ninja -C $(BUILD) -j $(JOBS) hearth_bench_raw_import
	bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) build-asan build-fuzz web/dist
