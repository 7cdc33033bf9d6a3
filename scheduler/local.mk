librota_a_SOURCES += \
	scheduler/handoff.c scheduler/handoff.h \
	scheduler/constraints.c scheduler/constraints.h \
	scheduler/generate.c scheduler/generate.h \
	scheduler/fairness.c scheduler/fairness.h \
	scheduler/coverage.c scheduler/coverage.h \
	scheduler/office-hours.c scheduler/office-hours.h
