# etc: the annotated example configuration and the bash completion.
#
# The completion is generated at build time from the command table of the
# rota just built (`rota completion bash`), so it always matches it. It is
# installed as $(bashcompdir)/rota, where bash-completion loads it on demand.
bashcompdir = $(datadir)/bash-completion/completions

EXTRA_DIST += etc/rota.conf
noinst_DATA = etc/rota.bash
CLEANFILES += etc/rota.bash

# A clean environment: no user configuration or clock may break the build.
etc/rota.bash: rota$(EXEEXT) rota-full$(EXEEXT)
	$(AM_V_GEN)$(MKDIR_P) etc && \
	env -u ROTA_NOW ROTA_CONFIG=/dev/null ./rota$(EXEEXT) completion bash >$@.tmp && \
	mv -f $@.tmp $@

install-data-local: etc/rota.bash
	$(MKDIR_P) '$(DESTDIR)$(bashcompdir)' '$(DESTDIR)$(docdir)'
	$(INSTALL_DATA) etc/rota.bash '$(DESTDIR)$(bashcompdir)/rota'
	$(INSTALL_DATA) $(srcdir)/etc/rota.conf '$(DESTDIR)$(docdir)/rota.conf.example'

uninstall-local:
	rm -f '$(DESTDIR)$(bashcompdir)/rota' '$(DESTDIR)$(docdir)/rota.conf.example'

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
