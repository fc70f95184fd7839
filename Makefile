# keten: the day's workflow reads top to bottom.
#   make          build ./keten
#   make test     build and run the whole suite (ends with "N passed, N failed, N skipped")
#   make asan     the same suite under AddressSanitizer and UndefinedBehaviorSanitizer
#   make tsan     the multi-threaded loading and indexing tests under ThreadSanitizer
#   make valgrind the CLI tests under valgrind
#   make fuzz     build the libFuzzer targets (clang) and run each for FUZZ_SECONDS
#   make mpi      build/keten-mpi: screen --mpi over Open MPI ranks (dist/; docs/scale.md)
#   make difftest N=5000  owners/owned/paths against the exact reference on N random graphs
#   make bench    time loading and the analyses on synthetic data (see bench/README.md)
#   make demo     the README quick-start: screen the bundled sample tender
#   make deps     install the Debian packages the build and tests need (as root), and Chromium
#                 for the HTML report's browser test (skipped where Chromium is missing)
#   make deps-mpi install Open MPI, for make mpi and the MPI comparison in the suite (as root)
#   make install  PREFIX=/usr/local: binary, man page, bash completion
#   make test-the-tests  every CLI test must fail when keten exits 0 and prints nothing
#   make country-aliases regenerate graph/country_alias.c from Unicode CLDR (Debian unicode-cldr-core)
#
# The binary is build/keten, with a link ./keten.  Your CFLAGS, CPPFLAGS and LDFLAGS are used
# (CFLAGS replaces the default -O2 -g -flto=auto); warnings stop the build only with
# WERROR=-Werror (CI).
# Every build goal first runs the dependency check, then a sub-make that asks pkg-config for
# the libraries' flags: so on a fresh machine `make deps` installs them before they are looked up.

CC       ?= cc
PKGS      = igraph libcjson libcgraph libgvc zlib
WARN      = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-unused-parameter
WERROR   ?=
CSTD      = -std=c11 -D_GNU_SOURCE
# LTO: the library's small accessors (kt_graph_rel_type and the like, called per relation in
# every analysis) inline across files; 10M screening about 5% faster.  LTO= builds without it.
LTO      ?= -flto=auto
OPT      ?= -O2 -g $(LTO)
CFLAGS   ?= $(OPT)
ifdef KT_SUB
# In the sub-make only, after deps-check: a missing library stops here, with pkg-config's reason.
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) || echo KT_PKG_FAILED)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) || echo KT_PKG_FAILED)
ifneq ($(filter KT_PKG_FAILED,$(PKG_CFLAGS) $(PKG_LIBS)),)
$(error pkg-config cannot find the libraries ($(PKGS)); 'sudo make deps' installs them)
endif
endif
# -pthread: loaders/lines.c parses JSON Lines on every core
CFLAGS_ALL = $(CSTD) -pthread $(WARN) $(WERROR) $(CFLAGS) $(PKG_CFLAGS) $(EXTRA_CFLAGS)
LDLIBS_ALL = $(LDFLAGS) $(PKG_LIBS) -lm -pthread $(EXTRA_LDFLAGS)

BUILD   ?= build
LIB_SRC  = $(wildcard graph/*.c loaders/*.c analyses/*.c viz/*.c)
CLI_SRC  = $(wildcard cli/*.c)
LIB_OBJ  = $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  = $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC = $(wildcard tests/unit/*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
KETEN    = $(BUILD)/keten

DEB_PKGS = gcc make pkg-config libigraph-dev libcjson-dev libgraphviz-dev zlib1g-dev graphviz libxml2-utils python3

.PHONY: all mpi test difftest asan tsan valgrind fuzz bench bench-bin bench-gen demo deps deps-check deps-mpi install clean format test-the-tests unit-bins keten country-aliases

all: keten

# Goals that compile: at the top level they check the dependencies, then build in a sub-make.
BUILD_GOALS = all keten mpi test difftest asan tsan valgrind bench bench-bin bench-gen demo install unit-bins test-the-tests $(KETEN)
# All of them go to one sub-make: one per goal would build the same objects and archive side by
# side under -j (make -j2 keten unit-bins).
ifndef KT_SUB
$(BUILD_GOALS): kt-sub
	@:
.PHONY: kt-sub
kt-sub: deps-check
	@$(MAKE) --no-print-directory KT_SUB=1 $(or $(filter $(BUILD_GOALS),$(MAKECMDGOALS)),all)
else

keten: $(KETEN)
	@ln -sf $(KETEN) keten

# V=1 shows the full compiler lines
Q = $(if $(V),,@)

$(KETEN): $(CLI_OBJ) $(BUILD)/libketen.a
	@echo "  LD  $@"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS_ALL) -o $@ $(CLI_OBJ) $(BUILD)/libketen.a $(LDLIBS_ALL)

$(BUILD)/libketen.a: $(LIB_OBJ)
	@rm -f $@
	$(Q)ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC  $<"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS_ALL) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libketen.a
	@mkdir -p $(dir $@)
	@echo "  CC  $<"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS_ALL) -MMD -MP -o $@ $< $(BUILD)/libketen.a $(LDLIBS_ALL)

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_BIN:=.d)

# keten-mpi (dist/): keten whose screen takes --mpi, for mpirun.  Built only here and by make test,
# only with Open MPI installed (Debian libopenmpi-dev, openmpi-bin); keten itself never needs MPI.
HAVE_MPI   := $(shell pkg-config --exists ompi-c 2>/dev/null && command -v mpirun >/dev/null && echo 1)
MPI_CFLAGS := $(if $(HAVE_MPI),$(shell pkg-config --cflags ompi-c))
MPI_LIBS   := $(if $(HAVE_MPI),$(shell pkg-config --libs ompi-c))
DIST_OBJ    = $(patsubst %.c,$(BUILD)/%.o,$(wildcard dist/*.c)) $(BUILD)/dist/cli_main.o
KETEN_MPI   = $(BUILD)/keten-mpi

mpi:
	@[ -n "$(HAVE_MPI)" ] || { echo "make mpi needs Open MPI: apt-get install libopenmpi-dev openmpi-bin"; exit 2; }
	@$(MAKE) --no-print-directory KT_SUB=1 $(KETEN_MPI)

$(KETEN_MPI): $(DIST_OBJ) $(filter-out $(BUILD)/cli/main.o,$(CLI_OBJ)) $(BUILD)/libketen.a
	@echo "  LD  $@"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS_ALL) -o $@ $^ $(LDLIBS_ALL) $(MPI_LIBS)

$(BUILD)/dist/%.o: dist/%.c
	@mkdir -p $(dir $@)
	@echo "  CC  $<"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS_ALL) $(MPI_CFLAGS) -MMD -MP -c -o $@ $<

# cli/main.c's main under another name: dist/main.c wraps it in MPI_Init and MPI_Finalize
$(BUILD)/dist/cli_main.o: cli/main.c
	@mkdir -p $(dir $@)
	@echo "  CC  $< (as kt_cli_main)"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS_ALL) -Dmain=kt_cli_main -MMD -MP -c -o $@ $<

-include $(DIST_OBJ:.o=.d)

# where Open MPI is installed, the suite also compares keten-mpi under mpirun with keten
test: $(KETEN) unit-bins $(if $(HAVE_MPI),$(KETEN_MPI))
	@KETEN=$(KETEN) BUILD=$(BUILD) $(if $(HAVE_MPI),KETEN_MPI=$(KETEN_MPI)) sh tests/run.sh

unit-bins: $(UNIT_BIN)

# The differential test (tests/diff/README.md); KEEP=1 keeps each mismatching graph in
# tests/diff/regress/ (the regression cases make test runs); DENSE_MAX=1 tests a build that
# solves every ownership cycle by Gauss-Seidel sweeps instead of elimination.
N ?= 2000
START ?= 1
difftest: $(KETEN)
	$(if $(DENSE_MAX),@$(MAKE) --no-print-directory BUILD=build-sweeps EXTRA_CFLAGS=-DKT_OWN_DENSE_MAX=$(DENSE_MAX) build-sweeps/keten)
	@python3 tests/diff/run.py $(if $(DENSE_MAX),build-sweeps/keten,$(KETEN)) --count $(N) --start $(START) $(if $(KEEP),--keep)

asan:
	@$(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g" \
	  EXTRA_CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  EXTRA_LDFLAGS="-fsanitize=address,undefined" build-asan/keten unit-bins $(if $(HAVE_MPI),build-asan/keten-mpi)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:fast_unwind_on_malloc=0 UBSAN_OPTIONS=print_stacktrace=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  KETEN=build-asan/keten BUILD=build-asan $(if $(HAVE_MPI),KETEN_MPI=build-asan/keten-mpi) SANITIZED=1 sh tests/run.sh

# ThreadSanitizer over what runs on several threads: the JSON Lines loader's tests
# (tests/cli/loaders/threads*.sh, many tiny chunks on up to 7 threads) and the model's two-thread
# index (unit test graph).  A race report changes the output, so the tests fail.
tsan:
	@$(MAKE) --no-print-directory BUILD=build-tsan OPT="-O1 -g" EXTRA_CFLAGS="-fsanitize=thread" \
	  EXTRA_LDFLAGS="-fsanitize=thread" build-tsan/keten build-tsan/tests/graph
	@cd tests/unit && TSAN_OPTIONS=halt_on_error=1 ../../build-tsan/tests/graph >../../build-tsan/graph.txt 2>&1; \
	  diff -u graph.out ../../build-tsan/graph.txt && echo "unit/graph under ThreadSanitizer: ok"
	@TSAN_OPTIONS=halt_on_error=1 KETEN=build-tsan/keten BUILD=build-tsan SANITIZED=1 sh tests/run.sh threads

valgrind: $(KETEN)
	@KETEN=$(KETEN) BUILD=$(BUILD) VALGRIND=1 sh tests/run.sh cli

# A keten that exits 0 and prints nothing must fail every invalid-input and CLI test.
test-the-tests: $(if $(HAVE_MPI),$(KETEN_MPI))
	@mkdir -p $(BUILD)
	@printf '#!/bin/sh\nexit 0\n' >$(BUILD)/keten-noop && chmod +x $(BUILD)/keten-noop
	@echo "test-the-tests: every test must fail with a keten that exits 0 and prints nothing"
	@KETEN=$(BUILD)/keten-noop BUILD=$(BUILD) $(if $(HAVE_MPI),KETEN_MPI=$(KETEN_MPI)) EXPECT_FAIL=1 sh tests/run.sh invalid cli

bench: $(KETEN) $(BUILD)/bench/queries
	@sh bench/run.sh
	@sh bench/ownership.sh

# the analyses' timings after loading (bench/README.md); built by CI so that it keeps compiling
bench-bin: $(BUILD)/bench/queries $(BUILD)/bench/gen

# the fast generator for the large sizes (bench/gen.c, bench/big.sh)
bench-gen: $(BUILD)/bench/gen

$(BUILD)/bench/gen: bench/gen.c
	@mkdir -p $(dir $@)
	@echo "  CC  $<"
	$(Q)$(CC) $(CPPFLAGS) $(CSTD) $(WARN) $(WERROR) $(CFLAGS) -o $@ $<

$(BUILD)/bench/queries: bench/queries.c $(BUILD)/libketen.a
	@mkdir -p $(dir $@)
	@echo "  CC  $<"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libketen.a $(LDLIBS_ALL)

demo: $(KETEN)
	./$(KETEN) screen samples/anpr-tender/tender.json

install: $(KETEN)
	install -D -m 755 $(KETEN) $(DESTDIR)$(PREFIX)/bin/keten
	install -D -m 644 docs/keten.1 $(DESTDIR)$(PREFIX)/share/man/man1/keten.1
	install -D -m 644 docs/keten.bash-completion $(DESTDIR)$(PREFIX)/share/bash-completion/completions/keten
endif
PREFIX ?= /usr/local

# The dependency check: installs what is missing (as root), does nothing otherwise.
deps-check:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" != 0 ]; then echo "run 'sudo make deps' first (missing:$$missing)"; exit 2; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 2; \
	fi

# Chromium only for the HTML report's test in a real browser: large, so make deps installs it
# and make test runs without it (that test then says it skipped).
DEB_PKGS_BROWSER = chromium

deps: deps-check
	@dpkg-query -W -f='$${Status}' $(DEB_PKGS_BROWSER) 2>/dev/null | grep -q "ok installed" || \
	  { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEB_PKGS_BROWSER) >/dev/null; } || \
	  echo "make deps: could not install $(DEB_PKGS_BROWSER) (the HTML browser test will be skipped)"

# Open MPI, for make mpi and the suite's comparison of keten-mpi with keten (CI installs it;
# keten itself does not need it)
deps-mpi:
	@$(MAKE) --no-print-directory deps-check DEB_PKGS="libopenmpi-dev openmpi-bin"

FUZZ_SECONDS ?= 60
fuzz: $(KETEN)
	@command -v clang >/dev/null && dpkg-query -W -f='$${Status}' libclang-rt-14-dev 2>/dev/null | grep -q "ok installed" || \
	  { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang libclang-rt-14-dev >/dev/null; } || \
	  { echo "make fuzz needs clang and libclang-rt-14-dev"; exit 2; }
	@$(MAKE) --no-print-directory -f tests/fuzz/Makefile FUZZ_SECONDS=$(FUZZ_SECONDS)

# Country names in the wild: generated, committed; needs python3 and unicode-cldr-core only here.
country-aliases:
	python3 tools/country_aliases.py > graph/country_alias.c

format:
	clang-format -i $(LIB_SRC) $(CLI_SRC) $(wildcard */*.h)

clean:
	rm -rf build build-asan build-fuzz build-sweeps keten
