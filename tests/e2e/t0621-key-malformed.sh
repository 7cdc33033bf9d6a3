#!/bin/sh
# rota key add refuses anything but one public key (65, naming the
# problem), and then changes nothing: authorized_keys byte for byte, the
# database row for row.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-keys.sh"

AK=ssh/authorized_keys

# refused STATUS MESSAGE ARG...: rota key add ARG... exits STATUS with
# MESSAGE, the database and authorized_keys (with a foreign line and
# ana's key) unchanged.
refused() {
	local st=$1 msg=$2
	shift 2
	cp $AK ak.before &&
	expect_unchanged "$st" rota key add "$@" &&
	expect_file "$msg" err &&
	test ! -s out &&
	cmp ak.before $AK &&
	test -z "$(ls -A ssh | grep -v "^authorized_keys\$")"
}

# setup: the team, a foreign line and ana's key in authorized_keys.
setup() {
	keys_team &&
	mkdir -m 700 ssh && echo "# admins: keep" >$AK &&
	rota key add ana ana.pub >/dev/null
}

test_expect_success 'two keys in one file, or one after blank lines and a second' '
	setup &&
	cat ana2.pub cy.pub >two.pub &&
	refused 65 "rota: two.pub:2: a second line: one public key per rota key add" cy two.pub &&
	{ echo; echo; cat cy.pub; echo; cat ana2.pub; } >gaps.pub &&
	refused 65 "rota: gaps.pub:5: a second line: one public key per rota key add" cy gaps.pub &&
	cat ana2.pub cy.pub | refused 65 "rota: standard input:2: a second line: one public key per rota key add" cy -
'

test_expect_success 'options before the key: rota writes the options itself' '
	setup &&
	echo "command=\"/bin/sh\",no-pty $(cat cy.pub)" >opts.pub &&
	refused 65 "rota: opts.pub:1: options before the key (command=, restrict...): give the key alone, rota writes the options" cy opts.pub &&
	echo "restrict $(cat cy.pub)" >opts.pub &&
	refused 65 "rota: opts.pub:1: options before the key (command=, restrict...): give the key alone, rota writes the options" cy opts.pub &&
	echo "from=\"a b\" $(cat cy.pub)" >opts.pub &&
	refused 65 "rota: opts.pub:1: options before the key (command=, restrict...): give the key alone, rota writes the options" cy opts.pub
'

test_expect_success 'a private key is refused without being quoted' '
	setup &&
	refused 65 "rota: cy: a private key (-----BEGIN ...): give its public half, the .pub file, and keep the private key to its owner" cy cy &&
	refused 65 "rota: standard input: a private key (-----BEGIN ...): give its public half, the .pub file, and keep the private key to its owner" cy - <cy &&
	! grep -F "$(sed -n 2p cy)" err
'

test_expect_success 'an empty file, blank lines, binary data' '
	setup &&
	: >empty.pub &&
	refused 65 "rota: empty.pub: empty: give a public key, such as ~/.ssh/id_ed25519.pub" cy empty.pub &&
	printf "\n \n\t\n" >blank.pub &&
	refused 65 "rota: blank.pub: empty: give a public key, such as ~/.ssh/id_ed25519.pub" cy blank.pub &&
	refused 65 "rota: standard input: empty: give a public key, such as ~/.ssh/id_ed25519.pub" cy - </dev/null &&
	{ cut -d" " -f1,2 cy.pub | tr -d "\n"; printf " x\000y\n"; } >nul.pub &&
	refused 65 "rota: nul.pub: binary data, not a public key" cy nul.pub &&
	head -c 3000 /dev/urandom | tr "\000" x >bin.pub && printf "\000" >>bin.pub &&
	refused 65 "rota: bin.pub: binary data, not a public key" cy bin.pub &&
	printf "ssh-ed25519 AAAA \033[31mred\n" >esc.pub &&
	refused 65 "rota: esc.pub:1: a control character at byte 18 (0x1b)" cy esc.pub &&
	printf "ssh-ed25519 AAAA caf\351\n" >latin1.pub &&
	refused 65 "rota: latin1.pub:1: not UTF-8 at byte 21 (0xe9)" cy latin1.pub
'

test_expect_success 'a 1 MB line, from a file and from standard input' '
	setup &&
	{ printf "ssh-ed25519 "; head -c 1048576 /dev/zero | tr "\000" A; echo; } >big.pub &&
	refused 65 "rota: big.pub: too long for a public key (over 8192 bytes)" cy big.pub &&
	refused 65 "rota: standard input: too long for a public key (over 8192 bytes)" cy - <big.pub &&
	{ cat cy.pub; head -c 9000 /dev/zero | tr "\000" "\n"; } >padded.pub &&
	refused 65 "rota: padded.pub: too long for a public key (over 8192 bytes)" cy padded.pub
'

test_expect_success 'garbage, and keys ssh-keygen refuses' '
	setup &&
	echo "hello world" >junk.pub &&
	refused 65 "rota: junk.pub:1: not an OpenSSH public key: expected TYPE BASE64 [COMMENT], as in ~/.ssh/id_ed25519.pub" cy junk.pub &&
	echo "ssh-ed25519" >type.pub &&
	refused 65 "rota: type.pub:1: not an OpenSSH public key: no base64 key after ssh-ed25519" cy type.pub &&
	echo "ssh-ed25519 not*base64" >b64.pub &&
	refused 65 "rota: b64.pub:1: not an OpenSSH public key: no base64 key after ssh-ed25519" cy b64.pub &&
	echo "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBadKey cy" >short.pub &&
	refused 65 "rota: short.pub:1: not a valid ssh-ed25519 public key (ssh-keygen -l refuses it)" cy short.pub &&
	echo "ssh-rsa $(cut -d" " -f2 cy.pub) cy" >mismatch.pub &&
	refused 65 "rota: mismatch.pub:1: not a valid ssh-rsa public key (ssh-keygen -l refuses it)" cy mismatch.pub &&
	echo "ssh-nonsense AAAA" >unknown.pub &&
	refused 65 "rota: unknown.pub:1: not a valid ssh-nonsense public key (ssh-keygen -l refuses it)" cy unknown.pub &&
	{ printf "%s " "$(key_part cy)"; head -c 300 /dev/zero | tr "\000" c; echo; } >comment.pub &&
	refused 65 "rota: comment.pub:1: comment longer than 255 bytes" cy comment.pub
'

test_expect_success 'one key, one person: a key already anyone'"'"'s is refused' '
	setup &&
	refused 65 "rota: ana.pub: this key is already ana'"'"'s ($(fp ana)): one key, one person" cy ana.pub &&
	sed "s/ana@laptop/other comment/" ana.pub >same.pub &&
	refused 65 "rota: same.pub: this key is already ana'"'"'s ($(fp ana)): one key, one person" ana same.pub &&
	echo "$(cat cy.pub)" >>$AK &&
	refused 65 "rota: $PWD/$AK:3: this key is already here, on a line rota did not write: remove it there first (one key, one identity)" cy cy.pub &&
	echo "no-pty $(cat ana2.pub)" >>$AK &&
	refused 65 "rota: $PWD/$AK:4: this key is already here, on a line rota did not write: remove it there first (one key, one identity)" cy ana2.pub
'

test_expect_success 'a handle edited by hand to add options is never written' '
	setup &&
	sqlite3 rota.db "UPDATE persons SET handle = '"'"'cy\",agent-forwarding'"'"' WHERE handle = '"'"'cy'"'"'" &&
	refused 65 "rota: key $(fp ana2): its holder'"'"'s handle '"'"'cy\",agent-forwarding'"'"' cannot be written into authorized_keys" "cy\",agent-forwarding" ana2.pub
'

test_expect_success 'a missing file (66); a wrong number of arguments (64)' '
	setup &&
	refused 66 "rota: cannot read nothere.pub: No such file or directory" cy nothere.pub &&
	cp $AK ak.before &&
	expect_unchanged 64 rota key add cy &&
	expect_err "rota: key add takes a HANDLE and a FILE (- for standard input)" &&
	expect_unchanged 64 rota key remove &&
	expect_err "usage: rota key remove HANDLE [FINGERPRINT]" &&
	cmp ak.before $AK
'

test_done
