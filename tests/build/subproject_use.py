#!/usr/bin/env python3
"""The tree used as a Meson subproject, as a kernel project would: every library is
found with dependency('osdev-<lib>'), its <lib>_sources/<lib>_includes variables are
exported, and no hosted code (tests, inspect, bench, fuzz) is configured.

usage: subproject_use.py SOURCE_ROOT LIB..."""
import os
import subprocess
import sys
import tempfile


def main():
    root, libs = sys.argv[1], sys.argv[2:]
    with tempfile.TemporaryDirectory(prefix="subproject-") as d:
        os.makedirs(os.path.join(d, "subprojects"))
        os.symlink(root, os.path.join(d, "subprojects", "osdev-c"))
        lines = ["project('user-kernel', 'c', default_options: ['c_std=c11'])",
                 "osdev = subproject('osdev-c')", "deps = []", "srcs = []"]
        for lib in libs:
            lines.append(f"deps += dependency('osdev-{lib}')")
            lines.append(f"srcs += osdev.get_variable('{lib}_sources')")
            lines.append(f"inc_{lib} = osdev.get_variable('{lib}_includes')")
        lines.append("static_library('uses_all', 'user.c', dependencies: deps)")
        lines.append("assert(srcs.length() > 0, 'no sources exported')")
        with open(os.path.join(d, "meson.build"), "w") as f:
            f.write("\n".join(lines) + "\n")
        with open(os.path.join(d, "user.c"), "w") as f:
            f.write("int user_entry(void);\nint user_entry(void) { return 0; }\n")
        r = subprocess.run(["meson", "setup", os.path.join(d, "b")], cwd=d,
                           capture_output=True, text=True)
        log = r.stdout + r.stderr
        if r.returncode != 0:
            print(log[-4000:])
            print("FAIL: meson setup of a project using the tree as a subproject")
            return 1
        r = subprocess.run(["ninja", "-C", os.path.join(d, "b")], capture_output=True, text=True)
        if r.returncode != 0:
            print(r.stdout[-4000:])
            print("FAIL: building the libraries as a subproject")
            return 1
        targets = subprocess.run(["meson", "introspect", "--targets", os.path.join(d, "b")],
                                 capture_output=True, text=True).stdout
        hosted = [t for t in ("osdev-inspect", "test_support", "fuzz_", "afl_") if t in targets]
        if hosted:
            print("FAIL: hosted targets configured in a subproject:", hosted)
            return 1
        print(f"ok: {len(libs)} libraries found as osdev-<lib> dependencies and built")
    return 0


if __name__ == "__main__":
    sys.exit(main())
