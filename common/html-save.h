/* Writing a libxml2 HTML document to a stream, every result checked: the
 * one HTML writer of the monthly report and the published index. */
#ifndef ROTA_HTML_SAVE_H
#define ROTA_HTML_SAVE_H

#include <stdio.h>

#include <libxml/HTMLtree.h>

/* Writes DOC to F as libxml2's htmlDocDumpMemoryFormat() would (indented,
 * non-ASCII as character references). 0, or EX_IOERR after printing
 * "cannot write NAME: REASON" when libxml2 fails (text it cannot encode:
 * its "I/O error : encoder error"; libxml2's own message is not printed).
 * A failed write to F returns 0 with F's error set: F's owner reports it
 * with its reason (atomic_close(), out_finish()). */
int html_save(htmlDocPtr doc, FILE *f, const char *name);

#endif
