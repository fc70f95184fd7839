build-tsan/loaders/ftm.o: loaders/ftm.c loaders/../graph/kt_mem.h \
 loaders/../graph/kt_error.h loaders/load_i.h \
 loaders/../graph/kt_country.h loaders/kt_load.h \
 loaders/../graph/kt_graph.h loaders/../graph/kt_diag.h \
 loaders/../graph/kt_decisions.h loaders/../graph/kt_tender.h \
 loaders/../graph/kt_policy.h loaders/../graph/kt_country.h \
 loaders/../graph/kt_graph.h loaders/../graph/kt_measures.h \
 loaders/../graph/kt_tender.h
loaders/../graph/kt_mem.h:
loaders/../graph/kt_error.h:
loaders/load_i.h:
loaders/../graph/kt_country.h:
loaders/kt_load.h:
loaders/../graph/kt_graph.h:
loaders/../graph/kt_diag.h:
loaders/../graph/kt_decisions.h:
loaders/../graph/kt_tender.h:
loaders/../graph/kt_policy.h:
loaders/../graph/kt_country.h:
loaders/../graph/kt_graph.h:
loaders/../graph/kt_measures.h:
loaders/../graph/kt_tender.h:
