# bench: benchmarks, run by hand (not timed tests). Built with everything
# else so that they never rot; for example
#   bench/bench-generate --rota ./rota
# generates 1,000 rotations x 10 members x 5 years and times `rota now`,
# then splits a tenth of the weeks into parts and times both again.
# What the benchmarks share: the synthetic organisation and the timing.
BENCH_COMMON = bench/org.c bench/org.h bench/timing.c bench/timing.h
noinst_PROGRAMS = bench/bench-generate
bench_bench_generate_SOURCES = bench/bench-generate.c $(BENCH_COMMON)
bench_bench_generate_LDADD = $(ROTA_LIBS)
EXTRA_DIST += bench/README.md

# Pages: the import benchmark, the 10,000,000-page database and the demo's
# pages (the generator is sample/pages-gen.c, which `rota demo` uses too).
noinst_PROGRAMS += bench/bench-pages
bench_bench_pages_SOURCES = bench/bench-pages.c bench/timing.c bench/timing.h \
	$(SAMPLE_PAGES_SOURCES)
bench_bench_pages_LDADD = $(ROTA_LIBS)
# -- feeds, publish --dir --
#   bench/bench-feed --rota ./rota
# builds a 10,000-event feed against python3-icalendar, and times
# `rota publish --dir` for 1,000 people.
noinst_PROGRAMS += bench/bench-feed
bench_bench_feed_SOURCES = bench/bench-feed.c $(BENCH_COMMON)
bench_bench_feed_CPPFLAGS = $(AM_CPPFLAGS) -DBENCH_SRCDIR='"$(abs_top_srcdir)"'
bench_bench_feed_LDADD = $(ROTA_LIBS)
EXTRA_DIST += bench/bench-feed.py
# -- lists: leave list over 1,000,000 rows, time and peak memory --
#   bench/bench-lists.sh --rota ./rota
EXTRA_DIST += bench/bench-lists.sh
# -- page CSV: one record of 200 MB, from the file and from a pipe (issue 21) --
#   bench/bench-csv-record.sh ./rota
EXTRA_DIST += bench/bench-csv-record.sh
# -- .ics import against hostile calendars (issue 21) --
#   bench/bench-ics.py --rota ./rota
# times leave import of 10,000-80,000 bad lines, 16 MiB of tiny events and
# the largest calendars rota takes (time and peak memory).
EXTRA_DIST += bench/bench-ics.py
