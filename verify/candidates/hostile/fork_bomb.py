#!/usr/bin/python3
# Forks as fast as it can; every child sleeps 60 s. Bounded (at most 2000 successful forks) so
# that a broken containment slows a machine down instead of taking it over. The process limit
# must stop it long before that, and everything must be killed at the wall-clock deadline.
import os
import sys
import time

started = 0
reported = False
while True:
    if started >= 2000:
        time.sleep(0.1)
        continue
    try:
        pid = os.fork()
    except OSError as error:
        if not reported:
            print(f"fork failed: {error!r}", file=sys.stderr, flush=True)
            reported = True
        time.sleep(0.001)
        continue
    if pid == 0:
        time.sleep(60)
        os._exit(0)
    started += 1
