/* loop.c — placeholder until the event loop lands: no futures exist yet. */
#include "vm.h"

void loop_mark_object(Obj *o);
void loop_free_object(Obj *o);
ObjClass *loop_future_class(Obj *o);
bool future_is_pending(Value fut);
bool future_await_result(Value fut, Value *result);

void loop_mark_object(Obj *o) { (void)o; }
void loop_free_object(Obj *o) { gc_realloc(o, sizeof(Obj), 0); }
ObjClass *loop_future_class(Obj *o) { (void)o; return vm.t_object; }
bool future_is_pending(Value fut) { (void)fut; return false; }
bool future_await_result(Value fut, Value *result) {
  (void)fut;
  *result = NONE_VAL;
  return true;
}
