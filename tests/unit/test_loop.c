#include <criterion/criterion.h>

Test(loop, placeholder) { cr_assert(1); }
