#!/bin/sh
# pay -o FILE: the same bytes as standard output, in every format, written
# atomically as report monthly -o writes; a place that cannot be written
# exits 73 and leaves nothing behind.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$ROTA_SRCDIR/tests/e2e/lib-pay.sh"

# no_temporary: no .rota-tmp. file was left in the current folder.
no_temporary() {
	ls -A >files && ! grep -q "rota-tmp" files
}

test_expect_success 'pay -o writes what stdout shows, in text, CSV and JSON' '
	payteam && pages &&
	for fmt in text csv json; do
		expect_status 0 rota pay 2027-01 --format $fmt || return 1
		mv out stdout.$fmt &&
		expect_status 0 rota pay 2027-01 --format $fmt -o pay.$fmt || return 1
		test ! -s out && test ! -s err &&
		cmp stdout.$fmt pay.$fmt || return 1
	done &&
	grep -q "^2027-01,ana,Ana Lopez," pay.csv &&
	head -c 1 pay.json >first && test "$(cat first)" = "[" &&
	expect_status 0 rota --json pay 2027-01 --output pay2.json &&
	cmp pay.json pay2.json &&
	no_temporary
'

test_expect_success 'pay -o replaces a file whole and keeps its mode; - is stdout' '
	payteam && pages &&
	echo old >pay.csv && chmod 640 pay.csv &&
	expect_status 0 rota pay 2027-01 --format csv -o pay.csv &&
	test "$(stat -c %a pay.csv)" = 640 &&
	! grep -q old pay.csv &&
	expect_status 0 rota pay 2027-01 --format csv -o - &&
	cmp out pay.csv &&
	no_temporary
'

test_expect_success 'pay -o into a missing folder or a place that refuses exits 73, writing nothing' '
	payteam && pages &&
	expect_unchanged 73 rota pay 2027-01 -o no/such/dir/pay.txt &&
	expect_file "rota: cannot create no/such/dir/pay.txt: No such file or directory" err &&
	test ! -s out && test ! -e no &&
	expect_status 73 rota pay 2027-01 --format csv -o /proc/pay.csv &&
	expect_err "rota: cannot create /proc/pay.csv" &&
	echo keep >afile &&
	expect_status 73 rota pay 2027-01 -o afile/pay.txt &&
	expect_err "rota: cannot create afile/pay.txt: Not a directory" &&
	test "$(cat afile)" = keep &&
	no_temporary
'

test_expect_success 'pay -o without a file, or with a bad format, is a usage error writing nothing' '
	payteam &&
	expect_unchanged 64 rota pay 2027-01 -o &&
	expect_err "rota: option -o needs a value" &&
	expect_unchanged 64 rota pay 2027-01 --format pdf -o p.pdf &&
	expect_err "rota: unknown format '"'"'pdf'"'"' (text, csv or json)" &&
	test ! -e p.pdf &&
	no_temporary
'

test_done
