/* report.c: what the exposure, provenance and critical commands print alike. */
#include <math.h>
#include <string.h>

#include "../graph/kt_country.h"
#include "../analyses/kt_dep.h"
#include "cli.h"

int kt_cli_load_policy(const char *path, kt_policy **out)
{
    kt_errinfo ei;
    if (kt_load_policy(path, out, &ei) == KT_OK)
        return 0;
    kt_cli_print_errinfo(&ei);
    return KT_EXIT_FAIL;
}

void kt_cli_print_errinfo(const kt_errinfo *ei)
{
    if (ei->line)
        kt_cli_line(stderr, "%s:%ld: %s", ei->file, ei->line, ei->msg);
    else
        kt_cli_line(stderr, "%s: %s", ei->file, ei->msg);
}

cJSON *kt_cli_policy_json(const kt_policy *p)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "file", kt_policy_file(p));
    cJSON_AddStringToObject(o, "name", kt_policy_name(p));
    return o;
}

cJSON *kt_cli_thresholds_json(const kt_policy *p)
{
    const kt_policy_thresholds *t = kt_policy_thresholds_get(p);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "owner_share", t->owner_share);
    cJSON_AddNumberToObject(o, "control", t->control);
    cJSON_AddNumberToObject(o, "max_depth", t->max_depth);
    return o;
}

double kt_cli_num(double x)
{
    double r = round(x * 1e9) / 1e9;
    return r == 0 ? 0 : r; /* no -0 */
}

const char *kt_cli_pct(kt_ival iv, char *buf, size_t len)
{
    return kt_ival_text(iv, "-", "unknown", buf, len);
}

cJSON *kt_cli_ival_json(kt_ival iv)
{
    if (kt_ival_is_unknown(iv))
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "min", kt_cli_num(iv.min));
    cJSON_AddNumberToObject(o, "max", kt_cli_num(iv.max));
    return o;
}

const char *kt_cli_country(unsigned idx)
{
    return idx && idx <= kt_country_table_len ? kt_country_table[idx - 1].a2 : "";
}

cJSON *kt_cli_files_json(const kt_graph *g)
{
    cJSON *a = cJSON_CreateArray();
    for (uint32_t f = 0; f < kt_graph_file_count(g); f++)
        cJSON_AddItemToArray(a, cJSON_CreateString(kt_graph_file_name(g, f)));
    return a;
}

/* Names of the set bits of mask, as given by name(bit) for bits below 1 << nbits. */
static cJSON *bits_json(unsigned mask, unsigned nbits, const char *(*name)(unsigned))
{
    cJSON *a = cJSON_CreateArray();
    for (unsigned b = 1; b < (1u << nbits); b <<= 1)
        if (mask & b)
            cJSON_AddItemToArray(a, cJSON_CreateString(name(b)));
    return a;
}

static const char *bits_text(unsigned mask, unsigned nbits, const char *(*name)(unsigned), const char *sep,
                             char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (unsigned b = 1; b < (1u << nbits); b <<= 1)
        if (mask & b) {
            int w = snprintf(buf + used, len - used, "%s%s", used ? sep : "", name(b));
            if (w < 0 || (size_t)w >= len - used)
                break;
            used += (size_t)w;
        }
    return buf;
}

cJSON *kt_cli_reasons_json(unsigned reasons)
{
    return bits_json(reasons, KT_REASON__COUNT, kt_reason_name);
}

const char *kt_cli_reasons_text(unsigned reasons, const char *sep, char *buf, size_t len)
{
    return bits_text(reasons, KT_REASON__COUNT, kt_reason_name, sep, buf, len);
}

/* The i-th mark of v when it is in force and the policy makes it a finding. */
static int mark_counts(const kt_graph *g, const kt_policy *p, igraph_integer_t v, size_t i, kt_mark *m)
{
    kt_graph_mark_get(g, v, i, m);
    return kt_policy_mark_makes_finding(p, m->kind) && kt_mark_active(m, kt_graph_date(g));
}

void kt_cli_marks_text(FILE *f, const kt_graph *g, const kt_policy *p, igraph_integer_t v)
{
    kt_mark m;
    for (size_t i = 0; i < kt_graph_mark_count(g, v); i++) {
        if (!mark_counts(g, p, v, i, &m))
            continue;
        /* every string is from the data: kt_cli_text makes it safe to print */
        fprintf(f, "    %s: %s", kt_mark_kind_name(m.kind),
                m.authority ? kt_cli_text(m.authority) : "authority not given");
        if (m.programme)
            fprintf(f, ", programme %s", kt_cli_text(m.programme));
        if (m.since)
            fprintf(f, ", from %s", kt_cli_text(m.since));
        if (m.until)
            fprintf(f, " to %s", kt_cli_text(m.until));
        fprintf(f, " [%s:%ld%s%s%s]\n", kt_cli_text(m.file), m.line, m.source ? " (" : "",
                m.source ? kt_cli_text(m.source) : "", m.source ? ")" : "");
    }
}

cJSON *kt_cli_marks_json(const kt_graph *g, const kt_policy *p, igraph_integer_t v)
{
    cJSON *a = cJSON_CreateArray();
    kt_mark m;
    for (size_t i = 0; a && i < kt_graph_mark_count(g, v); i++) {
        if (!mark_counts(g, p, v, i, &m))
            continue;
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "kind", kt_mark_kind_name(m.kind));
#define STR_OR_NULL(k, x) ((x) ? cJSON_AddStringToObject(o, k, x) : cJSON_AddNullToObject(o, k))
        STR_OR_NULL("authority", m.authority);
        STR_OR_NULL("programme", m.programme);
        STR_OR_NULL("since", m.since);
        STR_OR_NULL("until", m.until);
        STR_OR_NULL("record", m.source);
#undef STR_OR_NULL
        cJSON_AddStringToObject(o, "file", m.file);
        cJSON_AddNumberToObject(o, "line", (double)m.line);
        cJSON_AddItemToArray(a, o);
    }
    return a;
}

cJSON *kt_cli_why_json(unsigned why)
{
    return bits_json(why, KT_UNK__COUNT, kt_unknown_name);
}

const char *kt_cli_why_text(unsigned why, const char *sep, char *buf, size_t len)
{
    return bits_text(why, KT_UNK__COUNT, kt_unknown_text, sep, buf, len);
}

/* One cell: always quoted (so identifiers stay text), quotes doubled, and a leading = + - @
 * tab or CR defused with ' against formula injection: names are untrusted input. */
void kt_cli_csv_cell(FILE *f, const char *s, int last, char sep)
{
    fputc('"', f);
    if (s && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
        fputc('\'', f);
    /* control characters as visible text (\n, \x1b): one record per line, nothing for a terminal */
    for (s = kt_cli_text(s); s && *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
    fputs(last ? "\r\n" : (sep == ';' ? ";" : ","), f);
}

void kt_cli_csv_num(FILE *f, double x, char sep)
{
    if (isnan(x))
        fputc(sep, f);
    else
        fprintf(f, "%.6g%c", x, sep);
}

void kt_cli_csv_header(FILE *f, const char *const *cols, size_t n, char sep)
{
    if (sep == ';')
        fputs("\xEF\xBB\xBF", f); /* Excel reads the file as UTF-8 only with a byte order mark */
    for (size_t i = 0; i < n; i++)
        kt_cli_csv_cell(f, cols[i], i + 1 == n, sep);
}
