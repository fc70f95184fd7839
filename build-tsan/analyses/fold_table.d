build-tsan/analyses/fold_table.o: analyses/fold_table.c analyses/find_i.h
analyses/find_i.h:
