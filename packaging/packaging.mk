# packaging.mk: the packages and the install (included by the Makefile;
# packaging/README.md describes each package and how it is tested).
#
#   make dist        build/dist/: the npm packages (paperext, paperext-<os>-<cpu>),
#                    the Python wheel, the loadable and the static tarball
#   make install     paperext.so, libpaperext.a, paperext.h, paperext.pc under
#                    PREFIX (LIBDIR, INCLUDEDIR, PKGCONFIGDIR; DESTDIR for staging)
#   make uninstall   removes exactly those four files
#
# The version comes from one place, PAPEREXT_VERSION in ext/sqlite/pe_sqlite.h
# (what paperext_version() returns); every package reads it from there.

PAPEREXT_VERSION := $(shell sed -n 's/^.define PAPEREXT_VERSION "\(.*\)"$$/\1/p' ext/sqlite/pe_sqlite.h)
MACHINE := $(shell uname -m)
NPM_OS  := linux
NPM_CPU := $(if $(filter x86_64,$(MACHINE)),x64,$(if $(filter aarch64,$(MACHINE)),arm64,$(MACHINE)))

INCLUDEDIR   ?= $(PREFIX)/include
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig

DIST      = build/dist
NPM_PLAT  = paperext-$(NPM_OS)-$(NPM_CPU)
DIST_FILES = $(DIST)/paperext-$(PAPEREXT_VERSION).tgz $(DIST)/$(NPM_PLAT)-$(PAPEREXT_VERSION).tgz \
  $(DIST)/paperext-$(PAPEREXT_VERSION)-py3-none-linux_$(MACHINE).whl \
  $(DIST)/paperext-$(PAPEREXT_VERSION)-loadable-linux-$(MACHINE).tar.gz \
  $(DIST)/paperext-$(PAPEREXT_VERSION)-static-linux-$(MACHINE).tar.gz

# @VERSION@, @NPM_OS@, @NPM_CPU@ in a packaging template
subst = sed -e 's|@VERSION@|$(PAPEREXT_VERSION)|g' -e 's|@NPM_OS@|$(NPM_OS)|g' -e 's|@NPM_CPU@|$(NPM_CPU)|g'
# paperext.pc for prefix $(1), libdir $(2), includedir $(3)
pc_file = $(subst) -e 's|@PREFIX@|$(1)|' -e 's|@LIBDIR@|$(2)|' -e 's|@INCLUDEDIR@|$(3)|' packaging/static/paperext.pc.in

.PHONY: dist

# --- the static library: flavour 'static', compiled with -DSQLITE_CORE ---
# One relocatable object whose only global is the entry point, so nothing
# of paperext's (bib_*, pe_*) can clash with the application's own names.
$(eval $(call flavour_rule,static,$(CC),-DSQLITE_CORE))
build/static/libpaperext.a: $(call objs,static,$(EXT_SRC))
	$(CC) -r -nostdlib -o build/static/paperext.o $^
	objcopy --keep-global-symbol=sqlite3_paperext_init build/static/paperext.o
	@rm -f $@
	ar rcs $@ build/static/paperext.o

# --- the shipped loadable library: the plain objects with PCRE2 and utf8proc
# linked in from Debian's static archives (libpcre2-dev, libutf8proc-dev), so
# it needs nothing but libc; their symbols are not exported; stripped.
STATIC_ARCHIVES = $(foreach m,$(PKG_MODULES),$(shell pkg-config --variable=libdir $(m))/$(m).a)
$(DIST)/lib/paperext.so: $(call objs,plain,$(EXT_SRC))
	@mkdir -p $(@D)
	@for a in $(STATIC_ARCHIVES); do [ -f "$$a" ] || { echo "no static archive $$a (libpcre2-dev, libutf8proc-dev ship them)"; exit 1; }; done
	$(CC) -shared $(SO_LDFLAGS) -Wl,--exclude-libs,ALL -o $@.full $^ $(STATIC_ARCHIVES)
	strip --strip-unneeded -o $@ $@.full

