#include <criterion/criterion.h>

Test(compile, placeholder) { cr_assert(1); }
