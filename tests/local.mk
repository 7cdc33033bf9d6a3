# Unit tests (cmocka, TAP) and end-to-end CLI tests (shell, TAP).
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
# .sh tests run under $(SHELL) (never under valgrind themselves: lib.sh
# puts valgrind in front of rota); the unit tests use LOG_COMPILER.
TEST_EXTENSIONS = .sh
SH_LOG_DRIVER = $(LOG_DRIVER)
AM_TESTS_ENVIRONMENT = \
	CMOCKA_MESSAGE_OUTPUT=TAP; export CMOCKA_MESSAGE_OUTPUT; \
	ROTA_BUILDDIR='$(abs_top_builddir)'; export ROTA_BUILDDIR; \
	ROTA_SRCDIR='$(abs_top_srcdir)'; export ROTA_SRCDIR;
if USE_VALGRIND
VALGRIND_CMD = $(VALGRIND) --quiet --error-exitcode=99 --leak-check=full --trace-children=yes \
	--errors-for-leak-kinds=definite,indirect,possible --show-leak-kinds=definite,indirect,possible
LOG_COMPILER = $(VALGRIND_CMD)
AM_TESTS_ENVIRONMENT += ROTA_VALGRIND='$(VALGRIND_CMD)'; export ROTA_VALGRIND;
# 1,000 sequences of test-parts-property take minutes under valgrind: 50
# there, unless the environment asks for more.
AM_TESTS_ENVIRONMENT += ROTA_PROPERTY_RUNS=$${ROTA_PROPERTY_RUNS:-50}; export ROTA_PROPERTY_RUNS;
endif
SH_LOG_COMPILER = $(SHELL)

UNIT_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
UNIT_LDADD = $(ROTA_LIBS) $(CMOCKA_LIBS)
# The unit tests need cmocka, which configure only looks for: without it
# they are not built, and one test in their place fails saying what to
# install (the e2e tests still run). A new unit test goes in UNIT_TESTS,
# not check_PROGRAMS.
UNIT_TESTS =
if HAVE_CMOCKA
check_PROGRAMS += $(UNIT_TESTS)
else
TESTS += tests/unit/no-cmocka.sh
endif
EXTRA_DIST += tests/unit/no-cmocka.sh

UNIT_TESTS += tests/unit/test-time
tests_unit_test_time_SOURCES = tests/unit/test-time.c
tests_unit_test_time_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_time_LDADD = $(UNIT_LDADD)

UNIT_TESTS += tests/unit/test-fairness
tests_unit_test_fairness_SOURCES = tests/unit/test-fairness.c
tests_unit_test_fairness_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_fairness_LDADD = $(UNIT_LDADD)

# The unit tests that need a database share one fixture (a fresh store in
# a temporary folder); the service layer's tests one team on it.
STORE_FIXTURE = tests/unit/store-fixture.c tests/unit/store-fixture.h

UNIT_TESTS += tests/unit/test-shift-check
tests_unit_test_shift_check_SOURCES = tests/unit/test-shift-check.c $(STORE_FIXTURE)
tests_unit_test_shift_check_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_shift_check_LDADD = $(UNIT_LDADD)

UNIT_TESTS += tests/unit/test-store
tests_unit_test_store_SOURCES = tests/unit/test-store.c $(STORE_FIXTURE)
tests_unit_test_store_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_store_LDADD = $(UNIT_LDADD)

# The service layer's unit tests share one team on a fresh store.
SERVICE_FIXTURE = tests/unit/service-fixture.c tests/unit/service-fixture.h \
	tests/unit/store-fixture.c tests/unit/store-fixture.h

UNIT_TESTS += tests/unit/test-swap
tests_unit_test_swap_SOURCES = tests/unit/test-swap.c $(SERVICE_FIXTURE)
tests_unit_test_swap_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_swap_LDADD = $(UNIT_LDADD)

# Properties of shifts as time ranges over random teams and operations
# (issue 19): ROTA_PROPERTY_SEED replays a run, ROTA_PROPERTY_RUNS sets
# its length.
UNIT_TESTS += tests/unit/test-parts-property
tests_unit_test_parts_property_SOURCES = tests/unit/test-parts-property.c $(SERVICE_FIXTURE)
tests_unit_test_parts_property_CFLAGS = $(UNIT_CFLAGS) $(SQLITE3_CFLAGS)
tests_unit_test_parts_property_LDADD = $(UNIT_LDADD)

UNIT_TESTS += tests/unit/test-team
tests_unit_test_team_SOURCES = tests/unit/test-team.c $(SERVICE_FIXTURE)
tests_unit_test_team_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_team_LDADD = $(UNIT_LDADD)

UNIT_TESTS += tests/unit/test-audit
tests_unit_test_audit_SOURCES = tests/unit/test-audit.c $(SERVICE_FIXTURE)
tests_unit_test_audit_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_audit_LDADD = $(UNIT_LDADD)

UNIT_TESTS += tests/unit/test-setup
tests_unit_test_setup_SOURCES = tests/unit/test-setup.c $(SERVICE_FIXTURE)
tests_unit_test_setup_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_setup_LDADD = $(UNIT_LDADD)

UNIT_TESTS += tests/unit/test-roster
tests_unit_test_roster_SOURCES = tests/unit/test-roster.c $(SERVICE_FIXTURE)
tests_unit_test_roster_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_roster_LDADD = $(UNIT_LDADD)

UNIT_TESTS += tests/unit/test-schedule
tests_unit_test_schedule_SOURCES = tests/unit/test-schedule.c $(SERVICE_FIXTURE)
tests_unit_test_schedule_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_schedule_LDADD = $(UNIT_LDADD)

UNIT_TESTS += tests/unit/test-leave
tests_unit_test_leave_SOURCES = tests/unit/test-leave.c $(SERVICE_FIXTURE)
tests_unit_test_leave_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_leave_LDADD = $(UNIT_LDADD)

UNIT_TESTS += tests/unit/test-store-errors
tests_unit_test_store_errors_SOURCES = tests/unit/test-store-errors.c \
	tests/unit/store-fixture.c tests/unit/store-fixture.h
tests_unit_test_store_errors_CFLAGS = $(UNIT_CFLAGS) $(SQLITE3_CFLAGS)
tests_unit_test_store_errors_LDADD = $(UNIT_LDADD)

UNIT_TESTS += tests/unit/test-generate
tests_unit_test_generate_SOURCES = tests/unit/test-generate.c
tests_unit_test_generate_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_generate_LDADD = $(UNIT_LDADD)

UNIT_TESTS += tests/unit/test-plan
tests_unit_test_plan_SOURCES = tests/unit/test-plan.c $(STORE_FIXTURE)
tests_unit_test_plan_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_plan_LDADD = $(UNIT_LDADD)

# -- people's history (issue 23) --
UNIT_TESTS += tests/unit/test-person-history
tests_unit_test_person_history_SOURCES = tests/unit/test-person-history.c $(STORE_FIXTURE)
tests_unit_test_person_history_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_person_history_LDADD = $(UNIT_LDADD)

TESTS += $(check_PROGRAMS)

E2E_TESTS = \
	tests/e2e/t0001-init.sh \
	tests/e2e/t0010-person.sh \
	tests/e2e/t0020-rotation.sh \
	tests/e2e/t0021-term.sh \
	tests/e2e/t0022-volunteer.sh \
	tests/e2e/t0023-leave.sh \
	tests/e2e/t0024-office.sh \
	tests/e2e/t0025-holiday.sh \
	tests/e2e/t0100-schedule-generate.sh \
	tests/e2e/t0110-schedule-show.sh \
	tests/e2e/t0120-schedule-check.sh \
	tests/e2e/t0130-now-next.sh \
	tests/e2e/t0131-now-out-of-hours.sh
TESTS += $(E2E_TESTS)
EXTRA_DIST += $(E2E_TESTS) tests/e2e/lib.sh tests/e2e/lib-team.sh

# -- swaps, overrides, audit, fairness --
E2E_TESTS += \
	tests/e2e/t0200-swap-request.sh \
	tests/e2e/t0201-swap-accept.sh \
	tests/e2e/t0202-swap-decline-cancel.sh \
	tests/e2e/t0203-swap-list.sh \
	tests/e2e/t0204-swap-suggest.sh \
	tests/e2e/t0205-override.sh \
	tests/e2e/t0206-audit.sh \
	tests/e2e/t0207-report-fairness.sh \
	tests/e2e/t0208-swap-schedule.sh \
	tests/e2e/t0209-partial-cover.sh
EXTRA_DIST += tests/e2e/lib-swap.sh

# -- feeds, publish --dir (t0300-t0319) --
UNIT_TESTS += tests/unit/test-feed
tests_unit_test_feed_SOURCES = tests/unit/test-feed.c $(STORE_FIXTURE)
tests_unit_test_feed_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_feed_LDADD = $(UNIT_LDADD)
E2E_TESTS += \
	tests/e2e/t0300-feed-export.sh \
	tests/e2e/t0301-publish.sh \
	tests/e2e/t0302-publish-nginx.sh \
	tests/e2e/t0303-feed-parts.sh \
	tests/e2e/t0304-feed-out-of-hours.sh
EXTRA_DIST += tests/e2e/lib-feed.sh tests/e2e/feed.py

# -- leave and holiday import (t0320-t0339) --
UNIT_TESTS += tests/unit/test-http
tests_unit_test_http_SOURCES = tests/unit/test-http.c
tests_unit_test_http_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_http_LDADD = $(UNIT_LDADD)
UNIT_TESTS += tests/unit/test-ics-import
tests_unit_test_ics_import_SOURCES = tests/unit/test-ics-import.c
tests_unit_test_ics_import_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_ics_import_LDADD = $(UNIT_LDADD)
E2E_TESTS += \
	tests/e2e/t0320-leave-import.sh \
	tests/e2e/t0321-holiday-import.sh \
	tests/e2e/t0322-import-http.sh \
	tests/e2e/t0323-import-malformed.sh \
	tests/e2e/t0324-import-schedule.sh

# -- caldav (t0340-t0359) --
UNIT_TESTS += tests/unit/test-caldav
tests_unit_test_caldav_SOURCES = tests/unit/test-caldav.c $(STORE_FIXTURE)
tests_unit_test_caldav_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_caldav_LDADD = $(UNIT_LDADD)
EXTRA_DIST += tests/unit/caldav/radicale.xml tests/unit/caldav/upper-prefix.xml \
	tests/unit/caldav/lower-prefix.xml tests/unit/caldav/default-ns.xml \
	tests/unit/caldav/wrong-ns.xml tests/unit/caldav/foreign-prefix.xml \
	tests/unit/caldav/not-dav.html tests/unit/caldav/truncated.xml
E2E_TESTS += \
	tests/e2e/t0340-caldav-publish.sh \
	tests/e2e/t0341-caldav-errors.sh
EXTRA_DIST += tests/e2e/lib-caldav.sh tests/e2e/caldav-stub.py tests/e2e/caldav-events.py

# -- notify (t0360-t0379) --
E2E_TESTS += \
	tests/e2e/t0360-notify-webhook.sh \
	tests/e2e/t0361-notify-email.sh \
	tests/e2e/t0362-notify-swap.sh \
	tests/e2e/t0363-notify-config.sh \
	tests/e2e/t0364-notify-burnout.sh \
	tests/e2e/t0365-notify-shift-changed.sh
EXTRA_DIST += tests/e2e/lib-notify.sh
UNIT_TESTS += tests/unit/test-notify
tests_unit_test_notify_SOURCES = tests/unit/test-notify.c $(STORE_FIXTURE)
tests_unit_test_notify_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_notify_LDADD = $(UNIT_LDADD)

# The one rule for text that enters (issue 21).
UNIT_TESTS += tests/unit/test-text
tests_unit_test_text_SOURCES = tests/unit/test-text.c
tests_unit_test_text_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_text_LDADD = $(UNIT_LDADD)

# Hostile text where it enters (issue 21, t0500-t0519).
E2E_TESTS += tests/e2e/t0500-text-page-csv.sh tests/e2e/t0501-text-arguments.sh \
	tests/e2e/t0502-text-config.sh tests/e2e/t0503-text-pull.sh tests/e2e/t0504-text-calendar.sh \
	tests/e2e/t0505-ics-limits.sh
EXTRA_DIST += tests/e2e/lib-text.sh

# -- pages (t0400-t0429) --
UNIT_TESTS += tests/unit/test-classify tests/unit/test-interruptions tests/unit/test-pages \
	tests/unit/test-csv tests/unit/test-idset
tests_unit_test_idset_SOURCES = tests/unit/test-idset.c
tests_unit_test_idset_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_idset_LDADD = $(UNIT_LDADD)
tests_unit_test_csv_SOURCES = tests/unit/test-csv.c
tests_unit_test_csv_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_csv_LDADD = $(UNIT_LDADD)
E2E_TESTS += \
	tests/e2e/t0400-page-import-generic.sh \
	tests/e2e/t0401-page-import-pagerduty.sh \
	tests/e2e/t0402-page-import-opsgenie.sh \
	tests/e2e/t0403-page-import-errors.sh \
	tests/e2e/t0404-page-responder.sh \
	tests/e2e/t0405-page-classify.sh \
	tests/e2e/t0406-page-list.sh
EXTRA_DIST += tests/e2e/lib-pages.sh
UNIT_TESTS += tests/unit/test-pull
tests_unit_test_pull_SOURCES = tests/unit/test-pull.c
tests_unit_test_pull_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_pull_LDADD = $(UNIT_LDADD)
E2E_TESTS += tests/e2e/t0420-page-pull.sh
EXTRA_DIST += tests/e2e/fake-pager-api.py
UNIT_TESTS += tests/unit/test-office-hours
tests_unit_test_office_hours_SOURCES = tests/unit/test-office-hours.c
tests_unit_test_office_hours_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_office_hours_LDADD = $(UNIT_LDADD)
tests_unit_test_classify_SOURCES = tests/unit/test-classify.c
tests_unit_test_classify_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_classify_LDADD = $(UNIT_LDADD)
tests_unit_test_interruptions_SOURCES = tests/unit/test-interruptions.c
tests_unit_test_interruptions_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_interruptions_LDADD = $(UNIT_LDADD)
tests_unit_test_pages_SOURCES = tests/unit/test-pages.c \
	tests/unit/store-fixture.c tests/unit/store-fixture.h
tests_unit_test_pages_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_pages_LDADD = $(UNIT_LDADD)

# -- pay (t0430-t0449) --
UNIT_TESTS += tests/unit/test-money tests/unit/test-pay tests/unit/test-pay-parts
tests_unit_test_money_SOURCES = tests/unit/test-money.c
tests_unit_test_money_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_money_LDADD = $(UNIT_LDADD)
tests_unit_test_pay_SOURCES = tests/unit/test-pay.c
tests_unit_test_pay_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_pay_LDADD = $(UNIT_LDADD)
tests_unit_test_pay_parts_SOURCES = tests/unit/test-pay-parts.c
tests_unit_test_pay_parts_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_pay_parts_LDADD = $(UNIT_LDADD)
E2E_TESTS += tests/e2e/t0430-pay.sh tests/e2e/t0431-pay-errors.sh tests/e2e/t0432-pay-imported.sh
EXTRA_DIST += tests/e2e/lib-pay.sh

# -- monthly report (t0450-t0479) --
UNIT_TESTS += tests/unit/test-report
tests_unit_test_report_SOURCES = tests/unit/test-report.c
tests_unit_test_report_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_report_LDADD = $(UNIT_LDADD)
UNIT_TESTS += tests/unit/test-findings
tests_unit_test_findings_SOURCES = tests/unit/test-findings.c
tests_unit_test_findings_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_findings_LDADD = $(UNIT_LDADD)
UNIT_TESTS += tests/unit/test-attention
tests_unit_test_attention_SOURCES = tests/unit/test-attention.c
tests_unit_test_attention_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_attention_LDADD = $(UNIT_LDADD)
UNIT_TESTS += tests/unit/test-report-rows
tests_unit_test_report_rows_SOURCES = tests/unit/test-report-rows.c \
	tests/unit/store-fixture.c tests/unit/store-fixture.h
tests_unit_test_report_rows_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_report_rows_LDADD = $(UNIT_LDADD)
E2E_TESTS += tests/e2e/t0450-report-monthly.sh tests/e2e/t0451-report-monthly-html.sh
E2E_TESTS += tests/e2e/t0452-publish-index-time.sh
E2E_TESTS += tests/e2e/t0490-report-html-browser.sh
E2E_TESTS += tests/e2e/t0470-report-too-few.sh tests/e2e/t0471-report-month-bounds.sh \
	tests/e2e/t0472-report-escalations.sh tests/e2e/t0473-report-json-figures.sh
EXTRA_DIST += tests/e2e/lib-report.sh tests/e2e/lib-report-html.sh
UNIT_TESTS += tests/unit/test-pages-service
tests_unit_test_pages_service_SOURCES = tests/unit/test-pages-service.c $(SERVICE_FIXTURE)
tests_unit_test_pages_service_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_pages_service_LDADD = $(UNIT_LDADD)
# -- the rules the reports share: the [report] zone, CSV fields --
E2E_TESTS += tests/e2e/t0460-report-rules.sh
# -- out-of-hours rotations: the hours counted, follow the sun (issue 20) --
E2E_TESTS += tests/e2e/t0461-out-of-hours-counting.sh
# -- output never carries raw controls; lists stream (issue 21, t0560-t0569) --
UNIT_TESTS += tests/unit/test-escape
tests_unit_test_escape_SOURCES = tests/unit/test-escape.c
tests_unit_test_escape_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_escape_LDADD = $(UNIT_LDADD)
E2E_TESTS += tests/e2e/t0560-output-controls.sh

# -- writers: CSV for spreadsheets, full disks, closed pipes (t0520-t0539, issue 21) --
E2E_TESTS += tests/e2e/t0520-csv-formulas.sh tests/e2e/t0521-full-disk.sh \
	tests/e2e/t0522-output-errors.sh

# -- everyday CLI: help, completion, defaults, numbers (t0480-t0489, issue 22) --
E2E_TESTS += tests/e2e/t0480-help.sh tests/e2e/t0481-numbers.sh tests/e2e/t0482-defaults.sh \
	tests/e2e/t0483-pay-output.sh tests/e2e/t0484-database-folder.sh \
	tests/e2e/t0485-times-in-zone.sh tests/e2e/t0486-leave-days.sh \
	tests/e2e/t0487-completion-zsh.sh tests/e2e/t0488-completion-bash.sh
EXTRA_DIST += tests/e2e/zsh-complete.zsh tests/e2e/bash-complete.zsh

# Documentation, example configuration and completion (t0900-t0949).
E2E_TESTS += tests/e2e/t0900-docs.sh
E2E_TESTS += tests/e2e/t0910-readme.sh
E2E_TESTS += tests/e2e/t0911-help-fits.sh
E2E_TESTS += tests/e2e/t0919-make-rota.sh
E2E_TESTS += tests/e2e/t0920-terminal.sh
E2E_TESTS += tests/e2e/t0990-demo.sh

# What CI runs under valgrind (./configure --enable-valgrind): every unit
# test, and the demo and README stories, which between them run nearly
# every command. `make check` in that build runs everything, slowly.
VALGRIND_TESTS = $(check_PROGRAMS) tests/e2e/t0990-demo.sh tests/e2e/t0910-readme.sh
check-valgrind:
	$(MAKE) $(AM_MAKEFLAGS) check TESTS='$(VALGRIND_TESTS)'
.PHONY: check-valgrind
# -- import speed --
E2E_TESTS += tests/e2e/t0407-page-import-large.sh

# -- who may do what, run as ordinary OS users (t0030; needs root to make them) --
E2E_TESTS += tests/e2e/t0030-permissions.sh
EXTRA_DIST += tests/mutation-check.sh
# -- private figures, the integrity of pay and rights (issue 23, t0630-t0649) --
EXTRA_DIST += tests/e2e/lib-users.sh
E2E_TESTS += tests/e2e/t0630-last-manager.sh tests/e2e/t0631-smtp-tls.sh \
	tests/e2e/t0632-private-figures.sh tests/e2e/t0633-file-modes.sh \
	tests/e2e/t0634-calendar-urls.sh
E2E_TESTS += tests/e2e/t0635-private-status.sh tests/e2e/t0636-burnout-findings.sh \
	tests/e2e/t0637-escalation-managers.sh
UNIT_TESTS += tests/unit/test-report-visible
tests_unit_test_report_visible_SOURCES = tests/unit/test-report-visible.c
tests_unit_test_report_visible_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_report_visible_LDADD = $(UNIT_LDADD)
EXTRA_DIST += tests/e2e/smtp-recorder.py
UNIT_TESTS += tests/unit/test-url
tests_unit_test_url_SOURCES = tests/unit/test-url.c
tests_unit_test_url_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_url_LDADD = $(UNIT_LDADD)

# -- lib.sh itself: the chain lint, return in a loop, background processes stopped --
E2E_TESTS += tests/e2e/t0002-lib-chain-lint.sh

# -- the layering of the folders (README.md, "Layout"): no #include points up --
E2E_TESTS += tests/e2e/t0003-layering.sh
EXTRA_DIST += tests/layering.sh

# -- faults of the machine, distinct feed names (issue 21, t0540-t0559) --
E2E_TESTS += tests/e2e/t0540-busy-database.sh
E2E_TESTS += tests/e2e/t0541-database-paths.sh
E2E_TESTS += tests/e2e/t0542-environment-faults.sh
EXTRA_DIST += tests/e2e/lib-faults.sh
E2E_TESTS += tests/e2e/t0543-date-range.sh
E2E_TESTS += tests/e2e/t0544-feed-names.sh
E2E_TESTS += tests/e2e/t0545-damaged-tables.sh
E2E_TESTS += tests/e2e/t0546-page-limits.sh
E2E_TESTS += tests/e2e/t0547-pull-limits.sh

# -- SSH keys and the deployment (issue 23, t0620-t0629) --
E2E_TESTS += tests/e2e/t0620-key.sh tests/e2e/t0621-key-malformed.sh
E2E_TESTS += tests/e2e/t0622-deployment.sh
E2E_TESTS += tests/e2e/t0623-db-group.sh
EXTRA_DIST += tests/e2e/lib-keys.sh tests/e2e/lib-nginx.sh

# -- fuzzing: the regressions of its findings (fuzz/README.md, issue 21) --
E2E_TESTS += tests/e2e/t0570-page-import-durations.sh

# -- a person's zone, office, sleep and manager flag as history (issue 23, t0650-t0669) --
EXTRA_DIST += tests/e2e/lib-history.sh
E2E_TESTS += tests/e2e/t0650-history-pay.sh
E2E_TESTS += tests/e2e/t0651-history-office-manager.sh
E2E_TESTS += tests/e2e/t0652-history-dst.sh
E2E_TESTS += tests/e2e/t0653-history-migration.sh
E2E_TESTS += tests/e2e/t0654-history-figures.sh
UNIT_TESTS += tests/unit/test-oncall-periods
tests_unit_test_oncall_periods_SOURCES = tests/unit/test-oncall-periods.c
tests_unit_test_oncall_periods_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_oncall_periods_LDADD = $(UNIT_LDADD)
E2E_TESTS += tests/e2e/t0655-history-oncall-office.sh
E2E_TESTS += tests/e2e/t0656-history-oncall-dst.sh
E2E_TESTS += tests/e2e/t0657-history-future-pages.sh
E2E_TESTS += tests/e2e/t0658-history-no-backdating.sh
E2E_TESTS += tests/e2e/t0659-history-oncall-members.sh

# -- rota served over SSH (issue 23, t0600-t0619) --
UNIT_TESTS += tests/unit/test-words
tests_unit_test_words_SOURCES = tests/unit/test-words.c
tests_unit_test_words_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_words_LDADD = $(UNIT_LDADD)
E2E_TESTS += tests/e2e/t0600-serve.sh
E2E_TESTS += tests/e2e/t0601-ssh.sh
E2E_TESTS += tests/e2e/t0602-ssh-progress.sh

# -- tables fit the terminal; --color, --width, --wide (issues 22, 23; t0590-t0599) --
UNIT_TESTS += tests/unit/test-out-fit
tests_unit_test_out_fit_SOURCES = tests/unit/test-out-fit.c
tests_unit_test_out_fit_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_out_fit_LDADD = $(UNIT_LDADD)
E2E_TESTS += tests/e2e/t0590-table-width.sh
E2E_TESTS += tests/e2e/t0591-color-terminal.sh
E2E_TESTS += tests/e2e/t0592-pay-width.sh
E2E_TESTS += tests/e2e/t0593-audit-width.sh
E2E_TESTS += tests/e2e/t0594-prose-width.sh
E2E_TESTS += tests/e2e/t0595-office-holiday-width.sh
E2E_TESTS += tests/e2e/t0596-now-next-width.sh
E2E_TESTS += tests/e2e/t0597-notify-width.sh
E2E_TESTS += tests/e2e/t0598-schedule-width.sh
E2E_TESTS += tests/e2e/t0599-swap-suggest-width.sh
EXTRA_DIST += tests/e2e/lib-fit.sh
EXTRA_DIST += tests/e2e/lib-tty.sh
