#!/usr/bin/zsh -f
# bash-complete.zsh SCRIPT OUT LINE: types LINE and a tab into an
# interactive bash (in a pseudo-terminal, zsh/zpty) that has sourced the
# completion SCRIPT, so that readline splits the line into COMP_WORDS and
# calls the completion function as it does for a person; writes each word
# the function offered (COMPREPLY) to OUT, one a line, sorted. Exits 1 when
# the shell did not finish in time.
emulate -L zsh
zmodload zsh/zpty || exit 1
script=$1 out=$2 line=$3
: >$out
rm -f $out.done
zpty b bash --norc --noprofile -i || exit 1
# The shell: no prompt, no bell; the script; its function wrapped to
# record what it offers, and to say it is done.
zpty -w b "PS1= PS2=; bind 'set bell-style none'"
zpty -w b ". ${(q)script} || exit 1"
zpty -w b "_bc_out=${(q)out}"
zpty -w b '_bc_rota() { _rota "$@"; local st=$?; [ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}" >"$_bc_out"; echo "<done>" >"$_bc_out.done"; return $st; }'
zpty -w b 'complete -F _bc_rota rota'
zpty -wn b "$line"$'\t'
# Wait (at most 30 s) for the function to say it is done, reading what the
# shell wrote without waiting for more (-t): after the last echo, a read
# that waits would wait for ever.
for i in {1..300}; do
	[[ -e $out.done ]] && break
	sleep 0.1
	zpty -rt b junk 2>/dev/null
done
zpty -d b 2>/dev/null
[[ -e $out.done ]] || exit 1
rm -f $out.done
sort -u -o $out $out
