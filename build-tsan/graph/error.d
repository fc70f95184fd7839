build-tsan/graph/error.o: graph/error.c graph/kt_error.h
graph/kt_error.h:
