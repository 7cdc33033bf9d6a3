# Shared by the tests of the machine's faults (t0540-t0559): commands run
# where permissions bite and disks fill, as root (CI) or not (a developer).

# The program's words, for env, setpriv and unshare (valgrind first when
# the build asks for it).
ROTA="${ROTA_VALGRIND:-} $ROTA_BIN"

# perm_checked CMD [ARG...]: CMD with file permissions applied to it even
# as root (CI runs the suite as root): without the capabilities that
# bypass them.
perm_checked() {
	if [ "$(id -u)" = 0 ]; then
		setpriv --bounding-set=-dac_override,-dac_read_search -- "$@"
	else
		"$@"
	fi
}

# in_small_tmpfs DIR KB SCRIPT: runs the shell SCRIPT in a mount namespace
# of its own where DIR is a tmpfs of KB kilobytes (gone when it ends):
# `unshare -m` as root (it works in CI's chroot), `unshare -rm` (root of
# a user namespace) for a developer.
in_small_tmpfs() {
	if [ "$(id -u)" = 0 ]; then set -- -m "$@"; else set -- -rm "$@"; fi
	unshare "$1" sh -c "mount -t tmpfs -o size=$3k rota-test \"$2\" && $4"
}
