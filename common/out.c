#include <config.h>  /* autoconf's, not common/config.h */

#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "common/err.h"
#include "common/escape.h"
#include "common/jsonx.h"
#include "common/out.h"
#include "common/out-fit.h"
#include "common/xalloc.h"

/* Text output is buffered as a list of lines and tables, in order, and
 * written when the outermost container ends; a list of rows given by a
 * function (out_list_rows) at the top level is written as it comes
 * instead. */
enum item_kind { ITEM_LINE, ITEM_FIELD, ITEM_TABLE };

/* How a table takes its rows: kept to be printed at the end, or (a
 * streamed table) measured in a first pass and printed in a second. */
enum table_pass { TABLE_KEEP, TABLE_MEASURE, TABLE_PRINT };

struct table {
	char *title;
	size_t ncols;
	char **headers;           /* ncols */
	size_t nrows;
	struct row *rows;         /* TABLE_KEEP */
	enum table_pass pass;
	size_t *widths;           /* nwidths: measured (before printing) */
	size_t *words;            /* nwidths: the widest word of each */
	size_t nwidths;
	const struct out_col *cols;  /* as declared (out_columns), or NULL */
	struct out_fit_col *fit;  /* ncols: as printed (out_fit) */
};

struct row {
	char **cells;             /* len cells, NULL = empty */
	size_t len;               /* short when columns appeared after the row */
};

struct item {
	enum item_kind kind;
	char *line;
	struct table *table;
};

enum frame_kind { FRAME_LIST, FRAME_ROW, FRAME_OBJECT };

struct frame {
	enum frame_kind kind;
	json_t *json;
	const char *key;          /* in the parent object */
	struct table *table;      /* FRAME_LIST and FRAME_ROW (its list's) */
	char **row;               /* FRAME_ROW: cells of the current row */
	bool stream;              /* FRAME_LIST: rows written as they end */
	size_t nrows;             /* FRAME_LIST: rows so far */
};

static struct {
	bool json, colour;
	enum out_colour colour_mode;
	size_t width;             /* --width, 0: not given */
	bool wide;
	const struct out_col *next_cols;  /* for the next table begun */
	struct frame stack[16];
	int depth;
	struct item *items;
	size_t nitems;
	json_t *root;
	bool failed;              /* a write of JSON failed */
} out;

void
out_view(enum out_colour colour, size_t width, bool wide)
{
	out.colour_mode = colour;
	out.width = width;
	out.wide = wide;
}

bool
out_colour(void)
{
	const char *no_colour = getenv("NO_COLOR");

	switch (out.colour_mode) {
	case OUT_COLOUR_ALWAYS: return true;
	case OUT_COLOUR_NEVER: return false;
	case OUT_COLOUR_AUTO: break;
	}
	return isatty(STDOUT_FILENO) && (no_colour == NULL || *no_colour == '\0');
}

size_t
out_width(void)
{
	struct winsize ws;
	const char *env;
	char *end;
	long n;

	if (out.wide)
		return 0;
	if (out.width > 0)
		return out.width;
	if (!isatty(STDOUT_FILENO))
		return 0;
	if ((env = getenv("COLUMNS")) != NULL && *env != '\0') {
		n = strtol(env, &end, 10);
		if (*end == '\0' && n > 0 && n <= OUT_WIDTH_MAX)
			return n < OUT_WIDTH_MIN ? OUT_WIDTH_MIN : (size_t)n;
	}
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col < OUT_WIDTH_MIN ? OUT_WIDTH_MIN : ws.ws_col;
	return 0;
}

void
out_columns(const struct out_col *cols)
{
	out.next_cols = cols;
}

void
out_init(bool json)
{
	out.json = json;
	out.colour = !json && out_colour();
}

bool
out_json(void)
{
	return out.json;
}

static struct frame *
top(void)
{
	return out.depth > 0 ? &out.stack[out.depth - 1] : NULL;
}

static void
add_item(enum item_kind kind, char *line, struct table *table)
{
	out.items = xpush(out.items, &out.nitems, sizeof *out.items);
	out.items[out.nitems - 1] = (struct item){ kind, line, table };
}

static void
attach_json(const char *key, json_t *value)
{
	struct frame *f = top();

	jx_new(value);
	if (f == NULL)
		out.root = value;
	else if (json_is_array(f->json))
		jx_append(f->json, value);
	else if (key != NULL)
		jx_set(f->json, key, value);
	else
		json_decref(value);
}

static struct frame *
push(enum frame_kind kind, const char *key, json_t *json)
{
	struct frame *f;

	if (out.depth == (int)(sizeof out.stack / sizeof out.stack[0]))
		abort();  /* nesting this deep is a programming error */
	f = &out.stack[out.depth++];
	*f = (struct frame){ .kind = kind, .json = json, .key = key };
	return f;
}

static void print_all(void);

static void
pop(void)
{
	struct frame *f = &out.stack[--out.depth];

	if (out.json && f->json != NULL)
		attach_json(f->key, f->json);
	if (out.depth == 0)
		print_all();
}

void
out_list_begin(const char *key, const char *title)
{
	struct frame *f = push(FRAME_LIST, key, out.json ? jx_new(json_array()) : NULL);

	if (!out.json) {
		f->table = xcalloc(1, sizeof *f->table);
		f->table->title = title ? xstrdup(title) : NULL;
		f->table->cols = out.next_cols;
		out.next_cols = NULL;
		add_item(ITEM_TABLE, NULL, f->table);
	}
}

void
out_list_end(void)
{
	pop();
}

void
out_row_begin(void)
{
	struct frame *list = top();
	struct frame *f = push(FRAME_ROW, NULL, out.json ? jx_new(json_object()) : NULL);

	if (!out.json) {
		f->table = list->table;
		f->row = xcalloc(f->table->ncols + 1, sizeof *f->row);
	}
}

static void write_json_row(json_t *row, bool first);
static void measure_row(struct table *t, char **cells, size_t len);
static void print_row(const struct table *t, char **cells, size_t len);
static void free_cells(char **cells, size_t len);

void
out_row_end(void)
{
	struct frame *f = top(), *list = &out.stack[out.depth - 2];

	list->nrows++;
	if (list->stream) {
		/* Written (or measured) now and forgotten. */
		if (out.json) {
			write_json_row(f->json, list->nrows == 1);
		} else {
			if (f->table->pass == TABLE_MEASURE)
				measure_row(f->table, f->row, f->table->ncols);
			else
				print_row(f->table, f->row, f->table->ncols);
			free_cells(f->row, f->table->ncols);
		}
		out.depth--;
		return;
	}
	if (!out.json) {
		struct table *t = f->table;

		t->rows = xpush(t->rows, &t->nrows, sizeof *t->rows);
		t->rows[t->nrows - 1] = (struct row){ f->row, t->ncols };
	}
	pop();
}

void
out_object_begin(const char *key)
{
	push(FRAME_OBJECT, key, out.json ? jx_new(json_object()) : NULL);
}

void
out_object_end(void)
{
	pop();
}

/* Puts a text cell under HEADER in the current row, or a "Header: value"
 * line in the current object. Takes ownership of VALUE. What it holds is
 * shown escaped (escape_visible): a cell stays on its line and a
 * terminal obeys no sequence stored in the database. */
static void
put_text(const char *header, char *raw)
{
	struct frame *f = top();
	char *value;

	if (header == NULL || f == NULL) {
		free(raw);
		return;
	}
	value = escape_visible(raw, false);
	free(raw);
	if (f->kind == FRAME_ROW) {
		struct table *t = f->table;
		size_t col;

		for (col = 0; col < t->ncols; col++)
			if (strcmp(t->headers[col], header) == 0)
				break;
		if (col == t->ncols) {
			t->headers = xreallocarray(t->headers, t->ncols + 1, sizeof *t->headers);
			t->headers[t->ncols++] = xstrdup(header);
			f->row = xreallocarray(f->row, t->ncols, sizeof *f->row);
			f->row[col] = NULL;
		}
		free(f->row[col]);
		f->row[col] = value;
	} else {
		add_item(ITEM_FIELD, xasprintf("%-24s %s", header, value), NULL);
		free(value);
	}
}

void
out_str(const char *key, const char *header, const char *value)
{
	if (out.json) {
		/* Text that is not UTF-8 (stored by hand or by an older rota)
		 * is shown with U+FFFD for its bad bytes, never left out. */
		if (key != NULL)
			attach_json(key, jx_string(value));
	} else {
		put_text(header, xstrdup(value ? value : "-"));
	}
}

void
out_int(const char *key, const char *header, int64_t value)
{
	if (out.json) {
		if (key != NULL)
			attach_json(key, json_integer(value));
	} else {
		put_text(header, xasprintf("%lld", (long long)value));
	}
}

void
out_bool(const char *key, const char *header, bool value)
{
	if (out.json) {
		if (key != NULL)
			attach_json(key, json_boolean(value));
	} else {
		put_text(header, xstrdup(value ? "yes" : "no"));
	}
}

void
out_real(const char *key, const char *header, double value, int decimals)
{
	if (out.json) {
		if (key != NULL)
			attach_json(key, json_real(value));
	} else {
		put_text(header, xasprintf("%.*f", decimals, value));
	}
}

void
out_null(const char *key, const char *header)
{
	out_str(key, header, NULL);
}

void
out_note(const char *fmt, ...)
{
	va_list ap;
	char *text, *line;

	if (out.json)
		return;
	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	line = escape_visible(text, true);
	free(text);
	if (out.depth == 0) {
		out_write_prose(stdout, out_width(), "%s", line);
		free(line);
	} else {
		add_item(ITEM_LINE, line, NULL);
	}
}

/* Display width of text as a terminal shows it (common/out-fit.h). */
static size_t
width(const char *s)
{
	return out_text_width(s);
}

/* Widens T's columns (t->widths, from its headers at first) to fit a
 * row of LEN cells. */
static void
measure_row(struct table *t, char **cells, size_t len)
{
	if (t->ncols > 0) {
		t->widths = xreallocarray(t->widths, t->ncols, sizeof *t->widths);
		t->words = xreallocarray(t->words, t->ncols, sizeof *t->words);
	}
	for (size_t c = 0; c < t->ncols; c++) {
		if (c >= t->nwidths) {
			t->widths[c] = width(t->headers[c]);
			t->words[c] = 0;
		}
		if (c < len && cells[c] != NULL && width(cells[c]) > t->widths[c])
			t->widths[c] = width(cells[c]);
		if (c < len && cells[c] != NULL && out_word_width(cells[c]) > t->words[c])
			t->words[c] = out_word_width(cells[c]);
	}
	if (t->ncols > t->nwidths)
		t->nwidths = t->ncols;
}

/* Chooses T's columns for the terminal (out_fit), once measured. */
static void
fit_table(struct table *t)
{
	t->fit = xcalloc(t->ncols + 1, sizeof *t->fit);
	for (size_t c = 0; c < t->ncols; c++) {
		const struct out_col *d = out_col_find(t->cols, t->headers[c]);

		t->fit[c] = (struct out_fit_col){ .header = t->headers[c],
			.drop = d ? d->drop : 0, .give = d ? d->give : OUT_KEEP,
			.width = c < t->nwidths ? t->widths[c] : 0,
			.word = c < t->nwidths ? t->words[c] : 0 };
	}
	out_fit(t->fit, t->ncols, out_width());
}

static void
print_header(struct table *t)
{
	if (t->title)
		out_write_prose(stdout, out_width(), "%s", t->title);
	if (t->ncols == 0)
		return;
	fit_table(t);
	out_write_row(stdout, t->fit, t->ncols, t->headers, NULL,
		      out.colour ? "\033[1m" : NULL);
}

/* One row of LEN cells (NULL: empty), fewer than the columns when
 * columns appeared after it. */
static void
print_row(const struct table *t, char **cells, size_t len)
{
	char **all = cells;

	if (len < t->ncols) {
		all = xcalloc(t->ncols, sizeof *all);
		memcpy(all, cells, len * sizeof *all);
	}
	out_write_row(stdout, t->fit, t->ncols, all, NULL, NULL);
	if (all != cells)
		free(all);
}

/* Under the table: which columns were left out to fit. */
static void
print_footer(const struct table *t)
{
	if (t->fit != NULL)
		out_write_left_out(stdout, t->fit, t->ncols, out_width());
}

static void
print_table(struct table *t)
{
	for (size_t r = 0; r < t->nrows; r++)
		measure_row(t, t->rows[r].cells, t->rows[r].len);
	measure_row(t, NULL, 0);        /* a table of headers alone */
	print_header(t);
	for (size_t r = 0; r < t->nrows; r++)
		print_row(t, t->rows[r].cells, t->rows[r].len);
	print_footer(t);
}

static void
free_cells(char **cells, size_t len)
{
	for (size_t c = 0; c < len; c++)
		free(cells[c]);
	free(cells);
}

static void
free_table(struct table *t)
{
	for (size_t r = 0; r < t->nrows; r++)
		free_cells(t->rows[r].cells, t->rows[r].len);
	for (size_t c = 0; c < t->ncols; c++)
		free(t->headers[c]);
	free(t->rows);
	free(t->widths);
	free(t->words);
	free(t->fit);
	free(t->headers);
	free(t->title);
	free(t);
}

static void
print_all(void)
{
	if (out.json) {
		if (out.root != NULL) {
			if (json_dumpf(out.root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0)
				out.failed = true;
			putchar('\n');
			json_decref(out.root);
			out.root = NULL;
		}
		return;
	}
	for (size_t i = 0; i < out.nitems; i++) {
		if (out.items[i].kind == ITEM_LINE) {
			out_write_prose(stdout, out_width(), "%s", out.items[i].line);
			free(out.items[i].line);
		} else if (out.items[i].kind == ITEM_FIELD) {
			/* "Header: value", the value wrapped under itself. */
			out_write_wrapped(stdout, out.items[i].line, out_width(), 0, 25);
			free(out.items[i].line);
		} else {
			print_table(out.items[i].table);
			free_table(out.items[i].table);
		}
	}
	free(out.items);
	out.items = NULL;
	out.nitems = 0;
}

int
out_finish(void)
{
	if (fflush(stdout) != 0 || ferror(stdout) || out.failed)
		return rota_fail(EX_IOERR, "cannot write output");
	return 0;
}

/* Writes ROW as an element of the top-level array being streamed, as
 * json_dumpf would inside the whole array, and frees it. */
static void
write_json_row(json_t *row, bool first)
{
	char *text = xnonnull(json_dumps(row, JSON_INDENT(2) | JSON_PRESERVE_ORDER));
	const char *p, *nl;

	fputs(first ? "[\n  " : ",\n  ", stdout);
	for (p = text; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		fwrite(p, 1, (size_t)(nl - p) + 1, stdout);
		fputs("  ", stdout);
	}
	fputs(p, stdout);
	free(text);
	json_decref(row);
}

int
out_list_rows(const char *key, const char *title, out_rows_fn rows, void *arg,
	      size_t *n)
{
	struct table *t;
	struct frame *f;
	int r;

	if (n != NULL)
		*n = 0;
	if (out.depth > 0) {
		/* Inside an object: kept with it, like any list. */
		out_list_begin(key, title);
		r = rows(arg);
		if (n != NULL)
			*n = top()->nrows;
		out_list_end();
		return r;
	}
	if (out.json) {
		f = push(FRAME_LIST, key, NULL);
		f->stream = true;
		r = rows(arg);
		/* A failed read ends the output where it stopped: nothing if
		 * no row came, else an array left open, which no reader takes
		 * for a whole (and shorter) list. */
		if (r == 0)
			fputs(f->nrows > 0 ? "\n]\n" : "[]\n", stdout);
	} else {
		t = xcalloc(1, sizeof *t);
		t->title = title ? xstrdup(title) : NULL;
		t->pass = TABLE_MEASURE;
		t->cols = out.next_cols;
		out.next_cols = NULL;
		f = push(FRAME_LIST, key, NULL);
		f->stream = true;
		f->table = t;
		if ((r = rows(arg)) == 0) {
			measure_row(t, NULL, 0);
			t->pass = TABLE_PRINT;
			f->nrows = 0;
			print_header(t);
			r = rows(arg);
			print_footer(t);
		}
		free_table(t);
	}
	if (n != NULL)
		*n = f->nrows;
	out.depth--;
	return r;
}
