#!/bin/sh
# Never answers and never stops: the runner must kill it at the wall-clock or CPU limit.
while true; do :; done
