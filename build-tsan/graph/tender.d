build-tsan/graph/tender.o: graph/tender.c graph/kt_tender.h
graph/kt_tender.h:
