build-tsan/graph/diag.o: graph/diag.c graph/kt_diag.h graph/kt_error.h \
 graph/kt_mem.h
graph/kt_diag.h:
graph/kt_error.h:
graph/kt_mem.h:
