rota_SOURCES += \
	cli/main.c cli/cmd.c cli/cmd.h cli/actor.c cli/actor.h cli/util.c cli/util.h \
	cli/cmd-init.c \
	cli/people.c cli/people.h \
	cli/cmd-person-add.c cli/cmd-person-list.c cli/cmd-person-show.c \
	cli/cmd-person-set.c cli/cmd-person-remove.c
# -- people, offices, holidays, leave --
# -- rotations, terms, schedule --
# -- swaps, overrides, audit --
# -- demo, completion --
rota_SOURCES += cli/cmd-demo.c cli/demo.c cli/demo.h
rota_SOURCES += cli/cmd-completion.c
