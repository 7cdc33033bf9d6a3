# service: the operations every front end shares, DESIGN.md's core/ layer
# (named service/ because configure removes a file named "core" in the
# folder it runs in, and complains at a folder of that name): the store,
# the configuration and the acting person in, a result or an error out;
# nothing here prints. In the library, so unit tests and benchmarks call
# them without cli/.
librota_a_SOURCES += \
	service/plan.c service/plan.h \
	service/shift-check.c service/shift-check.h
librota_a_SOURCES += service/service.c service/service.h
librota_a_SOURCES += service/swap.c service/swap.h service/cover.c service/cover.h
librota_a_SOURCES += service/team.c service/team.h
librota_a_SOURCES += service/privacy.c service/privacy.h
librota_a_SOURCES += service/feeds.c service/feeds.h
librota_a_SOURCES += service/calendar-sync.c service/calendar-sync.h \
	service/leave.c service/leave.h service/holiday.c service/holiday.h
librota_a_SOURCES += service/schedule.c service/schedule.h
librota_a_SOURCES += service/pages.c service/pages.h service/pay.c service/pay.h \
	service/reports.c service/reports.h
librota_a_SOURCES += service/audit.c service/audit.h
librota_a_SOURCES += service/setup.c service/setup.h
librota_a_SOURCES += service/roster.c service/roster.h
librota_a_SOURCES += service/oncall.c service/oncall.h
librota_a_SOURCES += service/keys.c service/keys.h
