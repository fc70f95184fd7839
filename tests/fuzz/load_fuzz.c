/* load_fuzz.c: libFuzzer target for every loader in the format registry.  The first byte picks
 * the format (0: detection; 1..: the registry's rows), the rest is the input; the model is built
 * and checked.  JSON Lines are cut into small chunks parsed on two threads (loaders/lines.c).
 * Build and run: make fuzz (FUZZ_SECONDS per format). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "../../graph/kt_graph.h"
#include "../../loaders/kt_load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int init;
    kt_errinfo ei;
    if (!init) {
        kt_graph_init_library();
        /* JSON Lines in chunks of 61 bytes on two threads: the fuzzer reaches chunk boundaries */
        kt_load_set_threads(2);
        setenv("KETEN_LOAD_CHUNK", "61", 0);
        init = 1;
    }
    if (size < 1)
        return 0;
    /* FUZZ_FORMAT pins the format (one run per format); else the first byte picks it */
    const char *pin = getenv("FUZZ_FORMAT");
    kt_format fmt = (kt_format)(data[0] % (kt_format_count() + 1)); /* 0 detects; 1.. the registry's rows */
    if (pin)
        kt_format_parse(pin, &fmt);
    kt_graph *g = kt_graph_new();
    kt_diags *d = kt_diags_new();
    if (g && d && kt_load_buffer(g, "fuzz", (const char *)data + 1, size - 1, fmt, d, &ei) == KT_OK &&
        kt_graph_build(g, d) == KT_OK && !kt_diags_has_errors(d)) {
        if (kt_graph_check(g, stderr) != 0)
            abort();
        kt_graph_find_duplicates(g, d);
    }
    kt_diags_free(d);
    kt_graph_free(g);
    return 0;
}
