#!/bin/sh
# Regenerate the timeline pictures of docs/timeline.md and docs/tutorial.md
# with asy itself (virtual clock: the same program always draws the same
# picture).
#   sh docs/img/make.sh [path/to/asy]     (default: build/cli/asy)
set -e
root=$(cd "$(dirname "$0")/../.." && pwd)
asy=$(cd "$root" && realpath "${1:-build/cli/asy}")
img="$root/docs/img"
draw() { # program-dir program.py picture-name
  (cd "$root/$1" && "$asy" --clock=virtual --timeline="$img/$3.svg" "$2" > /dev/null)
}
draw tests/trace hello_tasks.py timeline-hello
draw tests/timeline gather_sleepers.py timeline-gather
draw tests/timeline lock_queue_cancel.py timeline-locks
echo "wrote $img/timeline-hello.svg, timeline-gather.svg, timeline-locks.svg"
# The pictures of docs/tutorial.md: samples/NAME.asy -> docs/img/NAME.svg.
# (cpu_bound and deadlock have none: under the virtual clock a computation
# takes no time, and a deadlock is an instant.)
for name in hello create_task gather blocking cancel timeouts as_completed \
            lock semaphore queue taskgroup awaitable; do
  (cd "$root" && "$asy" --clock=virtual --timeline="docs/img/$name.svg" "samples/$name.asy" > /dev/null)
done
echo "wrote the tutorial's pictures in $img: hello.svg, create_task.svg ... awaitable.svg"
