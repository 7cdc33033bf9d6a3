/* Command lines as words, without a shell: see words.h. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/words.h"
#include "common/xalloc.h"

/* A control character words never hold: C0 but tab, and DEL. */
static bool
forbidden(unsigned char c)
{
	return (c < 0x20 && c != '\t') || c == 0x7f;
}

static void
push(char ***argv, int *argc, char *word)
{
	*argv = xreallocarray(*argv, (size_t)*argc + 2, sizeof **argv);
	(*argv)[(*argc)++] = word;
	(*argv)[*argc] = NULL;
}

/* The words so far dropped, the reason already in the caller's ERR. */
static int
refuse(char *word, char ***argv, int *argc)
{
	free(word);
	words_free(*argv);
	*argv = NULL;
	*argc = 0;
	return -1;
}

int
words_split(const char *line, size_t len, char ***argv, int *argc, char *err,
	    size_t errlen)
{
	char *word = NULL;
	size_t n = 0, open_at = 0;
	char quote = 0;
	bool in_word = false;

	*argv = NULL;
	*argc = 0;
	if (len > WORDS_MAX_BYTES) {
		snprintf(err, errlen, "longer than %d bytes", WORDS_MAX_BYTES);
		return -1;
	}
	for (size_t i = 0; i < len; i++) {
		if (forbidden((unsigned char)line[i])) {
			snprintf(err, errlen, "a %s at byte %zu", line[i] == '\0' ?
				 "NUL byte" : "control character", i + 1);
			return -1;
		}
	}
	/* Each word is at most the line: one buffer of that size will do. */
	word = xmalloc(len + 1);
	for (size_t i = 0; i < len; i++) {
		char c = line[i];

		if (quote == '\'') {
			if (c == '\'')
				quote = 0;
			else
				word[n++] = c;
		} else if (quote == '"') {
			if (c == '"')
				quote = 0;
			else if (c == '\\' && i + 1 < len && (line[i + 1] == '"' || line[i + 1] == '\\'))
				word[n++] = line[++i];
			else
				word[n++] = c;
		} else if (c == ' ' || c == '\t') {
			if (in_word) {
				word[n] = '\0';
				push(argv, argc, xstrdup(word));
				n = 0;
				in_word = false;
			}
		} else {
			in_word = true;
			if (c == '\'' || c == '"') {
				quote = c;
				open_at = i + 1;
			} else if (c == '\\') {
				if (i + 1 == len) {
					snprintf(err, errlen, "a backslash ends the line "
						 "(byte %zu)", i + 1);
					return refuse(word, argv, argc);
				}
				word[n++] = line[++i];
			} else {
				word[n++] = c;
			}
		}
	}
	if (quote != 0) {
		snprintf(err, errlen, "the %s quote at byte %zu is not closed",
			 quote == '\'' ? "single" : "double", open_at);
		return refuse(word, argv, argc);
	}
	if (in_word) {
		word[n] = '\0';
		push(argv, argc, xstrdup(word));
	}
	free(word);
	if (*argv == NULL)
		*argv = xcalloc(1, sizeof **argv);
	return 0;
}

void
words_free(char **argv)
{
	for (size_t i = 0; argv != NULL && argv[i] != NULL; i++)
		free(argv[i]);
	free(argv);
}

static bool
plain(const char *w)
{
	if (*w == '\0')
		return false;
	for (; *w; w++)
		if (!((*w >= 'a' && *w <= 'z') || (*w >= 'A' && *w <= 'Z') ||
		      (*w >= '0' && *w <= '9') || strchr("_./:@%+=,-", *w) != NULL))
			return false;
	return true;
}

char *
words_quote(char *const *argv, int argc, char *err, size_t errlen)
{
	size_t len = 0, cap = 64;
	char *line = xmalloc(cap);

	line[0] = '\0';
	for (int i = 0; i < argc; i++) {
		const char *w = argv[i];
		/* At worst '\'' (4 bytes) a byte, two quotes and a space. */
		size_t need = 4 * strlen(w) + 4;

		for (const char *p = w; *p; p++) {
			if (forbidden((unsigned char)*p)) {
				snprintf(err, errlen, "argument %d holds a control character "
					 "(a newline?), which cannot be sent", i + 1);
				free(line);
				return NULL;
			}
		}
		if (len + need + 1 > cap)
			line = xreallocarray(line, cap = 2 * (len + need + 1), 1);
		if (i > 0)
			line[len++] = ' ';
		if (plain(w)) {
			memcpy(line + len, w, strlen(w));
			len += strlen(w);
		} else {
			line[len++] = '\'';
			for (const char *p = w; *p; p++) {
				if (*p == '\'') {
					memcpy(line + len, "'\\''", 4);
					len += 4;
				} else {
					line[len++] = *p;
				}
			}
			line[len++] = '\'';
		}
		line[len] = '\0';
	}
	if (len > WORDS_MAX_BYTES) {
		snprintf(err, errlen, "the command line is longer than %d bytes",
			 WORDS_MAX_BYTES);
		free(line);
		return NULL;
	}
	return line;
}
