#!/usr/bin/zsh -f
# zsh-complete.zsh FPATH_DIR OUT LINE: types LINE and a tab into an
# interactive zsh (in a pseudo-terminal, zsh/zpty) whose completion
# system loads _rota from FPATH_DIR, and writes each candidate offered
# to OUT, one a line ("candidate" or "candidate -- description" is not
# kept: the word only). Exits 1 when the shell did not finish in time.
emulate -L zsh
zmodload zsh/zpty || exit 1
dir=$1 out=$2 line=$3
: >$out
zpty z zsh -f -i || exit 1
# The shell: no prompt, no rc files; compinit; a tab completes; compadd
# recorded to OUT; it exits once the completion is done.
zpty -w z "PROMPT= RPROMPT= PS2=; unsetopt zle_bracketed_paste 2>/dev/null"
zpty -w z "fpath=(${(q)dir} \$fpath); autoload -U compinit; compinit -u -D"
zpty -w z "zstyle ':completion:*' insert-tab false; zstyle ':completion:*' list-grouped false"
zpty -w z "bindkey '^I' complete-word"
zpty -w z "_zc_out=${(q)out}"
zpty -w z 'compadd() { if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi; local -a _zc_hits; builtin compadd -A _zc_hits "$@"; (( $#_zc_hits )) && print -rl -- $_zc_hits >>$_zc_out; builtin compadd "$@"; }'
zpty -w z '_zc_done() { print -r -- "<done>" >>$_zc_out.done; exit 0; }; comppostfuncs=(_zc_done)'
zpty -wn z "$line"$'\t'
# Wait (at most 30 s) for the shell to say it is done, reading what it
# wrote without waiting for more (-t): after its last echo, a read that
# waits would wait for ever.
for i in {1..300}; do
	[[ -e $out.done ]] && break
	sleep 0.1
	zpty -rt z junk 2>/dev/null
done
zpty -d z 2>/dev/null
[[ -e $out.done ]] || exit 1
rm -f $out.done
sort -u -o $out $out
