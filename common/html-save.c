/* Writing an HTML document, checked. See html-save.h. */
#include <config.h>  /* autoconf's, not common/config.h */

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>

#include "common/err.h"
#include "common/escape.h"
#include "common/html-save.h"
#include "common/xalloc.h"

/* libxml2's messages during the save: rota prints its own. */
static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* Replaces each byte that is not part of valid UTF-8 in the text of N, of
 * its attributes, of its children and of the nodes after it by U+FFFD. */
static void
repair_text(xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE ||
		     n->type == XML_COMMENT_NODE) && n->content != NULL) {
			char *fixed = utf8_repaired((const char *)n->content);

			if (fixed != NULL) {
				/* A text node's content is set as it is, not
				 * parsed for entities. */
				xmlNodeSetContent(n, (const xmlChar *)fixed);
				free(fixed);
			}
		}
		if (n->type == XML_ELEMENT_NODE)
			for (xmlAttrPtr a = n->properties; a != NULL; a = a->next)
				repair_text(a->children);
		repair_text(n->children);
	}
}

/* The page as libxml2 writes it out, kept in memory. */
struct page {
	char *p;
	size_t n, cap;
};

static int
keep(void *ctx, const char *bytes, int len)
{
	struct page *pg = ctx;

	if (pg->n + (size_t)len > pg->cap) {
		pg->cap = 2 * (pg->n + (size_t)len);
		pg->p = xreallocarray(pg->p, pg->cap, 1);
	}
	memcpy(pg->p + pg->n, bytes, (size_t)len);
	pg->n += (size_t)len;
	return len;
}

int
html_save(htmlDocPtr doc, FILE *f, const char *name)
{
	/* What htmlDocDumpMemoryFormat() uses for a document whose charset
	 * is UTF-8: the "HTML" encoder (ASCII, entities for the rest). */
	xmlCharEncodingHandlerPtr enc = xmlFindCharEncodingHandler("HTML");
	struct page pg = { NULL, 0, 0 };
	xmlOutputBufferPtr buf;
	int error, flushed;

	repair_text(doc->children);
	if ((buf = xmlOutputBufferCreateIO(keep, NULL, &pg, enc)) == NULL)
		return rota_fail(EX_IOERR, "cannot write %s: libxml2 cannot make an output "
				 "buffer", name);
	xmlSetGenericErrorFunc(NULL, quiet);
	htmlDocContentDumpFormatOutput(buf, doc, NULL, 1);
	flushed = xmlOutputBufferFlush(buf);
	xmlSetGenericErrorFunc(NULL, NULL);
	error = buf->error;
	xmlOutputBufferClose(buf);
	if (error == 0 && flushed >= 0) {
		/* The whole page, in one write: a failed one leaves F's error
		 * set, which F's owner reports with its reason. */
		fwrite(pg.p, 1, pg.n, f);
		free(pg.p);
		return 0;
	}
	free(pg.p);
	if (error == XML_IO_ENCODER)
		return rota_fail(EX_IOERR, "cannot write %s: libxml2 cannot encode its text",
				 name);
	return rota_fail(EX_IOERR, "cannot write %s: libxml2 error %d", name, error);
}
