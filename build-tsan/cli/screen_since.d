build-tsan/cli/screen_since.o: cli/screen_since.c cli/screen_since.h \
 cli/cli.h cli/../graph/kt_graph.h cli/../graph/kt_diag.h \
 cli/../graph/kt_error.h cli/../loaders/kt_load.h \
 cli/../loaders/../graph/kt_graph.h \
 cli/../loaders/../graph/kt_decisions.h \
 cli/../loaders/../graph/kt_error.h cli/../loaders/../graph/kt_tender.h \
 cli/../loaders/../graph/kt_policy.h cli/../loaders/../graph/kt_country.h \
 cli/../loaders/../graph/kt_graph.h cli/../loaders/../graph/kt_measures.h \
 cli/../loaders/../graph/kt_tender.h
cli/screen_since.h:
cli/cli.h:
cli/../graph/kt_graph.h:
cli/../graph/kt_diag.h:
cli/../graph/kt_error.h:
cli/../loaders/kt_load.h:
cli/../loaders/../graph/kt_graph.h:
cli/../loaders/../graph/kt_decisions.h:
cli/../loaders/../graph/kt_error.h:
cli/../loaders/../graph/kt_tender.h:
cli/../loaders/../graph/kt_policy.h:
cli/../loaders/../graph/kt_country.h:
cli/../loaders/../graph/kt_graph.h:
cli/../loaders/../graph/kt_measures.h:
cli/../loaders/../graph/kt_tender.h:
