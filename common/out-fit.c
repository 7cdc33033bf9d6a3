#include <config.h>  /* autoconf's, not common/config.h */

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/escape.h"
#include "common/out-fit.h"
#include "common/xalloc.h"

struct range {
	uint32_t lo, hi;
};

/* East Asian Wide (W) and Fullwidth (F) blocks of Unicode 15, the emoji
 * presented as pictures among them: what terminals draw two columns wide. */
static const struct range wide[] = {
	{ 0x1100, 0x115f }, { 0x231a, 0x231b }, { 0x2329, 0x232a }, { 0x23e9, 0x23ec },
	{ 0x23f0, 0x23f0 }, { 0x23f3, 0x23f3 }, { 0x25fd, 0x25fe }, { 0x2614, 0x2615 },
	{ 0x2648, 0x2653 }, { 0x267f, 0x267f }, { 0x2693, 0x2693 }, { 0x26a1, 0x26a1 },
	{ 0x26aa, 0x26ab }, { 0x26bd, 0x26be }, { 0x26c4, 0x26c5 }, { 0x26ce, 0x26ce },
	{ 0x26d4, 0x26d4 }, { 0x26ea, 0x26ea }, { 0x26f2, 0x26f3 }, { 0x26f5, 0x26f5 },
	{ 0x26fa, 0x26fa }, { 0x26fd, 0x26fd }, { 0x2705, 0x2705 }, { 0x270a, 0x270b },
	{ 0x2728, 0x2728 }, { 0x274c, 0x274c }, { 0x274e, 0x274e }, { 0x2753, 0x2755 },
	{ 0x2757, 0x2757 }, { 0x2795, 0x2797 }, { 0x27b0, 0x27b0 }, { 0x27bf, 0x27bf },
	{ 0x2b1b, 0x2b1c }, { 0x2b50, 0x2b50 }, { 0x2b55, 0x2b55 }, { 0x2e80, 0x303e },
	{ 0x3041, 0x33ff }, { 0x3400, 0x4dbf }, { 0x4e00, 0x9fff }, { 0xa000, 0xa4cf },
	{ 0xa960, 0xa97f }, { 0xac00, 0xd7a3 }, { 0xf900, 0xfaff }, { 0xfe10, 0xfe19 },
	{ 0xfe30, 0xfe6f }, { 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x16fe0, 0x16fe4 },
	{ 0x17000, 0x18cff }, { 0x1b000, 0x1b2ff }, { 0x1f004, 0x1f004 }, { 0x1f0cf, 0x1f0cf },
	{ 0x1f18e, 0x1f18e }, { 0x1f191, 0x1f19a }, { 0x1f200, 0x1f251 }, { 0x1f300, 0x1f64f },
	{ 0x1f680, 0x1f6ff }, { 0x1f7e0, 0x1f7eb }, { 0x1f90c, 0x1f9ff }, { 0x1fa70, 0x1faff },
	{ 0x20000, 0x2fffd }, { 0x30000, 0x3fffd },
};

/* Combining marks and zero-width characters: drawn over the one before. */
static const struct range zero[] = {
	{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd }, { 0x0610, 0x061a },
	{ 0x064b, 0x065f }, { 0x1ab0, 0x1aff }, { 0x1dc0, 0x1dff }, { 0x200b, 0x200f },
	{ 0x202a, 0x202e }, { 0x2060, 0x2064 }, { 0x20d0, 0x20ff }, { 0xfe00, 0xfe0f },
	{ 0xfe20, 0xfe2f }, { 0xfeff, 0xfeff }, { 0xe0100, 0xe01ef },
};

static bool
in(const struct range *r, size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (cp < r[mid].lo)
			hi = mid;
		else if (cp > r[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* The width of the character at S, and in *LEN its length in bytes. */
static size_t
char_width(const char *s, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t cp;

	*len = utf8_char_len(s);
	if (*len <= 1) {
		*len = 1;
		return 1;
	}
	cp = u[0] & (0x7f >> *len);
	for (size_t i = 1; i < *len; i++)
		cp = cp << 6 | (u[i] & 0x3f);
	if (in(zero, sizeof zero / sizeof zero[0], cp))
		return 0;
	return in(wide, sizeof wide / sizeof wide[0], cp) ? 2 : 1;
}

size_t
out_text_width(const char *s)
{
	size_t w = 0, len;

	while (*s) {
		w += char_width(s, &len);
		s += len;
	}
	return w;
}

/* The bytes of S that fit in COLS columns; *W gets their width. */
static size_t
fitting_bytes(const char *s, size_t cols, size_t *w)
{
	size_t n = 0, len, cw;

	*w = 0;
	while (s[n]) {
		cw = char_width(s + n, &len);
		if (*w + cw > cols)
			break;
		*w += cw;
		n += len;
	}
	return n;
}

size_t
out_word_width(const char *s)
{
	size_t widest = 0, w = 0, len;

	for (; *s != '\0'; s += len) {
		size_t cw = char_width(s, &len);

		w = *s == ' ' ? 0 : w + cw;
		if (w > widest)
			widest = w;
	}
	return widest;
}

/* The narrowest C is made: for wrapped text its widest word too (up to
 * OUT_WRAP_WORD), unless BREAK_WORDS (the last resort). */
static size_t
floor_of(const struct out_fit_col *c, bool break_words)
{
	size_t word = c->word < OUT_WRAP_WORD ? c->word : OUT_WRAP_WORD;
	size_t floor = c->give != OUT_WRAP ? OUT_FLEX_MIN :
		       word > OUT_WRAP_MIN && !break_words ? word : OUT_WRAP_MIN;
	size_t h = out_text_width(c->header), m = h > floor ? h : floor;

	return m < c->width ? m : c->width;
}

/* Narrows the shown columns that may give way, the flexible column
 * FLEX first, then the others from the left, each at most to its
 * minimum (then, if still needed, wrapped text inside its words), until
 * the table is OVER columns narrower. */
static void
cut_to_fit(struct out_fit_col *c, size_t n, size_t flex, size_t over)
{
	for (int pass = 0; pass < 2; pass++)
		for (size_t k = 0; k <= n && over > 0; k++) {
			size_t i = k == 0 ? flex : k - 1, floor, room, take;

			if (i == n || (k > 0 && i == flex) || !c[i].shown ||
			    c[i].give == OUT_KEEP)
				continue;
			floor = floor_of(&c[i], pass == 1);
			room = c[i].fit > floor ? c[i].fit - floor : 0;
			take = room < over ? room : over;
			c[i].fit -= take;
			over -= take;
		}
}

size_t
out_fit(struct out_fit_col *c, size_t n, size_t limit)
{
	size_t flex = n, left_out = 0;

	for (size_t i = 0; i < n; i++) {
		c[i].shown = true;
		c[i].fit = c[i].width;
		if (c[i].give != OUT_KEEP &&
		    (flex == n || (c[i].give == OUT_WRAP && c[flex].give != OUT_WRAP)))
			flex = i;
	}
	if (limit == 0)
		return 0;
	for (;;) {
		size_t total = 0, k = 0, worst = n;

		for (size_t i = 0; i < n; i++)
			if (c[i].shown) {
				total += c[i].width + (k++ > 0 ? OUT_GAP : 0);
				if (c[i].drop > 0 && (worst == n || c[i].drop >= c[worst].drop))
					worst = i;
			}
		if (total <= limit)
			return left_out;
		if (flex < n && c[flex].shown &&
		    total - (c[flex].width - floor_of(&c[flex], false)) <= limit) {
			c[flex].fit = c[flex].width - (total - limit);
			return left_out;
		}
		if (worst == n) {
			cut_to_fit(c, n, flex, total - limit);
			return left_out;
		}
		c[worst].shown = false;
		c[worst].fit = 0;
		left_out++;
	}
}

const struct out_col *
out_col_find(const struct out_col *cols, const char *header)
{
	for (; cols != NULL && cols->header != NULL; cols++)
		if (strcmp(cols->header, header) == 0)
			return cols;
	return NULL;
}

static void
pad(FILE *f, size_t n)
{
	while (n-- > 0)
		fputc(' ', f);
}

/* The width of the LEN bytes at S. */
static size_t
bytes_width(const char *s, size_t n)
{
	size_t w = 0, len;

	for (size_t i = 0; i < n; i += len)
		w += char_width(s + i, &len);
	return w;
}

/* The piece of S a wrapped line of COLS columns shows: up to the last
 * space that fits, else as much as fits (one character at least). *W
 * gets its width, *NEXT where the next line starts (past that space). */
static size_t
wrap_piece(const char *s, size_t cols, size_t *w, const char **next)
{
	size_t n = fitting_bytes(s, cols, w), sp, len;

	if (s[n] == '\0' || s[n] == ' ') {
		*next = s[n] == ' ' ? s + n + 1 : s + n;
		return n;
	}
	if (n == 0) {               /* a wide character in one column */
		*w = char_width(s, &len);
		*next = s + len;
		return len;
	}
	for (sp = n; sp > 0 && s[sp - 1] != ' '; sp--)
		;
	if (sp > 1) {               /* at the last space that fits */
		*next = s + sp;
		*w = bytes_width(s, sp - 1);
		return sp - 1;
	}
	*next = s + n;
	return n;
}

static void
begin_cell(FILE *f, const char *const *sgr, size_t i)
{
	if (sgr != NULL && sgr[i] != NULL)
		fputs(sgr[i], f);
}

static void
end_cell(FILE *f, const char *const *sgr, size_t i)
{
	if (sgr != NULL && sgr[i] != NULL)
		fputs("\033[0m", f);
}

static void
end_line(FILE *f, const char *line_sgr)
{
	if (line_sgr != NULL)
		fputs("\033[0m", f);
	fputc('\n', f);
}

void
out_write_row(FILE *f, const struct out_fit_col *c, size_t n,
	      char *const *cells, const char *const *sgr, const char *line_sgr)
{
	const char **rest = xcalloc(n + 1, sizeof *rest);
	size_t last = n, end;

	for (size_t i = 0; i < n; i++)
		if (c[i].shown)
			last = i;
	if (line_sgr != NULL)
		fputs(line_sgr, f);
	for (size_t i = 0; i < n; i++) {
		const char *s = cells[i] != NULL ? cells[i] : "";
		size_t sw;

		if (!c[i].shown)
			continue;
		sw = out_text_width(s);
		if (c[i].right && sw < c[i].fit) {
			pad(f, c[i].fit - sw);
			sw = c[i].fit;
		}
		begin_cell(f, sgr, i);
		if (sw <= c[i].fit) {
			fputs(s, f);
		} else if (c[i].give == OUT_WRAP) {
			fwrite(s, 1, wrap_piece(s, c[i].fit, &sw, &rest[i]), f);
		} else {
			/* Cut, with an ellipsis in its last column. */
			fwrite(s, 1, fitting_bytes(s, c[i].fit - 1, &sw), f);
			fputs("\u2026", f);
			sw++;
		}
		end_cell(f, sgr, i);
		if (i != last)
			pad(f, c[i].fit - sw + OUT_GAP);
	}
	end_line(f, line_sgr);
	/* The rest of each wrapped cell, under it, a line at a time. */
	for (;;) {
		end = n;
		for (size_t i = 0; i < n; i++)
			if (rest[i] != NULL && *rest[i] != '\0')
				end = i;
		if (end == n)
			break;
		if (line_sgr != NULL)
			fputs(line_sgr, f);
		for (size_t i = 0; i <= end; i++) {
			const char *piece = rest[i];
			size_t w = 0;

			if (!c[i].shown)
				continue;
			if (piece != NULL && *piece != '\0') {
				size_t len = wrap_piece(piece, c[i].fit, &w, &rest[i]);

				begin_cell(f, sgr, i);
				fwrite(piece, 1, len, f);
				end_cell(f, sgr, i);
			}
			if (i != end)
				pad(f, c[i].fit - w + OUT_GAP);
		}
		end_line(f, line_sgr);
	}
	free(rest);
}

void
out_write_wrapped(FILE *f, const char *text, size_t limit, size_t at, size_t indent)
{
	const char *p = text;
	size_t w, len;

	if (limit == 0 || indent + OUT_FLEX_MIN > limit || at + OUT_FLEX_MIN > limit) {
		fprintf(f, "%s\n", text);
		return;
	}
	len = wrap_piece(p, limit - at, &w, &p);
	fwrite(text, 1, len, f);
	fputc('\n', f);
	while (*p != '\0') {
		const char *piece = p;

		len = wrap_piece(piece, limit - indent, &w, &p);
		pad(f, indent);
		fwrite(piece, 1, len, f);
		fputc('\n', f);
	}
}

/* The bytes of S (one line) the next line of COLS columns shows when
 * wrapped as prose: up to the last run of at least RUN spaces that fits
 * (the run left out), else up to the last space, else as much as fits
 * (one character at least). *NEXT gets where its next line starts, past
 * the spaces. */
static size_t
prose_piece(const char *s, size_t cols, size_t run, const char **next)
{
	size_t w, len, n = fitting_bytes(s, cols, &w), at = 0, any = 0;

	if (s[n] == '\0') {
		*next = s + n;
		return n;
	}
	for (size_t i = 1; i <= n; i++) {
		size_t j = i;

		if (s[i] != ' ' || s[i - 1] == ' ')
			continue;
		while (s[j] == ' ')
			j++;
		any = i;
		if (j - i >= run)
			at = i;
	}
	if (at == 0)
		at = any;
	if (at == 0 && n > 0)       /* one word wider than the line */
		at = n;
	if (at == 0) {              /* a wide character in one column */
		char_width(s, &len);
		at = len;
	}
	for (*next = s + at; **next == ' '; (*next)++)
		;
	return at;
}

/* One LINE of prose (out_write_prose), wrapped to LIMIT. */
static void
write_prose_line(FILE *f, const char *line, size_t limit)
{
	const char *p, *items;
	size_t lead = 0, run = 1, indent, at;

	while (line[lead] == ' ')
		lead++;
	if (limit == 0 || out_text_width(line) <= limit || lead + OUT_FLEX_MIN > limit) {
		fprintf(f, "%s\n", line);
		return;
	}
	indent = lead + 2;
	if ((items = strstr(line + lead, "  ")) != NULL) {
		run = 2;
		while (*items == ' ')
			items++;
		indent = bytes_width(line, (size_t)(items - line));
	}
	if (indent + OUT_FLEX_MIN > limit)
		indent = 2;
	for (p = line + lead, at = lead; *p != '\0'; at = indent) {
		const char *piece = p;
		size_t len = prose_piece(piece, limit - at, run, &p);

		pad(f, at);
		fwrite(piece, 1, len, f);
		fputc('\n', f);
	}
}

void
out_write_prose(FILE *f, size_t limit, const char *fmt, ...)
{
	va_list ap;
	char *text, *line, *nl;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	for (line = text; (nl = strchr(line, '\n')) != NULL; line = nl + 1) {
		*nl = '\0';
		write_prose_line(f, line, limit);
	}
	write_prose_line(f, line, limit);
	free(text);
}

void
out_write_left_out(FILE *f, const struct out_fit_col *c, size_t n, size_t limit)
{
	char text[1024];
	size_t k = 0, at = 0;

	for (size_t i = 0; i < n && at < sizeof text; i++)
		if (!c[i].shown)
			at += (size_t)snprintf(text + at, sizeof text - at, "%s%s",
					       k++ == 0 ? "(Left out to fit: " : ", ", c[i].header);
	if (k > 0 && at < sizeof text)
		snprintf(text + at, sizeof text - at, "; --wide shows %s.)",
			 k == 1 ? "it" : "them");
	if (k > 0)
		out_write_wrapped(f, text, limit, 0, 1);
}
