build-tsan/cli/cmd_screen.o: cli/cmd_screen.c cli/../analyses/kt_screen.h \
 cli/../analyses/../graph/kt_graph.h cli/../analyses/../graph/kt_diag.h \
 cli/../analyses/../graph/kt_error.h cli/../analyses/../graph/kt_policy.h \
 cli/../analyses/../graph/kt_country.h \
 cli/../analyses/../graph/kt_graph.h \
 cli/../analyses/../graph/kt_measures.h \
 cli/../analyses/../graph/kt_tender.h cli/../analyses/kt_dep.h \
 cli/../viz/kt_viz.h cli/../viz/../graph/kt_graph.h \
 cli/../viz/../analyses/kt_screen.h cli/../viz/../graph/kt_policy.h \
 cli/cli.h cli/../graph/kt_graph.h cli/../loaders/kt_load.h \
 cli/../loaders/../graph/kt_graph.h \
 cli/../loaders/../graph/kt_decisions.h \
 cli/../loaders/../graph/kt_error.h cli/../loaders/../graph/kt_tender.h \
 cli/../loaders/../graph/kt_policy.h cli/../loaders/../graph/kt_tender.h \
 cli/screen_run.h cli/screen_out.h cli/../analyses/kt_case.h \
 cli/../analyses/../graph/kt_decisions.h \
 cli/../analyses/../graph/kt_measures.h cli/../analyses/kt_screen.h \
 cli/../graph/kt_policy.h cli/../graph/kt_tender.h cli/screen_since.h
cli/../analyses/kt_screen.h:
cli/../analyses/../graph/kt_graph.h:
cli/../analyses/../graph/kt_diag.h:
cli/../analyses/../graph/kt_error.h:
cli/../analyses/../graph/kt_policy.h:
cli/../analyses/../graph/kt_country.h:
cli/../analyses/../graph/kt_graph.h:
cli/../analyses/../graph/kt_measures.h:
cli/../analyses/../graph/kt_tender.h:
cli/../analyses/kt_dep.h:
cli/../viz/kt_viz.h:
cli/../viz/../graph/kt_graph.h:
cli/../viz/../analyses/kt_screen.h:
cli/../viz/../graph/kt_policy.h:
cli/cli.h:
cli/../graph/kt_graph.h:
cli/../loaders/kt_load.h:
cli/../loaders/../graph/kt_graph.h:
cli/../loaders/../graph/kt_decisions.h:
cli/../loaders/../graph/kt_error.h:
cli/../loaders/../graph/kt_tender.h:
cli/../loaders/../graph/kt_policy.h:
cli/../loaders/../graph/kt_tender.h:
cli/screen_run.h:
cli/screen_out.h:
cli/../analyses/kt_case.h:
cli/../analyses/../graph/kt_decisions.h:
cli/../analyses/../graph/kt_measures.h:
cli/../analyses/kt_screen.h:
cli/../graph/kt_policy.h:
cli/../graph/kt_tender.h:
cli/screen_since.h:
