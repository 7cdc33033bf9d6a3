librota_a_SOURCES += \
	common/err.c common/err.h \
	common/xalloc.c common/xalloc.h \
	common/tz.c common/tz.h \
	common/tz-ical.c common/tz-ical.h \
	common/timefmt.c common/timefmt.h \
	common/out.c common/out.h \
	common/escape.c common/escape.h \
	common/jsonx.c common/jsonx.h \
	common/config.c common/config.h \
	common/secret.c common/secret.h \
	common/strset.c common/strset.h \
	common/idset.c common/idset.h \
	common/text.c common/text.h \
	common/share.c common/share.h \
	common/atomic.c common/atomic.h \
	common/words.c common/words.h \
	common/html-save.c common/html-save.h
