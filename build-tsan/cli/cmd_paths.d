build-tsan/cli/cmd_paths.o: cli/cmd_paths.c cli/own_cli.h \
 cli/../analyses/kt_own.h cli/../analyses/../graph/kt_graph.h \
 cli/../analyses/../graph/kt_diag.h cli/../analyses/../graph/kt_error.h \
 cli/cli.h cli/../graph/kt_graph.h cli/../loaders/kt_load.h \
 cli/../loaders/../graph/kt_graph.h \
 cli/../loaders/../graph/kt_decisions.h \
 cli/../loaders/../graph/kt_error.h cli/../loaders/../graph/kt_tender.h \
 cli/../loaders/../graph/kt_policy.h cli/../loaders/../graph/kt_country.h \
 cli/../loaders/../graph/kt_graph.h cli/../loaders/../graph/kt_measures.h \
 cli/../loaders/../graph/kt_tender.h
cli/own_cli.h:
cli/../analyses/kt_own.h:
cli/../analyses/../graph/kt_graph.h:
cli/../analyses/../graph/kt_diag.h:
cli/../analyses/../graph/kt_error.h:
cli/cli.h:
cli/../graph/kt_graph.h:
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
