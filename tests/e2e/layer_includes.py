#!/usr/bin/env python3
"""Checks every #include "..." in src/ against the layer table in
src/CMakeLists.txt (kamishibai_layer(NAME FOLDER dir SOURCES ... PUBLIC_DEPS
... DEPS ... LAZY_DEPS ...)). A file of layer L may include its own layer, the layers L
declares (PUBLIC or PRIVATE), and what those export PUBLIC, transitively:
exactly what CMake puts on L's include path. Also: every .cpp under src/ is
listed in its layer's SOURCES, or in the SOURCES of a kamishibai_module
(a plugin .so whose code is in layers; its files follow their folder's layer)
(no file is built by accident or left out).
Usage: layer_includes.py SRC_DIR  (prints one line per stray include; exit 1)"""
import os
import re
import sys


def layers(cmake_text):
    table = {}
    for m in re.finditer(r'kamishibai_layer\((.*?)\)\s*$', cmake_text, re.S | re.M):
        words = re.sub(r'#[^\n]*', '', m.group(1)).split()
        name, key, fields = words[0], None, {'FOLDER': [], 'SOURCES': [], 'PUBLIC_DEPS': [], 'DEPS': [],
                                             'LAZY_DEPS': []}
        for w in words[1:]:
            if w in fields:
                key = w
            elif key:
                fields[key].append(w)
        table['ks_' + name] = {
            'folder': fields['FOLDER'][0],
            'sources': [s for s in fields['SOURCES'] if not s.startswith('$')],
            'public': [d for d in fields['PUBLIC_DEPS'] if d.startswith('ks_')],
            'private': [d for d in fields['DEPS'] if d.startswith('ks_')],
        }
    return table


def module_sources(cmake_text):
    """The SOURCES of every kamishibai_module(NAME SOURCES ... DEPS ...)."""
    sources = []
    for m in re.finditer(r'kamishibai_module\((.*?)\)\s*$', cmake_text, re.S | re.M):
        words = re.sub(r'#[^\n]*', '', m.group(1)).split()
        key = None
        for w in words[1:]:
            if w in ('SOURCES', 'DEPS'):
                key = w
            elif key == 'SOURCES':
                sources.append(w)
    return sources


def visible(table, name):
    """The layers on `name`'s include path: itself, its deps, their PUBLIC deps."""
    seen = {name}
    todo = list(table[name]['public'] + table[name]['private'])
    while todo:
        d = todo.pop()
        if d in seen or d not in table:
            continue
        seen.add(d)
        todo.extend(table[d]['public'])
    return seen


def main():
    src = sys.argv[1]
    cmake_text = open(os.path.join(src, 'CMakeLists.txt'), encoding='utf-8').read()
    table = layers(cmake_text)
    by_folder = sorted(((v['folder'], k) for k, v in table.items()), key=lambda x: -len(x[0]))

    def owner(rel):
        for folder, name in by_folder:
            if rel.startswith(folder + '/'):
                return name
        return None

    problems = []
    listed = {s for v in table.values() for s in v['sources']} | set(module_sources(cmake_text))
    for dirpath, _, files in os.walk(src):
        for f in sorted(files):
            if not f.endswith(('.cpp', '.h')):
                continue
            rel = os.path.relpath(os.path.join(dirpath, f), src)
            if rel == 'main.cpp':
                continue
            layer = owner(rel)
            if layer is None:
                problems.append(f'{rel}: in no layer of src/CMakeLists.txt')
                continue
            if f.endswith('.cpp') and rel not in listed:
                problems.append(f'{rel}: not in the SOURCES of {layer} in src/CMakeLists.txt')
            allowed = visible(table, layer)
            text = open(os.path.join(dirpath, f), encoding='utf-8', errors='replace').read()
            for n, line in enumerate(text.splitlines(), 1):
                m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
                if not m:
                    continue
                target = owner(m.group(1))
                if target is not None and target not in allowed:
                    problems.append(f'{rel}:{n}: includes "{m.group(1)}" of {target}, '
                                    f'which {layer} does not link (src/CMakeLists.txt)')
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
