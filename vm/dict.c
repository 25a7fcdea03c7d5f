/* dict.c — ordered dict and CPython-shaped set. */
#include "dict.h"

#include "vm.h"

#define DICT_LINEAR_MAX 8 /* up to this many entries: no index, linear scan */
#define IX_EMPTY (-1)
#define IX_DUMMY (-2)

/* Key equality as dicts need it; 1 equal, 0 not, -1 error. str and
 * identical keys never call asy code. */
static int keys_equal(Value a, int64_t ha, Value b, int64_t hb) {
  if (ha != hb) return 0;
  if (value_is(a, b)) return 1;
  if (IS_STR(a) && IS_STR(b)) return str_eq(AS_STR(a), AS_STR(b));
  if (IS_STR(a) || IS_STR(b)) {
    if ((IS_STR(a) && !IS_OBJ(b)) || (IS_STR(b) && !IS_OBJ(a))) return 0;
  }
  return vm_eq(a, b);
}

static bool key_hash(Value key, int64_t *h) {
  if (IS_STR(key)) {
    *h = str_hash(AS_STR(key));
    return true;
  }
  return vm_hash(key, h);
}

ObjDict *dict_new(void) {
  static uint32_t next_uid;
  ObjDict *d = (ObjDict *)gc_alloc_obj(sizeof(ObjDict), OBJ_DICT);
  d->uid = ++next_uid;
  return d;
}

/* Attribute caches trust a class's namespace until the epoch moves. */
static inline void touched(ObjDict *d) {
  if (d->obj.flags & DICT_OF_CLASS) vm.class_epoch++;
}

/* find_entry for a str key: identical or equal str keys match without
 * calling anything; a colliding non-str key still gets a full compare. */
static int64_t find_entry(ObjDict *d, Value key, int64_t hash);

