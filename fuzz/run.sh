#!/bin/sh
# fuzz/run.sh MODE SECONDS SRCDIR TARGET...: what `make fuzz` and `make
# fuzz-replay` run (fuzz/local.mk).
#
#  replay: each TARGET over each file of SRCDIR/fuzz/NAME-seeds once, one
#          process a file, stderr kept (the sanitizers report there);
#  fuzz:   each TARGET for SECONDS from its seeds and the corpus it grew
#          before (fuzz/corpus/NAME, in the build folder; the seeds are
#          never written), a crash, leak, timeout or out-of-memory input
#          kept in fuzz/findings/.
#
# A failing input is printed in base64 (base64 -d recovers it) after the
# target's report, and the script then exits 1, after trying the others.
set -u
mode=$1 seconds=$2 srcdir=$3
shift 3
failed=0

# show FILE: a failing input, for the log.
show() {
	echo "fuzz: the input, $(wc -c <"$1") bytes, in base64 (base64 -d to recover it):"
	base64 "$1"
	echo "fuzz: end of the input"
}

for target; do
	name=$(basename "$target" | sed 's/^fuzz-//')
	seeds=$srcdir/fuzz/$name-seeds
	if [ ! -d "$seeds" ]; then
		echo "fuzz: $target: no seeds in $seeds" >&2
		failed=1
		continue
	fi
	case $mode in
	replay)
		n=0
		for f in "$seeds"/*; do
			n=$((n + 1))
			if ! "$target" "$f" >"$target.replay.log" 2>&1; then
				cat "$target.replay.log"
				echo "fuzz: FAILED: $target on its seed $f"
				show "$f"
				failed=1
			fi
		done
		echo "fuzz: $target: replayed $n seeds"
		;;
	fuzz)
		mkdir -p "fuzz/corpus/$name" fuzz/findings &&
		rm -f "fuzz/findings/$name-"*
		echo "fuzz: $target for $seconds s"
		if ! "$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
			-print_final_stats=1 -artifact_prefix="fuzz/findings/$name-" \
			"fuzz/corpus/$name" "$seeds" >"$target.fuzz.log" 2>&1; then
			tail -60 "$target.fuzz.log"
			echo "fuzz: FAILED: $target found an input that fails"
			for f in "fuzz/findings/$name-"*; do
				[ -f "$f" ] && echo "fuzz: $f" && show "$f"
			done
			failed=1
		else
			grep -E '^stat::(number_of_executed_units|new_units_added)' "$target.fuzz.log" |
				sed "s|^|fuzz: $target: |"
		fi
		;;
	*)
		echo "fuzz/run.sh: unknown mode '$mode'" >&2
		exit 2
		;;
	esac
done
exit $failed
