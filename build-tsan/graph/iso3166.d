build-tsan/graph/iso3166.o: graph/iso3166.c graph/kt_country.h
graph/kt_country.h:
