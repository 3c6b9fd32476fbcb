# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Where one module run spends its time: cProfile of a kept AnsiballZ file, grouped by phase.

make bench keeps one AnsiballZ file per measured kind under .build/bench/keep (the
emulator they point at is gone by then: start one on the same port, or re-run
with the bench). Usage:

    .venv/bin/python tests/bench/profile_module.py .build/bench/keep/*/AnsiballZ_customerprofiles_domain.py
    .venv/bin/python -X importtime .build/bench/keep/<dir>/AnsiballZ_customerprofiles_domain.py 2> imports.txt

The file is exploded (AnsiballZ's own debug command) and executed under cProfile,
without cached bytecode for the exploded sources (PYTHONDONTWRITEBYTECODE), as
AnsiballZ runs them from its zip.
"""

import cProfile
import os
import pstats
import shutil
import subprocess
import sys

PHASES = [
    ("import boto3/botocore", r"(boto3|botocore)/__init__\.py:\d+\(<module>\)"),
    ("create the client (service model, endpoints)", r"botocore/session\.py:\d+\(create_client\)"),
    ("the API call(s)", r"botocore/client\.py:\d+\(_make_api_call\)"),
    ("compile module sources (no bytecode cache in the zip)", r"builtins\.compile"),
]


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        return child(sys.argv[2])
    for path in sys.argv[1:]:
        basedir = os.path.join(os.path.dirname(path), "debug_dir")
        if not os.path.isdir(basedir):
            subprocess.check_call([sys.executable, path, "explode"], stdout=subprocess.DEVNULL)
        for root, dirs, _files in os.walk(basedir):
            if "__pycache__" in dirs:
                shutil.rmtree(os.path.join(root, "__pycache__"))
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        subprocess.check_call([sys.executable, __file__, "--child", path], env=env)
    return 0


def child(path):
    import contextlib
    import io
    import runpy

    out = path + ".prof"
    sys.argv = [path, "execute"]
    profiler = cProfile.Profile()
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            profiler.runcall(runpy.run_path, path, run_name="__main__")
        except SystemExit:
            pass
    profiler.dump_stats(out)
    stats = pstats.Stats(out)
    total = max(entry[3] for entry in stats.stats.values())
    print("== {0}: {1:.3f} s under the profiler".format(os.path.basename(path), total))
    import re

    for label, pattern in PHASES:
        regex = re.compile(pattern)
        matched = [entry[3] for key, entry in stats.stats.items() if regex.search("{0}:{1}({2})".format(*key))]
        # nested entries (boto3 imports botocore) are not added twice: the outermost counts
        seconds = max(matched or [0]) if label.startswith("import") else sum(matched)
        calls = sum(entry[1] for key, entry in stats.stats.items() if regex.search("{0}:{1}({2})".format(*key)))
        print("   {0:<55} {1:7.3f} s  ({2} calls)".format(label, seconds, calls))
    return 0


if __name__ == "__main__":
    sys.exit(main())
