# reports: page import and classification, pulls from PagerDuty and
# Opsgenie, pay, the monthly report. Each area appends under its own heading.
# -- pages: import, classification --
# -- pages: pull --
# -- pay --
librota_a_SOURCES += \
	reports/money.c reports/money.h \
	reports/pay.c reports/pay.h
# -- monthly report --
