build-tsan/analyses/vmap.o: analyses/vmap.c analyses/../graph/kt_mem.h \
 analyses/../graph/kt_error.h analyses/kt_vmap.h \
 analyses/../graph/kt_graph.h analyses/../graph/kt_diag.h
analyses/../graph/kt_mem.h:
analyses/../graph/kt_error.h:
analyses/kt_vmap.h:
analyses/../graph/kt_graph.h:
analyses/../graph/kt_diag.h:
