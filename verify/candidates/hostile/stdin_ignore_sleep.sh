#!/bin/sh
# Never reads stdin and never exits: with a case larger than a pipe buffer, a runner that
# writes stdin blockingly would hang here forever.
sleep 1000
