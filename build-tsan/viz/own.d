build-tsan/viz/own.o: viz/own.c viz/../analyses/kt_own.h \
 viz/../analyses/../graph/kt_graph.h viz/../analyses/../graph/kt_diag.h \
 viz/../analyses/../graph/kt_error.h viz/../analyses/kt_vmap.h \
 viz/viz_i.h viz/../graph/kt_country.h viz/kt_viz.h \
 viz/../graph/kt_graph.h viz/../analyses/kt_screen.h \
 viz/../analyses/../graph/kt_policy.h \
 viz/../analyses/../graph/kt_country.h \
 viz/../analyses/../graph/kt_graph.h \
 viz/../analyses/../graph/kt_measures.h \
 viz/../analyses/../graph/kt_tender.h viz/../analyses/kt_dep.h \
 viz/../graph/kt_policy.h
viz/../analyses/kt_own.h:
viz/../analyses/../graph/kt_graph.h:
viz/../analyses/../graph/kt_diag.h:
viz/../analyses/../graph/kt_error.h:
viz/../analyses/kt_vmap.h:
viz/viz_i.h:
viz/../graph/kt_country.h:
viz/kt_viz.h:
viz/../graph/kt_graph.h:
viz/../analyses/kt_screen.h:
viz/../analyses/../graph/kt_policy.h:
viz/../analyses/../graph/kt_country.h:
viz/../analyses/../graph/kt_graph.h:
viz/../analyses/../graph/kt_measures.h:
viz/../analyses/../graph/kt_tender.h:
viz/../analyses/kt_dep.h:
viz/../graph/kt_policy.h:
