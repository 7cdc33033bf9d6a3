#!/bin/sh
# rota pay: bad months, formats and policies are refused, saying why and
# where, and change nothing.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-pay.sh"

test_expect_success 'a bad month is a usage error' '
	payteam &&
	for m in 2027-13 2027-00 2027-1 27-01 2027/01 2027-01-01 "" jan 1969-12; do
		expect_unchanged 64 rota pay "$m" &&
		expect_err "rota: bad month '"'"'$m'"'"' (YYYY-MM, as in 2027-01)" &&
		expect_err "usage: rota pay [YYYY-MM] [--format text|csv|json]" || exit 1
	done
'

test_expect_success 'an unknown format, option or a second month is a usage error' '
	payteam &&
	expect_unchanged 64 rota pay 2027-01 --format xml &&
	expect_err "rota: unknown format '"'"'xml'"'"' (text, csv or json)" &&
	expect_unchanged 64 rota pay 2027-01 --format &&
	expect_err "--format" &&
	expect_unchanged 64 rota pay 2027-01 --csv &&
	expect_err "--csv" &&
	expect_unchanged 64 rota pay 2027-01 2027-02 &&
	expect_err "rota: pay takes at most one month, YYYY-MM"
'

# bad KEY VALUE: rota.conf with [policy "standard"] KEY set to VALUE;
# prints the line it is on.
bad() {
	sed -i "/^\[policy \"standard\"\]/,/^\$/s|^$1 = .*|$1 = $2|" rota.conf &&
	grep -n "^$1 = $2\$" rota.conf | head -1 | cut -d: -f1
}

test_expect_success 'an amount that is not a decimal is a configuration error at its line' '
	payteam &&
	line=$(bad stipend_per_week 500,00) && test -n "$line" &&
	expect_unchanged 78 rota pay 2027-01 &&
	expect_file "rota: $PWD/rota.conf:$line: stipend_per_week '"'"'500,00'"'"' is not an amount such as 500.00 (EUR has 2 decimals)" err &&
	test ! -s out &&
	for v in 1e3 .5 5. "" abc "+5" "1 000"; do
		pay_config &&
		line=$(bad weekday_rate "$v") &&
		expect_unchanged 78 rota pay 2027-01 --format csv &&
		expect_err "rota.conf:$line: weekday_rate '"'"'$v'"'"' is not an amount such as 500.00" || exit 1
	done
'

test_expect_success 'too many decimals for the currency, a negative amount, too large' '
	payteam &&
	line=$(bad holiday_rate 50.005) &&
	expect_unchanged 78 rota pay 2027-01 &&
	expect_err "rota.conf:$line: holiday_rate '"'"'50.005'"'"' has too many decimals (EUR has 2 decimals)" &&
	pay_config &&
	line=$(bad monthly_cap -5.00) &&
	expect_unchanged 78 rota pay 2027-01 &&
	expect_err "rota.conf:$line: monthly_cap '"'"'-5.00'"'"' must not be negative" &&
	pay_config &&
	line=$(bad active_hour_rate 99999999999999999999) &&
	expect_unchanged 78 rota pay 2027-01 &&
	expect_err "rota.conf:$line: active_hour_rate '"'"'99999999999999999999'"'"' is too large" &&
	pay_config &&
	sed -i "s/^currency = EUR/currency = JPY/" rota.conf &&
	expect_unchanged 78 rota pay 2027-01 &&
	expect_err "stipend_per_week '"'"'500.00'"'"' has too many decimals (JPY has 0 decimals)" &&
	sed -i "s/^currency = JPY/currency = KWD/" rota.conf &&
	expect_status 0 rota pay 2027-01 --format csv &&
	grep "^2027-01,cy," out >cy &&
	expect_file "2027-01,cy,Cy Park,cy@example.com,KWD,1,500.000,50.000,40.000,0.000,0,0.000,0,0.000,0,0.000,590.000" cy
'

test_expect_success 'an unknown currency is a configuration error naming it' '
	payteam &&
	sed -i "s/^currency = EUR/currency = XYZ/" rota.conf &&
	line=$(grep -n "^currency = XYZ" rota.conf | cut -d: -f1) &&
	expect_unchanged 78 rota pay 2027-01 &&
	expect_file "rota: $PWD/rota.conf:$line: unknown currency '"'"'XYZ'"'"' in [policy \"standard\"] (an ISO 4217 code such as EUR, USD, GBP or JPY)" err &&
	sed -i "s/^currency = XYZ/currency = eur/" rota.conf &&
	expect_unchanged 78 rota pay 2027-01 &&
	expect_err "unknown currency '"'"'eur'"'"'"
'

test_expect_success 'a rotation naming an unknown policy is a configuration error at its line' '
	payteam &&
	sed -i "s/^policy = managers/policy = gold/" rota.conf &&
	line=$(grep -n "^policy = gold" rota.conf | cut -d: -f1) &&
	expect_unchanged 78 rota pay 2027-01 &&
	expect_file "rota: $PWD/rota.conf:$line: unknown policy '"'"'gold'"'"' (no [policy \"gold\"] section)" err
'

test_expect_success 'bad whole numbers and an unknown report zone' '
	payteam &&
	line=$(bad active_rounding_minutes 0) &&
	expect_unchanged 78 rota pay 2027-01 &&
	expect_err "rota.conf:$line: active_rounding_minutes must be a whole number from 1 to 1440, not '"'"'0'"'"'" &&
	pay_config &&
	line=$(bad toil_hours_per_sleep_interruption 1.5) &&
	expect_unchanged 78 rota pay 2027-01 &&
	expect_err "rota.conf:$line: toil_hours_per_sleep_interruption must be a whole number from 0 to 24, not '"'"'1.5'"'"'" &&
	pay_config &&
	sed -i "s|^timezone = .*|timezone = Mars/Olympus|" rota.conf &&
	expect_unchanged 78 rota pay 2027-01 &&
	expect_err "rota.conf:2: unknown time zone '"'"'Mars/Olympus'"'"' in [report] timezone"
'

test_expect_success 'pay --help shows the options and the CSV columns' '
	expect_status 0 rota pay --help &&
	expect_out "usage: rota pay [YYYY-MM] [--format text|csv|json]" &&
	expect_out "month,person,name,email,currency,shifts,stipend,weekday,"
'

test_done
