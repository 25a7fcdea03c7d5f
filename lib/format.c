/* format.c - numbers <-> text exactly as CPython 3.11; see format.h for the invariants.
 *
 * Float digits come from glibc's printf, which rounds exactly (half-even on the
 * binary value) like CPython's dtoa; the shortest repr is found by trying
 * increasing precisions with a strtod round-trip check. The layout of those
 * digits (exponent switch, ".0", alternate form) follows CPython's rules and
 * is done here, so that no libc-specific spelling leaks into the output.
 */
#include "format.h"

#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ===================================================================== */
/* FmtBuf                                                                */
/* ===================================================================== */

void fmt_buf_init(FmtBuf *b) {
  b->data = NULL;
  b->len = 0;
  b->cap = 0;
  b->borrowed = false;
}

void fmt_buf_free(FmtBuf *b) {
  if (!b->borrowed) free(b->data);
  fmt_buf_init(b);
}

void fmt_buf_clear(FmtBuf *b) {
  b->len = 0;
  if (b->data) b->data[0] = '\0';
}

void fmt_buf_reserve(FmtBuf *b, size_t extra) {
  if (extra > SIZE_MAX / 2 - b->len) {
    fputs("asy: out of memory\n", stderr);
    abort();
  }
  size_t need = b->len + extra + 1;
  if (need <= b->cap) return;
  size_t cap = b->cap ? b->cap : 32;
  while (cap < need) cap *= 2;
  char *p = b->borrowed ? malloc(cap) : realloc(b->data, cap);
  if (!p) {
    fputs("asy: out of memory\n", stderr);
    abort();
  }
  if (b->borrowed && b->len) memcpy(p, b->data, b->len + 1);
  b->data = p;
  b->cap = cap;
  b->borrowed = false;
}

void fmt_buf_append(FmtBuf *b, const char *s, size_t n) {
  fmt_buf_reserve(b, n);
  if (n) memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void fmt_buf_puts(FmtBuf *b, const char *s) {
  fmt_buf_append(b, s, strlen(s));
}

void fmt_buf_putc(FmtBuf *b, char c) {
  fmt_buf_append(b, &c, 1);
}

static size_t utf8_encode(uint32_t cp, char out[4]) {
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

void fmt_buf_put_cp(FmtBuf *b, uint32_t cp) {
  char enc[4];
  fmt_buf_append(b, enc, utf8_encode(cp, enc));
}

/* Appends `count` copies of code point cp. */
static void buf_fill(FmtBuf *b, uint32_t cp, size_t count) {
  char enc[4];
  size_t k = utf8_encode(cp, enc);
  fmt_buf_reserve(b, k * count);
  for (size_t i = 0; i < count; i++) {
    memcpy(b->data + b->len, enc, k);
    b->len += k;
  }
  b->data[b->len] = '\0';
}

void fmt_buf_printf(FmtBuf *b, const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n > 0) {
    fmt_buf_reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
    b->len += (size_t)n;
  } else {
    fmt_buf_reserve(b, 0);
    b->data[b->len] = '\0';
  }
  va_end(ap2);
}

const char *fmt_buf_cstr(const FmtBuf *b) {
  return b->data ? b->data : "";
}

/* Sets an error message (if the caller wants one) and returns the status. */
static FmtStatus fail(FmtBuf *err, FmtStatus st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static FmtStatus fail(FmtBuf *err, FmtStatus st, const char *fmt, ...) {
  if (err) {
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n < sizeof small) {
      fmt_buf_append(err, small, (size_t)n);
    } else if (n >= 0) {
      fmt_buf_reserve(err, (size_t)n);
      va_start(ap, fmt);
      vsnprintf(err->data + err->len, (size_t)n + 1, fmt, ap);
      va_end(ap);
      err->len += (size_t)n;
    }
  }
  return st;
}

/* ===================================================================== */
/* Unicode                                                               */
/* ===================================================================== */

/* Decodes one code point; *valid is false for a byte that starts no valid
 * sequence (it is then returned as its own value). Surrogates are accepted
 * because Python strings can contain them. */
static uint32_t utf8_decode(const char *s, size_t n, size_t *pos, bool *valid) {
  const unsigned char *p = (const unsigned char *)s + *pos;
  size_t left = n - *pos;
  uint32_t c = p[0];
  size_t len;
  uint32_t min;
  *valid = true;
  if (c < 0x80) {
    *pos += 1;
    return c;
  }
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2, c &= 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3, c &= 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4, c &= 0x07, min = 0x10000;
  } else {
    len = 0, min = 0;
  }
  if (len == 0 || left < len) goto bad;
  for (size_t i = 1; i < len; i++) {
    if ((p[i] & 0xC0) != 0x80) goto bad;
    c = (c << 6) | (p[i] & 0x3F);
  }
  if (c < min || c > 0x10FFFF) goto bad;
  *pos += len;
  return c;
bad:
  *valid = false;
  *pos += 1;
  return p[0];
}

uint32_t fmt_utf8_next(const char *s, size_t n, size_t *pos) {
  bool valid;
  return utf8_decode(s, n, pos, &valid);
}

size_t fmt_utf8_len(const char *s, size_t n) {
  size_t count = 0;
  for (size_t pos = 0; pos < n; count++) fmt_utf8_next(s, n, &pos);
  return count;
}

/* Byte offset just after the first `count` code points (or n). */
static size_t utf8_prefix_bytes(const char *s, size_t n, size_t count) {
  size_t pos = 0;
  for (size_t i = 0; i < count && pos < n; i++) fmt_utf8_next(s, n, &pos);
  return pos;
}

