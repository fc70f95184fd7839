build-tsan/graph/country.o: graph/country.c graph/kt_country.h
graph/kt_country.h:
