build-tsan/cli/cmd_critical.o: cli/cmd_critical.c \
 cli/../analyses/kt_crit.h cli/../analyses/../graph/kt_graph.h \
 cli/../analyses/../graph/kt_diag.h cli/../analyses/../graph/kt_error.h \
 cli/../analyses/kt_dep.h cli/node_cmd.h cli/cli.h \
 cli/../graph/kt_graph.h cli/../loaders/kt_load.h \
 cli/../loaders/../graph/kt_graph.h \
 cli/../loaders/../graph/kt_decisions.h \
 cli/../loaders/../graph/kt_error.h cli/../loaders/../graph/kt_tender.h \
 cli/../loaders/../graph/kt_policy.h cli/../loaders/../graph/kt_country.h \
 cli/../loaders/../graph/kt_graph.h cli/../loaders/../graph/kt_measures.h \
 cli/../loaders/../graph/kt_tender.h
cli/../analyses/kt_crit.h:
cli/../analyses/../graph/kt_graph.h:
cli/../analyses/../graph/kt_diag.h:
cli/../analyses/../graph/kt_error.h:
cli/../analyses/kt_dep.h:
cli/node_cmd.h:
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
