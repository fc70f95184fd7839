build-tsan/graph/policy.o: graph/policy.c graph/kt_policy.h \
 graph/kt_country.h graph/kt_graph.h graph/kt_diag.h graph/kt_error.h \
 graph/kt_measures.h
graph/kt_policy.h:
graph/kt_country.h:
graph/kt_graph.h:
graph/kt_diag.h:
graph/kt_error.h:
graph/kt_measures.h:
