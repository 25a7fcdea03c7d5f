/* format.h - numbers <-> text exactly as CPython 3.11 does it.
 *
 * Invariants of this module:
 * - Pure C11 + libc + libm; no dependency on the rest of asy, no global state
 *   (apart from relying on the C locale's LC_NUMERIC, which asy never changes).
 * - All text is UTF-8. Widths, precisions of strings and fill characters count
 *   code points, never bytes. Lone surrogates encoded as 3-byte sequences are
 *   accepted as code points (Python strings can hold them).
 * - Growable output goes into an FmtBuf: after the first append, data is
 *   NUL-terminated (data[len] == '\0'). Allocation failure aborts the process.
 * - Functions that can fail return an FmtStatus naming the Python exception
 *   class, append the exception message (without "ValueError: ") to `err`
 *   when `err` is not NULL, and leave `out` unspecified on failure.
 * - Bounded results go into caller arrays of the documented FMT_*_SIZE.
 */
#ifndef ASY_FORMAT_H
#define ASY_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- growable byte buffer ---- */

typedef struct {
  char *data; /* NULL until the first append, then always NUL-terminated */
  size_t len;
  size_t cap;
  bool borrowed; /* data is the caller's (FMT_BUF_ON): never freed or realloc'd */
} FmtBuf;

#define FMT_BUF_INIT                                                                               \
  { NULL, 0, 0, false }
/* A buffer that starts in the caller's array (a stack one: most formatted
 * values are short) and moves to the heap only if it outgrows it. */
#define FMT_BUF_ON(array)                                                                          \
  { (array), 0, sizeof(array), true }

/* Sets the buffer to empty without allocating. */
void fmt_buf_init(FmtBuf *b);
/* Releases the storage and leaves the buffer empty and reusable. */
void fmt_buf_free(FmtBuf *b);
/* Empties the buffer but keeps its storage. */
void fmt_buf_clear(FmtBuf *b);
/* Ensures room for `extra` more bytes plus the terminating NUL. */
void fmt_buf_reserve(FmtBuf *b, size_t extra);
/* Appends n bytes (which may contain NULs). */
void fmt_buf_append(FmtBuf *b, const char *s, size_t n);
/* Appends a NUL-terminated string. */
void fmt_buf_puts(FmtBuf *b, const char *s);
/* Appends one byte. */
void fmt_buf_putc(FmtBuf *b, char c);
/* Appends the UTF-8 encoding of code point cp (surrogates included). */
void fmt_buf_put_cp(FmtBuf *b, uint32_t cp);
/* Appends printf-formatted text. */
void fmt_buf_printf(FmtBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Returns the contents as a C string ("" when nothing was appended yet). */
const char *fmt_buf_cstr(const FmtBuf *b);

/* ---- status ---- */

typedef enum {
  FMT_OK = 0,
  FMT_VALUE_ERROR,    /* Python ValueError */
  FMT_OVERFLOW_ERROR, /* Python OverflowError (includes asy's 64-bit int limit) */
  FMT_TYPE_ERROR,     /* Python TypeError */
  FMT_MEMORY_ERROR    /* width/precision above FMT_SIZE_LIMIT */
} FmtStatus;

/* The OverflowError message for results outside int64 (asy's documented
 * difference from Python); other parts of asy should reuse it. */
#define FMT_INT64_OVERFLOW_MSG "int too large to fit in 64 bits (asy ints are 64-bit)"

/* Widths and precisions above this are refused with FMT_MEMORY_ERROR instead
 * of attempting a huge allocation (CPython would try, and usually fail). */
#define FMT_SIZE_LIMIT ((int64_t)1 << 28)

/* ---- Unicode helpers ---- */

/* Decodes one code point at s[*pos] (requires *pos < n), advancing *pos; an
 * invalid byte decodes as itself (0x80..0xFF) and advances by one. */
uint32_t fmt_utf8_next(const char *s, size_t n, size_t *pos);
/* Counts code points of UTF-8 text (as Python's len()). */
size_t fmt_utf8_len(const char *s, size_t n);
/* Python's str.isprintable() for one code point (exact for Unicode 14.0). */
bool fmt_unicode_isprintable(uint32_t cp);
/* Python's str.isspace() for one code point. */
bool fmt_unicode_isspace(uint32_t cp);
/* Decimal value of a Unicode Nd digit (as unicodedata.decimal), or -1. */
int fmt_unicode_decimal(uint32_t cp);

/* Appends Python's repr() of a str: quotes chosen as CPython, escapes
 * \\ \n \r \t, \xNN / \uNNNN / \UNNNNNNNN for non-printables; invalid UTF-8
 * bytes appear as \xNN. */
void fmt_str_repr(FmtBuf *out, const char *s, size_t n);

/* ---- float repr ---- */

#define FMT_FLOAT_REPR_SIZE 32

/* Writes Python's repr(x) == str(x) (shortest round-trip) and returns its length. */
size_t fmt_float_repr(double x, char out[FMT_FLOAT_REPR_SIZE]);

/* ---- format-spec mini-language ----
 * [[fill]align][sign][z][#][0][width][grouping][.precision][type] */

typedef struct {
  uint32_t fill;     /* fill code point, ' ' when not given */
  char align;        /* '<' '>' '^' '=' or 0 when not given */
  char sign;         /* '+' '-' ' ' or 0 when not given */
  bool no_neg_zero;  /* 'z' */
  bool alternate;    /* '#' */
  bool zero;         /* '0' before the width: fill '0' (and '=' for numbers without align) */
  int64_t width;     /* -1 when not given */
  char grouping;     /* ',' '_' or 0 */
  int64_t precision; /* -1 when not given */
  uint32_t type;     /* presentation type code point, 0 when not given */
} FmtSpec;

/* FmtSpec.type for a literal NUL type character, which CPython's float
 * accepts as "no type" while int and str reject it. */
#define FMT_TYPE_NUL 0x110000u

/* Parses a spec as CPython does; type_name ("int", "float", "str", ...) only
 * appears in the "Invalid format specifier" message. */
FmtStatus fmt_spec_parse(const char *spec, size_t n, const char *type_name, FmtSpec *out,
                         FmtBuf *err);
/* Appends int.__format__(v, spec) (types b c d o x X n e E f F g G % and none);
 * type_name is "int" or "bool" for messages; for a bool with an empty spec the
 * caller must print True/False itself. */
FmtStatus fmt_apply_int(FmtBuf *out, int64_t v, const FmtSpec *spec, const char *type_name,
                        FmtBuf *err);
/* Appends float.__format__(x, spec) (types e E f F g G n % and none). */
FmtStatus fmt_apply_float(FmtBuf *out, double x, const FmtSpec *spec, FmtBuf *err);
/* Appends str.__format__(s, spec) (type s or none). */
FmtStatus fmt_apply_str(FmtBuf *out, const char *s, size_t n, const FmtSpec *spec, FmtBuf *err);

/* fmt_spec_parse + fmt_apply_int in one call. */
FmtStatus fmt_format_int(FmtBuf *out, int64_t v, const char *spec, size_t n, const char *type_name,
                         FmtBuf *err);
/* fmt_spec_parse + fmt_apply_float in one call. */
FmtStatus fmt_format_float(FmtBuf *out, double x, const char *spec, size_t n, FmtBuf *err);
/* fmt_spec_parse + fmt_apply_str in one call. */
FmtStatus fmt_format_str(FmtBuf *out, const char *s, size_t len, const char *spec, size_t n,
                         FmtBuf *err);

/* ---- text -> numbers ---- */

/* int(s, base): FMT_VALUE_ERROR for bad base or literal (CPython's message),
 * FMT_OVERFLOW_ERROR when the valid literal does not fit in int64. */
FmtStatus fmt_parse_int(const char *s, size_t n, int base, int64_t *out, FmtBuf *err);
/* float(s): FMT_VALUE_ERROR with CPython's message; overflow gives +-inf. */
FmtStatus fmt_parse_float(const char *s, size_t n, double *out, FmtBuf *err);

/* ---- integers -> text ---- */

#define FMT_INT_BASE_SIZE 72 /* "-0b" + 64 digits + NUL, with room to spare */

/* Writes v in base 2, 8, 10 or 16 (lowercase; "0b"/"0o"/"0x" after the sign
 * when prefix is set, as bin/oct/hex do) and returns the length. */
size_t fmt_int_to_base(int64_t v, int base, bool prefix, char out[FMT_INT_BASE_SIZE]);

/* ---- rounding ---- */

/* round(x, ndigits) for a float: half-even on the exact binary value;
 * FMT_OVERFLOW_ERROR "rounded value too large to represent". */
FmtStatus fmt_round_double(double x, int64_t ndigits, double *out, FmtBuf *err);
/* round(x) for a float, giving an int (half-even); inf -> OverflowError,
 * nan -> ValueError, outside int64 -> OverflowError. */
FmtStatus fmt_round_to_int(double x, int64_t *out, FmtBuf *err);
/* round(v, ndigits) for an int (half-even); FMT_OVERFLOW_ERROR if the result
 * leaves int64. */
FmtStatus fmt_round_int(int64_t v, int64_t ndigits, int64_t *out, FmtBuf *err);

/* ---- printf-style (str % args) for one conversion ---- */

#define FMT_PRINTF_STAR (-2) /* width/precision given as '*' */

/* One %-conversion. Before formatting, the caller replaces FMT_PRINTF_STAR
 * by the argument's value (a negative '*' width means left + its magnitude,
 * a negative '*' precision means 0, as in CPython). */

typedef struct {
  bool has_key;                      /* "%(key)..." */
  size_t key_start, key_len;         /* the key's bytes in the format string */
  bool left, plus, space, alt, zero; /* flags - + ' ' # 0 */
  int64_t width;                     /* -1 none, FMT_PRINTF_STAR for '*' */
  int64_t precision;                 /* -1 none, FMT_PRINTF_STAR for '*' */
  char conv;                         /* one of d i u o x X e E f F g G c s r a % */
} FmtPrintfSpec;

/* Parses one conversion; *pos indexes the byte after '%' and is advanced past
 * the conversion character; messages as CPython ("incomplete format", ...). */
FmtStatus fmt_printf_parse(const char *fmt, size_t n, size_t *pos, FmtPrintfSpec *spec,
                           FmtBuf *err);
/* Appends an int under d i u o x X c (and e E f F g G via float). */
FmtStatus fmt_printf_int(FmtBuf *out, int64_t v, const FmtPrintfSpec *spec, FmtBuf *err);
/* Appends a float under e E f F g G, or d i u as int(x) (exact, any size);
 * o x X c give CPython's TypeError. */
FmtStatus fmt_printf_float(FmtBuf *out, double x, const FmtPrintfSpec *spec, FmtBuf *err);
/* Appends already-converted text (%s %r %a) with width and precision applied
 * (widths above FMT_SIZE_LIMIT are clamped to it). */
void fmt_printf_str(FmtBuf *out, const char *s, size_t n, const FmtPrintfSpec *spec);

#endif /* ASY_FORMAT_H */
