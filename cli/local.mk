# rota: the quick commands, linked without libical, libcurl or libxml2.
rota_SOURCES += cli/main.c cli/main.h cli/cmd.c cli/cmd.h cli/cmd-table-quick.c \
	cli/actor.c cli/actor.h cli/util.c cli/util.h \
	cli/cmd-now.c cli/cmd-next.c
rota_SOURCES += cli/db-group.c cli/db-group.h
# rota-full: every command.
rota_full_SOURCES += \
	cli/main.c cli/cmd.c cli/cmd.h cli/cmd-table.c cli/actor.c cli/actor.h cli/util.c cli/util.h \
	cli/cmd-init.c cli/db-group.c cli/db-group.h \
	cli/people.c cli/people.h \
	cli/cmd-person-add.c cli/cmd-person-list.c cli/cmd-person-show.c \
	cli/cmd-person-set.c cli/cmd-person-remove.c
# -- people, offices, holidays, leave --
rota_full_SOURCES += \
	cli/cmd-office-add.c cli/cmd-office-list.c \
	cli/cmd-holiday-add.c cli/cmd-holiday-list.c cli/cmd-holiday-remove.c \
	cli/cmd-leave-add.c cli/cmd-leave-list.c cli/cmd-leave-remove.c
# -- rotations, terms, schedule --
rota_full_SOURCES += \
	cli/setup.c cli/setup.h \
	cli/cmd-rotation-add.c cli/cmd-rotation-set.c cli/cmd-rotation-list.c \
	cli/cmd-term-add.c cli/cmd-term-list.c cli/cmd-term-show.c \
	cli/cmd-volunteer-join.c cli/cmd-volunteer-leave.c
rota_full_SOURCES += \
	cli/cmd-schedule-generate.c cli/cmd-schedule-show.c \
	cli/cmd-schedule-check.c cli/cmd-now.c cli/cmd-next.c
# -- swaps, overrides, audit --
rota_full_SOURCES += \
	cli/swaps.c cli/swaps.h \
	cli/cmd-swap-request.c cli/cmd-swap-list.c cli/cmd-swap-accept.c \
	cli/cmd-swap-decline.c cli/cmd-swap-cancel.c cli/cmd-swap-suggest.c \
	cli/cmd-override.c cli/cmd-audit.c cli/audit-format.c cli/audit-format.h \
	cli/cmd-report-fairness.c
# -- feeds, publish --dir --
rota_full_SOURCES += \
	cli/cmd-feed-export.c cli/cmd-feed-url.c cli/cmd-feed-rotate-token.c \
	cli/cmd-publish.c
# -- leave and holiday import --
rota_full_SOURCES += \
	cli/calendar-import.c cli/calendar-import.h \
	cli/cmd-leave-import.c cli/cmd-holiday-import.c
# -- caldav --
rota_full_SOURCES += cli/caldav.c cli/caldav.h
# -- notify --
rota_full_SOURCES += cli/cmd-notify.c
# -- pages --
rota_full_SOURCES += cli/cmd-page-import.c cli/cmd-page-list.c
rota_full_SOURCES += cli/cmd-page-pull.c
# -- pay --
rota_full_SOURCES += cli/cmd-pay.c
# -- monthly report --
rota_full_SOURCES += cli/cmd-report-monthly.c
# -- ssh keys --
rota_full_SOURCES += cli/keys.c cli/keys.h \
	cli/cmd-key-add.c cli/cmd-key-list.c cli/cmd-key-remove.c
# -- demo, completion --
rota_full_SOURCES += cli/cmd-demo.c cli/demo-story.c cli/demo-story.h cli/demo.c cli/demo.h $(SAMPLE_PAGES_SOURCES)
rota_full_SOURCES += cli/cmd-completion.c cli/completion.h cli/completion-zsh.c cli/cmd-help.c
# -- rota serve: a caller's command run over SSH (issue 23) --
rota_full_SOURCES += cli/cmd-serve.c cli/served.c cli/served.h cli/main.h \
	cli/remote.c cli/remote.h
