build-tsan/analyses/dep.o: analyses/dep.c analyses/../graph/kt_policy.h \
 analyses/../graph/kt_country.h analyses/../graph/kt_graph.h \
 analyses/../graph/kt_diag.h analyses/../graph/kt_error.h \
 analyses/../graph/kt_measures.h analyses/kt_dep.h \
 analyses/../graph/kt_graph.h
analyses/../graph/kt_policy.h:
analyses/../graph/kt_country.h:
analyses/../graph/kt_graph.h:
analyses/../graph/kt_diag.h:
analyses/../graph/kt_error.h:
analyses/../graph/kt_measures.h:
analyses/kt_dep.h:
analyses/../graph/kt_graph.h:
