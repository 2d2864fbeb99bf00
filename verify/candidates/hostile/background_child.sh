#!/bin/sh
# Answers and exits 0, leaving a child that holds stdout open and would live 1000 s.
sleep 1000 &
echo "{\"pid\": $!}"
exit 0
