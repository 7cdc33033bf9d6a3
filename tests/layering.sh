#!/bin/sh
# The layering of rota's folders (README.md, "Layout"): a file may include
# the headers of its own folder and of the folders its rule below names,
# never one above it. Prints every #include that points elsewhere, as
# FILE:LINE, the include and the rule, and exits 1; prints nothing and
# exits 0 when the tree keeps its layers. Also: only store/ (and tests)
# include sqlite3.h, and every folder Makefile.am includes a local.mk of
# that holds C has a rule here.
#
#   tests/layering.sh [SRCDIR]      (default: the tree this script is in)
#
# Run by tests/e2e/t0003-layering.sh.
set -u
srcdir=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$srcdir" || exit 2

# FOLDER: the other folders its files may include, lowest first.
# Library folders (librota.a), bottom up:
LIB='common model store scheduler http calendars reports notify service'
rules="
common:
model:
store: common model
scheduler: common model
http: common model store
calendars: common model store scheduler http
reports: common model store scheduler http
notify: common model store scheduler http calendars reports
service: common model store scheduler http calendars reports notify
sample: common
cli: $LIB sample
bench: $LIB sample
fuzz: $LIB
tests: $LIB sample
"

status=0

# Every folder with C that Makefile.am builds has a rule.
for d in $(sed -n 's|^include \([^/]*\)/local\.mk$|\1|p' Makefile.am); do
	ls "$d"/*.[ch] >/dev/null 2>&1 || continue
	if ! printf '%s\n' "$rules" | grep -q "^$d:"; then
		echo "tests/layering.sh: $d/ has no rule: add one (which folders may $d/ include?)"
		status=1
	fi
done

folders=$(printf '%s\n' "$rules" | sed -n 's/^\([a-z]*\):.*/\1/p')
files=$(for d in $folders; do
	if [ -d "$d" ]; then find "$d" -name '*.[ch]' -type f; fi
done | LC_ALL=C sort)
[ -n "$files" ] || { echo "tests/layering.sh: no C files under $srcdir"; exit 2; }

printf '%s\n' "$rules" | awk -v files="$files" '
	function allowed(own, to,    n, i, a) {
		if (to == own)
			return 1
		n = split(rule[own], a, " ")
		for (i = 1; i <= n; i++)
			if (a[i] == to)
				return 1
		return 0
	}
	/^[a-z]+:/ {
		k = $1; sub(/:$/, "", k)
		$1 = ""; rule[k] = $0
		next
	}
	END {
		bad = 0
		n = split(files, f, "\n")
		for (i = 1; i <= n; i++) {
			file = f[i]
			own = file; sub(/\/.*/, "", own)
			line = 0
			while ((getline text < file) > 0) {
				line++
				if (text ~ /^[ \t]*#[ \t]*include[ \t]*<sqlite3\.h>/ &&
				    own != "store" && own != "tests") {
					printf "%s:%d: #include <sqlite3.h>: only store/ speaks SQL\n", file, line
					bad = 1
					continue
				}
				if (text !~ /^[ \t]*#[ \t]*include[ \t]*"[^"\/]+\//)
					continue
				inc = text
				sub(/^[ \t]*#[ \t]*include[ \t]*"/, "", inc)
				sub(/".*/, "", inc)
				to = inc; sub(/\/.*/, "", to)
				if (!allowed(own, to)) {
					m = split(rule[own], a, " ")
					r = own "/"
					for (j = 1; j <= m; j++)
						r = r ", " a[j] "/"
					printf "%s:%d: #include \"%s\": %s/ may include only %s\n",
					       file, line, inc, own, r
					bad = 1
				}
			}
			close(file)
		}
		exit bad
	}' || status=1
exit $status
