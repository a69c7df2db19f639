# paperext: a SQLite extension for paper reading lists.
#
#   make          build paperext.so (installs missing Debian build packages)
#   make test     unit + SQL tests, again under ASan+UBSan, and under valgrind
#   make demo     build, then run sql/demo.sql over the sample data
#   make bench    benchmarks (ratios measured side by side in one run)
#   make install  PREFIX=/usr/local DESTDIR=
#   make generate regenerate the data tables in ext/ from ext/data/

CC      ?= cc
PREFIX  ?= /usr/local
LIBDIR  ?= $(PREFIX)/lib
PKG_MODULES = libpcre2-8 libutf8proc
PKG_CFLAGS  = $(shell pkg-config --cflags $(PKG_MODULES) sqlite3 2>/dev/null)
PKG_LIBS    = $(shell pkg-config --libs $(PKG_MODULES) 2>/dev/null)
WARN    = -Wall -Wextra -Wno-unused-parameter
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=gnu11 -fPIC $(WARN) $(CFLAGS) $(PKG_CFLAGS) -Iext
# SQLite loads extensions RTLD_GLOBAL: export only the entry point
# (-fvisibility=hidden) and bind paperext's calls to its own functions, so it
# neither interposes on other libraries nor is interposed on (and the hot
# paths call directly, not through the PLT).
SO_LDFLAGS = -fvisibility=hidden -Wl,-Bsymbolic
SAN     = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
TSAN    = -fsanitize=thread
HARNESS = tests/testfile.c tests/testfile.h

EXT_SRC  = $(wildcard ext/*.c)
# The pure cores: everything but the SQLite bindings and their helpers.
CORE_SRC = $(filter-out ext/%_sql.c ext/paperext.c ext/pe_sql.c ext/pe_mem_sqlite.c,$(EXT_SRC))
# The cores compiled once into a static library for the unit tests and the
# fuzz replays (plain and ASan builds), instead of once per test program.
CORE_LIB      = build/libcores.a
CORE_LIB_ASAN = build/asan/libcores.a
EXT_HDR  = $(wildcard ext/*.h)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=build/unit/%)
UNIT_ASAN = $(UNIT_SRC:tests/unit/%.c=build/asan/unit/%)

# Fuzzing: tests/fuzz/fuzz_<name>.c, libFuzzer harnesses built with clang;
# the same harnesses replayed over their corpora by gcc builds in `make test`.
FUZZ_CC    ?= clang
FUZZ_FLAGS  = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_TIME  ?= 60
FUZZ_SRC    = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN    = $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
REPLAY_BIN  = $(FUZZ_SRC:tests/fuzz/fuzz_%.c=build/asan/fuzz/replay_%)

# Debian packages the build needs: "what:package", what = command or pkg-config module.
BUILD_DEPS = pkg-config:pkg-config cc:gcc sqlite3.pc:libsqlite3-dev \
             libpcre2-8.pc:libpcre2-dev libutf8proc.pc:libutf8proc-dev sqlite3:sqlite3
TEST_DEPS  = valgrind:valgrind /usr/bin/python3:python3 clang:clang \
             /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a:libclang-rt-14-dev \
             sqlite-utils:sqlite-utils node:nodejs npm:npm \
             /usr/include/btparse.h:libbtparse-dev /usr/bin/listbib:texlive-bibtex-extra \
             /usr/bin/time:time

.PHONY: all deps test-deps test demo bench install uninstall clean generate lint fuzz fuzz-smoke fuzz-campaign

all: deps paperext.so

# Install what is missing (apt-get, through sudo when not root), or name it.
deps:
	@DEPS="$(BUILD_DEPS)" sh tests/deps.sh

test-deps:
	@DEPS="$(BUILD_DEPS) $(TEST_DEPS)" sh tests/deps.sh

paperext.so: $(EXT_SRC) $(EXT_HDR)
	$(CC) $(ALL_CFLAGS) -shared $(SO_LDFLAGS) -o $@ $(EXT_SRC) $(PKG_LIBS)

build/asan/paperext.so: $(EXT_SRC) $(EXT_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(SAN) -O1 -shared $(SO_LDFLAGS) -o $@ $(EXT_SRC) $(PKG_LIBS)

build/runner: tests/runner.c $(HARNESS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ tests/runner.c tests/testfile.c -lsqlite3

build/asan/runner: tests/runner.c $(HARNESS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(SAN) -o $@ tests/runner.c tests/testfile.c -lsqlite3

build/asan/oom: tests/oom.c $(HARNESS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(SAN) -o $@ tests/oom.c tests/testfile.c -lsqlite3

build/tsan/paperext.so: $(EXT_SRC) $(EXT_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(TSAN) -O1 -shared $(SO_LDFLAGS) -o $@ $(EXT_SRC) $(PKG_LIBS)

build/tsan/threads: tests/threads.c $(HARNESS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(TSAN) -o $@ tests/threads.c tests/testfile.c -lsqlite3 -lpthread

build/fuzz/paperext.so: $(EXT_SRC) $(EXT_HDR)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -shared -o $@ $(EXT_SRC) $(PKG_LIBS)

build/fuzz/fuzz_sql: tests/fuzz/fuzz_sql.c build/fuzz/paperext.so
	$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< -lsqlite3

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(CORE_SRC) $(EXT_HDR) tests/unit/pe_mem_libc.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< $(CORE_SRC) tests/unit/pe_mem_libc.c $(PKG_LIBS)

build/asan/fuzz/replay_sql: tests/fuzz/fuzz_sql.c tests/fuzz/replay.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(SAN) -o $@ tests/fuzz/fuzz_sql.c tests/fuzz/replay.c -lsqlite3

build/asan/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(CORE_LIB_ASAN) $(EXT_HDR) tests/unit/pe_mem_libc.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(SAN) -O1 -o $@ $< tests/fuzz/replay.c tests/unit/pe_mem_libc.c $(CORE_LIB_ASAN) $(PKG_LIBS)

# make fuzz [FUZZ_TIME=seconds per harness]: new inputs go to build/fuzz/corpus/.
fuzz: test-deps $(FUZZ_BIN)
	@for b in $(FUZZ_BIN); do n=$${b##*/fuzz_}; mkdir -p build/fuzz/corpus/$$n tests/fuzz/corpus/$$n; \
	  echo "== fuzz $$n ($(FUZZ_TIME) s)"; \
	  PAPEREXT_SO=build/fuzz/paperext.so $$b -max_total_time=$(FUZZ_TIME) -timeout=10 -rss_limit_mb=4096 -artifact_prefix=build/fuzz/ \
	    -print_final_stats=1 build/fuzz/corpus/$$n tests/fuzz/corpus/$$n 2>&1 | \
	    grep -E 'stat::number_of_executed_units|cov:.*(DONE|INITED)|ERROR|SUMMARY' | tail -4 || exit 1; done

fuzz-smoke:
	@$(MAKE) -s fuzz FUZZ_TIME=5

# make fuzz-campaign [FUZZ_TIME=seconds per harness] [FUZZ_JOBS=lanes]: hours
# of fuzzing that a finding does not stop (tests/fuzz/campaign.sh).
FUZZ_JOBS ?= 2
fuzz-campaign: test-deps $(FUZZ_BIN)
	@sh tests/fuzz/campaign.sh $(FUZZ_TIME) $(FUZZ_JOBS)

$(CORE_LIB): $(CORE_SRC:ext/%.c=build/cores/%.o)
	rm -f $@ && ar rcs $@ $^

$(CORE_LIB_ASAN): $(CORE_SRC:ext/%.c=build/asan/cores/%.o)
	rm -f $@ && ar rcs $@ $^

build/cores/%.o: ext/%.c $(EXT_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/asan/cores/%.o: ext/%.c $(EXT_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(SAN) -O1 -c -o $@ $<

build/unit/%: tests/unit/%.c $(CORE_LIB) $(EXT_HDR) tests/unit/check.h tests/unit/pe_mem_libc.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< tests/unit/pe_mem_libc.c $(CORE_LIB) $(PKG_LIBS)

build/asan/unit/%: tests/unit/%.c $(CORE_LIB_ASAN) $(EXT_HDR) tests/unit/check.h tests/unit/pe_mem_libc.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(SAN) -O1 -Itests/unit -o $@ $< tests/unit/pe_mem_libc.c $(CORE_LIB_ASAN) $(PKG_LIBS)

# The reference for the BibTeX corpus test and benchmark: a driver of btparse.
build/btparse_count: tests/btparse/btparse_count.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -o $@ $< -lbtparse

test: test-deps paperext.so build/asan/paperext.so build/tsan/paperext.so build/runner build/asan/runner \
      build/asan/oom build/tsan/threads $(UNIT_BIN) $(UNIT_ASAN) $(REPLAY_BIN) $(FUZZ_BIN) \
      build/btparse_count
	@sh tests/run.sh

demo: all
	@sh sql/demo.sh

bench: all build/runner build/btparse_count
	@sh tests/bench/run.sh

generate:
	@for g in ext/gen/*.py; do [ -f "$$g" ] && /usr/bin/python3 "$$g"; done; true

lint:
	clang-tidy --quiet $(EXT_SRC) -- $(ALL_CFLAGS)
	cppcheck --quiet --enable=warning,portability --error-exitcode=1 -Iext $(EXT_SRC)

install: all
	install -d $(DESTDIR)$(LIBDIR)
	install -m 0644 paperext.so $(DESTDIR)$(LIBDIR)/paperext.so

uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/paperext.so

clean:
	rm -rf build paperext.so demo.db
