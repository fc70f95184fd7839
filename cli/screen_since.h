/* screen_since.h: keten screen --since PREVIOUS.json (see screen_since.c). */
#ifndef KT_SCREEN_SINCE_H
#define KT_SCREEN_SINCE_H

#include "cli.h"

/* Compare the new run's JSON (cur_text) with the earlier run's file, per bidder: a changed
 * verdict, findings added or gone, unknowns opened or closed; unchanged bidders are counted,
 * not listed.  Prints text, or JSON when as_json, to f; *changed says whether anything did.
 * Returns 0, or -1 after saying why (unreadable, not keten screen JSON, out of memory). */
int kt_screen_since(FILE *f, const char *prev_path, const char *cur_text, size_t cur_len, int as_json, int *changed);

#endif
