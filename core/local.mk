# core: the operations every front end shares (DESIGN.md "Layout"): the
# store, the configuration and the acting person in, a result or an error
# out; nothing here prints. In the library, so unit tests and benchmarks
# call them without cli/.
librota_a_SOURCES += \
	core/plan.c core/plan.h \
	core/shift-check.c core/shift-check.h
