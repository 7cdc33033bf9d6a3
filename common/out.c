#include <config.h>  /* autoconf's, not common/config.h */

#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/err.h"
#include "common/out.h"
#include "common/xalloc.h"

/* Text output is buffered as a list of lines and tables, in order, and
 * written when the outermost container ends. */
enum item_kind { ITEM_LINE, ITEM_TABLE };

struct table {
	char *title;
	size_t ncols;
	char **headers;           /* ncols */
	size_t nrows;
	struct row *rows;
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
};

static struct {
	bool json, colour;
	struct frame stack[16];
	int depth;
	struct item *items;
	size_t nitems;
	json_t *root;
} out;

void
out_init(bool json)
{
	const char *no_colour = getenv("NO_COLOR");

	out.json = json;
	out.colour = !json && isatty(STDOUT_FILENO) &&
		     (no_colour == NULL || *no_colour == '\0');
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

	if (f == NULL) {
		out.root = value;
	} else if (json_is_array(f->json)) {
		json_array_append_new(f->json, value);
	} else if (key != NULL) {
		json_object_set_new(f->json, key, value);
	} else {
		json_decref(value);
	}
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
	struct frame *f = push(FRAME_LIST, key, out.json ? json_array() : NULL);

	if (!out.json) {
		f->table = xcalloc(1, sizeof *f->table);
		f->table->title = title ? xstrdup(title) : NULL;
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
	struct frame *f = push(FRAME_ROW, NULL, out.json ? json_object() : NULL);

	if (!out.json) {
		f->table = list->table;
		f->row = xcalloc(f->table->ncols + 1, sizeof *f->row);
	}
}

void
out_row_end(void)
{
	struct frame *f = top();

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
	push(FRAME_OBJECT, key, out.json ? json_object() : NULL);
}

void
out_object_end(void)
{
	pop();
}

/* Puts a text cell under HEADER in the current row, or a "Header: value"
 * line in the current object. Takes ownership of VALUE. */
static void
put_text(const char *header, char *value)
{
	struct frame *f = top();

	if (header == NULL || f == NULL) {
		free(value);
		return;
	}
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
		add_item(ITEM_LINE, xasprintf("%-24s %s", header, value), NULL);
		free(value);
	}
}

void
out_str(const char *key, const char *header, const char *value)
{
	if (out.json) {
		if (key != NULL)
			attach_json(key, value ? json_string(value) : json_null());
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
	char *line;

	if (out.json)
		return;
	va_start(ap, fmt);
	line = xvasprintf(fmt, ap);
	va_end(ap);
	if (out.depth == 0) {
		puts(line);
		free(line);
	} else {
		add_item(ITEM_LINE, line, NULL);
	}
}

/* Display width of UTF-8 text: code points, which is right for the names
 * and arrows rota prints (no wide characters). */
static size_t
width(const char *s)
{
	size_t w = 0;

	for (; *s; s++)
		w += ((unsigned char)*s & 0xc0) != 0x80;
	return w;
}

static const char *
cell_at(const struct table *t, size_t r, size_t c)
{
	return c < t->rows[r].len && t->rows[r].cells[c] ? t->rows[r].cells[c] : "";
}

static void
print_table(struct table *t)
{
	size_t *w = xcalloc(t->ncols + 1, sizeof *w);

	if (t->title)
		printf("%s\n", t->title);
	for (size_t c = 0; c < t->ncols; c++) {
		w[c] = width(t->headers[c]);
		for (size_t r = 0; r < t->nrows; r++) {
			const char *cell = cell_at(t, r, c);
			if (width(cell) > w[c])
				w[c] = width(cell);
		}
	}
	if (t->ncols > 0) {
		if (out.colour)
			fputs("\033[1m", stdout);
		for (size_t c = 0; c < t->ncols; c++)
			if (c + 1 < t->ncols)
				printf("%-*s  ", (int)w[c], t->headers[c]);
			else
				fputs(t->headers[c], stdout);
		if (out.colour)
			fputs("\033[0m", stdout);
		putchar('\n');
	}
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const char *cell = cell_at(t, r, c);
			if (c + 1 < t->ncols)
				printf("%s%*s  ", cell, (int)(w[c] - width(cell)), "");
			else
				fputs(cell, stdout);
		}
		putchar('\n');
	}
	free(w);
}

static void
free_table(struct table *t)
{
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->rows[r].len; c++)
			free(t->rows[r].cells[c]);
		free(t->rows[r].cells);
	}
	for (size_t c = 0; c < t->ncols; c++)
		free(t->headers[c]);
	free(t->rows);
	free(t->headers);
	free(t->title);
	free(t);
}

static void
print_all(void)
{
	if (out.json) {
		if (out.root != NULL) {
			json_dumpf(out.root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
			putchar('\n');
			json_decref(out.root);
			out.root = NULL;
		}
		return;
	}
	for (size_t i = 0; i < out.nitems; i++) {
		if (out.items[i].kind == ITEM_LINE) {
			puts(out.items[i].line);
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
	if (fflush(stdout) != 0 || ferror(stdout))
		return rota_fail(EX_IOERR, "cannot write output");
	return 0;
}
