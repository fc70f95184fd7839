build-tsan/cli/cmd_check.o: cli/cmd_check.c cli/../graph/kt_country.h \
 cli/cli.h cli/../graph/kt_graph.h cli/../graph/kt_diag.h \
 cli/../graph/kt_error.h cli/../loaders/kt_load.h \
 cli/../loaders/../graph/kt_graph.h \
 cli/../loaders/../graph/kt_decisions.h \
 cli/../loaders/../graph/kt_error.h cli/../loaders/../graph/kt_tender.h \
 cli/../loaders/../graph/kt_policy.h cli/../loaders/../graph/kt_country.h \
 cli/../loaders/../graph/kt_graph.h cli/../loaders/../graph/kt_measures.h \
 cli/../loaders/../graph/kt_tender.h
cli/../graph/kt_country.h:
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
