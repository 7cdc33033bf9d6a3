# calendars: iCalendar feeds, publishing (web folder, CalDAV), leave and
# holiday import, notifications. Each area appends under its own heading.
# -- feeds, publish --dir --
librota_a_SOURCES += calendars/feed.c calendars/feed.h \
	calendars/publish.c calendars/publish.h
# -- http, leave and holiday import --
# -- caldav --
librota_a_SOURCES += calendars/caldav.c calendars/caldav.h calendars/caldav-publish.c
# -- notify --
