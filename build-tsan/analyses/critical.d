build-tsan/analyses/critical.o: analyses/critical.c analyses/kt_crit.h \
 analyses/../graph/kt_graph.h analyses/../graph/kt_diag.h \
 analyses/../graph/kt_error.h analyses/kt_dep.h analyses/kt_vmap.h
analyses/kt_crit.h:
analyses/../graph/kt_graph.h:
analyses/../graph/kt_diag.h:
analyses/../graph/kt_error.h:
analyses/kt_dep.h:
analyses/kt_vmap.h:
