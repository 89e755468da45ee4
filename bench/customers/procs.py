#!/usr/bin/env python3
"""Samples every process running EXECUTABLE until SIGTERM or SIGINT, then prints one JSON line:

  {"samples": n, "processes": distinct pids seen, "max_at_once": most seen in one sample,
   "peak_rss_mb": highest sum of VmRSS over one sample, "peak_hwm_mb": highest sum of VmHWM over one sample,
   "cpu_s": CPU time (user + system) of all of them, as last sampled}

  procs.py EXECUTABLE [INTERVAL_SECONDS]

VmHWM is each process's own peak RSS so far, so the sum of VmHWM over one sample bounds the memory the
processes alive at that moment have held together; VmRSS is what they hold at the moment. A process that lives
shorter than the interval can be missed.
"""
import json
import os
import signal
import sys
import time


def status_kb(pid, field):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_ticks(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime
    except (OSError, IndexError, ValueError):
        return None


def main():
    exe = os.path.realpath(sys.argv[1])
    interval = float(sys.argv[2]) if len(sys.argv) > 2 else 0.1
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    seen, others, cpu = set(), set(), {}
    samples = max_at_once = 0
    peak_rss = peak_hwm = 0
    while not stop:
        pids = []
        for name in os.listdir("/proc"):
            if not name.isdigit() or name in others:
                continue
            try:
                target = os.readlink(f"/proc/{name}/exe")
            except OSError:
                continue  # gone, or a kernel thread
            if target == exe:
                pids.append(name)
            else:
                others.add(name)
        rss = sum(status_kb(p, "VmRSS") for p in pids)
        hwm = sum(status_kb(p, "VmHWM") for p in pids)
        seen.update(pids)
        for p in pids:
            t = cpu_ticks(p)
            if t is not None:
                cpu[p] = t
        samples += 1
        max_at_once = max(max_at_once, len(pids))
        peak_rss, peak_hwm = max(peak_rss, rss), max(peak_hwm, hwm)
        time.sleep(interval)
    print(json.dumps({"samples": samples, "processes": len(seen), "max_at_once": max_at_once,
                      "peak_rss_mb": round(peak_rss / 1024, 1), "peak_hwm_mb": round(peak_hwm / 1024, 1),
                      "cpu_s": round(sum(cpu.values()) / os.sysconf("SC_CLK_TCK"), 1)}))


if __name__ == "__main__":
    main()
