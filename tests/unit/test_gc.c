#include <criterion/criterion.h>

Test(gc, placeholder) { cr_assert(1); }
