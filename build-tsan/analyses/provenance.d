build-tsan/analyses/provenance.o: analyses/provenance.c analyses/kt_dep.h \
 analyses/../graph/kt_graph.h analyses/../graph/kt_diag.h \
 analyses/../graph/kt_error.h analyses/kt_prov.h \
 analyses/../graph/kt_policy.h analyses/../graph/kt_country.h \
 analyses/../graph/kt_graph.h analyses/../graph/kt_measures.h \
 analyses/kt_vmap.h
analyses/kt_dep.h:
analyses/../graph/kt_graph.h:
analyses/../graph/kt_diag.h:
analyses/../graph/kt_error.h:
analyses/kt_prov.h:
analyses/../graph/kt_policy.h:
analyses/../graph/kt_country.h:
analyses/../graph/kt_graph.h:
analyses/../graph/kt_measures.h:
analyses/kt_vmap.h:
