#include <criterion/criterion.h>

Test(vm, placeholder) { cr_assert(1); }
