# fuzz: a libFuzzer target for every parser (fuzz/README.md). Built only
# by `configure --enable-fuzzing` (clang), never by a plain build or by
# make check: the library again with the fuzzer's coverage and the
# sanitizers, and one program per target. `make fuzz FUZZ_SECONDS=N`
# fuzzes each target for N seconds from its seeds; `make fuzz-replay` runs
# each over its seeds once (deterministic, what CI replays).
FUZZ_TARGETS = fuzz/fuzz-ics-import fuzz/fuzz-page-csv fuzz/fuzz-pull-json \
	fuzz/fuzz-config fuzz/fuzz-time
FUZZ_SECONDS = 60
# The same targets with fuzz/replay.c's main instead of libFuzzer, built
# by make check with any compiler: each replays its seeds as a test.
check_PROGRAMS += fuzz/replay-ics-import fuzz/replay-page-csv fuzz/replay-pull-json \
	fuzz/replay-config fuzz/replay-time
fuzz_replay_ics_import_SOURCES = fuzz/fuzz-ics-import.c fuzz/fuzz.c fuzz/replay.c fuzz/fuzz.h
fuzz_replay_ics_import_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_SEEDS='"ics-import"'
fuzz_replay_ics_import_LDADD = $(ROTA_LIBS)
fuzz_replay_page_csv_SOURCES = fuzz/fuzz-page-csv.c fuzz/fuzz.c fuzz/replay.c fuzz/fuzz.h
fuzz_replay_page_csv_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_SEEDS='"page-csv"'
fuzz_replay_page_csv_LDADD = $(ROTA_LIBS)
fuzz_replay_pull_json_SOURCES = fuzz/fuzz-pull-json.c fuzz/fuzz.c fuzz/replay.c fuzz/fuzz.h
fuzz_replay_pull_json_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_SEEDS='"pull-json"'
fuzz_replay_pull_json_LDADD = $(ROTA_LIBS)
fuzz_replay_config_SOURCES = fuzz/fuzz-config.c fuzz/fuzz.c fuzz/replay.c fuzz/fuzz.h
fuzz_replay_config_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_SEEDS='"config"'
fuzz_replay_config_LDADD = $(ROTA_LIBS)
fuzz_replay_time_SOURCES = fuzz/fuzz-time.c fuzz/fuzz.c fuzz/replay.c fuzz/fuzz.h
fuzz_replay_time_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_SEEDS='"time"'
fuzz_replay_time_LDADD = $(ROTA_LIBS)
EXTRA_DIST += fuzz/README.md fuzz/run.sh fuzz/fuzz.c fuzz/fuzz.h \
	fuzz/replay.c fuzz/fuzz-ics-import.c fuzz/fuzz-page-csv.c fuzz/fuzz-pull-json.c \
	fuzz/fuzz-config.c fuzz/fuzz-time.c \
	fuzz/ics-import-seeds fuzz/page-csv-seeds fuzz/pull-json-seeds \
	fuzz/config-seeds fuzz/time-seeds
if ENABLE_FUZZING
noinst_LIBRARIES += fuzz/librota-fuzz.a
fuzz_librota_fuzz_a_SOURCES = $(librota_a_SOURCES)
fuzz_librota_fuzz_a_CFLAGS = $(AM_CFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link
noinst_PROGRAMS += $(FUZZ_TARGETS)
FUZZ_COMPILE_FLAGS = $(AM_CFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer
FUZZ_LINK_FLAGS = $(AM_LDFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer
FUZZ_LIBS = fuzz/librota-fuzz.a $(LIBICAL_LIBS) $(SQLITE3_LIBS) $(LIBCURL_LIBS) \
	$(LIBXML2_LIBS) $(JANSSON_LIBS) $(INIH_LIBS) $(PTHREAD_LIBS) -lm
fuzz_fuzz_ics_import_SOURCES = fuzz/fuzz-ics-import.c fuzz/fuzz.c fuzz/fuzz.h
fuzz_fuzz_ics_import_CFLAGS = $(FUZZ_COMPILE_FLAGS)
fuzz_fuzz_ics_import_LDFLAGS = $(FUZZ_LINK_FLAGS)
fuzz_fuzz_ics_import_LDADD = $(FUZZ_LIBS)
fuzz_fuzz_page_csv_SOURCES = fuzz/fuzz-page-csv.c fuzz/fuzz.c fuzz/fuzz.h
fuzz_fuzz_page_csv_CFLAGS = $(FUZZ_COMPILE_FLAGS)
fuzz_fuzz_page_csv_LDFLAGS = $(FUZZ_LINK_FLAGS)
fuzz_fuzz_page_csv_LDADD = $(FUZZ_LIBS)
fuzz_fuzz_pull_json_SOURCES = fuzz/fuzz-pull-json.c fuzz/fuzz.c fuzz/fuzz.h
fuzz_fuzz_pull_json_CFLAGS = $(FUZZ_COMPILE_FLAGS)
fuzz_fuzz_pull_json_LDFLAGS = $(FUZZ_LINK_FLAGS)
fuzz_fuzz_pull_json_LDADD = $(FUZZ_LIBS)
fuzz_fuzz_config_SOURCES = fuzz/fuzz-config.c fuzz/fuzz.c fuzz/fuzz.h
fuzz_fuzz_config_CFLAGS = $(FUZZ_COMPILE_FLAGS)
fuzz_fuzz_config_LDFLAGS = $(FUZZ_LINK_FLAGS)
fuzz_fuzz_config_LDADD = $(FUZZ_LIBS)
fuzz_fuzz_time_SOURCES = fuzz/fuzz-time.c fuzz/fuzz.c fuzz/fuzz.h
fuzz_fuzz_time_CFLAGS = $(FUZZ_COMPILE_FLAGS)
fuzz_fuzz_time_LDFLAGS = $(FUZZ_LINK_FLAGS)
fuzz_fuzz_time_LDADD = $(FUZZ_LIBS)
fuzz: $(FUZZ_TARGETS)
	$(SHELL) $(srcdir)/fuzz/run.sh fuzz $(FUZZ_SECONDS) $(srcdir) $(FUZZ_TARGETS)
fuzz-replay: $(FUZZ_TARGETS)
	$(SHELL) $(srcdir)/fuzz/run.sh replay 0 $(srcdir) $(FUZZ_TARGETS)
clean-local: clean-fuzz
clean-fuzz:
	rm -rf fuzz/corpus fuzz/findings
else
fuzz fuzz-replay:
	@echo "make $@: the fuzz targets are not built: ./configure --enable-fuzzing (needs clang: apt-get install clang libclang-rt-14-dev)" >&2; exit 1
endif
.PHONY: fuzz fuzz-replay clean-fuzz
