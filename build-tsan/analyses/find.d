build-tsan/analyses/find.o: analyses/find.c analyses/find_i.h \
 analyses/kt_find.h analyses/../graph/kt_graph.h \
 analyses/../graph/kt_diag.h analyses/../graph/kt_error.h
analyses/find_i.h:
analyses/kt_find.h:
analyses/../graph/kt_graph.h:
analyses/../graph/kt_diag.h:
analyses/../graph/kt_error.h:
