/* source.c — registered source texts, looked up by file name. */
#include "source.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct Source {
  struct Source *next;
  char *name;
  char *text;
  size_t len;
} Source;

static Source *sources;
static char *main_given, *main_abs;

void source_set_main(const char *filename) {
  free(main_given);
  free(main_abs);
  main_given = main_abs = NULL;
  if (filename[0] == '<') return;
  main_given = strdup(filename);
  char cwd[4096];
  if (filename[0] == '/' || !getcwd(cwd, sizeof cwd)) {
    main_abs = strdup(filename);
    return;
  }
  size_t n = strlen(cwd) + strlen(filename) + 2;
  main_abs = malloc(n);
  if (main_abs) snprintf(main_abs, n, "%s/%s", cwd, filename);
}

const char *source_cpython_path(const char *filename) {
  if (main_given && main_abs && strcmp(filename, main_given) == 0) return main_abs;
  return filename;
}

static Source *find(const char *filename) {
  for (Source *s = sources; s; s = s->next) {
    if (strcmp(s->name, filename) == 0) return s;
  }
  return NULL;
}

void source_register(const char *filename, const char *text, size_t len) {
  Source *s = find(filename);
  if (!s) {
    s = calloc(1, sizeof *s);
    if (!s) return;
    s->name = strdup(filename);
    if (!s->name) {
      free(s);
      return;
    }
    s->next = sources;
    sources = s;
  }
  free(s->text);
  s->text = malloc(len + 1);
  if (!s->text) {
    s->len = 0;
    return;
  }
  memcpy(s->text, text, len);
  s->text[len] = '\0';
  s->len = len;
}

static Source *load(const char *filename) {
  if (filename[0] == '<') return NULL;
  FILE *f = fopen(filename, "rb");
  if (!f) return NULL;
  char *buf = NULL;
  size_t len = 0, cap = 0;
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
    if (len + n > cap) {
      cap = (len + n) * 2;
      char *nb = realloc(buf, cap);
      if (!nb) {
        free(buf);
        fclose(f);
        return NULL;
      }
      buf = nb;
    }
    memcpy(buf + len, chunk, n);
    len += n;
  }
  fclose(f);
  source_register(filename, buf ? buf : "", len);
  free(buf);
  return find(filename);
}

const char *source_line(const char *filename, int lineno, size_t *len) {
  Source *s = find(filename);
  if (!s) s = load(filename);
  if (!s || lineno < 1) return NULL;
  const char *p = s->text, *end = s->text + s->len;
  for (int i = 1; i < lineno; i++) {
    p = memchr(p, '\n', (size_t)(end - p));
    if (!p) return NULL;
    p++;
  }
  const char *nl = memchr(p, '\n', (size_t)(end - p));
  *len = (size_t)((nl ? nl : end) - p);
  return p;
}

/* Past the string literal opening at text[i] (a quote): the index after
 * its closing quote, or len when it runs on past the line. Triple quotes
 * close only on three; a backslash escapes the next character, raw
 * strings included (r"\"" does not end at the second quote either). */
static size_t skip_string(const char *text, size_t len, size_t i) {
  char q = text[i];
  bool triple = i + 2 < len && text[i + 1] == q && text[i + 2] == q;
  i += triple ? 3 : 1;
  while (i < len) {
    if (text[i] == '\\') {
      i += 2;
    } else if (text[i] != q) {
      i++;
    } else if (!triple) {
      return i + 1;
    } else if (i + 2 < len && text[i + 1] == q && text[i + 2] == q) {
      return i + 3;
    } else {
      i++;
    }
  }
  return len;
}

size_t source_code_len(const char *text, size_t len) {
  size_t i = 0;
  while (i < len && text[i] != '#')
    i = text[i] == '"' || text[i] == '\'' ? skip_string(text, len, i) : i + 1;
  if (i > len) i = len;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) i--;
  return i;
}

void source_free_all(void) {
  while (sources) {
    Source *s = sources;
    sources = s->next;
    free(s->name);
    free(s->text);
    free(s);
  }
  free(main_given);
  free(main_abs);
  main_given = main_abs = NULL;
}
