# calendars: iCalendar feeds, publishing (web folder, CalDAV), leave and
# holiday import. Each area appends under its own heading.
# -- feeds, publish --dir --
librota_a_SOURCES += calendars/feed.c calendars/feed.h \
	calendars/publish.c calendars/publish.h
# -- http, leave and holiday import --
librota_a_SOURCES += \
	calendars/fetch.c calendars/fetch.h \
	calendars/import.c calendars/import.h
# The libFuzzer target of the calendar parser: built only by
# `make fuzz-ics-import` (clang), never by `make`, `make check` or CI.
FUZZ_CC = clang
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined
FUZZ_ICS_SRC = $(top_srcdir)/fuzz/fuzz-ics-import.c $(top_srcdir)/calendars/import.c \
	$(top_srcdir)/common/tz.c $(top_srcdir)/common/err.c $(top_srcdir)/common/xalloc.c
fuzz-ics-import: $(FUZZ_ICS_SRC) $(top_srcdir)/calendars/import.h
	$(FUZZ_CC) $(FUZZ_FLAGS) -I$(top_builddir) -I$(top_srcdir) $(LIBICAL_CFLAGS) \
		$(FUZZ_ICS_SRC) $(LIBICAL_LIBS) -o $@
EXTRA_DIST += fuzz/fuzz-ics-import.c fuzz/ics-seeds/recurring.ics fuzz/ics-seeds/zones.ics
CLEANFILES += fuzz-ics-import
# -- caldav --
librota_a_SOURCES += calendars/caldav.c calendars/caldav.h calendars/caldav-publish.c
