/* Argument checks and output shared by the person commands. */
#ifndef ROTA_CLI_PEOPLE_H
#define ROTA_CLI_PEOPLE_H

#include "cli/cmd.h"

/* A handle: 1-63 of letters, digits, '.', '_' and '-', starting with a
 * letter or digit. EX_USAGE otherwise. */
int handle_arg(struct ctx *ctx, const char *s, char *buf, size_t len);
/* Something that looks like an address (one '@', text both sides). */
int email_arg(struct ctx *ctx, const char *s, char *buf, size_t len);
int person_zone_arg(struct ctx *ctx, const char *tz, struct person *p);
/* NULL: no office. EX_DATAERR when the office does not exist. */
int person_office_arg(struct ctx *ctx, const char *office, struct person *p);
/* "22:00-07:00"; NULL keeps what p has. */
int sleep_arg(struct ctx *ctx, const char *s, struct person *p);
/* One person as "Field: value" lines, or a JSON object. */
void print_person(const struct person *p);
/* The same fields, inside an object the caller begins and ends. */
void print_person_fields(const struct person *p);
/* "22:00-07:00" of sleep hours START-END (minutes after midnight). */
void sleep_format(int start, int end, char *buf, size_t len);

#endif
