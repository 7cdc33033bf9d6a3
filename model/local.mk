# model: the nouns of rota as plain structs and enums (person, office,
# rotation, term, shift, swap, leave, holiday) with their names and
# parsers. Below the store, which fills them, and the scheduler, which
# reads them; includes nothing of rota's own.
librota_a_SOURCES += model/model.c model/model.h
