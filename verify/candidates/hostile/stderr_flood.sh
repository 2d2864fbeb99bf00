#!/bin/sh
# About 1 MB of diagnostics, then the line that matters, then failure: the runner keeps the tail.
yes 'warning: something is not quite right here' | head -c 1000000 >&2
echo 'LAST LINE: the real error' >&2
exit 3
