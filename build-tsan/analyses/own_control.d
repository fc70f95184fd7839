build-tsan/analyses/own_control.o: analyses/own_control.c \
 analyses/own_i.h analyses/kt_own.h analyses/../graph/kt_graph.h \
 analyses/../graph/kt_diag.h analyses/../graph/kt_error.h \
 analyses/kt_vmap.h
analyses/own_i.h:
analyses/kt_own.h:
analyses/../graph/kt_graph.h:
analyses/../graph/kt_diag.h:
analyses/../graph/kt_error.h:
analyses/kt_vmap.h:
