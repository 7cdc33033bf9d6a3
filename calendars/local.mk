# calendars: iCalendar feeds, publishing (web folder, CalDAV), leave and
# holiday import, notifications. Each area appends under its own heading.
# -- feeds, publish --dir --
librota_a_SOURCES += calendars/feed.c calendars/feed.h
# -- http, leave and holiday import --
# -- caldav --
# -- notify --
librota_a_SOURCES += \
	calendars/notify-message.c calendars/notify-message.h \
	calendars/notify-send.c calendars/notify-send.h \
	calendars/notify.c calendars/notify.h
