build-tsan/graph/dates.o: graph/dates.c graph/graph_i.h graph/intern.h \
 graph/kt_graph.h graph/kt_diag.h graph/kt_error.h
graph/graph_i.h:
graph/intern.h:
graph/kt_graph.h:
graph/kt_diag.h:
graph/kt_error.h:
