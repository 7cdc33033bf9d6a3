/* How the swap and override commands (cmd-swap-*.c, cmd-override.c) print
 * requests and shifts; what they do is service/swap.h. */
#ifndef ROTA_CLI_SWAPS_H
#define ROTA_CLI_SWAPS_H

#include "cli/cmd.h"

/* Prints one request with its shift as an object (text: "Header: value"
 * lines; JSON: {"id", "shift", "rotation", "start", "end", "from", "to",
 * "holder", "state", "decided_by"}). */
void print_swap(const struct swap *w, const struct shift *sh);
/* The same, as a row of a list opened by the caller. */
void print_swap_row(const struct swap *w, const struct shift *sh);
/* Prints one shift as an object in the shape of schedule show's rows. */
void print_shift_object(const struct shift *sh);

/* The exec of swap accept, decline and cancel (the verb is the second
 * word of the command's name): the request ID decided, then printed. */
int swap_decision_exec(struct ctx *ctx, int argc, char **argv);

#endif
