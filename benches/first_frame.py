#!/usr/bin/env python3
"""Time from starting a program in a pseudo-terminal (80x24) to the end of its first frame.

Usage: benches/first_frame.py [-n RUNS] [--settle S] NAME=COMMAND [NAME=COMMAND ...]

Each program is started RUNS times, the programs taking turns so that they share the
machine's state; the clock runs from just before the fork to the moment the first frame has
arrived on the terminal whole (ratatui ends every frame that shows no cursor by hiding it,
ESC [?25l, and neither program hides it before). Prints min, median and max per program and
the ratio of medians to the first program, and the largest peak resident memory (VmHWM)
seen S seconds after the first frame (default 0: at the first frame). Example (see README, Performance):

  benches/first_frame.py -n 30 'bare=target/release/examples/bare' \
    'empty=target/release/modelownia --data-dir /tmp/empty'
"""

import fcntl
import os
import select
import shlex
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time


FRAME_END = b"\x1b[?25l"


def peak_rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def once(marker: bytes, argv: list[str], settle: float, timeout: float = 30.0):
    """Seconds to the first frame, and the peak resident memory (KiB) `settle` s later."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, TERM="xterm-256color")
    env.pop("NO_COLOR", None)
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    seen = b""
    elapsed = None
    deadline = start + timeout
    try:
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if marker in seen:
                elapsed = time.perf_counter() - start
                break
        if elapsed is not None and settle > 0:
            # Let the work after the first frame finish (it keeps the terminal fed).
            end = time.perf_counter() + settle
            while time.perf_counter() < end:
                if select.select([master], [], [], 0.05)[0]:
                    os.read(master, 65536)
        rss = peak_rss_kib(proc.pid)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        os.close(master)
    if elapsed is None:
        sys.exit(f"{argv[0]}: no {marker!r} within {timeout} s; got {seen[-300:]!r}")
    return elapsed, rss


def main() -> None:
    args = sys.argv[1:]
    runs, settle = 30, 0.0
    while len(args) >= 2 and args[0] in ("-n", "--settle"):
        if args[0] == "-n":
            runs = int(args[1])
        else:
            settle = float(args[1])
        args = args[2:]
    if not args:
        sys.exit(__doc__)
    programs = []
    for spec in args:
        name, command = spec.split("=", 1)
        programs.append((name, FRAME_END, shlex.split(command)))
    times = {name: [] for name, _, _ in programs}
    rss = {name: [] for name, _, _ in programs}
    for name, marker, argv in programs:  # one warm-up each
        once(marker, argv, settle)
    for _ in range(runs):
        for name, marker, argv in programs:
            t, r = once(marker, argv, settle)
            times[name].append(t)
            rss[name].append(r)
    base = statistics.median(times[programs[0][0]])
    for name, _, _ in programs:
        t = times[name]
        med = statistics.median(t)
        print(
            f"{name:>12}: median {med * 1000:7.2f} ms  min {min(t) * 1000:7.2f}"
            f"  max {max(t) * 1000:7.2f}  ({med / base:.2f}x {programs[0][0]})"
            f"  peak RSS {max(rss[name]) / 1024:.1f} MiB"
        )


if __name__ == "__main__":
    main()
