/* RFC 4180 CSV: a writer of fields, and a reader.
 *
 * The reader: quoted fields with embedded commas, doubled quotes and line
 * breaks, CRLF or LF line ends, an optional UTF-8 byte order mark. A CRLF
 * inside a quoted field reads as LF. Each record knows the physical line
 * it starts on, so errors can say FILE:LINE. Blank lines are skipped. The
 * file is mapped, not copied (a pipe is first copied to an unlinked
 * temporary file); fields are NUL-terminated copies in the reader's own
 * buffer, valid until the next csv_next(). */
#ifndef ROTA_CSV_H
#define ROTA_CSV_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Writes the text S as one CSV field to F, for payroll and spreadsheets:
 * text a spreadsheet would run as a formula (starting with = + - @, a tab
 * or a carriage return) gets a leading apostrophe, and the field is
 * quoted, its quotes doubled, when it holds a comma, a quote, a carriage
 * return or a line feed. The one rule of every CSV rota writes (rota pay,
 * rota report monthly). */
void csv_put(FILE *f, const char *s);

/* Writes NUM, a number as rota prints it ("-12", "500.00": an optional
 * minus, digits, an optional point and digits), as one CSV field as it
 * is, so that a spreadsheet reads the number, negative ones included.
 * Anything else is text and goes through csv_put(). Every number column
 * of rota's CSV is written by csv_number() or csv_int(), every text
 * column by csv_put(). */
void csv_number(FILE *f, const char *num);
void csv_int(FILE *f, int64_t v);

struct csv;

/* Opens PATH. NULL with errno set when it cannot be read. */
struct csv *csv_open(const char *path);
/* Reads from memory (not copied: DATA must outlive the reader). */
struct csv *csv_open_mem(const char *data, size_t len);
void csv_close(struct csv *c);

/* The longest record read, in bytes of the input (its line breaks and
 * separators included): a longer one is malformed input, so that a reader
 * holds at most this much, whatever the file. */
#define CSV_RECORD_MAX 1048576

/* The next record: 1 with *fields (n of them) and *line set, 0 at the end
 * of the input, -1 on malformed input (csv_error() says what, *line where
 * the record starts). */
int csv_next(struct csv *c, char ***fields, size_t *n, long *line);
const char *csv_error(const struct csv *c);

/* How far the reader is, in bytes, and the input's size (progress bars). */
size_t csv_offset(const struct csv *c);
size_t csv_size(const struct csv *c);

#endif
