build-tsan/graph/decisions.o: graph/decisions.c graph/kt_decisions.h \
 graph/kt_error.h graph/kt_tender.h
graph/kt_decisions.h:
graph/kt_error.h:
graph/kt_tender.h:
