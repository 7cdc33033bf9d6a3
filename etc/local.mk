# etc: the annotated example configuration and the completion scripts.
#
# The completions are generated at build time from the command table of
# the rota just built (`rota completion bash`, `rota completion zsh`), so
# they always match it. bash's is installed as $(bashcompdir)/rota, where
# bash-completion loads it on demand; zsh's as $(zshcompdir)/_rota, a
# folder of zsh's $fpath (configure --with-bash-completion-dir and
# --with-zsh-completion-dir; no for none).

EXTRA_DIST += etc/rota.conf
noinst_DATA = etc/rota.bash etc/_rota
CLEANFILES += etc/rota.bash etc/_rota

# A clean environment: no user configuration or clock may break the build.
etc/rota.bash: rota$(EXEEXT) rota-full$(EXEEXT)
	$(AM_V_GEN)$(MKDIR_P) etc && \
	env -u ROTA_NOW ROTA_CONFIG=/dev/null ./rota$(EXEEXT) completion bash >$@.tmp && \
	mv -f $@.tmp $@
etc/_rota: rota$(EXEEXT) rota-full$(EXEEXT)
	$(AM_V_GEN)$(MKDIR_P) etc && \
	env -u ROTA_NOW ROTA_CONFIG=/dev/null ./rota$(EXEEXT) completion zsh >$@.tmp && \
	mv -f $@.tmp $@

install-data-local: etc/rota.bash etc/_rota
	$(MKDIR_P) '$(DESTDIR)$(docdir)'
	$(INSTALL_DATA) $(srcdir)/etc/rota.conf '$(DESTDIR)$(docdir)/rota.conf.example'
if WITH_BASH_COMPLETION
	$(MKDIR_P) '$(DESTDIR)$(bashcompdir)'
	$(INSTALL_DATA) etc/rota.bash '$(DESTDIR)$(bashcompdir)/rota'
endif
if WITH_ZSH_COMPLETION
	$(MKDIR_P) '$(DESTDIR)$(zshcompdir)'
	$(INSTALL_DATA) etc/_rota '$(DESTDIR)$(zshcompdir)/_rota'
endif

uninstall-local:
	rm -f '$(DESTDIR)$(docdir)/rota.conf.example'
if WITH_BASH_COMPLETION
	rm -f '$(DESTDIR)$(bashcompdir)/rota'
endif
if WITH_ZSH_COMPLETION
	rm -f '$(DESTDIR)$(zshcompdir)/_rota'
endif

# -- notify --
# The systemd service and timer of rota notify, in $(systemdsystemunitdir)
# (configure --with-systemdsystemunitdir; default PREFIX/lib/systemd/system).
EXTRA_DIST += etc/rota-notify.service.in etc/rota-notify.timer
CLEANFILES += etc/rota-notify.service
noinst_DATA += etc/rota-notify.service
# Made again on every make, so that `make install prefix=/usr` names the
# rota it installs (replaced only when the text changes).
etc/rota-notify.service: $(srcdir)/etc/rota-notify.service.in rota-notify-unit-always
	$(AM_V_GEN)$(MKDIR_P) etc && \
	sed 's|@bindir[@]|$(bindir)|g' $(srcdir)/etc/rota-notify.service.in >$@.tmp && \
	if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv -f $@.tmp $@; fi
rota-notify-unit-always:
.PHONY: rota-notify-unit-always
# -- publish --
# rota-publish.service and its timer, made and installed as notify's are.
EXTRA_DIST += etc/rota-publish.service.in etc/rota-publish.timer
CLEANFILES += etc/rota-publish.service
noinst_DATA += etc/rota-publish.service
etc/rota-publish.service: $(srcdir)/etc/rota-publish.service.in rota-notify-unit-always
	$(AM_V_GEN)$(MKDIR_P) etc && \
	sed 's|@bindir[@]|$(bindir)|g' $(srcdir)/etc/rota-publish.service.in >$@.tmp && \
	if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv -f $@.tmp $@; fi
if WITH_SYSTEMD_UNITS
systemdsystemunit_DATA = etc/rota-notify.service etc/rota-notify.timer \
	etc/rota-publish.service etc/rota-publish.timer
endif
