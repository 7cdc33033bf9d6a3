/* The RFC 4180 writer and reader. See csv.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/xalloc.h"
#include "reports/csv.h"

void
csv_put(FILE *f, const char *s)
{
	bool quoted = strpbrk(s, ",\"\r\n") != NULL;

	if (quoted)
		fputc('"', f);
	if (s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL)
		fputc('\'', f);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	if (quoted)
		fputc('"', f);
}

/* Whether S is a number as rota prints one: -?[0-9]+(\.[0-9]+)? */
static bool
is_number(const char *s)
{
	size_t n;

	if (*s == '-')
		s++;
	if ((n = strspn(s, "0123456789")) == 0)
		return false;
	s += n;
	if (*s == '.') {
		s++;
		if ((n = strspn(s, "0123456789")) == 0)
			return false;
		s += n;
	}
	return *s == '\0';
}

void
csv_number(FILE *f, const char *num)
{
	if (is_number(num))
		fputs(num, f);
	else
		csv_put(f, num);
}

void
csv_int(FILE *f, int64_t v)
{
	fprintf(f, "%" PRId64, v);
}

struct csv {
	const char *data;
	size_t len, pos;
	bool mapped;              /* data is a mapping to unmap */
	long line;                /* physical line at pos, from 1 */
	char *buf;                /* the fields of the current record */
	size_t buf_len, buf_cap;
	size_t *starts;           /* offsets of fields in buf */
	char **fields;
	size_t n_fields, cap_fields;
	const char *error;
};

static struct csv *
make(const char *data, size_t len)
{
	struct csv *c = xcalloc(1, sizeof *c);

	c->data = data;
	c->len = len;
	c->line = 1;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		c->pos = 3;
	return c;
}

struct csv *
csv_open_mem(const char *data, size_t len)
{
	return make(data, len);
}

/* A pipe (standard input, which is how rota serve passes the caller's
 * file) is copied to an unlinked temporary file, to be mapped as a file
 * is: the reader's memory stays bounded by one record, however much the
 * pipe brings. The temporary file's descriptor, or -1 with errno set. */
static int
spool(int fd)
{
	const char *dir = getenv("TMPDIR");
	char path[4096], buf[65536];
	ssize_t got;
	int out, n = snprintf(path, sizeof path, "%s/rota-csv.XXXXXX",
			      dir != NULL && *dir != '\0' ? dir : "/tmp");

	if (n < 0 || (size_t)n >= sizeof path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if ((out = mkstemp(path)) < 0)
		return -1;
	unlink(path);
	while ((got = read(fd, buf, sizeof buf)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			goto fail;
		for (ssize_t done = 0; done < got;) {
			ssize_t put = write(out, buf + done, (size_t)(got - done));

			if (put < 0 && errno != EINTR)
				goto fail;
			done += put > 0 ? put : 0;
		}
	}
	return out;
fail:
	n = errno;
	close(out);
	errno = n;
	return -1;
}

struct csv *
csv_open(const char *path)
{
	struct stat st;
	struct csv *c;
	void *map;
	/* "-": standard input (through rota serve, the caller's file). */
	int fd = strcmp(path, "-") == 0 ? dup(STDIN_FILENO) : open(path, O_RDONLY), e;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		int copy = spool(fd);

		e = errno;
		close(fd);
		if ((fd = copy) < 0) {
			errno = e;
			return NULL;
		}
	}
	if (fstat(fd, &st) < 0 || S_ISDIR(st.st_mode)) {
		e = S_ISDIR(st.st_mode) ? EISDIR : errno;
		close(fd);
		errno = e;
		return NULL;
	}
	if (st.st_size == 0) {
		close(fd);
		return make("", 0);
	}
	map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	e = errno;
	close(fd);
	if (map == MAP_FAILED) {
		errno = e;
		return NULL;
	}
	madvise(map, (size_t)st.st_size, MADV_SEQUENTIAL);
	c = make(map, (size_t)st.st_size);
	c->mapped = true;
	return c;
}

void
csv_close(struct csv *c)
{
	if (c == NULL)
		return;
	if (c->mapped)
		munmap((void *)c->data, c->len);
	free(c->buf);
	free(c->starts);
	free(c->fields);
	free(c);
}

const char *
csv_error(const struct csv *c)
{
	return c->error;
}

size_t
csv_offset(const struct csv *c)
{
	return c->pos;
}

size_t
csv_size(const struct csv *c)
{
	return c->len;
}

/* The bytes that end an unquoted field (or are wrong in one). */
static const bool special[256] = {
	[','] = true, ['\n'] = true, ['\r'] = true, ['"'] = true,
};

static void
put(struct csv *c, const char *s, size_t n)
{
	if (c->buf_len + n + 1 > c->buf_cap) {
		while (c->buf_len + n + 1 > c->buf_cap)
			c->buf_cap = c->buf_cap ? 2 * c->buf_cap : 1024;
		c->buf = xreallocarray(c->buf, c->buf_cap, 1);
	}
	memcpy(c->buf + c->buf_len, s, n);
	c->buf_len += n;
}

/* Quoted text: a CRLF inside becomes LF, as the line break it stands for. */
static void
put_text(struct csv *c, const char *s, size_t n)
{
	const char *cr;

	while (n > 0 && (cr = memchr(s, '\r', n)) != NULL) {
		size_t k = (size_t)(cr - s);

		put(c, s, k);
		if (k + 1 < n && cr[1] == '\n') {
			s = cr + 1;
			n -= k + 1;
		} else {
			put(c, cr, 1);
			s = cr + 1;
			n -= k + 1;
		}
	}
	put(c, s, n);
}

static void
begin_field(struct csv *c)
{
	if (c->n_fields == c->cap_fields) {
		c->cap_fields = c->cap_fields ? 2 * c->cap_fields : 16;
		c->starts = xreallocarray(c->starts, c->cap_fields, sizeof *c->starts);
		c->fields = xreallocarray(c->fields, c->cap_fields, sizeof *c->fields);
	}
	c->starts[c->n_fields] = c->buf_len;
}

static void
end_field(struct csv *c)
{
	/* The NUL: put() leaves a byte free past what it copies. */
	if (c->buf_len >= c->buf_cap)
		put(c, "", 0);
	c->buf[c->buf_len++] = '\0';
	c->n_fields++;
}

/* A record past CSV_RECORD_MAX: an error, so that what one record holds
 * in memory has a bound. */
static int
too_long(struct csv *c)
{
	c->error = "a record longer than the limit of 1048576 bytes";
	c->pos = c->len;
	return -1;
}

int
csv_next(struct csv *c, char ***fields, size_t *n, long *line)
{
	const char *d = c->data;
	size_t len = c->len, record;

	/* Blank lines between records are skipped. */
	while (c->pos < len && (d[c->pos] == '\n' || d[c->pos] == '\r')) {
		if (d[c->pos] == '\n')
			c->line++;
		c->pos++;
	}
	*line = c->line;
	if (c->pos >= len)
		return 0;
	record = c->pos;
	/* Nothing past the limit is looked at: a record that has not ended
	 * by then is refused, however far the rest of the file goes. */
	if (len - record > CSV_RECORD_MAX + 1)
		len = record + CSV_RECORD_MAX + 1;
	c->buf_len = 0;
	c->n_fields = 0;
	for (;;) {
		size_t p = c->pos;

		begin_field(c);

		if (p < len && d[p] == '"') {
			/* Quoted: up to the closing quote; "" is one quote. */
			p++;
			for (;;) {
				const char *q = memchr(d + p, '"', len - p);
				size_t upto = q == NULL ? len : (size_t)(q - d);

				for (const char *nl = memchr(d + p, '\n', upto - p); nl != NULL;
				     nl = memchr(nl + 1, '\n', (size_t)(d + upto - nl - 1)))
					c->line++;
				if (q == NULL && len < c->len)
					return too_long(c);
				if (q == NULL) {
					c->error = "unterminated quoted field";
					c->pos = len;
					return -1;
				}
				put_text(c, d + p, upto - p);
				p = upto + 1;
				if (p < len && d[p] == '"') {
					put(c, "\"", 1);
					p++;
					continue;
				}
				break;
			}
			if (p < len && d[p] != ',' && d[p] != '\n' && d[p] != '\r') {
				c->error = "text after a closing quote (a quote inside a field is written \"\")";
				return -1;
			}
		} else {
			size_t start = p;

			/* Speed: one table look-up a byte (the loop runs over
			 * nearly every byte of a file). */
			while (p < len && !special[(unsigned char)d[p]])
				p++;
			if (p < len && d[p] == '"') {
				c->error = "a quote inside an unquoted field (quote the field and write \"\")";
				return -1;
			}
			put(c, d + start, p - start);
		}
		if (p - record > CSV_RECORD_MAX)
			return too_long(c);
		end_field(c);
		if (p < len && d[p] == ',') {
			c->pos = p + 1;
			if (c->pos >= c->len) {
				/* "a,b," at the very end: one more, empty field. */
				begin_field(c);
				end_field(c);
				break;
			}
			continue;
		}
		/* End of record: CRLF, LF, a lone CR, or the end of the input. */
		if (p < c->len && d[p] == '\r')
			p++;
		if (p < c->len && d[p] == '\n') {
			p++;
			c->line++;
		}
		c->pos = p;
		break;
	}
	for (size_t i = 0; i < c->n_fields; i++)
		c->fields[i] = c->buf + c->starts[i];
	*fields = c->fields;
	*n = c->n_fields;
	return 1;
}
