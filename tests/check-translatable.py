#!/usr/bin/env python3
# Checks that no translatable string in src/ is glued to a format macro such
# as G_GINT64_FORMAT: xgettext cannot see past the macro, so the catalogue
# gets a string that ends in a bare "%" and no translation ever matches the
# one the program looks up. Use %lld or %llu with a cast instead. And checks
# that every source file with a translatable string is in po/POTFILES.in,
# or its strings never reach the catalogue. Prints TAP.
import os
import re
import sys

source = sys.argv[1]
root = os.path.dirname(os.path.normpath(source))
with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
    listed = {line.strip() for line in f if line.strip() and not line.startswith('#')}
marked = re.compile(r'\b(?:N?_|C_|NC_|g_dngettext|ngettext)\s*\(\s*"|translatable="yes"')
unlisted = []
# _("..." or N_("...", possibly over several lines of literals, then a macro
glued = re.compile(r'\bN?_\(\s*(?:"(?:[^"\\]|\\.)*"\s*)+(G_G\w+_FORMAT|G_GSIZE_FORMAT|PRI\w+)')

problems = []
files = 0
for folder, _dirs, names in os.walk(source):
    for name in sorted(names):
        path = os.path.join(folder, name)
        if name.endswith(('.c', '.ui')):
            with open(path, encoding='utf-8') as f:
                text = f.read()
            relative = os.path.relpath(path, root)
            if marked.search(text) and relative not in listed:
                unlisted.append(relative)
        if not name.endswith('.c'):
            continue
        files += 1
        for match in glued.finditer(text):
            line = text.count('\n', 0, match.start()) + 1
            problems.append(f'{os.path.relpath(path, source)}:{line}: a translatable string'
                            f' ends in {match.group(1)}, which xgettext cannot read')

print('1..2')
if problems:
    print('not ok 1 - translatable strings without format macros')
    for problem in problems:
        print(f'# {problem}')
else:
    print(f'ok 1 - translatable strings without format macros ({files} files)')

if unlisted:
    print('not ok 2 - every file with translatable strings is in po/POTFILES.in')
    for name in unlisted:
        print(f'# {name} has translatable strings but is not in po/POTFILES.in')
else:
    print('ok 2 - every file with translatable strings is in po/POTFILES.in')
