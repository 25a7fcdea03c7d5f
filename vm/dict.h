/* dict.h — the insertion-ordered hash map behind dict, globals, class and
 * instance namespaces, and the hash set behind set/frozenset.
 *
 * Invariants:
 * - Keys are hashed and compared with Python semantics (vm_hash/vm_eq), so
 *   1, 1.0 and True are the same key; str keys take a fast path (cached
 *   hash, pointer then byte comparison) that never calls asy code.
 * - Entries keep insertion order; deleting leaves a hole that a resize
 *   compacts. Every insert or delete bumps `version`, which iterators check
 *   ("dictionary changed size during iteration").
 * - Functions that may call asy code (__eq__/__hash__ of user keys) report
 *   errors through their return value with an exception pending.
 */
#ifndef ASY_DICT_H
#define ASY_DICT_H

#include "object.h"

/* A new empty dict. */
ObjDict *dict_new(void);
/* Look key up: 1 found (*out set), 0 absent, -1 error (unhashable...). */
/* An empty dict with room for n str-keyed entries before it grows (instance
 * dicts are sized from what earlier instances of the class needed). */
ObjDict *dict_new_sized(uint32_t n);
int dict_get(ObjDict *d, Value key, Value *out);
/* Entry index of a str key, or -1 if absent (never raises). */
int64_t dict_index_str(ObjDict *d, ObjString *key);
/* Look up a str key (never raises); false if absent. */
bool dict_get_str(ObjDict *d, ObjString *key, Value *out);
/* d[key] = value; false with an exception pending. */
bool dict_set(ObjDict *d, Value key, Value value);
/* d[key] = value for a str key (cannot fail except out of memory). */
void dict_set_str(ObjDict *d, ObjString *key, Value value);
/* d[name] = value for a C string name; value stays rooted while the name
 * is interned, so `dict_set_cstr(d, "k", OBJ_VAL(new_object()))` is safe. */
void dict_set_cstr(ObjDict *d, const char *name, Value value);
/* Delete key: 1 deleted, 0 absent, -1 error. */
int dict_del(ObjDict *d, Value key);
/* Remove every entry. */
void dict_clear(ObjDict *d);
/* Copy every entry of src into d (later keys win); false on error. */
bool dict_update(ObjDict *d, ObjDict *src);
/* A shallow copy. */
ObjDict *dict_copy(ObjDict *d);
/* Advance *pos over live entries: true with *entry set, false at the end. */
bool dict_next(ObjDict *d, uint32_t *pos, DictEntry **entry);
/* Mark keys and values. */
void dict_mark(ObjDict *d);
/* Free the tables (the object itself is freed by the GC). */
void dict_free_storage(ObjDict *d);
/* Drop entries whose str key is unmarked (the weak intern table). */
void dict_remove_unmarked_keys(ObjDict *d);
/* Find an interned str with these bytes, or NULL. */
ObjString *dict_find_str(ObjDict *d, const char *s, size_t n, int64_t hash);

/* A new empty set (frozen: a frozenset). */
ObjSet *set_new(bool frozen);
/* Add key: 1 added, 0 already there, -1 error. */
int set_add(ObjSet *s, Value key);
/* Membership: 1, 0, -1 error. */
int set_contains(ObjSet *s, Value key);
/* Remove key: 1 removed, 0 absent, -1 error. */
int set_discard(ObjSet *s, Value key);
/* Remove every element. */
void set_clear(ObjSet *s);
/* Advance *pos over live slots: true with *key set. */
bool set_next(ObjSet *s, uint32_t *pos, Value *key);
/* A shallow copy (frozen as given). */
ObjSet *set_copy(ObjSet *s, bool frozen);
/* Mark the keys. */
void set_mark(ObjSet *s);
/* Free the table. */
void set_free_storage(ObjSet *s);

#endif
