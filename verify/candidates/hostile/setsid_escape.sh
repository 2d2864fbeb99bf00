#!/bin/sh
# Leaves a child in its own session and process group (out of reach of a group kill).
setsid sleep 1000 < /dev/null > /dev/null 2>&1 &
echo "{\"pid\": $!}"
exit 0
