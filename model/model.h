/* The nouns of rota as plain structs, shared by the store (which fills
 * them) and the logic (which reads them). Text fields are fixed-size and
 * NUL-terminated, so a struct owns everything it holds and needs no free.
 * Instants are UTC seconds. Below the store and the scheduler, both of
 * which include it; it includes nothing of rota's own. */
#ifndef ROTA_MODEL_H
#define ROTA_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HANDLE_MAX 64
#define NAME_MAX_ 128
#define EMAIL_MAX 256
#define TZ_MAX 64
#define REASON_MAX 256
#define UID_MAX 96

enum tier { TIER_PRIMARY, TIER_ESCALATION };
enum origin { ORIGIN_GENERATED, ORIGIN_SWAP, ORIGIN_OVERRIDE };
enum swap_state { SWAP_OPEN, SWAP_ACCEPTED, SWAP_DECLINED, SWAP_CANCELLED };

const char *tier_name(enum tier t);
int tier_parse(const char *s, enum tier *out);
const char *origin_name(enum origin o);
int origin_parse(const char *s, enum origin *out);
const char *swap_state_name(enum swap_state s);
int swap_state_parse(const char *s, enum swap_state *out);

struct office {
	int64_t id;
	char name[NAME_MAX_];
	char tz[TZ_MAX];
	char hours[64];                 /* "Mon-Fri 09:00-18:00" */
};

struct person {
	int64_t id;
	char handle[HANDLE_MAX];
	char name[NAME_MAX_];
	char email[EMAIL_MAX];
	char tz[TZ_MAX];
	int64_t office_id;              /* 0: none */
	char office[NAME_MAX_];
	bool is_manager;
	int sleep_start, sleep_end;     /* minutes after midnight, own zone */
	char feed_token[40];            /* "" until one is made */
};

struct rotation {
	int64_t id;
	char name[NAME_MAX_];
	enum tier tier;
	char tz[TZ_MAX];
	int handoff_dow;                /* 0 = Sunday */
	int handoff_minute;             /* minutes after local midnight */
	int shift_days;
	/* On call only while none of its offices is in business hours
	 * (service/oncall.h); false: every hour. */
	bool out_of_hours;
};

struct term {
	int64_t id;
	char name[NAME_MAX_];
	int64_t rotation_id;
	char rotation[NAME_MAX_];
	int64_t start, end;             /* first and last handoff */
	int weeks;                      /* number of shifts */
};

struct membership {
	int64_t term_id;
	int64_t person_id;
	char handle[HANDLE_MAX];
	bool is_manager;
	int64_t joined;
	int64_t left;                   /* INT64_MAX while a member */
};

struct shift {
	int64_t id;
	char uid[UID_MAX];
	int64_t rotation_id;
	char rotation[NAME_MAX_];
	enum tier tier;
	char tz[TZ_MAX];                /* the rotation's */
	int64_t term_id;
	char term[NAME_MAX_];
	int slot;
	/* The week of the term's grid this shift covers part or all of:
	 * [slot_start, slot_end). A week may be covered by several
	 * consecutive shifts (parts), each held by one person. Zero on a
	 * shift to be inserted: the shift is the whole week. */
	int64_t slot_start, slot_end;
	int64_t person_id;
	char handle[HANDLE_MAX];
	int64_t start, end;
	enum origin origin;
	int sequence;
	bool cancelled;
	int64_t updated;                /* when the row last changed (LAST-MODIFIED) */
};

struct leave {
	int64_t id;
	int64_t person_id;
	char handle[HANDLE_MAX];
	int64_t start, end;
	char reason[REASON_MAX];
	char source[REASON_MAX];
};

struct holiday {
	int64_t id;
	int64_t office_id;
	char office[NAME_MAX_];
	char day[11];                   /* YYYY-MM-DD */
	char name[NAME_MAX_];
};

struct swap {
	int64_t id;
	int64_t shift_id;
	int64_t requester_id;
	char requester[HANDLE_MAX];
	int64_t target_id;              /* 0: anyone in the term */
	char target[HANDLE_MAX];
	int64_t from, to;               /* the range asked for; 0: the whole shift */
	enum swap_state state;
	int64_t created, decided;       /* decided: 0 while open */
	char decided_by[HANDLE_MAX];
};

/* The UID a shift keeps for life: derived from its rotation, term and
 * slot (which survive swaps, overrides and time edits), never from a row
 * id or its times. Writes at most UID_MAX bytes. */
void shift_uid_make(const char *rotation, const char *term, int slot,
		    char *buf, size_t len);

/* "upcoming", "current" or "ended" at NOW: the one rule of a term's state. */
const char *term_state(const struct term *t, int64_t now);

/* Whether one person's time in a week, [START, END) (from their first part
 * in it to the end of their last), is the whole week [SLOT_START,
 * SLOT_END): the minimum gap between one person's shifts is a rule of
 * weeks of one's own, and a night or the rest of a week taken for a
 * colleague is not one. Override, swap, schedule check and the monthly
 * report's close shifts all ask here. */
bool week_held_whole(int64_t start, int64_t end, int64_t slot_start, int64_t slot_end);

/* The UID of a later part of a shift, one that begins at START (UTC
 * seconds) rather than at its week's start: the shift's UID with the
 * part's start, "shift-HASH-SLOT-20270302T180000Z@rota". The same split
 * always gives the same UIDs. Writes at most UID_MAX bytes. */
void shift_part_uid_make(const char *rotation, const char *term, int slot,
			 int64_t start, char *buf, size_t len);

/* Whether S is a handle: 1 to HANDLE_MAX - 1 letters, digits, '.', '_'
 * or '-', starting with a letter or digit (safe in a forced command of
 * authorized_keys, and in a file name). */
bool handle_valid(const char *s);

#endif
