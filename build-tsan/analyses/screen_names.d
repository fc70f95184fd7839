build-tsan/analyses/screen_names.o: analyses/screen_names.c \
 analyses/kt_screen.h analyses/../graph/kt_graph.h \
 analyses/../graph/kt_diag.h analyses/../graph/kt_error.h \
 analyses/../graph/kt_policy.h analyses/../graph/kt_country.h \
 analyses/../graph/kt_graph.h analyses/../graph/kt_measures.h \
 analyses/../graph/kt_tender.h analyses/kt_dep.h
analyses/kt_screen.h:
analyses/../graph/kt_graph.h:
analyses/../graph/kt_diag.h:
analyses/../graph/kt_error.h:
analyses/../graph/kt_policy.h:
analyses/../graph/kt_country.h:
analyses/../graph/kt_graph.h:
analyses/../graph/kt_measures.h:
analyses/../graph/kt_tender.h:
analyses/kt_dep.h:
