build-tsan/graph/mem.o: graph/mem.c graph/kt_mem.h graph/kt_error.h
graph/kt_mem.h:
graph/kt_error.h:
