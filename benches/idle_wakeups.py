#!/usr/bin/env python3
"""Counts how often modelownia wakes up while idle with a plan open.

Usage: benches/idle_wakeups.py DATA_DIR   (a data folder with at least one plan)

Starts the release build under `strace -f -ttt` in a pseudo-terminal, opens the first plan
(Enter), waits 1.5 s, then counts the input polls that return in the next 5 s without a key:
each is a wake-up. Needs strace.
"""

import fcntl
import os
import select
import struct
import subprocess
import sys
import tempfile
import termios
import time


def pump(master: int, seconds: float) -> None:
    end = time.time() + seconds
    while time.time() < end:
        if select.select([master], [], [], 0.05)[0]:
            try:
                os.read(master, 65536)
            except OSError:
                return


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    trace = tempfile.NamedTemporaryFile(suffix=".strace", delete=False).name
    binary = os.path.join(os.path.dirname(__file__), "..", "target", "release", "modelownia")
    binary = os.environ.get("MODELOWNIA_BIN", binary)
    argv = ["strace", "-f", "-ttt", "-e", "trace=poll,ppoll", "-o", trace, binary,
            "--data-dir", sys.argv[1]]
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, TERM="xterm-256color")
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                            start_new_session=True)
    os.close(slave)
    pump(master, 1.5)
    os.write(master, b"\r")
    pump(master, 1.5)
    start = time.time()
    pump(master, 5.0)
    end = time.time()
    os.write(master, b"\x1b")
    pump(master, 0.5)
    os.write(master, b"q")
    pump(master, 1.0)
    proc.wait()
    # A wake-up is a poll that ends on its timeout; crossterm may re-poll with a zero timeout
    # for the last fraction of a millisecond, so polls within 10 ms count once.
    wakes, last = 0, 0.0
    with open(trace) as f:
        for line in f:
            fields = line.split()
            if len(fields) < 3 or "poll" not in line or "Timeout" not in line:
                continue
            at = float(fields[1])
            if start <= at <= end and at - last > 0.01:
                wakes += 1
                last = at
    os.unlink(trace)
    print(f"wake-ups in 5 s idle with a plan open: {wakes}")


if __name__ == "__main__":
    main()
