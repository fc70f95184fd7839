build-tsan/graph/measures.o: graph/measures.c graph/kt_measures.h \
 graph/kt_error.h
graph/kt_measures.h:
graph/kt_error.h:
