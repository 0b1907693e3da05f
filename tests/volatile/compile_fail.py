#!/usr/bin/env python3
"""Compile-fail test of volatile/'s access restrictions.

Each snippet in compile_fail/ states `Expect: <text>` in its first comment. A snippet
whose expectation is `(compiles)` is a control that must compile cleanly; every other
snippet must be rejected by the compiler with an error, and the expectation (the
offending type, e.g. `struct vol_ro32 *`) must appear in an error or note line of the
diagnostics (not merely in echoed source), so the
snippet fails for the stated reason and not for a typo. Works with clang and gcc. Compiled with
-fsyntax-only and without -Werror: a rejection is a hard error, not a warning.

usage: compile_fail.py SNIPPET_DIR INCLUDE_ROOT COMPILER [ARGS...]
"""
import pathlib
import re
import subprocess
import sys


def main() -> int:
    snippet_dir, include_root, compiler = sys.argv[1], sys.argv[2], sys.argv[3:]
    snippets = sorted(pathlib.Path(snippet_dir).glob('*.c'))
    if not snippets:
        print('no snippets found in', snippet_dir)
        return 1
    failures = 0
    for snippet in snippets:
        match = re.search(r'Expect:\s*(.+?)\s*(\*/)?$', snippet.read_text(), re.MULTILINE)
        if not match:
            print(f'FAIL {snippet.name}: no Expect: line')
            failures += 1
            continue
        expect = match.group(1)
        cmd = compiler + ['-std=c11', '-fsyntax-only', '-I', include_root, str(snippet)]
        result = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if expect == '(compiles)':
            ok = result.returncode == 0 and 'warning' not in result.stderr
            why = 'compiles cleanly' if ok else 'control did not compile cleanly'
        else:
            # Only the compiler's own error and note lines count, not echoed source.
            messages = [line for line in result.stderr.splitlines()
                        if 'error:' in line or 'note:' in line]
            ok = (result.returncode != 0 and any('error:' in line for line in messages)
                  and any(expect in line for line in messages))
            why = (f'rejected: {expect}' if ok else
                   'accepted' if result.returncode == 0 else
                   f'rejected, but not with "{expect}"')
        print(f'{"ok  " if ok else "FAIL"} {snippet.name}: {why}')
        if not ok:
            print(result.stderr)
            failures += 1
    print(f'{len(snippets) - failures}/{len(snippets)} snippets behaved')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
