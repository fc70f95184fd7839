build-tsan/cli/screen_case.o: cli/screen_case.c cli/cli.h \
 cli/../graph/kt_graph.h cli/../graph/kt_diag.h cli/../graph/kt_error.h \
 cli/../loaders/kt_load.h cli/../loaders/../graph/kt_graph.h \
 cli/../loaders/../graph/kt_decisions.h \
 cli/../loaders/../graph/kt_error.h cli/../loaders/../graph/kt_tender.h \
 cli/../loaders/../graph/kt_policy.h cli/../loaders/../graph/kt_country.h \
 cli/../loaders/../graph/kt_graph.h cli/../loaders/../graph/kt_measures.h \
 cli/../loaders/../graph/kt_tender.h cli/screen_out.h \
 cli/../analyses/kt_case.h cli/../analyses/../graph/kt_decisions.h \
 cli/../analyses/../graph/kt_measures.h cli/../analyses/kt_screen.h \
 cli/../analyses/../graph/kt_graph.h cli/../analyses/../graph/kt_policy.h \
 cli/../analyses/../graph/kt_tender.h cli/../analyses/kt_dep.h \
 cli/../analyses/kt_screen.h cli/../graph/kt_policy.h \
 cli/../graph/kt_tender.h
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
cli/screen_out.h:
cli/../analyses/kt_case.h:
cli/../analyses/../graph/kt_decisions.h:
cli/../analyses/../graph/kt_measures.h:
cli/../analyses/kt_screen.h:
cli/../analyses/../graph/kt_graph.h:
cli/../analyses/../graph/kt_policy.h:
cli/../analyses/../graph/kt_tender.h:
cli/../analyses/kt_dep.h:
cli/../analyses/kt_screen.h:
cli/../graph/kt_policy.h:
cli/../graph/kt_tender.h:
