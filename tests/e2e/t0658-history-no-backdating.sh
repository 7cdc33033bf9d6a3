#!/bin/sh
# A change of a person cannot be back-dated (issue 23): there is no
# person set --from, so a month's pay, once given, never moves; rota(1)
# and --help say why and what to do instead.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-history.sh"

test_expect_success 'person set --from is refused and changes nothing, not even the rest of the line' '
	histteam && january &&
	export ROTA_NOW=2027-02-10T12:00:00Z &&
	expect_unchanged 64 rota person set me --from 2027-01-01 --tz Pacific/Kiritimati &&
	expect_err "from" &&
	expect_unchanged 64 rota --as me person set me --tz Pacific/Kiritimati --from=2027-01-01T00:00:00Z &&
	test "$(pay_of 2027-01)" = 500.00
'

test_expect_success 'person set --help and rota(1) say why and what to do instead' '
	expect_status 0 rota person set --help &&
	expect_out "It cannot be back-dated, so pay already given never moves: for a change" &&
	expect_out "made late, settle the difference in payroll (see rota(1))." &&
	mandoc -Tascii "$ROTA_SRCDIR/man/rota.1" | col -bx | tr "\n" " " |
		sed "s/[[:space:]][[:space:]]*/ /g" >man.txt &&
	grep -qF "A change cannot be back-dated (there is no --from): it applies from the moment it is made, whoever makes it." man.txt &&
	grep -qF "A month'"'"'s pay, once exported for payroll, must not move afterwards" man.txt &&
	grep -qF "settle what the earlier months should have paid as an adjustment in payroll" man.txt
'

test_done
