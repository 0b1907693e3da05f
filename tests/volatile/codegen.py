#!/usr/bin/env python3
"""Codegen test of volatile/: what the compiler really emits for each cross target.

For every cross file given, compiles tests/volatile/codegen_unit.c and volatile/slice.c
at -O2 with the cross file's compiler and c_args (minus -fno-builtin, so the compiler
would be free to turn a plain copy loop into memcpy), disassembles them with
llvm-objdump and checks:
  - codegen_readW_x3: exactly 3 loads, all of width W (64 on 32-bit targets: 6 of 32);
  - codegen_writeW_x3: exactly 3 stores of width W (6 of 32 likewise), no loads;
  - codegen_update32: one 32-bit load and one 32-bit store;
  - codegen_fence_*: the architecture's fence instruction (see volatile/barrier.h);
  - every slice copy_into loads, every copy_from/fill stores, only with the element
    width, and no object calls memcpy, memmove or memset.
Stack accesses (sp/esp/ebp/rsp based) are not counted: they are spills and arguments.

usage: codegen.py SOURCE_ROOT CROSS_FILE...
"""
import ast
import configparser
import os
import re
import shutil
import subprocess
import sys
import tempfile

WIDTH_WORDS = {'byte': 8, 'word': 16, 'dword': 32, 'qword': 64, 'xmmword': 128, 'ymmword': 256}
FENCES = {
    'x86_64': {'full': ['mfence'], 'read': ['lfence'], 'write': ['sfence']},
    'x86': {kind: ['lock', 'or dword ptr [esp], 0'] for kind in ('full', 'read', 'write')},
    'aarch64': {'full': ['dsb sy'], 'read': ['dsb ld'], 'write': ['dsb st']},
    # llvm-objdump prints `fence iorw, iorw` as its alias `fence`.
    'riscv64': {'full': ['fence'], 'read': ['fence ir, ir'], 'write': ['fence ow, ow']},
}


def read_cross_file(path):
    parser = configparser.ConfigParser()
    parser.read(path)
    def value(section, key):
        return ast.literal_eval(parser.get(section, key))
    compiler = value('binaries', 'c')
    compiler = [compiler] if isinstance(compiler, str) else list(compiler)
    c_args = value('built-in options', 'c_args') if parser.has_option('built-in options', 'c_args') else []
    family = value('host_machine', 'cpu_family')
    return compiler, [a for a in c_args if a != '-fno-builtin'], family


def functions(disassembly):
    """Maps function name -> list of instruction texts (mnemonic and operands)."""
    result, current = {}, None
    for line in disassembly.splitlines():
        header = re.match(r'^[0-9a-f]+ <([^>]+)>:$', line)
        if header:
            current = result.setdefault(header.group(1), [])
            continue
        inst = re.match(r'^\s*[0-9a-f]+:\s+(?:[0-9a-f]{2} )+\s*(.*)$', line)
        if current is not None and inst and inst.group(1).strip():
            current.append(re.sub(r'\s+', ' ', inst.group(1).strip()))
    return result


def accesses(family, inst):
    """(kind, width) pairs of non-stack memory accesses of one instruction."""
    if family in ('x86', 'x86_64'):
        match = re.match(r'^(\S+)\s*(.*)$', inst)
        mnemonic, operands = match.group(1), match.group(2)
        if mnemonic.startswith(('push', 'pop', 'call', 'ret', 'lea', 'nop', 'j')):
            return []
        parts = [p.strip() for p in re.split(r',(?![^\[]*\])', operands) if p.strip()]
        out = []
        for index, part in enumerate(parts):
            mem = re.search(r'(\w+) ptr (?:\w+:)?\[([^\]]*)\]', part)
            if not mem or re.search(r'\b(esp|rsp|ebp|rbp)\b', mem.group(2)):
                continue
            width = WIDTH_WORDS.get(mem.group(1), -1)
            if index == 0 and mnemonic.startswith('mov'):
                out.append(('store', width))
            elif index == 0 and not mnemonic.startswith(('cmp', 'test')):
                out += [('load', width), ('store', width)]
            else:
                out.append(('load', width))
        return out
    if family == 'aarch64':
        match = re.match(r'^(ldu?r(b|h|sb|sh|sw)?|stu?r(b|h)?|ldp|stp|ldnp|stnp)\s+(\w+)', inst)
        if not match or re.search(r'\[sp\b', inst):
            return []
        mnemonic, reg = match.group(1), match.group(4)
        kind = 'load' if mnemonic.startswith('ld') else 'store'
        if mnemonic.endswith('p'):
            return [(kind, 2 * (64 if reg.startswith('x') else 32))]
        suffix = re.sub(r'^(ldu?r|stu?r)', '', mnemonic)
        width = {'b': 8, 'h': 16, 'sb': 8, 'sh': 16, 'sw': 32}.get(suffix)
        if width is None:
            width = 64 if reg.startswith('x') else 32 if reg.startswith('w') else -1
        return [(kind, width)]
    if family == 'riscv64':
        match = re.match(r'^(lbu?|lhu?|lwu?|ld|sb|sh|sw|sd|c\.\w+)\s+(.*)$', inst)
        if not match or re.search(r'\(sp\)', match.group(2)):
            return []
        mnemonic = match.group(1).replace('c.', '')
        widths = {'b': 8, 'h': 16, 'w': 32, 'd': 64}
        if mnemonic[0] == 'l' and mnemonic[1] in widths:
            return [('load', widths[mnemonic[1]])]
        if mnemonic[0] == 's' and mnemonic[1] in widths:
            return [('store', widths[mnemonic[1]])]
        return []
    raise ValueError(family)


def summary(family, insts):
    counts = {}
    for inst in insts:
        for kind, width in accesses(family, inst):
            counts[(kind, width)] = counts.get((kind, width), 0) + 1
    return counts


def compile_and_disassemble(compiler, args, source, obj, family, root):
    subprocess.run(compiler + args + ['-std=c11', '-O2', '-I', root, '-c', source, '-o', obj],
                   check=True)
    syntax = ['--x86-asm-syntax=intel'] if family in ('x86', 'x86_64') else []
    text = subprocess.run(['llvm-objdump', '-d', '--no-show-raw-insn'] + syntax + [obj],
                          capture_output=True, text=True, check=True).stdout
    # --no-show-raw-insn drops the byte column; put a fake one back for the parser.
    text = re.sub(r'^(\s*[0-9a-f]+:)\s', r'\1 00 ', text, flags=re.MULTILINE)
    undefined = subprocess.run(['llvm-nm', '-u', obj], capture_output=True, text=True,
                               check=True).stdout.split()
    return functions(text), undefined


def check_target(root, cross_file, tmp):
    compiler, args, family = read_cross_file(cross_file)
    name = os.path.basename(cross_file)
    errors = []
    bits = 32 if family == 'x86' else 64
    unit, undef_unit = compile_and_disassemble(
        compiler, args, os.path.join(root, 'tests/volatile/codegen_unit.c'),
        os.path.join(tmp, name + '.unit.o'), family, root)
    slices, undef_slice = compile_and_disassemble(
        compiler, args, os.path.join(root, 'volatile/slice.c'),
        os.path.join(tmp, name + '.slice.o'), family, root)
    for sym in undef_unit + undef_slice:
        if sym in ('memcpy', 'memmove', 'memset'):
            errors.append(f'calls {sym}')

    def expect(func, table, want):
        got = summary(family, table.get(func, []))
        if func not in table:
            errors.append(f'{func}: missing')
        elif got != want:
            errors.append(f'{func}: expected {want}, got {got}: {table[func]}')

    for width in (8, 16, 32, 64):
        n, w = (6, 32) if width == 64 and bits == 32 else (3, width)
        expect(f'codegen_read{width}_x3', unit, {('load', w): n})
        expect(f'codegen_write{width}_x3', unit, {('store', w): n})
    expect('codegen_update32', unit, {('load', 32): 1, ('store', 32): 1})
    for kind, needles in FENCES[family].items():
        insts = unit.get(f'codegen_fence_{kind}', [])
        if not all(needle in insts for needle in needles):
            errors.append(f'codegen_fence_{kind}: expected {needles}, got {insts}')

    for width in (8, 16, 32, 64):
        w = 32 if width == 64 and bits == 32 else width
        for func, kind in ((f'vol_slice{width}_copy_into', 'load'),
                           (f'vol_ro_slice{width}_copy_into', 'load'),
                           (f'vol_slice{width}_copy_from', 'store'),
                           (f'vol_wo_slice{width}_copy_from', 'store'),
                           (f'vol_slice{width}_fill', 'store'),
                           (f'vol_wo_slice{width}_fill', 'store')):
            got = summary(family, slices.get(func, []))
            widths = {wd for (k, wd) in got if k == kind}
            if widths != {w}:
                errors.append(f'{func}: {kind} widths {sorted(widths)}, expected [{w}]: '
                              f'{slices.get(func)}')
    for error in errors:
        print(f'FAIL {name}: {error}')
    if not errors:
        print(f'ok   {name}: loads/stores/fences as expected, no memcpy/memset')
    return not errors


def main():
    root, cross_files = sys.argv[1], sys.argv[2:]
    if shutil.which('llvm-objdump') is None or shutil.which('llvm-nm') is None:
        print('llvm-objdump/llvm-nm not installed')
        return 77
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for cross_file in cross_files:
            try:
                results.append(check_target(root, cross_file, tmp))
            except subprocess.CalledProcessError as error:
                print(f'FAIL {os.path.basename(cross_file)}: {error}')
                results.append(False)
    return 0 if all(results) else 1


if __name__ == '__main__':
    sys.exit(main())
