# Thin wrapper around meson/ninja. The real build description is meson.build.
#
#   make / make build   configure build/ if needed, then compile
#   make run            build, then run samples/hello.asy
#   make test           the full suite: three build trees (normal, ASan+UBSan,
#                       GC stress), unit + golden tests in each (golden only in
#                       the stress tree), then one summary line `N passed, M failed`
#   make check-format   clang-format --dry-run -Werror over the hand-written C
#   make clean          remove the build trees

MESON  ?= meson
NINJA  ?= ninja
PYTHON ?= python3

BUILD        ?= build
ASAN_BUILD   ?= build-asan
STRESS_BUILD ?= build-stress

# gcc's sanitizer instrumentation produces false-positive warnings (its manual
# advises against -Werror with sanitizers); -Werror is enforced by build/.
ASAN_OPTS   = -Db_sanitize=address,undefined -Dc_args=-fno-sanitize-recover=all -Dwerror=false
STRESS_OPTS = -Dstress_gc=true

# UBSan only prints unless told to halt; LeakSanitizer on. Sanitized code runs
# a few times slower: meson's per-test time limits are multiplied by 4 there
# (the golden suites scale their own limits, see tests/meson.build). Criterion 2.4.1
# still exits 0 after a leak report: the summary (golden.py --tally) fails on
# `ERROR: LeakSanitizer` in any test's output.
SAN_ENV = ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=0 \
          UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

# configure DIR OPTIONS: set up a tree once; afterwards only re-apply options.
define configure
	@if [ -f $(1)/meson-private/coredata.dat ]; then \
	  $(if $(strip $(2)),$(MESON) configure $(1) $(2),true); \
	else \
	  $(MESON) setup $(1) $(2); \
	fi
endef

.PHONY: all build run test test-build test-asan test-stress check-format clean

all: build

build:
	$(call configure,$(BUILD),)
	$(NINJA) -C $(BUILD)

run: build
	./$(BUILD)/cli/asy samples/hello.asy

# Each tree's step may fail without stopping the others; the summary decides.
# A tree that does not configure or build leaves no test log, which the
# summary counts as a failure.
test:
	@rm -f $(BUILD)/meson-logs/testlog.json $(ASAN_BUILD)/meson-logs/testlog.json \
	       $(STRESS_BUILD)/meson-logs/testlog.json
	-@$(MAKE) --no-print-directory test-build
	-@$(MAKE) --no-print-directory test-asan
	-@$(MAKE) --no-print-directory test-stress
	@$(PYTHON) tests/golden.py --tally $(BUILD) $(ASAN_BUILD) $(STRESS_BUILD)

test-build:
	@echo "==== $(BUILD): unit + golden ===="
	$(call configure,$(BUILD),)
	$(NINJA) -C $(BUILD)
	$(MESON) test -C $(BUILD) --print-errorlogs

test-asan:
	@echo "==== $(ASAN_BUILD): unit + golden under AddressSanitizer + UBSan ===="
	$(call configure,$(ASAN_BUILD),$(ASAN_OPTS))
	$(NINJA) -C $(ASAN_BUILD)
	$(SAN_ENV) $(MESON) test -C $(ASAN_BUILD) --print-errorlogs --timeout-multiplier 4

test-stress:
	@echo "==== $(STRESS_BUILD): golden with a collection on every allocation ===="
	$(call configure,$(STRESS_BUILD),$(STRESS_OPTS))
	$(NINJA) -C $(STRESS_BUILD)
	$(MESON) test -C $(STRESS_BUILD) --suite golden --print-errorlogs

# Hand-written C only (generated parser/lexer code lives in the build trees).
# Lists the files clang-format would change; `clang-format -i FILE` fixes one.
# Not part of `make test`: formatting is a style gate, and clang-format's
# output differs between versions.
check-format:
	@bad=0; total=0; \
	for f in $$(git ls-files -- '*.c' '*.h'); do \
	  total=$$((total + 1)); \
	  clang-format --dry-run -Werror "$$f" >/dev/null 2>&1 || { echo "needs formatting: $$f"; bad=$$((bad + 1)); }; \
	done; \
	echo "check-format: $$((total - bad)) of $$total files formatted"; \
	[ $$bad -eq 0 ]

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(STRESS_BUILD)
