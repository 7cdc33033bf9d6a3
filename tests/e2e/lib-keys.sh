# Shared by the key tests (t0620-t0629): a team, a rota.conf naming the
# authorized_keys rota writes, and SSH keys made with ssh-keygen.

# keys_team: ana (a volunteer) and cy (a manager); rota.conf with
# [serve] authorized_keys = ./ssh/authorized_keys and command =
# /opt/rota/bin/rota; keys ana.pub, ana2.pub and cy.pub (and their
# private halves ana, ana2, cy).
keys_team() {
	printf '[serve]\nauthorized_keys = %s/ssh/authorized_keys\ncommand = /opt/rota/bin/rota\n' \
		"$PWD" >rota.conf &&
	export ROTA_CONFIG="$PWD/rota.conf" &&
	rota init >/dev/null &&
	rota person add ana --name Ana --email ana@example.com --tz UTC >/dev/null &&
	rota person add cy --name Cy --email cy@example.com --tz UTC --manager >/dev/null &&
	new_key ana ana@laptop && new_key ana2 ana@phone && new_key cy cy@desk
}

# new_key NAME COMMENT: an ed25519 key pair NAME, NAME.pub.
new_key() {
	ssh-keygen -q -t ed25519 -N '' -C "$2" -f "$1" >/dev/null
}

# fp NAME: the SHA256 fingerprint of NAME.pub.
fp() {
	ssh-keygen -l -E sha256 -f "$1.pub" | cut -d' ' -f2
}

# key_part NAME: "TYPE BASE64" of NAME.pub.
key_part() {
	cut -d' ' -f1,2 "$1.pub"
}

# ak_line NAME HANDLE: the line rota writes for NAME.pub held by HANDLE.
ak_line() {
	echo "command=\"/opt/rota/bin/rota serve $2\",restrict $(cat "$1.pub")"
}
