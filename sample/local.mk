# sample: synthetic data, deterministic: the generic-CSV pages `rota demo`
# imports and bench/bench-pages writes. Not library code (not in librota.a):
# the programs that use it list SAMPLE_PAGES_SOURCES. Includes common/ only.
SAMPLE_PAGES_SOURCES = sample/pages-gen.c sample/pages-gen.h