/* GENERATED by tests/unit/gen_format_cases.py --tables: begin */
/* clang-format off */
/* Unicode 14.0.0: code points where str.isprintable() is False. */
static const uint32_t nonprintable_ranges[][2] = {
  {0x0, 0x1F}, {0x7F, 0xA0}, {0xAD, 0xAD}, {0x378, 0x379}, {0x380, 0x383}, {0x38B, 0x38B},
  {0x38D, 0x38D}, {0x3A2, 0x3A2}, {0x530, 0x530}, {0x557, 0x558}, {0x58B, 0x58C}, {0x590, 0x590},
  {0x5C8, 0x5CF}, {0x5EB, 0x5EE}, {0x5F5, 0x605}, {0x61C, 0x61C}, {0x6DD, 0x6DD}, {0x70E, 0x70F},
  {0x74B, 0x74C}, {0x7B2, 0x7BF}, {0x7FB, 0x7FC}, {0x82E, 0x82F}, {0x83F, 0x83F}, {0x85C, 0x85D},
  {0x85F, 0x85F}, {0x86B, 0x86F}, {0x88F, 0x897}, {0x8E2, 0x8E2}, {0x984, 0x984}, {0x98D, 0x98E},
  {0x991, 0x992}, {0x9A9, 0x9A9}, {0x9B1, 0x9B1}, {0x9B3, 0x9B5}, {0x9BA, 0x9BB}, {0x9C5, 0x9C6},
  {0x9C9, 0x9CA}, {0x9CF, 0x9D6}, {0x9D8, 0x9DB}, {0x9DE, 0x9DE}, {0x9E4, 0x9E5}, {0x9FF, 0xA00},
  {0xA04, 0xA04}, {0xA0B, 0xA0E}, {0xA11, 0xA12}, {0xA29, 0xA29}, {0xA31, 0xA31}, {0xA34, 0xA34},
  {0xA37, 0xA37}, {0xA3A, 0xA3B}, {0xA3D, 0xA3D}, {0xA43, 0xA46}, {0xA49, 0xA4A}, {0xA4E, 0xA50},
  {0xA52, 0xA58}, {0xA5D, 0xA5D}, {0xA5F, 0xA65}, {0xA77, 0xA80}, {0xA84, 0xA84}, {0xA8E, 0xA8E},
  {0xA92, 0xA92}, {0xAA9, 0xAA9}, {0xAB1, 0xAB1}, {0xAB4, 0xAB4}, {0xABA, 0xABB}, {0xAC6, 0xAC6},
  {0xACA, 0xACA}, {0xACE, 0xACF}, {0xAD1, 0xADF}, {0xAE4, 0xAE5}, {0xAF2, 0xAF8}, {0xB00, 0xB00},
  {0xB04, 0xB04}, {0xB0D, 0xB0E}, {0xB11, 0xB12}, {0xB29, 0xB29}, {0xB31, 0xB31}, {0xB34, 0xB34},
  {0xB3A, 0xB3B}, {0xB45, 0xB46}, {0xB49, 0xB4A}, {0xB4E, 0xB54}, {0xB58, 0xB5B}, {0xB5E, 0xB5E},
  {0xB64, 0xB65}, {0xB78, 0xB81}, {0xB84, 0xB84}, {0xB8B, 0xB8D}, {0xB91, 0xB91}, {0xB96, 0xB98},
  {0xB9B, 0xB9B}, {0xB9D, 0xB9D}, {0xBA0, 0xBA2}, {0xBA5, 0xBA7}, {0xBAB, 0xBAD}, {0xBBA, 0xBBD},
  {0xBC3, 0xBC5}, {0xBC9, 0xBC9}, {0xBCE, 0xBCF}, {0xBD1, 0xBD6}, {0xBD8, 0xBE5}, {0xBFB, 0xBFF},
  {0xC0D, 0xC0D}, {0xC11, 0xC11}, {0xC29, 0xC29}, {0xC3A, 0xC3B}, {0xC45, 0xC45}, {0xC49, 0xC49},
  {0xC4E, 0xC54}, {0xC57, 0xC57}, {0xC5B, 0xC5C}, {0xC5E, 0xC5F}, {0xC64, 0xC65}, {0xC70, 0xC76},
  {0xC8D, 0xC8D}, {0xC91, 0xC91}, {0xCA9, 0xCA9}, {0xCB4, 0xCB4}, {0xCBA, 0xCBB}, {0xCC5, 0xCC5},
  {0xCC9, 0xCC9}, {0xCCE, 0xCD4}, {0xCD7, 0xCDC}, {0xCDF, 0xCDF}, {0xCE4, 0xCE5}, {0xCF0, 0xCF0},
  {0xCF3, 0xCFF}, {0xD0D, 0xD0D}, {0xD11, 0xD11}, {0xD45, 0xD45}, {0xD49, 0xD49}, {0xD50, 0xD53},
  {0xD64, 0xD65}, {0xD80, 0xD80}, {0xD84, 0xD84}, {0xD97, 0xD99}, {0xDB2, 0xDB2}, {0xDBC, 0xDBC},
  {0xDBE, 0xDBF}, {0xDC7, 0xDC9}, {0xDCB, 0xDCE}, {0xDD5, 0xDD5}, {0xDD7, 0xDD7}, {0xDE0, 0xDE5},
  {0xDF0, 0xDF1}, {0xDF5, 0xE00}, {0xE3B, 0xE3E}, {0xE5C, 0xE80}, {0xE83, 0xE83}, {0xE85, 0xE85},
  {0xE8B, 0xE8B}, {0xEA4, 0xEA4}, {0xEA6, 0xEA6}, {0xEBE, 0xEBF}, {0xEC5, 0xEC5}, {0xEC7, 0xEC7},
  {0xECE, 0xECF}, {0xEDA, 0xEDB}, {0xEE0, 0xEFF}, {0xF48, 0xF48}, {0xF6D, 0xF70}, {0xF98, 0xF98},
  {0xFBD, 0xFBD}, {0xFCD, 0xFCD}, {0xFDB, 0xFFF}, {0x10C6, 0x10C6}, {0x10C8, 0x10CC},
  {0x10CE, 0x10CF}, {0x1249, 0x1249}, {0x124E, 0x124F}, {0x1257, 0x1257}, {0x1259, 0x1259},
  {0x125E, 0x125F}, {0x1289, 0x1289}, {0x128E, 0x128F}, {0x12B1, 0x12B1}, {0x12B6, 0x12B7},
  {0x12BF, 0x12BF}, {0x12C1, 0x12C1}, {0x12C6, 0x12C7}, {0x12D7, 0x12D7}, {0x1311, 0x1311},
  {0x1316, 0x1317}, {0x135B, 0x135C}, {0x137D, 0x137F}, {0x139A, 0x139F}, {0x13F6, 0x13F7},
  {0x13FE, 0x13FF}, {0x1680, 0x1680}, {0x169D, 0x169F}, {0x16F9, 0x16FF}, {0x1716, 0x171E},
  {0x1737, 0x173F}, {0x1754, 0x175F}, {0x176D, 0x176D}, {0x1771, 0x1771}, {0x1774, 0x177F},
  {0x17DE, 0x17DF}, {0x17EA, 0x17EF}, {0x17FA, 0x17FF}, {0x180E, 0x180E}, {0x181A, 0x181F},
  {0x1879, 0x187F}, {0x18AB, 0x18AF}, {0x18F6, 0x18FF}, {0x191F, 0x191F}, {0x192C, 0x192F},
  {0x193C, 0x193F}, {0x1941, 0x1943}, {0x196E, 0x196F}, {0x1975, 0x197F}, {0x19AC, 0x19AF},
  {0x19CA, 0x19CF}, {0x19DB, 0x19DD}, {0x1A1C, 0x1A1D}, {0x1A5F, 0x1A5F}, {0x1A7D, 0x1A7E},
  {0x1A8A, 0x1A8F}, {0x1A9A, 0x1A9F}, {0x1AAE, 0x1AAF}, {0x1ACF, 0x1AFF}, {0x1B4D, 0x1B4F},
  {0x1B7F, 0x1B7F}, {0x1BF4, 0x1BFB}, {0x1C38, 0x1C3A}, {0x1C4A, 0x1C4C}, {0x1C89, 0x1C8F},
  {0x1CBB, 0x1CBC}, {0x1CC8, 0x1CCF}, {0x1CFB, 0x1CFF}, {0x1F16, 0x1F17}, {0x1F1E, 0x1F1F},
  {0x1F46, 0x1F47}, {0x1F4E, 0x1F4F}, {0x1F58, 0x1F58}, {0x1F5A, 0x1F5A}, {0x1F5C, 0x1F5C},
  {0x1F5E, 0x1F5E}, {0x1F7E, 0x1F7F}, {0x1FB5, 0x1FB5}, {0x1FC5, 0x1FC5}, {0x1FD4, 0x1FD5},
  {0x1FDC, 0x1FDC}, {0x1FF0, 0x1FF1}, {0x1FF5, 0x1FF5}, {0x1FFF, 0x200F}, {0x2028, 0x202F},
  {0x205F, 0x206F}, {0x2072, 0x2073}, {0x208F, 0x208F}, {0x209D, 0x209F}, {0x20C1, 0x20CF},
  {0x20F1, 0x20FF}, {0x218C, 0x218F}, {0x2427, 0x243F}, {0x244B, 0x245F}, {0x2B74, 0x2B75},
  {0x2B96, 0x2B96}, {0x2CF4, 0x2CF8}, {0x2D26, 0x2D26}, {0x2D28, 0x2D2C}, {0x2D2E, 0x2D2F},
  {0x2D68, 0x2D6E}, {0x2D71, 0x2D7E}, {0x2D97, 0x2D9F}, {0x2DA7, 0x2DA7}, {0x2DAF, 0x2DAF},
  {0x2DB7, 0x2DB7}, {0x2DBF, 0x2DBF}, {0x2DC7, 0x2DC7}, {0x2DCF, 0x2DCF}, {0x2DD7, 0x2DD7},
  {0x2DDF, 0x2DDF}, {0x2E5E, 0x2E7F}, {0x2E9A, 0x2E9A}, {0x2EF4, 0x2EFF}, {0x2FD6, 0x2FEF},
  {0x2FFC, 0x3000}, {0x3040, 0x3040}, {0x3097, 0x3098}, {0x3100, 0x3104}, {0x3130, 0x3130},
  {0x318F, 0x318F}, {0x31E4, 0x31EF}, {0x321F, 0x321F}, {0xA48D, 0xA48F}, {0xA4C7, 0xA4CF},
  {0xA62C, 0xA63F}, {0xA6F8, 0xA6FF}, {0xA7CB, 0xA7CF}, {0xA7D2, 0xA7D2}, {0xA7D4, 0xA7D4},
  {0xA7DA, 0xA7F1}, {0xA82D, 0xA82F}, {0xA83A, 0xA83F}, {0xA878, 0xA87F}, {0xA8C6, 0xA8CD},
  {0xA8DA, 0xA8DF}, {0xA954, 0xA95E}, {0xA97D, 0xA97F}, {0xA9CE, 0xA9CE}, {0xA9DA, 0xA9DD},
  {0xA9FF, 0xA9FF}, {0xAA37, 0xAA3F}, {0xAA4E, 0xAA4F}, {0xAA5A, 0xAA5B}, {0xAAC3, 0xAADA},
  {0xAAF7, 0xAB00}, {0xAB07, 0xAB08}, {0xAB0F, 0xAB10}, {0xAB17, 0xAB1F}, {0xAB27, 0xAB27},
  {0xAB2F, 0xAB2F}, {0xAB6C, 0xAB6F}, {0xABEE, 0xABEF}, {0xABFA, 0xABFF}, {0xD7A4, 0xD7AF},
  {0xD7C7, 0xD7CA}, {0xD7FC, 0xF8FF}, {0xFA6E, 0xFA6F}, {0xFADA, 0xFAFF}, {0xFB07, 0xFB12},
  {0xFB18, 0xFB1C}, {0xFB37, 0xFB37}, {0xFB3D, 0xFB3D}, {0xFB3F, 0xFB3F}, {0xFB42, 0xFB42},
  {0xFB45, 0xFB45}, {0xFBC3, 0xFBD2}, {0xFD90, 0xFD91}, {0xFDC8, 0xFDCE}, {0xFDD0, 0xFDEF},
  {0xFE1A, 0xFE1F}, {0xFE53, 0xFE53}, {0xFE67, 0xFE67}, {0xFE6C, 0xFE6F}, {0xFE75, 0xFE75},
  {0xFEFD, 0xFF00}, {0xFFBF, 0xFFC1}, {0xFFC8, 0xFFC9}, {0xFFD0, 0xFFD1}, {0xFFD8, 0xFFD9},
  {0xFFDD, 0xFFDF}, {0xFFE7, 0xFFE7}, {0xFFEF, 0xFFFB}, {0xFFFE, 0xFFFF}, {0x1000C, 0x1000C},
  {0x10027, 0x10027}, {0x1003B, 0x1003B}, {0x1003E, 0x1003E}, {0x1004E, 0x1004F},
  {0x1005E, 0x1007F}, {0x100FB, 0x100FF}, {0x10103, 0x10106}, {0x10134, 0x10136},
  {0x1018F, 0x1018F}, {0x1019D, 0x1019F}, {0x101A1, 0x101CF}, {0x101FE, 0x1027F},
  {0x1029D, 0x1029F}, {0x102D1, 0x102DF}, {0x102FC, 0x102FF}, {0x10324, 0x1032C},
  {0x1034B, 0x1034F}, {0x1037B, 0x1037F}, {0x1039E, 0x1039E}, {0x103C4, 0x103C7},
  {0x103D6, 0x103FF}, {0x1049E, 0x1049F}, {0x104AA, 0x104AF}, {0x104D4, 0x104D7},
  {0x104FC, 0x104FF}, {0x10528, 0x1052F}, {0x10564, 0x1056E}, {0x1057B, 0x1057B},
  {0x1058B, 0x1058B}, {0x10593, 0x10593}, {0x10596, 0x10596}, {0x105A2, 0x105A2},
  {0x105B2, 0x105B2}, {0x105BA, 0x105BA}, {0x105BD, 0x105FF}, {0x10737, 0x1073F},
  {0x10756, 0x1075F}, {0x10768, 0x1077F}, {0x10786, 0x10786}, {0x107B1, 0x107B1},
  {0x107BB, 0x107FF}, {0x10806, 0x10807}, {0x10809, 0x10809}, {0x10836, 0x10836},
  {0x10839, 0x1083B}, {0x1083D, 0x1083E}, {0x10856, 0x10856}, {0x1089F, 0x108A6},
  {0x108B0, 0x108DF}, {0x108F3, 0x108F3}, {0x108F6, 0x108FA}, {0x1091C, 0x1091E},
  {0x1093A, 0x1093E}, {0x10940, 0x1097F}, {0x109B8, 0x109BB}, {0x109D0, 0x109D1},
  {0x10A04, 0x10A04}, {0x10A07, 0x10A0B}, {0x10A14, 0x10A14}, {0x10A18, 0x10A18},
  {0x10A36, 0x10A37}, {0x10A3B, 0x10A3E}, {0x10A49, 0x10A4F}, {0x10A59, 0x10A5F},
  {0x10AA0, 0x10ABF}, {0x10AE7, 0x10AEA}, {0x10AF7, 0x10AFF}, {0x10B36, 0x10B38},
  {0x10B56, 0x10B57}, {0x10B73, 0x10B77}, {0x10B92, 0x10B98}, {0x10B9D, 0x10BA8},
  {0x10BB0, 0x10BFF}, {0x10C49, 0x10C7F}, {0x10CB3, 0x10CBF}, {0x10CF3, 0x10CF9},
  {0x10D28, 0x10D2F}, {0x10D3A, 0x10E5F}, {0x10E7F, 0x10E7F}, {0x10EAA, 0x10EAA},
  {0x10EAE, 0x10EAF}, {0x10EB2, 0x10EFF}, {0x10F28, 0x10F2F}, {0x10F5A, 0x10F6F},
  {0x10F8A, 0x10FAF}, {0x10FCC, 0x10FDF}, {0x10FF7, 0x10FFF}, {0x1104E, 0x11051},
  {0x11076, 0x1107E}, {0x110BD, 0x110BD}, {0x110C3, 0x110CF}, {0x110E9, 0x110EF},
  {0x110FA, 0x110FF}, {0x11135, 0x11135}, {0x11148, 0x1114F}, {0x11177, 0x1117F},
  {0x111E0, 0x111E0}, {0x111F5, 0x111FF}, {0x11212, 0x11212}, {0x1123F, 0x1127F},
  {0x11287, 0x11287}, {0x11289, 0x11289}, {0x1128E, 0x1128E}, {0x1129E, 0x1129E},
  {0x112AA, 0x112AF}, {0x112EB, 0x112EF}, {0x112FA, 0x112FF}, {0x11304, 0x11304},
  {0x1130D, 0x1130E}, {0x11311, 0x11312}, {0x11329, 0x11329}, {0x11331, 0x11331},
  {0x11334, 0x11334}, {0x1133A, 0x1133A}, {0x11345, 0x11346}, {0x11349, 0x1134A},
  {0x1134E, 0x1134F}, {0x11351, 0x11356}, {0x11358, 0x1135C}, {0x11364, 0x11365},
  {0x1136D, 0x1136F}, {0x11375, 0x113FF}, {0x1145C, 0x1145C}, {0x11462, 0x1147F},
  {0x114C8, 0x114CF}, {0x114DA, 0x1157F}, {0x115B6, 0x115B7}, {0x115DE, 0x115FF},
  {0x11645, 0x1164F}, {0x1165A, 0x1165F}, {0x1166D, 0x1167F}, {0x116BA, 0x116BF},
  {0x116CA, 0x116FF}, {0x1171B, 0x1171C}, {0x1172C, 0x1172F}, {0x11747, 0x117FF},
  {0x1183C, 0x1189F}, {0x118F3, 0x118FE}, {0x11907, 0x11908}, {0x1190A, 0x1190B},
  {0x11914, 0x11914}, {0x11917, 0x11917}, {0x11936, 0x11936}, {0x11939, 0x1193A},
  {0x11947, 0x1194F}, {0x1195A, 0x1199F}, {0x119A8, 0x119A9}, {0x119D8, 0x119D9},
  {0x119E5, 0x119FF}, {0x11A48, 0x11A4F}, {0x11AA3, 0x11AAF}, {0x11AF9, 0x11BFF},
  {0x11C09, 0x11C09}, {0x11C37, 0x11C37}, {0x11C46, 0x11C4F}, {0x11C6D, 0x11C6F},
  {0x11C90, 0x11C91}, {0x11CA8, 0x11CA8}, {0x11CB7, 0x11CFF}, {0x11D07, 0x11D07},
  {0x11D0A, 0x11D0A}, {0x11D37, 0x11D39}, {0x11D3B, 0x11D3B}, {0x11D3E, 0x11D3E},
  {0x11D48, 0x11D4F}, {0x11D5A, 0x11D5F}, {0x11D66, 0x11D66}, {0x11D69, 0x11D69},
  {0x11D8F, 0x11D8F}, {0x11D92, 0x11D92}, {0x11D99, 0x11D9F}, {0x11DAA, 0x11EDF},
  {0x11EF9, 0x11FAF}, {0x11FB1, 0x11FBF}, {0x11FF2, 0x11FFE}, {0x1239A, 0x123FF},
  {0x1246F, 0x1246F}, {0x12475, 0x1247F}, {0x12544, 0x12F8F}, {0x12FF3, 0x12FFF},
  {0x1342F, 0x143FF}, {0x14647, 0x167FF}, {0x16A39, 0x16A3F}, {0x16A5F, 0x16A5F},
  {0x16A6A, 0x16A6D}, {0x16ABF, 0x16ABF}, {0x16ACA, 0x16ACF}, {0x16AEE, 0x16AEF},
  {0x16AF6, 0x16AFF}, {0x16B46, 0x16B4F}, {0x16B5A, 0x16B5A}, {0x16B62, 0x16B62},
  {0x16B78, 0x16B7C}, {0x16B90, 0x16E3F}, {0x16E9B, 0x16EFF}, {0x16F4B, 0x16F4E},
  {0x16F88, 0x16F8E}, {0x16FA0, 0x16FDF}, {0x16FE5, 0x16FEF}, {0x16FF2, 0x16FFF},
  {0x187F8, 0x187FF}, {0x18CD6, 0x18CFF}, {0x18D09, 0x1AFEF}, {0x1AFF4, 0x1AFF4},
  {0x1AFFC, 0x1AFFC}, {0x1AFFF, 0x1AFFF}, {0x1B123, 0x1B14F}, {0x1B153, 0x1B163},
  {0x1B168, 0x1B16F}, {0x1B2FC, 0x1BBFF}, {0x1BC6B, 0x1BC6F}, {0x1BC7D, 0x1BC7F},
  {0x1BC89, 0x1BC8F}, {0x1BC9A, 0x1BC9B}, {0x1BCA0, 0x1CEFF}, {0x1CF2E, 0x1CF2F},
  {0x1CF47, 0x1CF4F}, {0x1CFC4, 0x1CFFF}, {0x1D0F6, 0x1D0FF}, {0x1D127, 0x1D128},
  {0x1D173, 0x1D17A}, {0x1D1EB, 0x1D1FF}, {0x1D246, 0x1D2DF}, {0x1D2F4, 0x1D2FF},
  {0x1D357, 0x1D35F}, {0x1D379, 0x1D3FF}, {0x1D455, 0x1D455}, {0x1D49D, 0x1D49D},
  {0x1D4A0, 0x1D4A1}, {0x1D4A3, 0x1D4A4}, {0x1D4A7, 0x1D4A8}, {0x1D4AD, 0x1D4AD},
  {0x1D4BA, 0x1D4BA}, {0x1D4BC, 0x1D4BC}, {0x1D4C4, 0x1D4C4}, {0x1D506, 0x1D506},
  {0x1D50B, 0x1D50C}, {0x1D515, 0x1D515}, {0x1D51D, 0x1D51D}, {0x1D53A, 0x1D53A},
  {0x1D53F, 0x1D53F}, {0x1D545, 0x1D545}, {0x1D547, 0x1D549}, {0x1D551, 0x1D551},
  {0x1D6A6, 0x1D6A7}, {0x1D7CC, 0x1D7CD}, {0x1DA8C, 0x1DA9A}, {0x1DAA0, 0x1DAA0},
  {0x1DAB0, 0x1DEFF}, {0x1DF1F, 0x1DFFF}, {0x1E007, 0x1E007}, {0x1E019, 0x1E01A},
  {0x1E022, 0x1E022}, {0x1E025, 0x1E025}, {0x1E02B, 0x1E0FF}, {0x1E12D, 0x1E12F},
  {0x1E13E, 0x1E13F}, {0x1E14A, 0x1E14D}, {0x1E150, 0x1E28F}, {0x1E2AF, 0x1E2BF},
  {0x1E2FA, 0x1E2FE}, {0x1E300, 0x1E7DF}, {0x1E7E7, 0x1E7E7}, {0x1E7EC, 0x1E7EC},
  {0x1E7EF, 0x1E7EF}, {0x1E7FF, 0x1E7FF}, {0x1E8C5, 0x1E8C6}, {0x1E8D7, 0x1E8FF},
  {0x1E94C, 0x1E94F}, {0x1E95A, 0x1E95D}, {0x1E960, 0x1EC70}, {0x1ECB5, 0x1ED00},
  {0x1ED3E, 0x1EDFF}, {0x1EE04, 0x1EE04}, {0x1EE20, 0x1EE20}, {0x1EE23, 0x1EE23},
  {0x1EE25, 0x1EE26}, {0x1EE28, 0x1EE28}, {0x1EE33, 0x1EE33}, {0x1EE38, 0x1EE38},
  {0x1EE3A, 0x1EE3A}, {0x1EE3C, 0x1EE41}, {0x1EE43, 0x1EE46}, {0x1EE48, 0x1EE48},
  {0x1EE4A, 0x1EE4A}, {0x1EE4C, 0x1EE4C}, {0x1EE50, 0x1EE50}, {0x1EE53, 0x1EE53},
  {0x1EE55, 0x1EE56}, {0x1EE58, 0x1EE58}, {0x1EE5A, 0x1EE5A}, {0x1EE5C, 0x1EE5C},
  {0x1EE5E, 0x1EE5E}, {0x1EE60, 0x1EE60}, {0x1EE63, 0x1EE63}, {0x1EE65, 0x1EE66},
  {0x1EE6B, 0x1EE6B}, {0x1EE73, 0x1EE73}, {0x1EE78, 0x1EE78}, {0x1EE7D, 0x1EE7D},
  {0x1EE7F, 0x1EE7F}, {0x1EE8A, 0x1EE8A}, {0x1EE9C, 0x1EEA0}, {0x1EEA4, 0x1EEA4},
  {0x1EEAA, 0x1EEAA}, {0x1EEBC, 0x1EEEF}, {0x1EEF2, 0x1EFFF}, {0x1F02C, 0x1F02F},
  {0x1F094, 0x1F09F}, {0x1F0AF, 0x1F0B0}, {0x1F0C0, 0x1F0C0}, {0x1F0D0, 0x1F0D0},
  {0x1F0F6, 0x1F0FF}, {0x1F1AE, 0x1F1E5}, {0x1F203, 0x1F20F}, {0x1F23C, 0x1F23F},
  {0x1F249, 0x1F24F}, {0x1F252, 0x1F25F}, {0x1F266, 0x1F2FF}, {0x1F6D8, 0x1F6DC},
  {0x1F6ED, 0x1F6EF}, {0x1F6FD, 0x1F6FF}, {0x1F774, 0x1F77F}, {0x1F7D9, 0x1F7DF},
  {0x1F7EC, 0x1F7EF}, {0x1F7F1, 0x1F7FF}, {0x1F80C, 0x1F80F}, {0x1F848, 0x1F84F},
  {0x1F85A, 0x1F85F}, {0x1F888, 0x1F88F}, {0x1F8AE, 0x1F8AF}, {0x1F8B2, 0x1F8FF},
  {0x1FA54, 0x1FA5F}, {0x1FA6E, 0x1FA6F}, {0x1FA75, 0x1FA77}, {0x1FA7D, 0x1FA7F},
  {0x1FA87, 0x1FA8F}, {0x1FAAD, 0x1FAAF}, {0x1FABB, 0x1FABF}, {0x1FAC6, 0x1FACF},
  {0x1FADA, 0x1FADF}, {0x1FAE8, 0x1FAEF}, {0x1FAF7, 0x1FAFF}, {0x1FB93, 0x1FB93},
  {0x1FBCB, 0x1FBEF}, {0x1FBFA, 0x1FFFF}, {0x2A6E0, 0x2A6FF}, {0x2B739, 0x2B73F},
  {0x2B81E, 0x2B81F}, {0x2CEA2, 0x2CEAF}, {0x2EBE1, 0x2F7FF}, {0x2FA1E, 0x2FFFF},
  {0x3134B, 0xE00FF}, {0xE01F0, 0x10FFFF},
};
/* Unicode 14.0.0: every Nd digit zero; each starts a run of ten. */
static const uint32_t decimal_zeros[] = {
  0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
  0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
  0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0,
  0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0,
  0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50, 0x1D7CE,
  0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
};
/* Non-ASCII code points where str.isspace() is True. */
static const uint32_t unicode_spaces[] = {
  0x85, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
  0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
};
/* clang-format on */
/* GENERATED: end */

bool fmt_unicode_isprintable(uint32_t cp) {
  if (cp < 0x7F) return cp >= 0x20; /* the common case, without the search */
  size_t lo = 0, hi = sizeof nonprintable_ranges / sizeof nonprintable_ranges[0];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (cp < nonprintable_ranges[mid][0])
      hi = mid;
    else if (cp > nonprintable_ranges[mid][1])
      lo = mid + 1;
    else
      return false;
  }
  return true;
}

bool fmt_unicode_isspace(uint32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
  for (size_t i = 0; i < sizeof unicode_spaces / sizeof unicode_spaces[0]; i++) {
    if (unicode_spaces[i] == cp) return true;
  }
  return false;
}

int fmt_unicode_decimal(uint32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9' ? (int)(cp - '0') : -1;
  size_t lo = 0, hi = sizeof decimal_zeros / sizeof decimal_zeros[0];
  while (lo < hi) { /* find the last zero <= cp */
    size_t mid = lo + (hi - lo) / 2;
    if (decimal_zeros[mid] <= cp)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == 0) return -1;
  uint32_t off = cp - decimal_zeros[lo - 1];
  return off < 10 ? (int)off : -1;
}

/* ===================================================================== */
/* str repr                                                              */
/* ===================================================================== */

void fmt_str_repr(FmtBuf *out, const char *s, size_t n) {
  bool has_single = memchr(s, '\'', n) != NULL;
  bool has_double = memchr(s, '"', n) != NULL;
  char quote = (has_single && !has_double) ? '"' : '\'';
  fmt_buf_putc(out, quote);
  for (size_t pos = 0; pos < n;) {
    bool valid;
    uint32_t cp = utf8_decode(s, n, &pos, &valid);
    if (!valid)
      fmt_buf_printf(out, "\\x%02x", (unsigned)cp);
    else if (cp == (uint32_t)quote || cp == '\\') {
      fmt_buf_putc(out, '\\');
      fmt_buf_putc(out, (char)cp);
    } else if (cp == '\t')
      fmt_buf_puts(out, "\\t");
    else if (cp == '\n')
      fmt_buf_puts(out, "\\n");
    else if (cp == '\r')
      fmt_buf_puts(out, "\\r");
    else if (cp < 0x20 || cp == 0x7F)
      fmt_buf_printf(out, "\\x%02x", (unsigned)cp);
    else if (cp < 0x7F || fmt_unicode_isprintable(cp))
      fmt_buf_put_cp(out, cp);
    else if (cp <= 0xFF)
      fmt_buf_printf(out, "\\x%02x", (unsigned)cp);
    else if (cp <= 0xFFFF)
      fmt_buf_printf(out, "\\u%04x", (unsigned)cp);
    else
      fmt_buf_printf(out, "\\U%08x", (unsigned)cp);
  }
  fmt_buf_putc(out, quote);
}

/* Python's %.200R: the repr cut to its first 200 code points. */
static void str_repr_truncated(FmtBuf *out, const char *s, size_t n, size_t max_cps) {
  FmtBuf tmp = FMT_BUF_INIT;
  fmt_str_repr(&tmp, s, n);
  fmt_buf_append(out, tmp.data, utf8_prefix_bytes(tmp.data, tmp.len, max_cps));
  fmt_buf_free(&tmp);
}

/* ===================================================================== */
/* Float digits                                                          */
/* ===================================================================== */

/* A finite non-negative double as 0.DIGITS x 10^decpt, DIGITS without
 * trailing zeros ("0" with decpt 1 for zero). */
typedef struct {
  FmtBuf digits;
  int decpt;
} Digits;

/* Beyond these precisions printf only adds zeros: a double has at most 767
 * significant decimal digits and 1074 fractional ones. */
#define SIG_DIGITS_EXACT 800
#define FIX_DIGITS_EXACT 1100

static void digits_strip(Digits *d) {
  while (d->digits.len > 1 && d->digits.data[d->digits.len - 1] == '0') d->digits.len--;
  d->digits.data[d->digits.len] = '\0';
  if (d->digits.len == 1 && d->digits.data[0] == '0') d->decpt = 1;
}

/* Reads printf "%e" output "D.DDDe+XX" of a non-negative value. */
static void digits_from_e(const char *txt, Digits *d) {
  fmt_buf_init(&d->digits);
  const char *p = txt;
  for (; *p && *p != 'e'; p++) {
    if (*p != '.') fmt_buf_putc(&d->digits, *p);
  }
  d->decpt = (*p == 'e' ? atoi(p + 1) : 0) + 1;
  digits_strip(d);
}

/* Reads printf "%f" output "DDD.DDD" of a non-negative value. */
static void digits_from_f(const char *txt, Digits *d) {
  fmt_buf_init(&d->digits);
  const char *dot = strchr(txt, '.');
  int int_len = dot ? (int)(dot - txt) : (int)strlen(txt);
  d->decpt = int_len;
  const char *p = txt;
  for (; *p == '0' || *p == '.'; p++) {
    if (*p == '0') d->decpt--;
  }
  for (; *p; p++) {
    if (*p != '.') fmt_buf_putc(&d->digits, *p);
  }
  if (d->digits.len == 0) fmt_buf_putc(&d->digits, '0');
  digits_strip(d);
}

/* Below a power of two the doubles are twice as dense as above it, so the
 * correctly rounded candidate may fall outside the (narrow) lower half of the
 * rounding interval while the next decimal up still reads back as x; CPython
 * then prints that one. Tries it for candidate text "D.DDDe+XX" < x. */
static bool upper_neighbour(const char *cand, double x, char *out, size_t outsize) {
  if (strtod(cand, NULL) > x) return false;
  char digits[24];
  size_t nd = 0;
  const char *p = cand;
  for (; *p != 'e'; p++) {
    if (*p != '.') digits[nd++] = *p;
  }
  int exp10 = atoi(p + 1);
  size_t i = nd;
  while (i > 0 && digits[i - 1] == '9') digits[--i] = '0';
  if (i > 0) {
    digits[i - 1]++;
  } else { /* 9.99 -> 10.00 renormalised as 1.000 with the next exponent */
    digits[0] = '1';
    exp10++;
  }
  snprintf(out, outsize, "%c.%.*se%+03d", digits[0], (int)nd - 1, digits + 1, exp10);
  return strtod(out, NULL) == x;
}

/* Shortest digits that read back as x (x finite, >= 0). For normal numbers
 * every decimal of up to DBL_DIG (15) digits survives decimal -> double ->
 * 15 digits, so if the 15-digit rounding reads back as x it is the shortest
 * string padded with zeros; otherwise the answer has 16 or 17 digits.
 * Subnormals have fewer bits, so they search all precisions. */
static void digits_shortest(double x, Digits *d) {
  char tmp[40], alt[40];
  int bin_exp;
  bool power_of_two = frexp(x, &bin_exp) == 0.5;
  int first = x >= DBL_MIN ? DBL_DIG - 1 : 0;
  for (int prec = first; prec <= 16; prec++) {
    snprintf(tmp, sizeof tmp, "%.*e", prec, x);
    if (strtod(tmp, NULL) == x) break;
    if (power_of_two && upper_neighbour(tmp, x, alt, sizeof alt)) {
      digits_from_e(alt, d);
      return;
    }
  }
  digits_from_e(tmp, d);
}

/* x correctly rounded to `sig` >= 1 significant digits. */
static void digits_significant(double x, int64_t sig, Digits *d) {
  int prec = (int)(sig > SIG_DIGITS_EXACT ? SIG_DIGITS_EXACT : sig) - 1;
  FmtBuf tmp = FMT_BUF_INIT;
  fmt_buf_printf(&tmp, "%.*e", prec, x);
  digits_from_e(tmp.data, d);
  fmt_buf_free(&tmp);
}

/* x correctly rounded to `frac` >= 0 digits after the decimal point. */
static void digits_fixed(double x, int64_t frac, Digits *d) {
  int prec = (int)(frac > FIX_DIGITS_EXACT ? FIX_DIGITS_EXACT : frac);
  FmtBuf tmp = FMT_BUF_INIT;
  fmt_buf_printf(&tmp, "%.*f", prec, x);
  digits_from_f(tmp.data, d);
  fmt_buf_free(&tmp);
}

/* How digits are laid out, following CPython's float formatting rules. */
typedef struct {
  char mode;      /* 'e', 'f', 'g' or 'r' (repr) */
  int64_t prec;   /* e, f: digits after the point; g: significant digits >= 1 */
  bool add_dot_0; /* integral values in fixed notation get ".0" */
  bool alt;       /* '#': keep the point and (for g) trailing zeros */
  bool upper;     /* 'E' instead of 'e' */
} Layout;

static void layout_digits(FmtBuf *out, const Digits *d, const Layout *lo) {
  int64_t nd = (int64_t)d->digits.len, decpt = d->decpt;
  bool use_exp = false;
  int64_t end = nd; /* one past the last digit position written */
  switch (lo->mode) {
  case 'e':
    use_exp = true;
    end = lo->prec + 1;
    break;
  case 'f': end = decpt + lo->prec; break;
  case 'g':
    use_exp = decpt <= -4 || decpt > (lo->add_dot_0 ? lo->prec - 1 : lo->prec);
    if (lo->alt) end = lo->prec;
    break;
  default: use_exp = decpt <= -4 || decpt > 16; break;
  }
  int64_t point = use_exp ? 1 : decpt; /* digits before the decimal point */
  int64_t start = point <= 0 ? point - 1 : 0;
  int64_t min_end = point + (!use_exp && lo->add_dot_0 ? 1 : 0);
  if (end < min_end) end = min_end;
  if (end < nd) end = nd;
  fmt_buf_reserve(out, (size_t)(end - start) + 8);
  for (int64_t i = start; i < end; i++) {
    if (i == point) fmt_buf_putc(out, '.');
    fmt_buf_putc(out, i >= 0 && i < nd ? d->digits.data[i] : '0');
  }
  if (end == point && lo->alt) fmt_buf_putc(out, '.');
  if (use_exp) {
    int e = (int)decpt - 1;
    fmt_buf_printf(out, "%c%c%02d", lo->upper ? 'E' : 'e', e < 0 ? '-' : '+', e < 0 ? -e : e);
  }
}

size_t fmt_float_repr(double x, char out[FMT_FLOAT_REPR_SIZE]) {
  if (isnan(x)) return (size_t)snprintf(out, FMT_FLOAT_REPR_SIZE, "nan");
  if (isinf(x)) return (size_t)snprintf(out, FMT_FLOAT_REPR_SIZE, x < 0 ? "-inf" : "inf");
  Digits d;
  digits_shortest(fabs(x), &d);
  FmtBuf txt = FMT_BUF_INIT;
  if (signbit(x)) fmt_buf_putc(&txt, '-');
  Layout lo = {.mode = 'r', .add_dot_0 = true};
  layout_digits(&txt, &d, &lo);
  size_t len = txt.len < FMT_FLOAT_REPR_SIZE ? txt.len : FMT_FLOAT_REPR_SIZE - 1;
  memcpy(out, txt.data, len);
  out[len] = '\0';
  fmt_buf_free(&txt);
  fmt_buf_free(&d.digits);
  return len;
}

/* ===================================================================== */
/* Format-spec mini-language                                             */
/* ===================================================================== */

static bool is_align(char c) {
  return c == '<' || c == '>' || c == '^' || c == '=';
}

/* Appends the quoted presentation type as CPython's messages show it. */
static void put_type_char(FmtBuf *err, uint32_t t) {
  if (!err) return;
  if (t > 32 && t < 128)
    fmt_buf_printf(err, "'%c'", (char)t);
  else
    fmt_buf_printf(err, "'\\x%x'", t == FMT_TYPE_NUL ? 0u : (unsigned)t);
}

/* Reads a run of (Unicode) decimal digits; returns how many were read, or -1
 * on overflow of int64. */
static int64_t read_number(const char *s, size_t n, size_t *pos, int64_t *value) {
  int64_t count = 0, acc = 0;
  while (*pos < n) {
    size_t next = *pos;
    int dv = fmt_unicode_decimal(fmt_utf8_next(s, n, &next));
    if (dv < 0) break;
    if (acc > (INT64_MAX - dv) / 10) return -1;
    acc = acc * 10 + dv;
    count++;
    *pos = next;
  }
  if (count) *value = acc;
  return count;
}

static FmtStatus check_grouping_type(const FmtSpec *o, FmtBuf *err) {
  switch (o->type == FMT_TYPE_NUL ? 0 : o->type) {
  case 'd':
  case 'e':
  case 'f':
  case 'g':
  case 'E':
  case 'G':
  case '%':
  case 'F':
  case 0: return FMT_OK;
  case 'b':
  case 'o':
  case 'x':
  case 'X':
    if (o->grouping == '_') return FMT_OK;
    break;
  default: break;
  }
  fail(err, FMT_VALUE_ERROR, "Cannot specify '%c' with ", o->grouping);
  put_type_char(err, o->type);
  if (err) fmt_buf_putc(err, '.');
  return FMT_VALUE_ERROR;
}

static FmtStatus unknown_code(FmtBuf *err, uint32_t type, const char *type_name) {
  fail(err, FMT_VALUE_ERROR, "Unknown format code ");
  put_type_char(err, type);
  return fail(err, FMT_VALUE_ERROR, " for object of type '%.200s'", type_name);
}

FmtStatus fmt_spec_parse(const char *s, size_t n, const char *type_name, FmtSpec *o, FmtBuf *err) {
  *o = (FmtSpec){.fill = ' ', .width = -1, .precision = -1};
  size_t pos = 0;
  bool has_fill = false;
  if (n > 0) {
    size_t after = 0;
    uint32_t first = fmt_utf8_next(s, n, &after);
    if (after < n && is_align(s[after])) {
      o->fill = first, o->align = s[after], has_fill = true;
      pos = after + 1;
    } else if (is_align(s[0])) {
      o->align = s[0], pos = 1;
    }
  }
  if (pos < n && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' ')) o->sign = s[pos++];
  if (pos < n && s[pos] == 'z') o->no_neg_zero = true, pos++;
  if (pos < n && s[pos] == '#') o->alternate = true, pos++;
  if (!has_fill && pos < n && s[pos] == '0') o->zero = true, pos++;
  int64_t got = read_number(s, n, &pos, &o->width);
  if (got < 0) return fail(err, FMT_VALUE_ERROR, "Too many decimal digits in format string");
  if (pos < n && s[pos] == ',') o->grouping = ',', pos++;
  if (pos < n && s[pos] == '_') {
    if (o->grouping) return fail(err, FMT_VALUE_ERROR, "Cannot specify both ',' and '_'.");
    o->grouping = '_', pos++;
  }
  if (pos < n && s[pos] == ',' && o->grouping == '_')
    return fail(err, FMT_VALUE_ERROR, "Cannot specify both ',' and '_'.");
  if (pos < n && s[pos] == '.') {
    pos++;
    got = read_number(s, n, &pos, &o->precision);
    if (got < 0) return fail(err, FMT_VALUE_ERROR, "Too many decimal digits in format string");
    if (got == 0) return fail(err, FMT_VALUE_ERROR, "Format specifier missing precision");
  }
  if (pos < n) {
    o->type = s[pos] == '\0' ? FMT_TYPE_NUL : fmt_utf8_next(s, n, &pos);
    pos += o->type == FMT_TYPE_NUL;
    if (pos < n) {
      fail(err, FMT_VALUE_ERROR, "Invalid format specifier '");
      if (err) fmt_buf_append(err, s, n);
      return fail(err, FMT_VALUE_ERROR, "' for object of type '%.200s'", type_name);
    }
  }
  if (o->grouping) return check_grouping_type(o, err);
  return FMT_OK;
}

static FmtStatus check_size(int64_t v) {
  return v > FMT_SIZE_LIMIT ? FMT_MEMORY_ERROR : FMT_OK;
}

static FmtStatus check_sizes(const FmtSpec *spec, FmtBuf *err) {
  if (check_size(spec->width) || check_size(spec->precision))
    return fail(err, FMT_MEMORY_ERROR, "format width or precision too large");
  return FMT_OK;
}

/* Fill and alignment after the '0' flag and the type's default are applied. */
static void resolve_align(const FmtSpec *spec, bool numeric, uint32_t *fill, char *align) {
  *fill = spec->zero ? '0' : spec->fill;
  if (spec->align)
    *align = spec->align;
  else if (numeric)
    *align = spec->zero ? '=' : '>';
  else
    *align = '<';
}

/* Appends pad fill characters split as `align` requires around body. */
static void pad_around(FmtBuf *out, const char *body, size_t nbody, size_t body_width,
                       int64_t width, uint32_t fill, char align) {
  size_t pad = width > (int64_t)body_width ? (size_t)width - body_width : 0;
  size_t left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
  buf_fill(out, fill, left);
  fmt_buf_append(out, body, nbody);
  buf_fill(out, fill, pad - left);
}

/* A number split as CPython does before padding: sign, prefix, integer
 * digits (which get grouped) and the rest (point, fraction, exponent, '%'). */
typedef struct {
  char sign; /* 0, '-', '+' or ' ' */
  const char *prefix;
  const char *digits;
  size_t ndigits;
  const char *rest;
  size_t nrest;
  size_t rest_width; /* code points of rest */
} NumParts;

/* Appends digits with a separator every `every` digits, from the right,
 * adding leading zeros until at least min_width characters are written. */
static void group_digits(FmtBuf *out, const char *d, size_t nd, int every, char sep,
                         int64_t min_width) {
  size_t start = out->len, rem = nd;
  int64_t minw = min_width;
  for (;;) {
    int64_t want = (int64_t)rem > minw ? (int64_t)rem : minw;
    if (want < 1) want = 1;
    if (want > every) want = every;
    size_t take = rem < (size_t)want ? rem : (size_t)want;
    for (size_t k = 0; k < take; k++) fmt_buf_putc(out, d[rem - 1 - k]);
    buf_fill(out, '0', (size_t)want - take);
    rem -= take;
    minw -= want;
    if (rem == 0 && minw <= 0) break;
    fmt_buf_putc(out, sep);
    minw -= 1;
  }
  for (size_t i = start, j = out->len - 1; i < j; i++, j--) {
    char c = out->data[i];
    out->data[i] = out->data[j];
    out->data[j] = c;
  }
}

static void emit_number(FmtBuf *out, const NumParts *np, const FmtSpec *spec, int every) {
  uint32_t fill;
  char align;
  resolve_align(spec, true, &fill, &align);
  size_t nprefix = np->prefix ? strlen(np->prefix) : 0;
  size_t fixed = (np->sign ? 1 : 0) + nprefix + np->rest_width;
  FmtBuf body = FMT_BUF_INIT;
  if (np->sign) fmt_buf_putc(&body, np->sign);
  if (nprefix) fmt_buf_append(&body, np->prefix, nprefix);
  size_t mid_at = body.len;
  if (spec->grouping && np->ndigits > 0) {
    /* zero padding is part of the grouped digits, so it gets separators */
    int64_t min_width = (fill == '0' && align == '=') ? spec->width - (int64_t)fixed : 0;
    group_digits(&body, np->digits, np->ndigits, every, spec->grouping, min_width);
  } else {
    fmt_buf_append(&body, np->digits, np->ndigits);
  }
  fmt_buf_append(&body, np->rest, np->nrest);
  size_t width = fixed + (body.len - np->nrest - mid_at);
  if (align == '=') {
    size_t pad = spec->width > (int64_t)width ? (size_t)spec->width - width : 0;
    fmt_buf_append(out, body.data, mid_at);
    buf_fill(out, fill, pad);
    fmt_buf_append(out, body.data + mid_at, body.len - mid_at);
  } else {
    pad_around(out, body.data, body.len, width, spec->width, fill, align);
  }
  fmt_buf_free(&body);
}

static char sign_char(bool negative, char sign_flag) {
  if (negative) return '-';
  return sign_flag == '+' || sign_flag == ' ' ? sign_flag : 0;
}

/* Float text without its sign, following CPython's presentation types;
 * returns whether a minus sign belongs in front. */
static bool float_body(FmtBuf *out, double x, char type, int64_t prec, bool add_dot_0, bool alt,
                       bool no_neg_zero) {
  bool upper = type == 'E' || type == 'F' || type == 'G';
  if (isnan(x)) {
    fmt_buf_puts(out, upper ? "NAN" : "nan");
    return false;
  }
  if (isinf(x)) {
    fmt_buf_puts(out, upper ? "INF" : "inf");
    return x < 0;
  }
  Digits d;
  Layout lo = {.prec = prec, .add_dot_0 = add_dot_0, .alt = alt, .upper = upper};
  double ax = fabs(x);
  switch (type) {
  case 'r':
    lo.mode = 'r';
    digits_shortest(ax, &d);
    break;
  case 'e':
  case 'E':
    lo.mode = 'e';
    digits_significant(ax, prec + 1, &d);
    break;
  case 'f':
  case 'F':
    lo.mode = 'f';
    digits_fixed(ax, prec, &d);
    break;
  default:
    lo.mode = 'g';
    lo.prec = prec == 0 ? 1 : prec;
    digits_significant(ax, lo.prec, &d);
    break;
  }
  layout_digits(out, &d, &lo);
  bool zero = d.digits.len == 1 && d.digits.data[0] == '0';
  fmt_buf_free(&d.digits);
  return signbit(x) && !(no_neg_zero && zero);
}

/* Number of leading ASCII digits. */
static size_t leading_digits(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && s[i] >= '0' && s[i] <= '9') i++;
  return i;
}

static FmtStatus apply_float(FmtBuf *out, double x, const FmtSpec *spec, const char *type_name,
                             FmtBuf *err) {
  char type;
  int64_t prec = spec->precision;
  bool add_dot_0 = false, percent = false;
  switch (spec->type) {
  case 0:
  case FMT_TYPE_NUL: /* CPython's float reads a literal NUL type as "none" */
    add_dot_0 = true;
    type = prec < 0 ? 'r' : 'g';
    break;
  case 'n': type = 'g'; break;
  case '%':
    type = 'f', percent = true;
    x *= 100;
    break;
  case 'e':
  case 'E':
  case 'f':
  case 'F':
  case 'g':
  case 'G': type = (char)spec->type; break;
  default: return unknown_code(err, spec->type, type_name);
  }
  if (prec > INT_MAX) return fail(err, FMT_VALUE_ERROR, "precision too big");
  if (check_sizes(spec, err)) return FMT_MEMORY_ERROR;
  if (prec < 0 && type != 'r') prec = 6;
  FmtBuf body = FMT_BUF_INIT;
  bool neg = float_body(&body, x, type, prec, add_dot_0, spec->alternate, spec->no_neg_zero);
  if (percent) fmt_buf_putc(&body, '%');
  size_t nd = leading_digits(body.data, body.len);
  NumParts np = {.sign = sign_char(neg, spec->sign),
                 .digits = body.data,
                 .ndigits = nd,
                 .rest = body.data + nd,
                 .nrest = body.len - nd,
                 .rest_width = body.len - nd};
  emit_number(out, &np, spec, 3);
  fmt_buf_free(&body);
  return FMT_OK;
}

FmtStatus fmt_apply_float(FmtBuf *out, double x, const FmtSpec *spec, FmtBuf *err) {
  return apply_float(out, x, spec, "float", err);
}

/* Magnitude of v in base 2, 8, 10 or 16 without prefix; returns the length. */
static size_t magnitude_digits(uint64_t m, int base, bool upper, char *out) {
  const char *alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  char tmp[64];
  size_t n = 0;
  do {
    tmp[n++] = alphabet[m % (unsigned)base];
    m /= (unsigned)base;
  } while (m);
  for (size_t i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
  out[n] = '\0';
  return n;
}

static uint64_t magnitude(int64_t v) {
  return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

static FmtStatus apply_char(FmtBuf *out, int64_t v, const FmtSpec *spec, FmtBuf *err) {
  if (spec->sign)
    return fail(err, FMT_VALUE_ERROR, "Sign not allowed with integer format specifier 'c'");
  if (spec->alternate)
    return fail(err, FMT_VALUE_ERROR,
                "Alternate form (#) not allowed with integer format specifier 'c'");
  if (v < 0 || v > 0x10FFFF) return fail(err, FMT_OVERFLOW_ERROR, "%%c arg not in range(0x110000)");
  char enc[4];
  size_t k = utf8_encode((uint32_t)v, enc);
  NumParts np = {.rest = enc, .nrest = k, .rest_width = 1};
  emit_number(out, &np, spec, 3);
  return FMT_OK;
}

FmtStatus fmt_apply_int(FmtBuf *out, int64_t v, const FmtSpec *spec, const char *type_name,
                        FmtBuf *err) {
  int base = 10;
  const char *prefix = NULL;
  switch (spec->type) {
  case 'e':
  case 'E':
  case 'f':
  case 'F':
  case 'g':
  case 'G':
  case '%': return apply_float(out, (double)v, spec, type_name, err);
  case 0:
  case 'd':
  case 'n':
  case 'c': break;
  case 'b': base = 2, prefix = "0b"; break;
  case 'o': base = 8, prefix = "0o"; break;
  case 'x': base = 16, prefix = "0x"; break;
  case 'X': base = 16, prefix = "0X"; break;
  default: return unknown_code(err, spec->type, type_name);
  }
  if (spec->precision >= 0)
    return fail(err, FMT_VALUE_ERROR, "Precision not allowed in integer format specifier");
  if (spec->no_neg_zero)
    return fail(err, FMT_VALUE_ERROR,
                "Negative zero coercion (z) not allowed in integer format specifier");
  if (check_sizes(spec, err)) return FMT_MEMORY_ERROR;
  if (spec->type == 'c') return apply_char(out, v, spec, err);
  char digits[FMT_INT_BASE_SIZE];
  size_t nd = magnitude_digits(magnitude(v), base, spec->type == 'X', digits);
  NumParts np = {.sign = sign_char(v < 0, spec->sign),
                 .prefix = spec->alternate ? prefix : NULL,
                 .digits = digits,
                 .ndigits = nd};
  emit_number(out, &np, spec, base == 10 ? 3 : 4);
  return FMT_OK;
}

FmtStatus fmt_apply_str(FmtBuf *out, const char *s, size_t n, const FmtSpec *spec, FmtBuf *err) {
  if (spec->type != 0 && spec->type != 's') return unknown_code(err, spec->type, "str");
  if (spec->grouping) /* CPython parses a str spec with 's' as the default type */
    return fail(err, FMT_VALUE_ERROR, "Cannot specify '%c' with 's'.", spec->grouping);
  if (spec->sign == ' ')
    return fail(err, FMT_VALUE_ERROR, "Space not allowed in string format specifier");
  if (spec->sign) return fail(err, FMT_VALUE_ERROR, "Sign not allowed in string format specifier");
  if (spec->no_neg_zero)
    return fail(err, FMT_VALUE_ERROR,
                "Negative zero coercion (z) not allowed in string format specifier");
  if (spec->alternate)
    return fail(err, FMT_VALUE_ERROR, "Alternate form (#) not allowed in string format specifier");
  if (spec->align == '=')
    return fail(err, FMT_VALUE_ERROR, "'=' alignment not allowed in string format specifier");
  if (check_size(spec->width))
    return fail(err, FMT_MEMORY_ERROR, "format width or precision too large");
  size_t nbytes = n;
  if (spec->precision >= 0) nbytes = utf8_prefix_bytes(s, n, (size_t)spec->precision);
  uint32_t fill;
  char align;
  resolve_align(spec, false, &fill, &align);
  size_t width = spec->width > 0 ? fmt_utf8_len(s, nbytes) : 0;
  pad_around(out, s, nbytes, width, spec->width, fill, align);
  return FMT_OK;
}

FmtStatus fmt_format_int(FmtBuf *out, int64_t v, const char *spec, size_t n, const char *type_name,
                         FmtBuf *err) {
  FmtSpec fs;
  FmtStatus st = fmt_spec_parse(spec, n, type_name, &fs, err);
  return st ? st : fmt_apply_int(out, v, &fs, type_name, err);
}

FmtStatus fmt_format_float(FmtBuf *out, double x, const char *spec, size_t n, FmtBuf *err) {
  FmtSpec fs;
  FmtStatus st = fmt_spec_parse(spec, n, "float", &fs, err);
  return st ? st : fmt_apply_float(out, x, &fs, err);
}

FmtStatus fmt_format_str(FmtBuf *out, const char *s, size_t len, const char *spec, size_t n,
                         FmtBuf *err) {
  FmtSpec fs;
  FmtStatus st = fmt_spec_parse(spec, n, "str", &fs, err);
  return st ? st : fmt_apply_str(out, s, len, &fs, err);
}

/* ===================================================================== */
/* Text -> numbers                                                       */
/* ===================================================================== */

/* CPython first maps Unicode spaces to ' ' and Unicode digits to ASCII;
 * anything else non-ASCII becomes '?', which no grammar accepts. */
static char *to_ascii(const char *s, size_t n, size_t *out_len) {
  char *a = malloc(n + 1);
  if (!a) {
    fputs("asy: out of memory\n", stderr);
    abort();
  }
  size_t len = 0;
  for (size_t pos = 0; pos < n;) {
    bool valid;
    uint32_t cp = utf8_decode(s, n, &pos, &valid);
    int dv;
    if (valid && cp < 0x80)
      a[len++] = (char)cp;
    else if (!valid)
      a[len++] = '?';
    else if (fmt_unicode_isspace(cp))
      a[len++] = ' ';
    else if ((dv = fmt_unicode_decimal(cp)) >= 0)
      a[len++] = (char)('0' + dv);
    else
      a[len++] = '?';
  }
  a[len] = '\0';
  *out_len = len;
  return a;
}

/* The ASCII whitespace of C's isspace() in the C locale, which is what
 * CPython strips after the Unicode mapping (so \x1c..\x1f are not stripped). */
static bool ascii_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

static int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

static bool has_prefix(const char *a, size_t i, size_t n, int base) {
  if (i + 1 >= n || a[i] != '0') return false;
  char c = (char)(a[i + 1] | 0x20);
  return (base == 16 && c == 'x') || (base == 8 && c == 'o') || (base == 2 && c == 'b');
}

/* Parses the digits of an int literal (after sign and prefix handling):
 * single underscores between digits; returns false on a syntax error. */
static bool int_digits(const char *a, size_t *pos, size_t end, int base, uint64_t *mag,
                       bool *overflow, bool *all_zero) {
  size_t i = *pos;
  bool want_digit = true;
  *mag = 0, *overflow = false, *all_zero = true;
  for (; i < end && !ascii_space(a[i]); i++) {
    if (a[i] == '_' && !want_digit) {
      want_digit = true;
      continue;
    }
    int dv = digit_value(a[i]);
    if (dv >= base) return false;
    if (dv) *all_zero = false;
    if (*mag > (UINT64_MAX - (uint64_t)dv) / (uint64_t)base)
      *overflow = true;
    else
      *mag = *mag * (uint64_t)base + (uint64_t)dv;
    want_digit = false;
  }
  *pos = i;
  return !want_digit;
}

static bool parse_int_ascii(const char *a, size_t n, int base, uint64_t *mag, bool *negative,
                            bool *overflow) {
  size_t i = 0;
  while (i < n && ascii_space(a[i])) i++;
  *negative = false;
  if (i < n && (a[i] == '+' || a[i] == '-')) *negative = a[i++] == '-';
  bool leading_zero = false;
  if (base == 0) {
    if (has_prefix(a, i, n, 16))
      base = 16;
    else if (has_prefix(a, i, n, 8))
      base = 8;
    else if (has_prefix(a, i, n, 2))
      base = 2;
    else
      base = 10, leading_zero = i < n && a[i] == '0';
  }
  if (has_prefix(a, i, n, base)) {
    i += 2;
    if (i < n && a[i] == '_') i++; /* "0x_1f" is allowed */
  }
  bool all_zero;
  if (!int_digits(a, &i, n, base, mag, overflow, &all_zero)) return false;
  if (leading_zero && !all_zero) return false; /* "010" is not a base-0 literal */
  while (i < n && ascii_space(a[i])) i++;
  return i == n;
}

FmtStatus fmt_parse_int(const char *s, size_t n, int base, int64_t *out, FmtBuf *err) {
  if (base != 0 && (base < 2 || base > 36))
    return fail(err, FMT_VALUE_ERROR, "int() base must be >= 2 and <= 36, or 0");
  size_t alen;
  char *a = to_ascii(s, n, &alen);
  uint64_t mag;
  bool negative, overflow;
  bool ok = parse_int_ascii(a, alen, base, &mag, &negative, &overflow);
  free(a);
  if (!ok) {
    fail(err, FMT_VALUE_ERROR, "invalid literal for int() with base %d: ", base);
    if (err) str_repr_truncated(err, s, n, 200);
    return FMT_VALUE_ERROR;
  }
  uint64_t limit = negative ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
  if (overflow || mag > limit) return fail(err, FMT_OVERFLOW_ERROR, FMT_INT64_OVERFLOW_MSG);
  *out = negative ? (int64_t)(0 - mag) : (int64_t)mag;
  return FMT_OK;
}

/* Matches "inf", "infinity" or "nan" (any case) exactly. */
static bool match_special(const char *a, size_t n, double *value) {
  if ((n == 3 && strncasecmp(a, "inf", 3) == 0) || (n == 8 && strncasecmp(a, "infinity", 8) == 0)) {
    *value = INFINITY;
    return true;
  }
  if (n == 3 && strncasecmp(a, "nan", 3) == 0) {
    *value = NAN;
    return true;
  }
  return false;
}

/* Copies a run of digits with single underscores between them; returns the
 * number of digits, or -1 on a misplaced underscore. */
static int64_t copy_digit_run(const char *a, size_t n, size_t *pos, FmtBuf *clean) {
  int64_t count = 0;
  size_t i = *pos;
  while (i < n) {
    if (a[i] >= '0' && a[i] <= '9') {
      fmt_buf_putc(clean, a[i++]);
      count++;
    } else if (a[i] == '_' && count > 0 && i + 1 < n && a[i + 1] >= '0' && a[i + 1] <= '9') {
      i++;
    } else {
      break;
    }
  }
  *pos = i;
  return i < n && a[i] == '_' ? -1 : count;
}

/* Validates a decimal float literal (the part after the sign) and writes it
 * without underscores into clean. */
static bool float_syntax(const char *a, size_t n, FmtBuf *clean) {
  size_t i = 0;
  int64_t int_digits = copy_digit_run(a, n, &i, clean);
  int64_t frac_digits = 0;
  if (int_digits < 0) return false;
  if (i < n && a[i] == '.') {
    fmt_buf_putc(clean, a[i++]);
    frac_digits = copy_digit_run(a, n, &i, clean);
    if (frac_digits < 0) return false;
  }
  if (int_digits + frac_digits == 0) return false;
  if (i < n && (a[i] == 'e' || a[i] == 'E')) {
    fmt_buf_putc(clean, a[i++]);
    if (i < n && (a[i] == '+' || a[i] == '-')) fmt_buf_putc(clean, a[i++]);
    if (copy_digit_run(a, n, &i, clean) <= 0) return false;
  }
  return i == n;
}

static bool parse_float_ascii(const char *a, size_t n, double *out) {
  size_t lo = 0, hi = n;
  while (lo < hi && ascii_space(a[lo])) lo++;
  while (hi > lo && ascii_space(a[hi - 1])) hi--;
  bool negative = false;
  if (lo < hi && (a[lo] == '+' || a[lo] == '-')) negative = a[lo++] == '-';
  double v;
  if (match_special(a + lo, hi - lo, &v)) {
    *out = negative ? -v : v;
    return true;
  }
  FmtBuf clean = FMT_BUF_INIT;
  bool ok = float_syntax(a + lo, hi - lo, &clean);
  if (ok) {
    v = strtod(clean.data, NULL); /* range errors give 0 or inf, as in CPython */
    *out = negative ? -v : v;
  }
  fmt_buf_free(&clean);
  return ok;
}

FmtStatus fmt_parse_float(const char *s, size_t n, double *out, FmtBuf *err) {
  size_t alen;
  char *a = to_ascii(s, n, &alen);
  bool ok = parse_float_ascii(a, alen, out);
  free(a);
  if (ok) return FMT_OK;
  fail(err, FMT_VALUE_ERROR, "could not convert string to float: ");
  if (err) fmt_str_repr(err, s, n);
  return FMT_VALUE_ERROR;
}

/* ===================================================================== */
/* Integers -> text                                                      */
/* ===================================================================== */

size_t fmt_int_to_base(int64_t v, int base, bool prefix, char out[FMT_INT_BASE_SIZE]) {
  size_t len = 0;
  if (v < 0) out[len++] = '-';
  if (prefix && base != 10) {
    out[len++] = '0';
    out[len++] = base == 2 ? 'b' : base == 8 ? 'o' : 'x';
  }
  return len + magnitude_digits(magnitude(v), base, false, out + len);
}

/* ===================================================================== */
/* Rounding                                                              */
/* ===================================================================== */

/* CPython's bounds: beyond them the answer is x itself or a signed zero. */
#define ROUND_NDIGITS_MAX 323
#define ROUND_NDIGITS_MIN (-308)

/* Rounds the integer digits `d` (exact integer part of |x|) to a multiple of
 * 10^k, half-even, taking the dropped fraction into account; writes the
 * kept digits (at least "0") into kept. */
static void round_integer_digits(const char *d, size_t len, size_t k, bool frac_nonzero,
                                 FmtBuf *kept) {
  size_t keep = len > k ? len - k : 0;
  fmt_buf_append(kept, d, keep);
  if (keep == 0) fmt_buf_putc(kept, '0');
  char first = len >= k ? d[len - k] : '0';
  bool rest_nonzero = frac_nonzero;
  for (size_t i = len >= k ? len - k + 1 : 0; i < len && !rest_nonzero; i++)
    rest_nonzero = d[i] != '0';
  char last = kept->data[kept->len - 1];
  bool up = first > '5' || (first == '5' && (rest_nonzero || (last - '0') % 2 == 1));
  if (!up) return;
  size_t i = kept->len;
  while (i > 0 && kept->data[i - 1] == '9') kept->data[--i] = '0';
  if (i > 0)
    kept->data[i - 1]++;
  else {
    fmt_buf_putc(kept, '0');
    memmove(kept->data + 1, kept->data, kept->len - 1);
    kept->data[0] = '1';
  }
}

FmtStatus fmt_round_double(double x, int64_t ndigits, double *out, FmtBuf *err) {
  if (!isfinite(x) || x == 0.0 || ndigits > ROUND_NDIGITS_MAX) {
    *out = x;
    return FMT_OK;
  }
  if (ndigits < ROUND_NDIGITS_MIN) {
    *out = copysign(0.0, x);
    return FMT_OK;
  }
  FmtBuf txt = FMT_BUF_INIT;
  if (ndigits >= 0) {
    fmt_buf_printf(&txt, "%.*f", (int)ndigits, x); /* glibc rounds exactly, half-even */
  } else {
    double ip, frac = modf(fabs(x), &ip);
    FmtBuf idigits = FMT_BUF_INIT, kept = FMT_BUF_INIT;
    fmt_buf_printf(&idigits, "%.0f", ip);
    round_integer_digits(idigits.data, idigits.len, (size_t)-ndigits, frac != 0.0, &kept);
    fmt_buf_printf(&txt, "%s%se%d", signbit(x) ? "-" : "", kept.data, (int)-ndigits);
    fmt_buf_free(&idigits);
    fmt_buf_free(&kept);
  }
  errno = 0;
  double r = strtod(txt.data, NULL);
  bool overflow = errno == ERANGE && fabs(r) >= 1.0;
  fmt_buf_free(&txt);
  if (overflow) return fail(err, FMT_OVERFLOW_ERROR, "rounded value too large to represent");
  *out = r;
  return FMT_OK;
}

FmtStatus fmt_round_to_int(double x, int64_t *out, FmtBuf *err) {
  if (isnan(x)) return fail(err, FMT_VALUE_ERROR, "cannot convert float NaN to integer");
  if (isinf(x)) return fail(err, FMT_OVERFLOW_ERROR, "cannot convert float infinity to integer");
  double r = round(x); /* half away from zero; ties are fixed up to even below */
  if (fabs(x - r) == 0.5) r = 2.0 * round(x / 2.0);
  if (!(r >= -9223372036854775808.0 && r < 9223372036854775808.0))
    return fail(err, FMT_OVERFLOW_ERROR, FMT_INT64_OVERFLOW_MSG);
  *out = (int64_t)r;
  return FMT_OK;
}

FmtStatus fmt_round_int(int64_t v, int64_t ndigits, int64_t *out, FmtBuf *err) {
  if (ndigits >= 0) {
    *out = v;
    return FMT_OK;
  }
  if (ndigits < -19) { /* 10^20 / 2 exceeds every int64 */
    *out = 0;
    return FMT_OK;
  }
  uint64_t p = 1;
  for (int64_t i = 0; i < -ndigits; i++) p *= 10;
  uint64_t m = magnitude(v), q = m / p, r = m % p;
  /* r and p - r avoid overflowing 2 * r */
  if (r > p - r || (r == p - r && q % 2 == 1)) q++;
  uint64_t res = q * p; /* q * p <= m + p < 2^64 for p <= 10^19 */
  uint64_t limit = v < 0 ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
  if (res > limit) return fail(err, FMT_OVERFLOW_ERROR, FMT_INT64_OVERFLOW_MSG);
  *out = v < 0 ? (int64_t)(0 - res) : (int64_t)res;
  return FMT_OK;
}

/* ===================================================================== */
/* printf-style                                                          */
/* ===================================================================== */

/* Reads decimal digits for a width or precision; false on overflow. */
static bool read_printf_number(const char *f, size_t n, size_t *i, int64_t *value) {
  int64_t acc = 0;
  for (; *i < n && f[*i] >= '0' && f[*i] <= '9'; (*i)++) {
    int dv = f[*i] - '0';
    if (acc > (INT64_MAX - dv) / 10) return false;
    acc = acc * 10 + dv;
  }
  *value = acc;
  return true;
}

static FmtStatus printf_flags_width(const char *f, size_t n, size_t *i, FmtPrintfSpec *sp,
                                    FmtBuf *err) {
  for (; *i < n; (*i)++) {
    char c = f[*i];
    if (c == '-')
      sp->left = true;
    else if (c == '+')
      sp->plus = true;
    else if (c == ' ')
      sp->space = true;
    else if (c == '#')
      sp->alt = true;
    else if (c == '0')
      sp->zero = true;
    else
      break;
  }
  if (*i < n && f[*i] == '*')
    sp->width = FMT_PRINTF_STAR, (*i)++;
  else if (*i < n && f[*i] >= '0' && f[*i] <= '9' && !read_printf_number(f, n, i, &sp->width))
    return fail(err, FMT_VALUE_ERROR, "width too big");
  if (*i < n && f[*i] == '.') {
    (*i)++;
    if (*i < n && f[*i] == '*')
      sp->precision = FMT_PRINTF_STAR, (*i)++;
    else if (!read_printf_number(f, n, i, &sp->precision))
      return fail(err, FMT_VALUE_ERROR, "precision too big");
  }
  return FMT_OK;
}

FmtStatus fmt_printf_parse(const char *f, size_t n, size_t *pos, FmtPrintfSpec *sp, FmtBuf *err) {
  size_t i = *pos;
  *sp = (FmtPrintfSpec){.width = -1, .precision = -1};
  if (i < n && f[i] == '(') {
    size_t depth = 1, start = ++i;
    for (; i < n && depth > 0; i++) depth += f[i] == '(' ? 1 : f[i] == ')' ? (size_t)-1 : 0;
    if (depth > 0) return fail(err, FMT_VALUE_ERROR, "incomplete format key");
    sp->has_key = true, sp->key_start = start, sp->key_len = i - 1 - start;
  }
  FmtStatus st = printf_flags_width(f, n, &i, sp, err);
  if (st) return st;
  if (i < n && (f[i] == 'h' || f[i] == 'l' || f[i] == 'L')) i++; /* one C length modifier */
  if (i >= n) return fail(err, FMT_VALUE_ERROR, "incomplete format");
  size_t at = i;
  uint32_t c = fmt_utf8_next(f, n, &i);
  if (c == 0 || !strchr("diouxXeEfFgGcrsa%", (int)c) || c > 0x7F) {
    char shown = c >= 31 && c <= 126 ? (char)c : '?';
    return fail(err, FMT_VALUE_ERROR, "unsupported format character '%c' (0x%x) at index %zu",
                shown, (unsigned)c, fmt_utf8_len(f, at));
  }
  sp->conv = (char)c;
  *pos = i;
  return FMT_OK;
}

/* Pads sign + prefix + digits to the width: zeros after the prefix with '0'
 * (unless '-'), spaces otherwise. body_width counts code points. */
static void printf_pad(FmtBuf *out, const FmtPrintfSpec *sp, char sign, const char *prefix,
                       const char *body, size_t nbody, size_t body_width) {
  size_t nprefix = prefix ? strlen(prefix) : 0;
  size_t total = (sign ? 1 : 0) + nprefix + body_width;
  size_t pad = sp->width > (int64_t)total ? (size_t)sp->width - total : 0;
  bool zeros = sp->zero && !sp->left;
  if (!sp->left && !zeros) buf_fill(out, ' ', pad);
  if (sign) fmt_buf_putc(out, sign);
  fmt_buf_append(out, prefix, nprefix);
  if (zeros) buf_fill(out, '0', pad);
  fmt_buf_append(out, body, nbody);
  if (sp->left) buf_fill(out, ' ', pad);
}

static char printf_sign(bool negative, const FmtPrintfSpec *sp) {
  return negative ? '-' : sp->plus ? '+' : sp->space ? ' ' : 0;
}

static FmtStatus printf_check_sizes(const FmtPrintfSpec *sp, FmtBuf *err) {
  if (check_size(sp->width) || check_size(sp->precision))
    return fail(err, FMT_MEMORY_ERROR, "format width or precision too large");
  return FMT_OK;
}

/* Appends an integer's digits with precision, sign, prefix and padding. */
static void printf_digits(FmtBuf *out, const FmtPrintfSpec *sp, bool negative, const char *prefix,
                          const char *digits, size_t nd) {
  FmtBuf body = FMT_BUF_INIT;
  if (sp->precision > (int64_t)nd) buf_fill(&body, '0', (size_t)sp->precision - nd);
  fmt_buf_append(&body, digits, nd);
  printf_pad(out, sp, printf_sign(negative, sp), sp->alt ? prefix : NULL, body.data, body.len,
             body.len);
  fmt_buf_free(&body);
}

/* %d of a float formats int(x), which may exceed int64: "%.0f" of the
 * truncated value gives its exact decimal digits. */
static FmtStatus printf_float_as_int(FmtBuf *out, double x, const FmtPrintfSpec *sp, FmtBuf *err) {
  if (isnan(x)) return fail(err, FMT_VALUE_ERROR, "cannot convert float NaN to integer");
  if (isinf(x)) return fail(err, FMT_OVERFLOW_ERROR, "cannot convert float infinity to integer");
  double t = trunc(x);
  FmtBuf digits = FMT_BUF_INIT;
  fmt_buf_printf(&digits, "%.0f", fabs(t));
  printf_digits(out, sp, t < 0, NULL, digits.data, digits.len);
  fmt_buf_free(&digits);
  return FMT_OK;
}

FmtStatus fmt_printf_float(FmtBuf *out, double x, const FmtPrintfSpec *sp, FmtBuf *err) {
  if (sp->conv == 'c') return fail(err, FMT_TYPE_ERROR, "%%c requires int or char");
  if (sp->conv == 'o' || sp->conv == 'x' || sp->conv == 'X')
    return fail(err, FMT_TYPE_ERROR, "%%%c format: an integer is required, not float", sp->conv);
  bool as_int = sp->conv == 'd' || sp->conv == 'i' || sp->conv == 'u';
  if (!as_int && (sp->conv == 0 || !strchr("eEfFgG", sp->conv)))
    return fail(err, FMT_TYPE_ERROR, "unsupported conversion '%c' for a float", sp->conv);
  if (!as_int && sp->precision > INT_MAX) return fail(err, FMT_VALUE_ERROR, "precision too big");
  if (printf_check_sizes(sp, err)) return FMT_MEMORY_ERROR;
  if (as_int) return printf_float_as_int(out, x, sp, err);
  int64_t prec = sp->precision < 0 ? 6 : sp->precision;
  FmtBuf body = FMT_BUF_INIT;
  bool neg = float_body(&body, x, sp->conv, prec, false, sp->alt, false);
  printf_pad(out, sp, printf_sign(neg, sp), NULL, body.data, body.len, body.len);
  fmt_buf_free(&body);
  return FMT_OK;
}

FmtStatus fmt_printf_int(FmtBuf *out, int64_t v, const FmtPrintfSpec *sp, FmtBuf *err) {
  int base = 10;
  const char *prefix = NULL;
  switch (sp->conv) {
  case 'd':
  case 'i':
  case 'u':
  case 'c': break;
  case 'o': base = 8, prefix = "0o"; break;
  case 'x': base = 16, prefix = "0x"; break;
  case 'X': base = 16, prefix = "0X"; break;
  default:
    if (sp->conv && strchr("eEfFgG", sp->conv)) return fmt_printf_float(out, (double)v, sp, err);
    return fail(err, FMT_TYPE_ERROR, "unsupported conversion '%c' for an int", sp->conv);
  }
  if (printf_check_sizes(sp, err)) return FMT_MEMORY_ERROR;
  if (sp->conv == 'c') {
    if (v < 0 || v > 0x10FFFF)
      return fail(err, FMT_OVERFLOW_ERROR, "%%c arg not in range(0x110000)");
    char enc[4];
    FmtPrintfSpec plain = *sp;
    plain.zero = false; /* %c pads with spaces only */
    printf_pad(out, &plain, 0, NULL, enc, utf8_encode((uint32_t)v, enc), 1);
    return FMT_OK;
  }
  char digits[FMT_INT_BASE_SIZE];
  size_t nd = magnitude_digits(magnitude(v), base, sp->conv == 'X', digits);
  printf_digits(out, sp, v < 0, prefix, digits, nd);
  return FMT_OK;
}

void fmt_printf_str(FmtBuf *out, const char *s, size_t n, const FmtPrintfSpec *sp) {
  size_t nbytes = n;
  if (sp->precision >= 0) nbytes = utf8_prefix_bytes(s, n, (size_t)sp->precision);
  FmtPrintfSpec plain = *sp;
  plain.zero = false; /* %s pads with spaces only */
  if (plain.width > FMT_SIZE_LIMIT) plain.width = FMT_SIZE_LIMIT;
  printf_pad(out, &plain, 0, NULL, s, nbytes, fmt_utf8_len(s, nbytes));
}
