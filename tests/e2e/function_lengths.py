#!/usr/bin/env python3
"""Lists C++ function bodies longer than a limit.

A simple brace-counting parser: comments, string and character literals
(raw strings too) are blanked first; then every `{` whose preceding code
ends a parameter list (`)` possibly followed by const, noexcept, override,
a trailing return type or a member-initialiser list) opens a function body
when it is not inside another function body. Lambdas inside a function count
towards that function. Usage: function_lengths.py LIMIT FILE...
Prints `file:line: NAME is N lines (limit LIMIT)` for each offender."""
import re
import sys

def is_digit_separator(text, i):
    k = i
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "'."):
        k -= 1
    return k < i and text[k].isdigit()

def blank(text):
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i)); i = j
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:j])); i = j
        elif text.startswith('R"', i) and (i == 0 or not (text[i-1].isalnum() or text[i-1] == '_')):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if not m:
                out.append(c); i += 1; continue
            end = ')' + m.group(1) + '"'
            j = text.find(end, i + m.end())
            j = n if j < 0 else j + len(end)
            out.append(re.sub(r'[^\n]', ' ', text[i:j])); i = j
        elif c in '"\'':
            if c == "'" and is_digit_separator(text, i):  # 1'000
                out.append(' '); i += 1; continue
            j = i + 1
            while j < n and text[j] != c and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            j = min(j + 1, n)
            out.append(re.sub(r'[^\n]', ' ', text[i:j])); i = j
        else:
            out.append(c); i += 1
    return ''.join(out)

# What may stand between a parameter list's `)` and the body's `{`.
TAIL = re.compile(r'\)\s*(?:const|noexcept|override|final|mutable|volatile|&|&&|\s|->\s*[\w:<>,\s*&]+'
                  r'|:\s*[\w:]+\s*[({][^;{}]*[)}](?:\s*,\s*[\w:]+\s*[({][^;{}]*[)}])*)*$')
NAME = re.compile(r'([~\w:]+(?:\s*<[^<>]*>)?|operator\s*[^\s(]+)\s*\($')

def function_name(code, brace):
    head = code[max(0, brace - 600):brace]
    m = TAIL.search(head)
    if not m:
        return None
    before = head[:m.start() + 1]  # up to and including ')'
    depth, k = 0, len(before) - 1
    while k >= 0:
        if before[k] == ')': depth += 1
        elif before[k] == '(':
            depth -= 1
            if depth == 0: break
        k -= 1
    if k < 0:
        return None
    nm = NAME.search(before[:k + 1])
    if not nm:
        return None
    name = nm.group(1)
    if name.split('::')[-1] in ('if', 'for', 'while', 'switch', 'catch', 'return', 'sizeof', 'decltype'):
        return None
    return name

def offenders(path, limit):
    code = blank(open(path, encoding='utf-8', errors='replace').read())
    found = []
    depth, body_depth, body_start, body_name = 0, None, 0, None
    for i, c in enumerate(code):
        if c == '{':
            if body_depth is None:
                name = function_name(code, i)
                if name:
                    body_depth, body_start, body_name = depth, i, name
            depth += 1
        elif c == '}':
            depth -= 1
            if body_depth is not None and depth == body_depth:
                first = code.count('\n', 0, body_start) + 1
                last = code.count('\n', 0, i) + 1
                lines = last - first + 1
                if lines > limit:
                    found.append((first, body_name, lines))
                body_depth = None
    return found

def main():
    limit = int(sys.argv[1])
    bad = 0
    for path in sys.argv[2:]:
        for line, name, lines in offenders(path, limit):
            print(f'{path}:{line}: {name} is {lines} lines (limit {limit})')
            bad += 1
    return 1 if bad else 0

if __name__ == '__main__':
    sys.exit(main())
