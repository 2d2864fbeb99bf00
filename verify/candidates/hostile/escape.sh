#!/bin/sh
# Tries to write outside its working directory; reports what worked as JSON:
# {"pid": P, "cwd": "...", "parent": true|false, "tmp": ..., "etc": ..., "home": ...}
try() { if (echo x > "$1") 2>/dev/null; then echo true; else echo false; fi; }
parent=$(try ../escape)
tmp=$(try "/tmp/topospec-escape-$$")
etc=$(try "/etc/topospec-escape-$$")
home=$(try "$HOME/inside")
printf '{"pid": %s, "cwd": "%s", "parent": %s, "tmp": %s, "etc": %s, "home": %s}\n' \
  "$$" "$(pwd)" "$parent" "$tmp" "$etc" "$home"
