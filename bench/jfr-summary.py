#!/usr/bin/env python3
"""Summarises a JFR recording of a loaded server: where CPU samples fall, who blocks on monitors, GC pauses.

    JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/load.jfr,settings=profile" ENDPOINTS=api bench/load.sh
    bench/jfr-summary.py /tmp/load.jfr

Needs the JDK's `jfr` tool on PATH. Execution samples are statistical and JFR can misattribute
time inside tight JDK loops; cross-check a surprising hot spot with a microbenchmark.
"""
import collections
import json
import subprocess
import sys


def events(path, name, depth):
    out = subprocess.check_output(["jfr", "print", "--json", "--stack-depth", str(depth), "--events", name, path])
    return json.loads(out)["recording"]["events"]


def millis(duration):
    # JFR prints ISO-8601 durations such as "PT0.0374S" (or "PT1M2.5S")
    text = duration.removeprefix("PT")
    minutes = 0.0
    if "M" in text:
        head, text = text.split("M", 1)
        minutes = float(head)
    return (minutes * 60 + float(text.removesuffix("S") or 0)) * 1000


def frame_name(frame):
    method = frame["method"]
    return method["type"]["name"].replace("/", ".") + "." + method["name"]


def main(path):
    samples = events(path, "jdk.ExecutionSample", 200)
    top = collections.Counter()
    inclusive = collections.Counter()
    for sample in samples:
        names = [frame_name(f) for f in sample["values"]["stackTrace"]["frames"]]
        if names:
            top[names[0]] += 1
            inclusive.update(set(names))
    total = max(1, len(samples))
    print(f"{len(samples)} CPU samples")
    print("top methods by own time:")
    for name, count in top.most_common(12):
        print(f"  {100 * count / total:5.1f}%  {name}")
    print("project and key library methods, including callees:")
    keys = ("netpolplayground", "JavalinServlet.service", "Context.result", "SimpleLogger.write")
    for name, count in inclusive.most_common():
        if any(k in name for k in keys) and 100 * count / total >= 1.0 and "$$Lambda" not in name:
            print(f"  {100 * count / total:5.1f}%  {name}")

    blocked = collections.defaultdict(lambda: [0, 0.0])
    for event in events(path, "jdk.JavaMonitorEnter", 3):
        values = event["values"]
        frames = values["stackTrace"]["frames"]
        key = (values["monitorClass"]["name"].replace("/", "."),
               frame_name(frames[0]) if frames else "?")
        blocked[key][0] += 1
        blocked[key][1] += millis(values["duration"])
    print("threads blocked entering a monitor (events over the recording's threshold):")
    for (monitor, where), (count, ms) in sorted(blocked.items(), key=lambda item: -item[1][1])[:6]:
        print(f"  {count:6d} waits, {ms / 1000:8.1f} s in total  on {monitor} in {where}")

    pauses = sorted(millis(e["values"]["duration"]) for e in events(path, "jdk.GCPhasePause", 1)
                    if e["values"].get("name") == "GC Pause")
    if pauses:
        print(f"GC pauses: {len(pauses)}, {sum(pauses):.0f} ms in total, median {pauses[len(pauses) // 2]:.1f} ms,"
              f" max {pauses[-1]:.1f} ms")


if __name__ == "__main__":
    main(sys.argv[1])
