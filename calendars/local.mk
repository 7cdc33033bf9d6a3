# calendars: iCalendar feeds, publishing (web folder, CalDAV), leave and
# holiday import, notifications. Each area appends under its own heading.
# -- feeds, publish --dir --
# -- http, leave and holiday import --
librota_a_SOURCES += \
	calendars/fetch.c calendars/fetch.h \
	calendars/import.c calendars/import.h
# -- caldav --
# -- notify --