# --- npm: paperext (loader) and paperext-<os>-<cpu> (the library) --------
$(DIST)/$(NPM_PLAT)-$(PAPEREXT_VERSION).tgz: $(DIST)/lib/paperext.so $(wildcard packaging/npm/paperext-platform/*)
	rm -rf $(DIST)/npm/$(NPM_PLAT) && mkdir -p $(DIST)/npm/$(NPM_PLAT)
	$(subst) packaging/npm/paperext-platform/package.json.in > $(DIST)/npm/$(NPM_PLAT)/package.json
	$(subst) packaging/npm/paperext-platform/README.md > $(DIST)/npm/$(NPM_PLAT)/README.md
	cp $(DIST)/lib/paperext.so $(DIST)/npm/$(NPM_PLAT)/
	cd $(DIST) && npm pack --silent ./npm/$(NPM_PLAT) >/dev/null
$(DIST)/paperext-$(PAPEREXT_VERSION).tgz: $(wildcard packaging/npm/paperext/*)
	rm -rf $(DIST)/npm/paperext && mkdir -p $(DIST)/npm/paperext
	$(subst) packaging/npm/paperext/package.json.in > $(DIST)/npm/paperext/package.json
	cp packaging/npm/paperext/index.cjs packaging/npm/paperext/index.mjs \
	   packaging/npm/paperext/index.d.ts packaging/npm/paperext/README.md $(DIST)/npm/paperext/
	cd $(DIST) && npm pack --silent ./npm/paperext >/dev/null

# --- Python: a py3-none-<platform> wheel, built offline with Debian's tools
$(DIST)/paperext-$(PAPEREXT_VERSION)-py3-none-linux_$(MACHINE).whl: $(DIST)/lib/paperext.so $(wildcard packaging/python/* packaging/python/paperext/*)
	rm -rf $(DIST)/python && mkdir -p $(DIST)/python/paperext
	$(subst) packaging/python/pyproject.toml > $(DIST)/python/pyproject.toml
	$(subst) packaging/python/paperext/__init__.py > $(DIST)/python/paperext/__init__.py
	cp packaging/python/setup.py packaging/python/README.md $(DIST)/python/
	cp $(DIST)/lib/paperext.so $(DIST)/python/paperext/
	/usr/bin/python3 -m pip wheel --quiet --no-build-isolation --no-deps --no-index \
	  --wheel-dir $(DIST) ./$(DIST)/python

# --- tarballs: the loadable library; the static library with header and .pc
$(DIST)/paperext-$(PAPEREXT_VERSION)-loadable-linux-$(MACHINE).tar.gz: $(DIST)/lib/paperext.so
	tar -czf $@ -C $(DIST)/lib paperext.so
$(DIST)/paperext-$(PAPEREXT_VERSION)-static-linux-$(MACHINE).tar.gz: build/static/libpaperext.a include/paperext.h packaging/static/paperext.pc.in
	rm -rf $(DIST)/static && mkdir -p $(DIST)/static/lib/pkgconfig $(DIST)/static/include
	cp build/static/libpaperext.a $(DIST)/static/lib/
	cp include/paperext.h $(DIST)/static/include/
	$(call pc_file,$${pcfiledir}/../..,$${prefix}/lib,$${prefix}/include) > $(DIST)/static/lib/pkgconfig/paperext.pc
	tar -czf $@ -C $(DIST)/static lib include

dist: $(DIST_FILES)
	@cd $(DIST) && ls -l $(notdir $(DIST_FILES)) | awk '{print $$5, $$NF}'

# --- install ----------------------------------------------------------------
INSTALLED = $(LIBDIR)/paperext.so $(LIBDIR)/libpaperext.a $(INCLUDEDIR)/paperext.h $(PKGCONFIGDIR)/paperext.pc

install: paperext.so build/static/libpaperext.a
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR)
	install -m 0644 paperext.so $(DESTDIR)$(LIBDIR)/paperext.so
	install -m 0644 build/static/libpaperext.a $(DESTDIR)$(LIBDIR)/libpaperext.a
	install -m 0644 include/paperext.h $(DESTDIR)$(INCLUDEDIR)/paperext.h
	$(call pc_file,$(PREFIX),$(LIBDIR),$(INCLUDEDIR)) > $(DESTDIR)$(PKGCONFIGDIR)/paperext.pc

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))

# for scripts (tests/clients/packages.sh): the version every package carries
print-version:
	@echo $(PAPEREXT_VERSION)