static int64_t find_str(ObjDict *d, ObjString *key) {
  int64_t hash = str_hash(key);
  if (d->mask == 0) {
    for (uint32_t i = 0; i < d->nentries; i++) {
      DictEntry *e = &d->entries[i];
      if (e->hash != hash || IS_UNDEF(e->key)) continue;
      if (IS_OBJ(e->key) && AS_OBJ(e->key) == &key->obj) return i;
      if (!IS_STR(e->key)) return find_entry(d, OBJ_VAL(key), hash); /* may run a user __eq__ */
      if (str_eq(AS_STR(e->key), key)) return i;
    }
    return -1;
  }
  uint64_t perturb = (uint64_t)hash;
  uint64_t i = (uint64_t)hash & d->mask;
  for (;;) {
    int32_t ix = d->index[i];
    if (ix == IX_EMPTY) return -1;
    if (ix >= 0 && d->entries[ix].hash == hash) {
      Value ek = d->entries[ix].key;
      if (IS_OBJ(ek) && AS_OBJ(ek) == &key->obj) return ix;
      if (!IS_STR(ek)) return find_entry(d, OBJ_VAL(key), hash);
      if (str_eq(AS_STR(ek), key)) return ix;
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & d->mask;
  }
}

ObjDict *dict_new_sized(uint32_t n) {
  ObjDict *d = dict_new();
  if (n == 0 || n > DICT_LINEAR_MAX) return d;
  gc_push_root(OBJ_VAL(d));
  DictEntry *entries = gc_realloc(NULL, 0, n * sizeof(DictEntry));
  gc_pop_roots(1);
  if (!entries) {
    vm.exc = UNDEF_VAL; /* it will grow on demand instead */
    return d;
  }
  d->entries = entries;
  d->cap = n;
  return d;
}

/* A user __eq__ ran during a lookup: whether it changed the table under
 * the lookup, which must then start again (as CPython's does). */
static bool dict_moved(ObjDict *d, const DictEntry *entries, const int32_t *index, uint32_t mask,
                       uint32_t ix, Value key) {
  return d->entries != entries || d->index != index || d->mask != mask || ix >= d->nentries ||
         !value_is(d->entries[ix].key, key);
}

/* Index of the entry holding key, -1 absent, -2 error. */
static int64_t find_entry(ObjDict *d, Value key, int64_t hash) {
restart:
  if (d->mask == 0) {
    for (uint32_t i = 0; i < d->nentries; i++) {
      DictEntry *e = &d->entries[i];
      if (IS_UNDEF(e->key)) continue;
      Value ek = e->key;
      const DictEntry *entries = d->entries;
      int eq = keys_equal(ek, e->hash, key, hash);
      if (eq < 0) return -2;
      if (dict_moved(d, entries, NULL, 0, i, ek)) goto restart;
      if (eq) return i;
    }
    return -1;
  }
  uint64_t perturb = (uint64_t)hash;
  uint64_t i = (uint64_t)hash & d->mask;
  for (;;) {
    int32_t ix = d->index[i];
    if (ix == IX_EMPTY) return -1;
    if (ix >= 0) {
      DictEntry *e = &d->entries[ix];
      Value ek = e->key;
      const DictEntry *entries = d->entries;
      const int32_t *index = d->index;
      uint32_t mask = d->mask;
      int eq = keys_equal(ek, e->hash, key, hash);
      if (eq < 0) return -2;
      if (dict_moved(d, entries, index, mask, (uint32_t)ix, ek)) goto restart;
      if (eq) return ix;
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & d->mask;
  }
}

static void index_insert(ObjDict *d, int64_t hash, int32_t ix) {
  uint64_t perturb = (uint64_t)hash;
  uint64_t i = (uint64_t)hash & d->mask;
  while (d->index[i] >= 0) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & d->mask;
  }
  d->index[i] = ix;
}

/* Compact the entries and rebuild the index for at least `need` entries. */
static void dict_resize(ObjDict *d, uint32_t need) {
  uint32_t cap = 8;
  while (cap < need + (need >> 1)) cap <<= 1;
  DictEntry *entries = gc_xrealloc(NULL, 0, cap * sizeof(DictEntry));
  uint32_t n = 0;
  for (uint32_t i = 0; i < d->nentries; i++) {
    if (!IS_UNDEF(d->entries[i].key)) entries[n++] = d->entries[i];
  }
  gc_realloc(d->entries, d->cap * sizeof(DictEntry), 0);
  if (d->mask) gc_realloc(d->index, (d->mask + 1) * sizeof(int32_t), 0);
  d->entries = entries;
  d->cap = cap;
  d->nentries = n;
  d->index = NULL;
  d->mask = 0;
  if (cap > DICT_LINEAR_MAX) {
    uint32_t size = cap * 2; /* load factor at most 1/2 of the index */
    d->index = gc_xrealloc(NULL, 0, size * sizeof(int32_t));
    memset(d->index, 0xFF, size * sizeof(int32_t));
    d->mask = size - 1;
    for (uint32_t i = 0; i < n; i++) index_insert(d, entries[i].hash, (int32_t)i);
  }
}

int dict_get(ObjDict *d, Value key, Value *out) {
  int64_t h;
  if (!key_hash(key, &h)) return -1;
  int64_t ix = find_entry(d, key, h);
  if (ix == -2) return -1;
  if (ix < 0) return 0;
  *out = d->entries[ix].value;
  return 1;
}

int64_t dict_index_str(ObjDict *d, ObjString *key) {
  int64_t ix = find_str(d, key);
  return ix < 0 ? -1 : ix;
}

bool dict_get_str(ObjDict *d, ObjString *key, Value *out) {
  int64_t ix = find_str(d, key);
  if (ix < 0) return false;
  *out = d->entries[ix].value;
  return true;
}

static bool insert_new(ObjDict *d, Value key, int64_t hash, Value value) {
  if (d->nentries == d->cap) {
    gc_push_root(key);
    gc_push_root(value);
    dict_resize(d, d->len + 1);
    gc_pop_roots(2);
  }
  uint32_t ix = d->nentries++;
  d->entries[ix] = (DictEntry){key, value, hash};
  if (d->mask) index_insert(d, hash, (int32_t)ix);
  d->len++;
  d->version++;
  return true;
}

bool dict_set(ObjDict *d, Value key, Value value) {
  int64_t h;
  if (!key_hash(key, &h)) return false;
  int64_t ix = find_entry(d, key, h);
  if (ix == -2) return false;
  touched(d);
  if (ix >= 0) {
    d->entries[ix].value = value;
    return true;
  }
  return insert_new(d, key, h, value);
}

void dict_set_str(ObjDict *d, ObjString *key, Value value) {
  int64_t ix = find_str(d, key);
  touched(d);
  if (ix >= 0) {
    d->entries[ix].value = value;
    return;
  }
  insert_new(d, OBJ_VAL(key), str_hash(key), value);
}

void dict_set_cstr(ObjDict *d, const char *name, Value value) {
  gc_push_root(value);
  dict_set_str(d, str_intern_cstr(name), value);
  gc_pop_roots(1);
}

static void remove_at(ObjDict *d, int64_t ix) {
  DictEntry *e = &d->entries[ix];
  if (d->mask) {
    uint64_t perturb = (uint64_t)e->hash;
    uint64_t i = (uint64_t)e->hash & d->mask;
    while (d->index[i] != ix) {
      perturb >>= 5;
      i = (i * 5 + perturb + 1) & d->mask;
    }
    d->index[i] = IX_DUMMY;
  }
  e->key = UNDEF_VAL;
  e->value = UNDEF_VAL;
  d->len--;
  d->version++;
  /* Trailing holes can simply be dropped; this keeps pop-from-end cheap. */
  while (d->nentries > 0 && IS_UNDEF(d->entries[d->nentries - 1].key) && !d->mask) d->nentries--;
}

int dict_del(ObjDict *d, Value key) {
  int64_t h;
  if (!key_hash(key, &h)) return -1;
  int64_t ix = find_entry(d, key, h);
  if (ix == -2) return -1;
  if (ix < 0) return 0;
  touched(d);
  remove_at(d, ix);
  return 1;
}

void dict_clear(ObjDict *d) {
  touched(d);
  dict_free_storage(d);
  d->entries = NULL;
  d->index = NULL;
  d->cap = d->mask = d->len = d->nentries = 0;
  d->version++;
}

bool dict_update(ObjDict *d, ObjDict *src) {
  touched(d);
  for (uint32_t i = 0; i < src->nentries; i++) {
    DictEntry e = src->entries[i];
    if (IS_UNDEF(e.key)) continue;
    int64_t ix = find_entry(d, e.key, e.hash);
    if (ix == -2) return false;
    if (ix >= 0) {
      d->entries[ix].value = e.value;
    } else {
      insert_new(d, e.key, e.hash, e.value);
    }
  }
  return true;
}

ObjDict *dict_copy(ObjDict *src) {
  ObjDict *d = dict_new();
  if (src->len == 0) return d;
  gc_push_root(OBJ_VAL(d));
  dict_resize(d, src->len);
  gc_pop_roots(1);
  for (uint32_t i = 0; i < src->nentries; i++) {
    DictEntry e = src->entries[i];
    if (IS_UNDEF(e.key)) continue;
    d->entries[d->nentries] = e;
    if (d->mask) index_insert(d, e.hash, (int32_t)d->nentries);
    d->nentries++;
  }
  d->len = src->len;
  return d;
}

bool dict_next(ObjDict *d, uint32_t *pos, DictEntry **entry) {
  while (*pos < d->nentries) {
    DictEntry *e = &d->entries[(*pos)++];
    if (!IS_UNDEF(e->key)) {
      *entry = e;
      return true;
    }
  }
  return false;
}

void dict_mark(ObjDict *d) {
  for (uint32_t i = 0; i < d->nentries; i++) {
    gc_mark_value(d->entries[i].key);
    gc_mark_value(d->entries[i].value);
  }
}

void dict_free_storage(ObjDict *d) {
  gc_realloc(d->entries, d->cap * sizeof(DictEntry), 0);
  if (d->mask) gc_realloc(d->index, (d->mask + 1) * sizeof(int32_t), 0);
}

void dict_remove_unmarked_keys(ObjDict *d) {
  for (uint32_t i = 0; i < d->nentries; i++) {
    Value k = d->entries[i].key;
    if (IS_OBJ(k) && !AS_OBJ(k)->marked) remove_at(d, i);
  }
}

ObjString *dict_find_str(ObjDict *d, const char *s, size_t n, int64_t hash) {
  if (d->mask == 0) {
    for (uint32_t i = 0; i < d->nentries; i++) {
      Value k = d->entries[i].key;
      if (IS_UNDEF(k) || d->entries[i].hash != hash) continue;
      ObjString *ks = AS_STR(k);
      if (ks->len == n && memcmp(ks->chars, s, n) == 0) return ks;
    }
    return NULL;
  }
  uint64_t perturb = (uint64_t)hash;
  uint64_t i = (uint64_t)hash & d->mask;
  for (;;) {
    int32_t ix = d->index[i];
    if (ix == IX_EMPTY) return NULL;
    if (ix >= 0 && d->entries[ix].hash == hash) {
      ObjString *ks = AS_STR(d->entries[ix].key);
      if (ks->len == n && memcmp(ks->chars, s, n) == 0) return ks;
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & d->mask;
  }
}

/* ------------------------------------------------------------------ set
 * The probe sequence, growth rule and resize order follow CPython 3.11's
 * setobject.c, because the order a set prints in is observable. */

#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define SLOT_UNUSED(e) (IS_UNDEF((e)->key) && (e)->hash == 0)
#define SLOT_DUMMY(e) (IS_UNDEF((e)->key) && (e)->hash == -1)

ObjSet *set_new(bool frozen) {
  ObjSet *s = (ObjSet *)gc_alloc_obj(sizeof(ObjSet), OBJ_SET);
  if (frozen) s->obj.flags |= SET_FROZEN;
  return s;
}

static void set_alloc_table(ObjSet *s, uint32_t size) {
  s->table = gc_xrealloc(NULL, 0, size * sizeof(SetEntry));
  memset(s->table, 0, size * sizeof(SetEntry));
  s->mask = size - 1;
}

static void insert_clean(SetEntry *table, uint32_t mask, Value key, int64_t hash) {
  uint64_t perturb = (uint64_t)hash;
  uint64_t i = (uint64_t)hash & mask;
  for (;;) {
    SetEntry *e = &table[i];
    if (SLOT_UNUSED(e)) goto found;
    if (i + LINEAR_PROBES <= mask) {
      for (int j = 0; j < LINEAR_PROBES; j++) {
        e++;
        if (SLOT_UNUSED(e)) goto found;
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & mask;
    continue;
  found:
    e->key = key;
    e->hash = hash;
    return;
  }
}

static void set_resize(ObjSet *s, uint32_t minused) {
  uint32_t size = SET_MINSIZE;
  while (size <= minused) size <<= 1;
  SetEntry *old = s->table;
  uint32_t oldsize = s->table ? s->mask + 1 : 0;
  set_alloc_table(s, size);
  for (uint32_t i = 0; i < oldsize; i++) {
    if (!IS_UNDEF(old[i].key)) insert_clean(s->table, s->mask, old[i].key, old[i].hash);
  }
  s->fill = s->used;
  gc_realloc(old, oldsize * sizeof(SetEntry), 0);
}

/* Find key: its slot, or NULL with *free_slot set to where it would go
 * (the last dummy seen, else the unused slot ending the probe). */
static SetEntry *set_lookup(ObjSet *s, Value key, int64_t hash, SetEntry **free_slot, bool *err) {
  uint64_t perturb = (uint64_t)hash;
  uint64_t i = (uint64_t)hash & s->mask;
  SetEntry *dummy = NULL;
  *err = false;
  for (;;) {
    SetEntry *e = &s->table[i];
    int probes = (i + LINEAR_PROBES <= s->mask) ? LINEAR_PROBES : 0;
    do {
      if (SLOT_UNUSED(e)) {
        *free_slot = dummy ? dummy : e;
        return NULL;
      }
      if (!IS_UNDEF(e->key) && e->hash == hash) {
        Value ek = e->key;
        SetEntry *table = s->table;
        uint64_t mask = s->mask;
        int eq = keys_equal(ek, e->hash, key, hash);
        if (eq < 0) {
          *err = true;
          return NULL;
        }
        /* A user __eq__ changed the set under us: start again. */
        if (s->table != table || s->mask != mask || !value_is(e->key, ek)) {
          if (!s->table) { /* cleared: probe a fresh empty table */
            gc_push_root(key);
            set_alloc_table(s, SET_MINSIZE);
            gc_pop_roots(1);
          }
          return set_lookup(s, key, hash, free_slot, err);
        }
        if (eq) return e;
      } else if (SLOT_DUMMY(e)) {
        dummy = e; /* CPython reuses the last dummy on the probe path */
      }
      e++;
    } while (probes--);
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & s->mask;
  }
}

int set_add(ObjSet *s, Value key) {
  int64_t h;
  if (!key_hash(key, &h)) return -1;
  if (!s->table) set_alloc_table(s, SET_MINSIZE);
  SetEntry *slot;
  bool err;
  if (set_lookup(s, key, h, &slot, &err)) return 0;
  if (err) return -1;
  bool was_unused = SLOT_UNUSED(slot);
  slot->key = key;
  slot->hash = h;
  s->used++;
  s->version++;
  if (was_unused) {
    s->fill++;
    if ((uint64_t)s->fill * 5 >= (uint64_t)s->mask * 3) {
      gc_push_root(key);
      set_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
      gc_pop_roots(1);
    }
  }
  return 1;
}

int set_contains(ObjSet *s, Value key) {
  int64_t h;
  if (!key_hash(key, &h)) return -1;
  if (!s->table) return 0;
  SetEntry *slot;
  bool err;
  SetEntry *e = set_lookup(s, key, h, &slot, &err);
  return err ? -1 : e != NULL;
}

int set_discard(ObjSet *s, Value key) {
  int64_t h;
  if (!key_hash(key, &h)) return -1;
  if (!s->table) return 0;
  SetEntry *slot;
  bool err;
  SetEntry *e = set_lookup(s, key, h, &slot, &err);
  if (err) return -1;
  if (!e) return 0;
  e->key = UNDEF_VAL;
  e->hash = -1;
  s->used--;
  s->version++;
  return 1;
}

void set_clear(ObjSet *s) {
  set_free_storage(s);
  s->table = NULL;
  s->used = s->fill = s->mask = 0;
  s->version++;
}

bool set_next(ObjSet *s, uint32_t *pos, Value *key) {
  if (!s->table) return false;
  while (*pos <= s->mask) {
    SetEntry *e = &s->table[(*pos)++];
    if (!IS_UNDEF(e->key)) {
      *key = e->key;
      return true;
    }
  }
  return false;
}

ObjSet *set_copy(ObjSet *src, bool frozen) {
  ObjSet *s = set_new(frozen);
  if (!src->table || src->used == 0) return s;
  gc_push_root(OBJ_VAL(s));
  set_alloc_table(s, src->mask + 1);
  gc_pop_roots(1);
  if (src->fill == src->used) {
    memcpy(s->table, src->table, (src->mask + 1) * sizeof(SetEntry));
  } else {
    for (uint32_t i = 0; i <= src->mask; i++) {
      if (!IS_UNDEF(src->table[i].key))
        insert_clean(s->table, s->mask, src->table[i].key, src->table[i].hash);
    }
  }
  s->used = s->fill = src->used;
  return s;
}

void set_mark(ObjSet *s) {
  if (!s->table) return;
  for (uint32_t i = 0; i <= s->mask; i++) gc_mark_value(s->table[i].key);
}

void set_free_storage(ObjSet *s) {
  if (s->table) gc_realloc(s->table, (s->mask + 1) * sizeof(SetEntry), 0);
}
