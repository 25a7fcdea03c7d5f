#!/bin/sh
# Regenerate the timeline pictures of docs/timeline.md with asy itself
# (virtual clock: the same program always draws the same picture).
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
