build-tsan/graph/intern.o: graph/intern.c graph/intern.h
graph/intern.h:
