/* Tables that fit the terminal: the one rule for how wide text is on a
 * screen, which columns of a table a narrow terminal shows, and how a
 * row is written to the widths chosen. common/out.c prints every table
 * of the command line through it, reports/render-text.c the monthly
 * report's.
 *
 * Each column declares how important it is (drop: 0 is always shown;
 * the highest is left out first, ties from the right) and how it may
 * give way (numbers and times never: OUT_KEEP; a name may be cut with an
 * ellipsis: OUT_CUT; free text may be wrapped onto more lines: OUT_WRAP).
 * The table's flexible column is its first column that may be wrapped,
 * else its first that may be cut.
 * While the table is wider than the limit, the least important column is
 * left out, unless narrowing the flexible column (never below its
 * header, nor below OUT_FLEX_MIN, OUT_WRAP_MIN and OUT_WRAP_WORD for
 * wrapped text) is enough; when only columns that are always shown are
 * left, the flexible column gets what remains (at
 * least its minimum), and when that is still too wide, the other
 * columns that may give way do too, from the left, each at most to its
 * minimum; then wrapped text is broken inside its words, down to
 * OUT_WRAP_MIN. */
#ifndef ROTA_OUT_FIT_H
#define ROTA_OUT_FIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Columns are separated by this many spaces. */
#define OUT_GAP 2
/* The narrowest a flexible column is made (or its header, if wider). */
#define OUT_FLEX_MIN 10
/* ... and a column of text wrapped onto lines of its own; nor narrower
 * than its widest word, up to OUT_WRAP_WORD (a zone's name, a handle),
 * unless nothing else can give way. */
#define OUT_WRAP_MIN 20
#define OUT_WRAP_WORD 30

enum out_give { OUT_KEEP, OUT_CUT, OUT_WRAP };

/* A column as a command declares it (a list ends with { NULL }). */
struct out_col {
	const char *header;
	int drop;
	enum out_give give;
};

struct out_fit_col {
	const char *header;       /* in: its header as printed */
	int drop;                 /* in */
	enum out_give give;       /* in */
	bool right;               /* in: aligned right (padded before) */
	size_t width;             /* in: its widest cell, the header included */
	size_t word;              /* in: its widest word (0: not measured) */
	bool shown;               /* out */
	size_t fit;               /* out: the width it is printed at */
};

/* The columns on a screen of U+0000..U+10FFFF as terminals show UTF-8
 * text, whatever the locale: East Asian wide and fullwidth characters
 * (CJK, Hangul, kana, most emoji) take 2, combining marks and zero-width
 * characters 0, others 1. S is valid UTF-8 (escaped text); a byte that
 * is not counts 1. */
size_t out_text_width(const char *s);

/* The width of the widest word of S (its widest run without a space). */
size_t out_word_width(const char *s);

/* Chooses which of the N columns C are shown and at what width, for a
 * LIMIT of columns (0: no limit, every column shown at its width).
 * Returns how many were left out. */
size_t out_fit(struct out_fit_col *c, size_t n, size_t limit);

/* The declared column named HEADER in COLS (NULL: none declared), or
 * NULL: an undeclared column is always shown and never gives way. */
const struct out_col *out_col_find(const struct out_col *cols, const char *header);

/* Writes one row of the N columns C (as out_fit left them) to F: each
 * shown column's cell (NULL: empty) padded to its width but the last
 * (a column aligned right: padded before, the last one too);
 * a column that gives way cut to its width with "…", or wrapped onto
 * lines of its own under it. SGR (may be NULL), per column: a colour sequence
 * written before the cell's text and reset after it. LINE_SGR (may be
 * NULL): written at the start of each line and reset at its end. */
void out_write_row(FILE *f, const struct out_fit_col *c, size_t n,
		   char *const *cells, const char *const *sgr, const char *line_sgr);

/* TEXT and a newline, wrapped at spaces onto lines of LIMIT columns (0:
 * one line) where the first line has AT columns written already, the
 * lines after it indented by INDENT spaces. */
void out_write_wrapped(FILE *f, const char *text, size_t limit, size_t at, size_t indent);

/* Lines for people around the tables (a note, a title, a summary): the
 * text FMT makes, each of its lines followed by a newline and, when LIMIT
 * is not 0 and the line is wider, wrapped onto lines of at most LIMIT
 * columns at runs of spaces (the run left out), a word wider than the
 * line broken where the line ends. A line listing items two spaces
 * apart after a label ("Trend:  2026-12 4  2027-01 7") breaks only
 * between its items, its next lines under the first item; any other
 * line's next lines are indented 2 more than its own. LIMIT 0 writes
 * the text as it is, byte for byte. */
void out_write_prose(FILE *f, size_t limit, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Under a table that left out columns: a note naming them, and that
 * --wide shows them, wrapped to LIMIT. Nothing when none was left out. */
void out_write_left_out(FILE *f, const struct out_fit_col *c, size_t n, size_t limit);

#endif
