/* exp_util.h: the test policy and printers shared by the exposure, provenance and critical
 * unit tests.  The policy is test data: C1 = {CN}, C2 = {IR}, gpa = {DE, NL, US},
 * eu = {DE, NL}; owner_share 10, control 50, max_depth 25. */
#ifndef KT_EXP_UTIL_H
#define KT_EXP_UTIL_H

#include "../../graph/kt_policy.h"
#include "test_util.h"

static const char test_policy_text[] =
    "{\"keten_policy\": \"1\", \"name\": \"test\",\n"
    " \"C1\": [\"CN\"], \"C2\": [\"IR\"], \"gpa\": [\"DE\", \"NL\", \"US\"], \"eu\": [\"DE\", \"NL\"],\n"
    " \"thresholds\": {\"owner_share\": 10, \"control\": 50, \"max_depth\": 25}}\n";

static inline kt_policy *test_policy(void)
{
    kt_policy *p;
    kt_errinfo ei;
    if (kt_load_policy_buffer("policy.json", test_policy_text, strlen(test_policy_text), &p, &ei) != KT_OK) {
        printf("policy: %s:%ld: %s\n", ei.file, ei.line, ei.msg);
        exit(1);
    }
    return p;
}

static inline void print_reasons(unsigned r)
{
    int first = 1;
    for (unsigned b = 1; b < (1u << KT_REASON__COUNT); b <<= 1)
        if (r & b) {
            printf("%s%s", first ? "" : ",", kt_reason_name(b));
            first = 0;
        }
    if (first)
        printf("-");
}

#endif
