build-tsan/tests/graph: tests/unit/graph.c tests/unit/test_util.h \
 tests/unit/../../graph/kt_graph.h tests/unit/../../graph/kt_diag.h \
 tests/unit/../../graph/kt_error.h tests/unit/../../loaders/kt_load.h \
 tests/unit/../../loaders/../graph/kt_graph.h \
 tests/unit/../../loaders/../graph/kt_decisions.h \
 tests/unit/../../loaders/../graph/kt_error.h \
 tests/unit/../../loaders/../graph/kt_tender.h \
 tests/unit/../../loaders/../graph/kt_policy.h \
 tests/unit/../../loaders/../graph/kt_country.h \
 tests/unit/../../loaders/../graph/kt_graph.h \
 tests/unit/../../loaders/../graph/kt_measures.h \
 tests/unit/../../loaders/../graph/kt_tender.h \
 tests/unit/../../graph/kt_mem.h tests/unit/../../graph/graph_i.h \
 tests/unit/../../graph/intern.h tests/unit/../../graph/kt_graph.h
tests/unit/test_util.h:
tests/unit/../../graph/kt_graph.h:
tests/unit/../../graph/kt_diag.h:
tests/unit/../../graph/kt_error.h:
tests/unit/../../loaders/kt_load.h:
tests/unit/../../loaders/../graph/kt_graph.h:
tests/unit/../../loaders/../graph/kt_decisions.h:
tests/unit/../../loaders/../graph/kt_error.h:
tests/unit/../../loaders/../graph/kt_tender.h:
tests/unit/../../loaders/../graph/kt_policy.h:
tests/unit/../../loaders/../graph/kt_country.h:
tests/unit/../../loaders/../graph/kt_graph.h:
tests/unit/../../loaders/../graph/kt_measures.h:
tests/unit/../../loaders/../graph/kt_tender.h:
tests/unit/../../graph/kt_mem.h:
tests/unit/../../graph/graph_i.h:
tests/unit/../../graph/intern.h:
tests/unit/../../graph/kt_graph.h:
