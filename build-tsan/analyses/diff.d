build-tsan/analyses/diff.o: analyses/diff.c analyses/kt_diff.h \
 analyses/../graph/kt_graph.h analyses/../graph/kt_diag.h \
 analyses/../graph/kt_error.h analyses/kt_own.h
analyses/kt_diff.h:
analyses/../graph/kt_graph.h:
analyses/../graph/kt_diag.h:
analyses/../graph/kt_error.h:
analyses/kt_own.h:
