# paperext: a SQLite extension for paper reading lists.
#
#   make                 build paperext.so (installs missing Debian build packages)
#   make test            every test: unit + SQL, again under ASan+UBSan, valgrind,
#                        out-of-memory, threads (TSan), fuzz replay, clients
#   make demo            build, then run sql/demo.sql over the sample data
#   make bench           benchmarks (ratios measured side by side in one run)
#   make install         PREFIX=/usr/local DESTDIR= (uninstall: the same)
#   make dist            the npm packages, the Python wheel, the static library
#                        (packaging/packaging.mk, packaging/README.md)
#   make cluster         the dqlite node and client (cluster/README.md)
#   make cluster-test    paperext on a 3-node dqlite cluster, with failovers (in make test)
#   make generate        regenerate the generated tables from ext/<module>/data/
#   make check-generated regenerate into memory and fail if a committed table differs
#
# Layout: ext/<module>/ holds a module's pure cores (no sqlite3.h), its one
# binding <module>_sql.c, and its data/, gen/ and *_generated.* files;
# ext/common/ the shared cores; ext/sqlite/ the SQLite glue (entry point,
# registration, value and table-function helpers).
#
# Every source is compiled once per build flavour into build/<flavour>/, with
# header dependencies (-MMD -MP): plain (paperext.so, unit tests), asan
# (ASan+UBSan), tsan (ThreadSanitizer), fuzz (clang, libFuzzer) and static
# (-DSQLITE_CORE, for libpaperext.a: packaging/packaging.mk).

CC      ?= cc
PREFIX  ?= /usr/local
LIBDIR  ?= $(PREFIX)/lib
PKG_MODULES = libpcre2-8 libutf8proc
WARN    = -Wall -Wextra -Wno-unused-parameter
CFLAGS  ?= -O2 -g
# SQLite loads extensions RTLD_GLOBAL: export only the entry point (every
# object is compiled -fvisibility=hidden) and bind paperext's calls to its own
# functions, so it neither interposes on other libraries nor is interposed on
# (and the hot paths call directly, not through the PLT).
SO_LDFLAGS = -Wl,-Bsymbolic
SAN     = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
TSAN    = -fsanitize=thread
FUZZ_CC    ?= clang
FUZZ_FLAGS  = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_TIME  ?= 60
FUZZ_JOBS  ?= 2

# Debian packages: "what:package", what = command, absolute path or pkg-config module.
BUILD_DEPS = pkg-config:pkg-config cc:gcc sqlite3.pc:libsqlite3-dev \
             libpcre2-8.pc:libpcre2-dev libutf8proc.pc:libutf8proc-dev sqlite3:sqlite3
TEST_DEPS  = valgrind:valgrind /usr/bin/python3:python3 clang:clang \
             /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a:libclang-rt-14-dev \
             sqlite-utils:sqlite-utils node:nodejs npm:npm \
             /usr/include/btparse.h:libbtparse-dev /usr/bin/listbib:texlive-bibtex-extra \
             /usr/bin/time:time /usr/lib/python3/dist-packages/apsw:python3-apsw \
             pandoc:pandoc biber:biber ris2xml:bibutils \
             /usr/share/texlive/texmf-dist/tex/latex/etoolbox/etoolbox.sty:texlive-latex-recommended \
             $(CLUSTER_DEPS)
# make dist: npm pack, and a wheel built offline with Debian's pip, setuptools, wheel
DIST_DEPS  = npm:npm /usr/bin/python3:python3 /usr/lib/python3/dist-packages/pip:python3-pip \
             /usr/lib/python3/dist-packages/setuptools:python3-setuptools \
             /usr/lib/python3/dist-packages/wheel:python3-wheel
# the dqlite cluster: the C library (node), go-dqlite's dqlite shell (cluster test)
CLUSTER_DEPS = /usr/include/dqlite.h:libdqlite-dev dqlite:go-dqlite

.DEFAULT_GOAL := all

# --- dependencies first --------------------------------------------------
# The missing Debian packages are installed while make reads this file (an
# included makefile is made before any target), so no compile can race the
# install under -j; the pkg-config flags are read after it.
NO_DEPS_GOALS = clean uninstall print-%
ifneq ($(MAKECMDGOALS),)
ifeq ($(filter-out $(NO_DEPS_GOALS),$(MAKECMDGOALS)),)
SKIP_DEPS = 1
endif
endif
TEST_GOALS = test check-generated fuzz fuzz-smoke fuzz-campaign bench lint
CLUSTER_GOALS = cluster cluster-test
ifndef SKIP_DEPS
-include build/config.mk
ifneq ($(filter $(TEST_GOALS),$(MAKECMDGOALS)),)
-include build/test-deps.mk
else ifneq ($(filter dist,$(MAKECMDGOALS)),)
-include build/dist-deps.mk
endif
ifneq ($(filter $(CLUSTER_GOALS),$(MAKECMDGOALS)),)
-include build/cluster-deps.mk
endif
endif

build/config.mk: Makefile tests/deps.sh
	@mkdir -p build
	@DEPS="$(BUILD_DEPS)" sh tests/deps.sh
	@{ echo "PKG_CFLAGS = $$(pkg-config --cflags $(PKG_MODULES) sqlite3)"; \
	   echo "PKG_LIBS = $$(pkg-config --libs $(PKG_MODULES))"; } > $@.tmp && mv $@.tmp $@

# after build/config.mk: make remakes included makefiles in parallel under -j
build/test-deps.mk: Makefile tests/deps.sh build/config.mk
	@mkdir -p build
	@DEPS="$(BUILD_DEPS) $(DIST_DEPS) $(TEST_DEPS)" sh tests/deps.sh
	@echo "# test dependencies checked" > $@
build/dist-deps.mk: Makefile tests/deps.sh build/config.mk
	@DEPS="$(BUILD_DEPS) $(DIST_DEPS)" sh tests/deps.sh
	@echo "# dist dependencies checked" > $@

build/cluster-deps.mk: Makefile tests/deps.sh build/config.mk
	@mkdir -p build
	@DEPS="$(BUILD_DEPS) $(CLUSTER_DEPS)" sh tests/deps.sh
	@echo "# cluster dependencies checked" > $@

ALL_CFLAGS = -std=gnu11 -fPIC -fvisibility=hidden $(WARN) $(CFLAGS) $(PKG_CFLAGS) -Iext

# --- sources ------------------------------------------------------------
GLUE_SRC = $(wildcard ext/sqlite/*.c)
BIND_SRC = $(wildcard ext/*/*_sql.c)
CORE_SRC = $(filter-out $(GLUE_SRC) $(BIND_SRC),$(wildcard ext/*/*.c))
EXT_SRC  = $(CORE_SRC) $(BIND_SRC) $(GLUE_SRC)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)
# the allocator of the cores outside SQLite (unit tests, fuzzers, benches)
LIBC_MEM = tests/unit/pe_mem_libc.c

# objects of a flavour: $(call objs,flavour,sources)
objs = $(patsubst %.c,build/$(1)/%.o,$(2))

# build/<flavour>/flags holds the compile command: rewritten only when it
# changes, so a change of flags rebuilds that flavour's objects and nothing else.
define flavour_rule
build/$(1)/flags: FORCE
	@mkdir -p $$(@D)
	@echo '$(2) $$(ALL_CFLAGS) $(3)' | cmp -s - $$@ || echo '$(2) $$(ALL_CFLAGS) $(3)' > $$@
build/$(1)/%.o: %.c build/$(1)/flags
	@mkdir -p $$(@D)
	$(2) $$(ALL_CFLAGS) $(3) -MMD -MP -c -o $$@ $$<
build/$(1)/libcores.a: $$(call objs,$(1),$$(CORE_SRC))
	@rm -f $$@
	ar rcs $$@ $$^
build/$(1)/paperext.so: $$(call objs,$(1),$$(EXT_SRC))
	$(2) $(3) -shared $$(SO_LDFLAGS) -o $$@ $$^ $$(PKG_LIBS)
endef
$(eval $(call flavour_rule,plain,$(CC),))
$(eval $(call flavour_rule,asan,$(CC),$(SAN) -O1))
$(eval $(call flavour_rule,tsan,$(CC),$(TSAN) -O1))
$(eval $(call flavour_rule,fuzz,$(FUZZ_CC),$(FUZZ_FLAGS) -fsanitize=fuzzer-no-link))
# the static flavour, libpaperext.a, the packages, install: packaging/packaging.mk
include packaging/packaging.mk

-include $(shell find build -name '*.d' 2>/dev/null)

UNIT_BIN   = $(UNIT_SRC:tests/unit/%.c=build/plain/unit/%)
UNIT_ASAN  = $(UNIT_SRC:tests/unit/%.c=build/asan/unit/%)
FUZZ_BIN   = $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
REPLAY_BIN = $(FUZZ_SRC:tests/fuzz/fuzz_%.c=build/asan/fuzz/replay_%)

.PHONY: FORCE all test demo bench install uninstall dist clean generate check-generated lint \
        fuzz fuzz-smoke fuzz-campaign print-core-src print-ext-src print-version cluster cluster-test
.DELETE_ON_ERROR:
# objects made on the way to a program are kept (they are the incremental build)
.SECONDARY:

all: paperext.so

paperext.so: build/plain/paperext.so
	cp $< $@

# --- test programs --------------------------------------------------------
build/plain/runner: $(call objs,plain,tests/runner.c tests/testfile.c)
	$(CC) -o $@ $^ -lsqlite3
build/asan/runner: $(call objs,asan,tests/runner.c tests/testfile.c)
	$(CC) $(SAN) -o $@ $^ -lsqlite3
build/asan/oom: $(call objs,asan,tests/oom.c tests/testfile.c)
	$(CC) $(SAN) -o $@ $^ -lsqlite3
build/tsan/threads: $(call objs,tsan,tests/threads.c tests/testfile.c)
	$(CC) $(TSAN) -o $@ $^ -lsqlite3 -lpthread
# the complexity test's query runner (tests/complexity/, run under callgrind)
build/plain/complexity_driver: $(call objs,plain,tests/complexity/driver.c)
	$(CC) -o $@ $^ -lsqlite3

build/plain/unit/%: build/plain/tests/unit/%.o build/plain/libcores.a $(call objs,plain,$(LIBC_MEM))
	@mkdir -p $(@D)
	$(CC) -o $@ $< $(call objs,plain,$(LIBC_MEM)) build/plain/libcores.a $(PKG_LIBS) -lm
build/asan/unit/%: build/asan/tests/unit/%.o build/asan/libcores.a $(call objs,asan,$(LIBC_MEM))
	@mkdir -p $(@D)
	$(CC) $(SAN) -o $@ $< $(call objs,asan,$(LIBC_MEM)) build/asan/libcores.a $(PKG_LIBS) -lm

# Fuzzing: tests/fuzz/fuzz_<name>.c are libFuzzer harnesses (clang); the same
# harnesses are replayed over their corpora by gcc ASan builds in `make test`.
# fuzz_sql and fuzz_slow load the extension (PAPEREXT_SO) instead of linking the cores.
EXT_HARNESSES = sql slow
$(EXT_HARNESSES:%=build/fuzz/fuzz_%): build/fuzz/fuzz_%: build/fuzz/tests/fuzz/fuzz_%.o build/fuzz/paperext.so
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< -lsqlite3
build/fuzz/fuzz_%: build/fuzz/tests/fuzz/fuzz_%.o build/fuzz/libcores.a $(call objs,fuzz,$(LIBC_MEM))
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< $(call objs,fuzz,$(LIBC_MEM)) build/fuzz/libcores.a $(PKG_LIBS) -lm
$(EXT_HARNESSES:%=build/asan/fuzz/replay_%): build/asan/fuzz/replay_%: build/asan/tests/fuzz/fuzz_%.o build/asan/tests/fuzz/replay.o
	@mkdir -p $(@D)
	$(CC) $(SAN) -o $@ $^ -lsqlite3
build/asan/fuzz/replay_%: build/asan/tests/fuzz/fuzz_%.o $(call objs,asan,tests/fuzz/replay.c $(LIBC_MEM)) build/asan/libcores.a
	@mkdir -p $(@D)
	$(CC) $(SAN) -o $@ $^ $(PKG_LIBS) -lm

# The reference for the BibTeX corpus test and benchmark: a driver of btparse.
build/btparse_count: tests/btparse/btparse_count.c
	@mkdir -p $(@D)
	$(CC) -O2 -o $@ $< -lbtparse

# The dqlite cluster (cluster/): a node that loads paperext.so, and a client.
CLUSTER_BIN = build/cluster/paperext-node build/cluster/paperext-sql
build/cluster/paperext-node: $(call objs,plain,cluster/node.c cluster/wire.c)
	@mkdir -p $(@D)
	$(CC) -o $@ $^ -ldqlite -lsqlite3 -ldl
build/cluster/paperext-sql: $(call objs,plain,cluster/sql.c cluster/wire.c)
	@mkdir -p $(@D)
	$(CC) -o $@ $^
cluster: $(CLUSTER_BIN)
cluster-test: $(CLUSTER_BIN) paperext.so
	@sh tests/clients/cluster.sh

TEST_PROGRAMS = paperext.so build/asan/paperext.so build/tsan/paperext.so \
  build/plain/runner build/asan/runner build/asan/oom build/tsan/threads \
  build/plain/complexity_driver \
  $(UNIT_BIN) $(UNIT_ASAN) $(REPLAY_BIN) $(FUZZ_BIN) build/btparse_count $(CLUSTER_BIN) \
  $(DIST_FILES)

# Zotero libraries for tests/sql/zotero.test, made with Zotero's tables
TEST_FIXTURES = build/zotero/library.sqlite build/zotero/library_shuffled.sqlite build/zotero/not-zotero.sqlite
build/zotero/library.sqlite: tests/data/zotero/make_library.py
	@mkdir -p $(@D) && rm -f $@ && /usr/bin/python3 $< $@
build/zotero/library_shuffled.sqlite: tests/data/zotero/make_library.py
	@mkdir -p $(@D) && rm -f $@ && /usr/bin/python3 $< $@ --shuffle-ids
build/zotero/not-zotero.sqlite:
	@mkdir -p $(@D) && rm -f $@ && sqlite3 $@ 'CREATE TABLE papers(title)'

test: $(TEST_PROGRAMS) $(TEST_FIXTURES)
	@sh tests/run.sh

demo: paperext.so
	@sh sql/demo.sh

bench: paperext.so build/plain/runner build/btparse_count $(CLUSTER_BIN)
	@sh tests/bench/run.sh

# make fuzz [FUZZ_TIME=seconds per harness]: new inputs go to build/fuzz/corpus/.
fuzz: $(FUZZ_BIN) build/fuzz/paperext.so
	@for b in $(FUZZ_BIN); do n=$${b##*/fuzz_}; mkdir -p build/fuzz/corpus/$$n tests/fuzz/corpus/$$n; \
	  echo "== fuzz $$n ($(FUZZ_TIME) s)"; \
	  PAPEREXT_SO=build/fuzz/paperext.so $$b -max_total_time=$(FUZZ_TIME) -timeout=10 -rss_limit_mb=4096 -artifact_prefix=build/fuzz/ \
	    -print_final_stats=1 build/fuzz/corpus/$$n tests/fuzz/corpus/$$n 2>&1 | \
	    grep -E 'stat::number_of_executed_units|cov:.*(DONE|INITED)|ERROR|SUMMARY' | tail -4 || exit 1; done

fuzz-smoke:
	@$(MAKE) -s fuzz FUZZ_TIME=5

# make fuzz-campaign [FUZZ_TIME=seconds per harness] [FUZZ_JOBS=lanes]: hours
# of fuzzing that a finding does not stop (tests/fuzz/campaign.sh).
fuzz-campaign: $(FUZZ_BIN) build/fuzz/paperext.so
	@sh tests/fuzz/campaign.sh $(FUZZ_TIME) $(FUZZ_JOBS)

generate:
	@for g in ext/*/gen/*.py; do /usr/bin/python3 "$$g" || exit 1; done

check-generated:
	@sh tests/check_generated.sh

lint:
	clang-tidy --quiet $(EXT_SRC) -- $(ALL_CFLAGS)
	cppcheck --quiet --enable=warning,portability --error-exitcode=1 -Iext $(EXT_SRC)

# For scripts that build variants (benchmarks): the source lists.
print-core-src:
	@echo $(CORE_SRC)
print-ext-src:
	@echo $(EXT_SRC)

clean:
	rm -rf build paperext.so demo.db
