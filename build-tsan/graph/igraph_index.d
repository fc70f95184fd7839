build-tsan/graph/igraph_index.o: graph/igraph_index.c graph/graph_i.h \
 graph/intern.h graph/kt_graph.h graph/kt_diag.h graph/kt_error.h
graph/graph_i.h:
graph/intern.h:
graph/kt_graph.h:
graph/kt_diag.h:
graph/kt_error.h:
