/* rota's main, for rota serve, which runs a caller's command in-process. */
#ifndef ROTA_CLI_MAIN_H
#define ROTA_CLI_MAIN_H

#include "cli/served.h"

/* Runs rota with ARGV (argv[0] is "rota"; getopt permutes the array) and
 * returns the exit status. SV NULL: as the program started (cli/main.c's
 * main); else through rota serve (see struct serving). */
int rota_main(int argc, char **argv, const struct serving *sv);

#endif
