build-tsan/graph/graph.o: graph/graph.c graph/graph_i.h graph/intern.h \
 graph/kt_graph.h graph/kt_diag.h graph/kt_error.h graph/kt_country.h
graph/graph_i.h:
graph/intern.h:
graph/kt_graph.h:
graph/kt_diag.h:
graph/kt_error.h:
graph/kt_country.h:
