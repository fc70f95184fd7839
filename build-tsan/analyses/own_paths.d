build-tsan/analyses/own_paths.o: analyses/own_paths.c analyses/own_i.h \
 analyses/kt_own.h analyses/../graph/kt_graph.h \
 analyses/../graph/kt_diag.h analyses/../graph/kt_error.h \
 analyses/kt_vmap.h
analyses/own_i.h:
analyses/kt_own.h:
analyses/../graph/kt_graph.h:
analyses/../graph/kt_diag.h:
analyses/../graph/kt_error.h:
analyses/kt_vmap.h:
