build-tsan/cli/screen_html.o: cli/screen_html.c cli/../viz/kt_viz.h \
 cli/../viz/../graph/kt_graph.h cli/../viz/../graph/kt_diag.h \
 cli/../viz/../graph/kt_error.h cli/../viz/../analyses/kt_screen.h \
 cli/../viz/../analyses/../graph/kt_graph.h \
 cli/../viz/../analyses/../graph/kt_policy.h \
 cli/../viz/../analyses/../graph/kt_country.h \
 cli/../viz/../analyses/../graph/kt_graph.h \
 cli/../viz/../analyses/../graph/kt_measures.h \
 cli/../viz/../analyses/../graph/kt_error.h \
 cli/../viz/../analyses/../graph/kt_tender.h \
 cli/../viz/../analyses/kt_dep.h cli/../viz/../graph/kt_policy.h \
 cli/cli.h cli/../graph/kt_graph.h cli/../loaders/kt_load.h \
 cli/../loaders/../graph/kt_graph.h \
 cli/../loaders/../graph/kt_decisions.h \
 cli/../loaders/../graph/kt_error.h cli/../loaders/../graph/kt_tender.h \
 cli/../loaders/../graph/kt_policy.h cli/../loaders/../graph/kt_tender.h \
 cli/screen_out.h cli/../analyses/kt_case.h \
 cli/../analyses/../graph/kt_decisions.h \
 cli/../analyses/../graph/kt_measures.h cli/../analyses/kt_screen.h \
 cli/../analyses/kt_screen.h cli/../graph/kt_policy.h \
 cli/../graph/kt_tender.h
cli/../viz/kt_viz.h:
cli/../viz/../graph/kt_graph.h:
cli/../viz/../graph/kt_diag.h:
cli/../viz/../graph/kt_error.h:
cli/../viz/../analyses/kt_screen.h:
cli/../viz/../analyses/../graph/kt_graph.h:
cli/../viz/../analyses/../graph/kt_policy.h:
cli/../viz/../analyses/../graph/kt_country.h:
cli/../viz/../analyses/../graph/kt_graph.h:
cli/../viz/../analyses/../graph/kt_measures.h:
cli/../viz/../analyses/../graph/kt_error.h:
cli/../viz/../analyses/../graph/kt_tender.h:
cli/../viz/../analyses/kt_dep.h:
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
cli/screen_out.h:
cli/../analyses/kt_case.h:
cli/../analyses/../graph/kt_decisions.h:
cli/../analyses/../graph/kt_measures.h:
cli/../analyses/kt_screen.h:
cli/../analyses/kt_screen.h:
cli/../graph/kt_policy.h:
cli/../graph/kt_tender.h:
