# calendars: iCalendar feeds, publishing (web folder, CalDAV), leave and
# holiday import. Each area appends under its own heading.
# -- feeds, publish --dir --
librota_a_SOURCES += calendars/feed.c calendars/feed.h \
	calendars/publish.c calendars/publish.h
# -- http, leave and holiday import --
librota_a_SOURCES += \
	calendars/fetch.c calendars/fetch.h \
	calendars/import.c calendars/import.h
# -- caldav --
librota_a_SOURCES += calendars/caldav.c calendars/caldav.h calendars/caldav-publish.c
