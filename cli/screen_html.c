/* screen_html.c: the HTML report (placeholder while it is written). */
#include "cli.h"
#include "screen_out.h"

int kt_screen_out_html(FILE *f, const kt_screen_report *r)
{
    (void)r;
    fputs("<!DOCTYPE html>\n", f);
    return 0;
}
