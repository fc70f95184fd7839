build-tsan/graph/country_alias.o: graph/country_alias.c \
 graph/kt_country.h
graph/kt_country.h:
