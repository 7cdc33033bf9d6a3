# reports: page import and classification, pulls from PagerDuty and
# Opsgenie, pay, the monthly report. Each area appends under its own heading.
# -- pages: import, classification --
librota_a_SOURCES += \
	reports/classify.c reports/classify.h \
	reports/interruptions.c reports/interruptions.h
# -- pages: pull --
# -- pay --
# -- monthly report --
