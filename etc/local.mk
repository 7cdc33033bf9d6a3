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
etc/rota.bash: rota$(EXEEXT)
	$(AM_V_GEN)$(MKDIR_P) etc && \
	env -u ROTA_NOW ROTA_CONFIG=/dev/null ./rota$(EXEEXT) completion bash >$@.tmp && \
	mv -f $@.tmp $@

install-data-local: etc/rota.bash
	$(MKDIR_P) '$(DESTDIR)$(bashcompdir)' '$(DESTDIR)$(docdir)'
	$(INSTALL_DATA) etc/rota.bash '$(DESTDIR)$(bashcompdir)/rota'
	$(INSTALL_DATA) $(srcdir)/etc/rota.conf '$(DESTDIR)$(docdir)/rota.conf.example'

uninstall-local:
	rm -f '$(DESTDIR)$(bashcompdir)/rota' '$(DESTDIR)$(docdir)/rota.conf.example'
