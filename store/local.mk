# -- swaps, overrides, audit, fairness --
librota_a_SOURCES += store/interruptions.c
librota_a_SOURCES += \
	store/store.h store/store-private.h \
	store/db.c store/schema.c \
	store/people.c store/rotations.c store/shifts.c store/leave.c \
	store/swaps.c store/audit.c \
	store/schedule.c
# -- feeds, publish --dir --
librota_a_SOURCES += store/feeds.c
# -- leave and holiday import --
# -- caldav --
librota_a_SOURCES += store/caldav.c
# -- notify --
# -- pages --
# -- pay --
# -- monthly report --
