/* mod_asyncio.c — placeholder while the asyncio module is written. */
#include "../vm/loop.h"
#include "lib.h"

void loop_report_deadlock(ObjLoop *l, ObjFuture *main);
void loop_report_deadlock(ObjLoop *l, ObjFuture *main) {
  (void)l;
  (void)main;
}
void lib_asyncio_init(void) {}
