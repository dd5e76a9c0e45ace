"""What the benchmark scripts share: a work folder on tmpfs, running a build with its wall-clock time and peak memory,
reading Signpost's step lines, clearing an output folder with its siblings, and medians.

Only the standard library, so the scripts run with the system's python3.
"""
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
TMPFS = pathlib.Path("/dev/shm")

# `[4/6] Checking 2002 pages: 0 errors, 0 warnings, 0 suggestions (312 ms)`: the step's name is the words before the
# first number, its time the last parenthesis on the line.
STEP = re.compile(r"^\[(\d+)/(\d+)\]\s+(.*?)\s*\((\d+(?:\.\d+)?)\s*(ms|s)\)\s*$")
STEP_NAME = re.compile(r"^([^\d:(]*[^\d\s:(])")


def work_folder(prefix, needed_bytes, base=None):
    """A fresh folder on tmpfs (/dev/shm unless `base` is given), after checking there is room for `needed_bytes`."""
    base = pathlib.Path(base) if base else TMPFS
    if not base.is_dir():
        raise SystemExit(f"{base} does not exist: the benchmarks keep content and outputs on a tmpfs. "
                         "Give another folder with --workdir.")
    free = shutil.disk_usage(base).free
    if free < needed_bytes:
        raise SystemExit(f"{base} has {free / 2**30:.1f} GiB free; this run needs about {needed_bytes / 2**30:.1f} GiB. "
                         "Use fewer pages, or free some space.")
    return pathlib.Path(tempfile.mkdtemp(prefix=prefix, dir=base))


def run(command, log=None, echo=None):
    """Runs `command` to the end. Returns (seconds, peak resident memory in MB, output) from the child's own rusage
    (os.wait4), so earlier children do not count. Fails loudly when the command fails. With `echo` (a prefix), each
    line the command prints is printed as it comes, to show progress on long builds."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        if echo is None:
            process = subprocess.Popen([str(c) for c in command], stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        else:
            process = subprocess.Popen([str(c) for c in command], stdout=subprocess.PIPE, stderr=err,
                                       stdin=subprocess.DEVNULL)
            for line in process.stdout:  # ends when the command closes its output, that is when it exits
                out.write(line)
                print(f"{echo}{line.decode('utf-8', 'replace').rstrip()}", flush=True)
            process.stdout.close()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait again
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, command))} exited {process.returncode}:\n{stdout[-3000:]}\n{stderr[-3000:]}")
    if log:
        log.write(stdout + stderr)
    return seconds, usage.ru_maxrss / 1024, stdout + stderr  # ru_maxrss is in KB on Linux


def steps(output):
    """{step name: ms} from Signpost's `[i/n] Name … (N ms)` lines."""
    found = {}
    for line in output.splitlines():
        match = STEP.match(line.strip())
        if match:
            name = STEP_NAME.match(match.group(3))
            value = float(match.group(4)) * (1000 if match.group(5) == "s" else 1)
            found[name.group(1).strip() if name else f"step {match.group(1)}"] = value
    return found


def median_steps(runs):
    """The median ms of each step over several runs' `steps()`, in the order the steps ran."""
    names = []
    for found in runs:
        names += [n for n in found if n not in names]
    return {n: statistics.median(r[n] for r in runs if n in r) for n in names}


def clear_output(output):
    """Removes an output folder and every sibling Signpost keeps beside it: `.<name>.previous`, `.<name>.staging-*`,
    `.<name>.old-*`, so the next build starts from nothing."""
    output = pathlib.Path(output)
    shutil.rmtree(output, ignore_errors=True)
    if output.parent.is_dir():
        for sibling in output.parent.glob(f".{output.name}.*"):
            shutil.rmtree(sibling, ignore_errors=True) if sibling.is_dir() else sibling.unlink()


def signpost_cold_flags(signpost):
    """`--no-cache` when this signpost has one (it keeps no cache yet), else nothing."""
    result = subprocess.run([str(signpost), "build", "--help"], capture_output=True, text=True)
    return ["--no-cache"] if "--no-cache" in result.stdout + result.stderr else []


def summary(values):
    return statistics.median(values), min(values), max(values)


def folder_bytes(path):
    return sum(p.stat().st_size for p in pathlib.Path(path).rglob("*") if p.is_file())


def thousands(n):
    return f"{n:,}"
