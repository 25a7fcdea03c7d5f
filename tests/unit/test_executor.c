#include <criterion/criterion.h>

Test(executor, placeholder) { cr_assert(1); }
