/* Output: one set of calls writes both the aligned table people read and
 * the JSON scripts read (iproute2's habit), so the two never drift apart.
 *
 *   out_list_begin(NULL);
 *   for each shift: out_row_begin(); out_int("id", "ID", id);
 *                   out_str("person", "PERSON", handle); out_row_end();
 *   out_list_end();
 *
 * A field with a NULL header appears only in JSON; one with a NULL key only
 * in the text. Lists and objects nest: a list inside an object is a table
 * under its title, and an array under its key. Everything is written by the
 * outermost *_end() call (tables must be measured before they are aligned),
 * except the rows of out_list_rows.
 *
 * Text shows stored bytes escaped (common/escape.h: \x1b, \x0a, \xff):
 * a cell is one line and no control sequence reaches the terminal. JSON
 * shows text that is not valid UTF-8 with U+FFFD for each bad byte; a
 * value jansson cannot take ends the program with EX_SOFTWARE, never a
 * key left out. */
#ifndef ROTA_OUT_H
#define ROTA_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "common/out-fit.h"

/* --width's range. */
#define OUT_WIDTH_MIN 20
#define OUT_WIDTH_MAX 10000

enum out_colour { OUT_COLOUR_AUTO, OUT_COLOUR_ALWAYS, OUT_COLOUR_NEVER };

/* The caller's terminal as the global options tell it (a command run
 * through SSH, whose stdout is not the caller's terminal): --color,
 * --width (0: not given) and --wide. Before out_init. */
void out_view(enum out_colour colour, size_t width, bool wide);

/* Whether stdout gets colour, the one rule: --color=always or never, or
 * (auto, the default) when stdout is a terminal and NO_COLOR is unset or
 * empty (no-color.org). */
bool out_colour(void);

/* The columns tables printed on stdout are fitted to (common/out-fit.h),
 * or 0 to print every column: with --wide, or when stdout is not a
 * terminal and --width was not given (pipes and scripts get the whole
 * table). Else --width, else $COLUMNS, else the terminal's width (at
 * least OUT_WIDTH_MIN). */
size_t out_width(void);

/* Declares the columns of the next table begun (out_list_begin or
 * out_list_rows): how important each is and how it may give way on a
 * narrow terminal. COLS ends with { NULL } and must outlive the table
 * (a static array); a column not in it is always shown whole. */
void out_columns(const struct out_col *cols);

/* JSON or text; colour (bold headers) by out_colour(). */
void out_init(bool json);
bool out_json(void);

/* An array (JSON) or a table (text). KEY names it inside an object; TITLE
 * is printed above the table (may be NULL). */
void out_list_begin(const char *key, const char *title);
void out_list_end(void);
void out_row_begin(void);
void out_row_end(void);

/* A list that grows with the database, never held whole: ROWS(ARG)
 * writes each row (out_row_begin ... out_row_end) and returns 0 or an
 * exit status. At the top level JSON is written row by row, and a table
 * is measured by a first call of ROWS, which prints nothing, and printed
 * by a second: ROWS must give the same rows both times (run it inside
 * one read transaction) and add no notes. Inside an object ROWS is
 * called once and the list kept like any other. *N (may be NULL) gets
 * the number of rows. Returns what ROWS returned; when ROWS fails, the
 * JSON written so far is not closed (nothing at all before a first row),
 * so that a failed read never looks like a whole, shorter list. */
typedef int (*out_rows_fn)(void *arg);
int out_list_rows(const char *key, const char *title, out_rows_fn rows, void *arg,
		  size_t *n);

/* An object (JSON) or "Header: value" lines (text). */
void out_object_begin(const char *key);
void out_object_end(void);

void out_str(const char *key, const char *header, const char *value);
void out_int(const char *key, const char *header, int64_t value);
void out_bool(const char *key, const char *header, bool value);
/* A number with DECIMALS digits after the point in text; a JSON real. */
void out_real(const char *key, const char *header, double value, int decimals);
/* An explicit JSON null; "-" in text. */
void out_null(const char *key, const char *header);

/* A line for people only, wrapped as out_write_prose does to
 * out_width() (a table's title too); ignored in JSON mode. */
void out_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Writes what is pending and checks stdout for write errors: EX_IOERR or 0. */
int out_finish(void);

#endif
