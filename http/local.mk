# http: the one HTTP client (libcurl) of every command that speaks HTTP:
# one initialisation, one map from outcome to exit status and message,
# one retry policy, the conditional-GET cache.
librota_a_SOURCES += http/http.c http/http.h http/cache.c
