#!/bin/sh
# The one rule for text in rota.conf: every value is valid UTF-8 without
# control characters (tab allowed). A value that is not stops rota with
# exit 78, naming the file, the line and the key, before anything runs.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-team.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-text.sh"

test_expect_success 'a value with an escape sequence is refused at its line' '
	team &&
	printf "[notify]\n# the sender\nfrom = Rota \033]0;pwned\007<rota@example.com>\n" >rota.conf &&
	expect_unchanged 78 rota --config rota.conf person add ed --name Ed --email ed@example.com --tz UTC &&
	expect_file "rota: rota.conf:3: from: a control character at byte 6 (0x1b)" err &&
	no_raw_controls err
'

test_expect_success 'a value that is not UTF-8, or holds a C1 control, is refused' '
	team &&
	printf "[feed]\nbase_url = https://example.com/\377\n" >latin.conf &&
	expect_unchanged 78 rota --config latin.conf person list &&
	expect_file "rota: latin.conf:2: base_url: not UTF-8 at byte 21 (0xff)" err &&
	printf "[service \"api\"]\nrotation = o\302\233ps\n" >c1.conf &&
	expect_unchanged 78 rota --config c1.conf person list &&
	expect_file "rota: c1.conf:2: rotation: a control character at byte 2 (U+009B)" err &&
	no_raw_controls err
'

test_expect_success 'UTF-8 and a tab in a value are read as they are' '
	team &&
	printf "[notify]\nfrom = \303\211quipe\tRota <rota@example.com>\n" >good.conf &&
	expect_status 0 rota --config good.conf person list
'

test_done
