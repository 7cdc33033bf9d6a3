/* The pieces of the monthly report's HTML page: see html.h. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "reports/html.h"

const char *const html_fill[] = { [IND_GREY] = "#8c959f", [IND_GREEN] = "#2da44e",
	[IND_AMBER] = "#d4a72c", [IND_RED] = "#cf222e" };

xmlNodePtr
el(xmlNodePtr parent, const char *name, const char *text)
{
	return xmlNewTextChild(parent, NULL, X(name), text != NULL ? X(text) : NULL);
}

xmlNodePtr
elf(xmlNodePtr parent, const char *name, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return el(parent, name, buf);
}

void
attr(xmlNodePtr n, const char *name, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	xmlSetProp(n, X(name), X(buf));   /* replaces an earlier value */
}

void
add_text(xmlNodePtr n, const char *text)
{
	xmlAddChild(n, xmlNewText(X(text)));
}

void
badge(xmlNodePtr parent, enum ind_status s)
{
	static const char *const word[] = { [IND_GREY] = "TOO FEW TO JUDGE",
		[IND_GREEN] = "GREEN", [IND_AMBER] = "AMBER", [IND_RED] = "RED" };
	xmlNodePtr b = el(parent, "span", word[s]);

	attr(b, "class", "badge %s", ind_status_name(s));
}

xmlNodePtr
cell(xmlNodePtr tr, const char *tag, bool num, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	xmlNodePtr c;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	c = el(tr, tag, buf);
	if (num)
		attr(c, "class", "n");
	return c;
}

xmlNodePtr
table_box(xmlNodePtr parent)
{
	xmlNodePtr box = el(parent, "div", NULL);

	attr(box, "class", "scroll");
	return el(box, "table", NULL);
}

void
why(xmlNodePtr parent, const struct ind_result *st)
{
	xmlNodePtr p = el(parent, "p", NULL);

	attr(p, "class", "why");
	badge(p, st->status);
	add_text(p, " ");
	add_text(p, st->why);
}

void
legend(xmlNodePtr parent, size_t n, const char *const *colour, const char *const *label)
{
	xmlNodePtr ul = el(parent, "ul", NULL);

	attr(ul, "class", "legend");
	for (size_t i = 0; i < n; i++) {
		xmlNodePtr li = el(ul, "li", NULL), sw = el(li, "span", NULL);

		attr(sw, "class", "swatch");
		attr(sw, "style", "background:%s", colour[i]);
		add_text(li, label[i]);
	}
}

void
month_words(int year, int month, char *buf, size_t len)
{
	static const char *const name[] = { "January", "February", "March", "April", "May",
		"June", "July", "August", "September", "October", "November", "December" };

	snprintf(buf, len, "%s %04d", name[(month - 1) % 12], year);
}
