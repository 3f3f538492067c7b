#!/usr/bin/env bash
# Regenerates the README's screenshots in screenshots/: runs the app under Xvfb at
# 1400x900 with fresh settings, opens bundled examples at a line (`refscope FILE.py:LINE`),
# clicks what a user would click, and captures the screen.
# Needs: Xvfb, xdotool, ImageMagick's `import` (apt-get install -y xvfb xdotool imagemagick).
# The click positions are those of the default layout at 1400x900.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
export DISPLAY=:97
Xvfb :97 -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
sleep 1
export XDG_DATA_HOME XDG_CONFIG_HOME
XDG_DATA_HOME=$(mktemp -d)
XDG_CONFIG_HOME=$XDG_DATA_HOME

# open TARGET: starts the app on TARGET and waits until it has run there.
open() {
    ./target/release/refscope "$1" >/dev/null 2>&1 &
    app=$!
    sleep "${2:-4}"
    local w
    w=$(xdotool search --name refscope | head -1)
    xdotool windowsize "$w" 1400 900 windowmove "$w" 0 0
    sleep 1
}
click() { xdotool mousemove "$1" "$2" click 1; sleep "${3:-1}"; }
shot() { import -window root "screenshots/$1.png"; echo "screenshots/$1.png"; }
close() { kill "$app"; wait "$app" 2>/dev/null || true; }

# Example 02 just before `print("unreachable objects found:", gc.collect())`: the cycle
# is unreachable, red; select one of its lists.
open assets/examples/02_reference_cycles_and_gc.py:23
click 900 227
shot cycle-about-to-be-collected
click 559 83 # the "Backrefs of the selection" tab
shot backrefs-view
click 447 83 # back to the heap
click 840 54 # Lecture mode
shot lecture-mode
close

# Example 04 after the million-int list comprehension: memory by line.
open assets/examples/04_generators_vs_lists.py:13 60
shot memory-by-line
close

# Example 08 run to the end: the memory_profiler table of my_func's call.
open assets/examples/08_memory_profiler.py
click 100 54 3 # Continue
shot memory-profiler-table
close
