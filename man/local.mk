# man: rota(1) and rota.conf(5), written in mdoc; `mandoc -Tlint` keeps them
# clean (tests/e2e/t0900-docs.sh).
dist_man_MANS += man/rota.1 man/rota.conf.5
