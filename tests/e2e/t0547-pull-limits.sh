#!/bin/sh
# The limits of a page pull's answers (issue 21), each at the limit and one
# past it, as rota(1) lists them: an answer of 64 MiB is read, one byte
# more ends the pull (65, "answered more than 67108864 bytes"); a list of
# 1,000 answers is read, an API still saying there is more after them ends
# the pull (65) instead of being asked forever. Nothing is stored then.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$ROTA_SRCDIR/tests/e2e/lib-pages.sh"
. "$ROTA_SRCDIR/tests/e2e/lib-text.sh"

export ROTA_PAGERDUTY_TOKEN=pd-secret-token ROTA_OPSGENIE_TOKEN=og-secret-key
WINDOW="--since 2027-01-01 --until 2027-01-15"

test_expect_success 'an answer of exactly 64 MiB is read, from PagerDuty and Opsgenie' '
	schedule && api size64m &&
	expect_status 0 rota page pull pagerduty $WINDOW &&
	expect_file "pulled 0 pages from pagerduty (0 new, 0 updated)" out &&
	expect_status 0 rota page pull opsgenie $WINDOW &&
	expect_file "pulled 0 pages from opsgenie (0 new, 0 updated)" out
'

test_expect_success 'an answer one byte over 64 MiB ends the pull: 65, nothing stored' '
	schedule && api size64m1 &&
	expect_unchanged 65 rota page pull pagerduty $WINDOW &&
	expect_err "answered more than 67108864 bytes" &&
	test $(wc -l <err) = 1 &&
	expect_unchanged 65 rota page pull opsgenie $WINDOW &&
	expect_err "answered more than 67108864 bytes"
'

test_expect_success 'a list of 1,000 answers is read to its end' '
	schedule && api answers1000 &&
	expect_status 0 rota page pull pagerduty $WINDOW &&
	test "$(grep -c " /incidents?" api/requests)" = 1000 &&
	expect_status 0 rota page pull opsgenie $WINDOW &&
	test "$(grep -c " /v2/alerts?" api/requests)" = 1000
'

test_expect_success 'an API that still says there is more after 1,000 answers ends the pull: 65, nothing stored' '
	schedule && api answers1001 &&
	expect_unchanged 65 rota page pull pagerduty $WINDOW &&
	expect_err "unexpected answer: more than 1000 answers of 100 items: pull a shorter window (--since, --until)" &&
	test "$(grep -c " /incidents?" api/requests)" = 1000 &&
	expect_unchanged 65 rota page pull opsgenie $WINDOW &&
	expect_err "unexpected answer: more than 1000 answers of 100 items: pull a shorter window (--since, --until)" &&
	test "$(grep -c " /v2/alerts?" api/requests)" = 1000
'

test_done
