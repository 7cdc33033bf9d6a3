/* Helpers of the swap and override commands (cmd-swap-*.c, cmd-override.c):
 * finding a request, who may act on it, and printing requests and shifts. */
#ifndef ROTA_CLI_SWAPS_H
#define ROTA_CLI_SWAPS_H

#include <jansson.h>
#include <stdbool.h>

#include "cli/cmd.h"

/* The swap request named by ARG (its id): 0, EX_USAGE for a bad id, or
 * EX_DATAERR "unknown swap request N (see rota swap list)". */
int find_swap(struct ctx *ctx, const char *arg, struct swap *out);
/* The shift W is about: 0, or an exit status after printing why. */
int swap_shift(struct ctx *ctx, const struct swap *w, struct shift *out);
/* EX_DATAERR "swap request N is no longer open (accepted by bo ...)" unless
 * W is open; 0 when it is. */
int swap_require_open(const struct swap *w);
/* EX_DATAERR unless SH starts after now: "shift N started ...". */
int shift_require_future(struct ctx *ctx, const struct shift *sh, const char *what);

/* EX_NOPERM unless the acting person may answer W (VERB: "accept",
 * "decline"): the person it names, or for a request open to anyone, any
 * current member of the term other than the requester. */
int swap_may_answer(struct ctx *ctx, const struct swap *w, const struct shift *sh,
		    const char *verb);

/* JSON of a request for the audit trail. A new reference. */
json_t *swap_to_json(const struct swap *w);

/* Prints one request with its shift as an object (text: "Header: value"
 * lines; JSON: {"id", "shift", "rotation", "start", "end", "from", "to",
 * "holder", "state", "decided_by"}). */
void print_swap(const struct swap *w, const struct shift *sh);
/* The same, as a row of a list opened by the caller. */
void print_swap_row(const struct swap *w, const struct shift *sh);
/* Prints one shift as an object in the shape of schedule show's rows. */
void print_shift_object(const struct shift *sh);

#endif
