# reports: page import and classification, pulls from PagerDuty and
# Opsgenie, pay, the monthly report. Each area appends under its own heading.
# -- pages: import, classification --
librota_a_SOURCES += \
	reports/classify.c reports/classify.h \
	reports/responder.c reports/responder.h \
	reports/interruptions.c reports/interruptions.h \
	reports/csv.c reports/csv.h \
	reports/page-import.c reports/page-import.h
# -- pages: pull --
librota_a_SOURCES += reports/pull.c reports/pull-parse.c reports/pull.h
# -- pay --
librota_a_SOURCES += \
	reports/money.c reports/money.h \
	reports/pay.c reports/pay.h \
	reports/pay-month.c reports/pay-month.h
# -- the reporting month ([report] timezone) --
librota_a_SOURCES += reports/month.c reports/month.h
# -- pay: the forms of rota pay --
librota_a_SOURCES += reports/render-pay.c
# -- monthly report --
librota_a_SOURCES += \
	reports/stats.c reports/stats.h \
	reports/indicators.c reports/indicators.h \
	reports/monthly.c reports/monthly.h \
	reports/findings.c reports/findings.h \
	reports/render-text.c reports/render-csv.c reports/render-json.c \
	reports/render-html.c reports/html.h reports/html-node.c reports/html-charts.c \
	reports/html-strip.c
