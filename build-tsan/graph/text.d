build-tsan/graph/text.o: graph/text.c graph/kt_text.h
graph/kt_text.h:
