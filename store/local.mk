# -- swaps, overrides, audit, fairness --
librota_a_SOURCES += store/interruptions.c
librota_a_SOURCES += \
	store/store.h store/store-private.h \
	store/db.c store/schema.c \
	store/people.c store/person-history.c store/rotations.c store/shifts.c store/leave.c \
	store/swaps.c store/audit.c \
	store/schedule.c
# -- feeds, publish --dir --
librota_a_SOURCES += store/feeds.c
# -- leave and holiday import --
librota_a_SOURCES += store/import.h store/import.c store/http-cache.c
# -- caldav --
librota_a_SOURCES += store/caldav.c
# -- notify --
librota_a_SOURCES += store/notifications.c
# -- pages --
librota_a_SOURCES += store/pages-refresh.c
librota_a_SOURCES += store/pages-class.c
librota_a_SOURCES += store/pages.c
# -- pay --
# -- monthly report --
librota_a_SOURCES += store/report.c
# -- import speed --
librota_a_SOURCES += store/pages-bulk.c
# -- ssh keys --
librota_a_SOURCES += store/keys.c
