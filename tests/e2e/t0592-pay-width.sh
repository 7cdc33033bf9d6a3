#!/bin/sh
# rota pay's table fits the terminal as every table does (issue 22): at
# --width 80 who, the currency, the total and its main parts stay, right
# aligned as before; the note names the parts left out; --wide and a pipe
# give every column byte for byte.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-pay.sh"

test_expect_success 'pay at 80: person, currency, shifts, stipend, active, total' '
	payteam &&
	rota pay 2027-01 >pipe.txt &&
	awk "length(\$0) > 80 { w = 1 } END { exit !w }" pipe.txt &&
	rota --wide pay 2027-01 | cmp - pipe.txt &&
	rota --wide --width 80 pay 2027-01 | cmp - pipe.txt &&
	rota --width 80 pay 2027-01 >out &&
	expect_file "Pay for 2027-01
PERSON  CUR  SHIFTS  STIPEND  WEEKEND  ACTIVE  SLEEP  SLEEP BONUS   TOTAL
ana     EUR       1   500.00    40.00    0.00      0         0.00  630.00
bo      EUR       1   500.00    40.00    0.00      0         0.00  590.00
cy      EUR       1   500.00    40.00    0.00      0         0.00  590.00
dee     EUR       1   470.24    40.00    0.00      0         0.00  556.07
mo      USD       4   394.05     0.00    0.00      0         0.00  300.00
(Left out to fit: WEEKDAY, HOLIDAY, ACTIVE MIN, TOIL H, CAPPED; --wide shows
 them.)
Total EUR: 2366.07
Total USD: 300.00" out &&
	awk "NR > 2 && NF > 10 { print \$1, \$NF }" pipe.txt >wide-totals &&
	awk "NR > 2 && NF > 8 && \$1 != \"(Left\" { print \$1, \$NF }" out | cmp - wide-totals
'

test_expect_success 'pay at 40: who, the currency and the total stay' '
	payteam &&
	rota --width 40 pay 2027-01 >out &&
	awk "length(\$0) > 40 { print; w = 1 } END { exit w }" out &&
	sed -n 2p out >head.txt &&
	expect_file "PERSON  CUR  SHIFTS  STIPEND   TOTAL" head.txt
'

test_done
